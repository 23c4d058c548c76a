#include "handling/review.h"

#include <utility>
#include <vector>

#include "core/plate.h"

namespace hh {
namespace {

// Checks that the case waits for review and that `actor` may take `action`, and returns its
// transition.
Result<const Transition*> Prepare(const Case& c, std::string_view action, const Actor& actor) {
  auto t = FindTransition(c.track, c.state, action);
  if (!t.ok()) {
    if (t.status().code() == StatusCode::kFailedPrecondition) {
      return FailedPrecondition("case " + std::to_string(c.id.value) + " is not waiting for " +
                                "review (state " + std::string(CaseStateName(c.state)) + ")");
    }
    return t.status();
  }
  if (Status role = CheckRole(**t, actor); !role.ok()) return role;
  return *t;
}

}  // namespace

Result<std::optional<CaseFile>> ReviewNext(CaseStore& store, CaseId after) {
  auto next = store.NextForReview(after);
  if (!next.ok()) return next.status();
  if (!next->has_value()) return std::optional<CaseFile>();
  auto file = store.GetCaseFile(**next);
  if (!file.ok()) return file.status();
  return std::optional<CaseFile>(std::move(*file));
}

Status ReviewAccept(CaseStore& store, const GasSettings& settings, CaseId id, const Actor& actor,
                    Instant now) {
  return store.Transact([&]() -> Status {
    auto c = store.GetCase(id);
    if (!c.ok()) return c.status();
    auto t = Prepare(*c, "review_accept", actor);
    if (!t.ok()) return t.status();
    return Move(store, settings, *c, **t, actor, {}, now);
  });
}

Result<CorrectionOutcome> ReviewCorrect(CaseStore& store, const GasSettings& settings, CaseId id,
                                        std::string_view plate, const Actor& actor, Instant now) {
  auto parsed = Plate::Parse(plate);
  if (!parsed.ok()) return InvalidArgument("the corrected plate has no letter or digit");
  CorrectionOutcome outcome = CorrectionOutcome::kCorrected;
  Status s = store.Transact([&]() -> Status {
    auto c = store.GetCase(id);
    if (!c.ok()) return c.status();
    auto t = Prepare(*c, "review_correct", actor);
    if (!t.ok()) return t.status();
    if (parsed->normalised() == c->plate) {
      return InvalidArgument("the corrected plate is the plate the case has");
    }
    // Screened again (SCREENING.md rule 3) under the corrected plate: a permit for the
    // case's zone (or every zone) valid at the instant of the facts exempts it. Zone permits
    // exempt from the low-traffic zone only, never from a parking ban (PARKEREN).
    bool permitted = false;
    std::vector<PermitRow> permits;
    if (c->track == Track::kAutoluw) {
      auto found = store.PermitsForPlate(parsed->normalised());
      if (!found.ok()) return found.status();
      permits = std::move(*found);
    }
    for (const PermitRow& p : permits) {
      if ((p.zone_id == c->zone_id || p.zone_id == "*") && p.valid_from <= c->facts_at &&
          c->facts_at < p.valid_to) {
        permitted = true;
      }
    }
    ActInput in;
    if (permitted) {
      // Privacy (rule 3): nothing of an exempt vehicle is kept: not its plate, not its reads.
      auto gone = store.DeleteCameraEvidence(id);
      if (!gone.ok()) return gone.status();
      c->plate.clear();
      c->country.clear();
      in.detail = "verbeterde nummerplaat heeft een geldige vergunning; lezingen gewist";
      auto tp = FindTransition(c->track, c->state, "review_correct_permitted");
      if (!tp.ok()) return tp.status();
      outcome = CorrectionOutcome::kPermitted;
      return Move(store, settings, *c, **tp, actor, in, now);
    }
    c->plate = parsed->normalised();
    in.detail = "nummerplaat verbeterd";
    Status moved = Move(store, settings, *c, **t, actor, in, now);
    if (moved.code() == StatusCode::kAlreadyExists) {
      return FailedPrecondition(
          "another camera case has the corrected plate for this zone and "
          "day: reject this case as its duplicate");
    }
    return moved;
  });
  if (!s.ok()) return s;
  return outcome;
}

Status ReviewReject(CaseStore& store, const GasSettings& settings, CaseId id,
                    std::string_view reason, const Actor& actor, Instant now) {
  if (reason.empty()) return InvalidArgument("a rejection needs --reason");
  return store.Transact([&]() -> Status {
    auto c = store.GetCase(id);
    if (!c.ok()) return c.status();
    auto t = Prepare(*c, "review_reject", actor);
    if (!t.ok()) return t.status();
    ActInput in;
    in.reason = std::string(reason);
    if (c->track == Track::kAutoluw) {
      // Privacy (GAS.md 6.7: candidates are kept only until review is done): a rejected camera
      // case is a misread or a vehicle that did not offend; its reads and plate go, the case
      // and its reason stay for the statistics.
      auto gone = store.DeleteCameraEvidence(id);
      if (!gone.ok()) return gone.status();
      c->plate.clear();
      c->country.clear();
      in.detail = "camera-lezingen en nummerplaat gewist";
    }
    return Move(store, settings, *c, **t, actor, in, now);
  });
}

}  // namespace hh
