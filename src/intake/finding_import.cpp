#include "intake/finding_import.h"

#include <fmt/core.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "cases/case_actions.h"
#include "core/local_time.h"
#include "gas/age.h"
#include "gas/case.h"
#include "gas/law.h"
#include "gas/recidivism.h"
#include "intake/overlast_json.h"

namespace hh {
namespace {

// A parking case that a later finding of the same plate may still join: nothing has been sent.
bool Joinable(CaseState s) {
  return s == CaseState::kAwaitingReview || s == CaseState::kHolderLookup;
}

// The PARKEREN cases of a plate, every page, in id order.
Result<std::vector<CaseSummary>> ParkingCasesOfPlate(CaseStore& store, const std::string& plate) {
  CaseFilter by_plate;
  by_plate.plate = plate;
  by_plate.track = Track::kParkeren;
  by_plate.limit = 100;
  std::vector<CaseSummary> out;
  for (;;) {
    auto page = store.ListCases(by_plate);
    if (!page.ok()) return page.status();
    out.insert(out.end(), page->cases.begin(), page->cases.end());
    if (page->next.empty()) return out;
    by_plate.after = page->next;
  }
}

// Whether an earlier import grouped `finding_id` into one of `cases`: such a finding is
// evidence of that case, not the source of a case, so FindBySource does not know it. Only a
// case flagged kFlagGrouped holds another finding than its own, whatever its state now and
// whatever the grouping setting is today.
Result<bool> GroupedEarlier(CaseStore& store, const std::vector<CaseSummary>& cases,
                            const std::string& finding_id) {
  for (const CaseSummary& cs : cases) {
    if ((cs.flags & kFlagGrouped) == 0) continue;
    auto file = store.GetCaseFile(cs.id);
    if (!file.ok()) return file.status();
    for (const Evidence& e : file->evidence) {
      if (e.kind == "finding" && e.ref == finding_id) return true;
    }
  }
  return false;
}

}  // namespace

Result<ParkingImportReport> ImportParking(CaseStore& store, const GasSettings& settings,
                                          const std::string& file, Instant now) {
  auto parsed = ReadParkingCsv(file);
  if (!parsed.ok()) return parsed.status();
  ParkingImportReport report;
  report.rows = parsed->rows;
  report.errors = std::move(parsed->errors);
  LocalTime brussels = LocalTime::Brussels();
  const Actor system = SystemActor();
  Status s = store.Transact([&]() -> Status {
    for (const ParkingFinding& f : parsed->findings) {
      auto existing = store.FindBySource(Track::kParkeren, f.finding_id);
      if (!existing.ok()) return existing.status();
      if (existing->has_value()) {
        ++report.already_imported;
        continue;
      }
      auto same_plate = ParkingCasesOfPlate(store, f.plate.normalised());
      if (!same_plate.ok()) return same_plate.status();
      auto grouped_earlier = GroupedEarlier(store, *same_plate, f.finding_id);
      if (!grouped_earlier.ok()) return grouped_earlier.status();
      if (*grouped_earlier) {
        ++report.already_imported;
        continue;
      }
      const LocalDate day = brussels.LocalDay(f.found_at);
      auto amount = TrafficAmount(f.category, day);
      if (!amount.ok()) {
        report.errors.push_back({f.line, "found_at",
                                 file + ": line " + std::to_string(f.line) +
                                     ", field found_at: " + amount.status().message()});
        continue;
      }
      std::vector<Evidence> evidence;
      for (const std::string& ref : f.photo_refs)
        evidence.push_back({"photo", ref, "", "", {}, ""});
      evidence.push_back({"finding", f.finding_id, "", "", f.found_at, ""});

      // Policy (GAS.md 6.4, PEERS.md 1b): repeat findings of one plate within the window join
      // the first finding's case before any letter goes out.
      if (settings.parking_grouping_minutes > 0) {
        std::optional<CaseId> join;
        for (const CaseSummary& cs : *same_plate) {
          if (!Joinable(cs.state)) continue;
          auto c = store.GetCase(cs.id);
          if (!c.ok()) return c.status();
          const int64_t gap = f.found_at.unix_seconds() - c->facts_at.unix_seconds();
          if (c->country == f.country && gap >= 0 &&
              gap <= int64_t{settings.parking_grouping_minutes} * 60) {
            join = c->id;
            if ((c->flags & kFlagGrouped) == 0) {
              c->flags |= kFlagGrouped;
              c->updated_at = now;
              Status u = store.UpdateCase(*c, c->state, WakeOn(*c, settings));
              if (!u.ok()) return u;
            }
            break;
          }
        }
        if (join) {
          for (const Evidence& e : evidence) {
            auto added = store.InsertEvidence(*join, e);
            if (!added.ok()) return added.status();
          }
          CaseEvent ev{now,
                       system.login,
                       system.name,
                       system.role,
                       "finding_grouped",
                       std::nullopt,
                       std::nullopt,
                       "",
                       "vaststelling " + f.finding_id + " bij dit dossier gevoegd"};
          Status a = store.AppendEvent(*join, ev);
          if (!a.ok()) return a;
          ++report.grouped;
          continue;
        }
      }

      Case c;
      c.track = Track::kParkeren;
      const bool flagged = f.photo_refs.empty();
      c.state = flagged ? CaseState::kAwaitingReview : CaseState::kHolderLookup;
      c.flags = flagged ? kFlagNoPhoto : kFlagNone;
      c.facts_at = f.found_at;
      c.facts_day = day;
      c.place.street = f.street;
      c.place.house_number = f.house_number;
      c.place.postal_code = f.postal_code;
      c.description = f.remarks;
      c.offence_code = f.offence_code;
      c.article = f.offence_code;
      c.category = f.category;
      c.amount = *amount;
      c.plate = f.plate.normalised();
      c.country = f.country;
      c.source_ref = f.finding_id;
      c.finding_officer = f.officer_id;
      c.finding_officer_kind = "parking_warden";
      auto id =
          OpenCase(store, settings, c, {}, evidence, system, now,
                   "vaststelling " + f.finding_id + (flagged ? " (geen foto: controle)" : ""));
      if (!id.ok()) return id.status();
      ++report.new_cases;
      report.flagged += flagged ? 1 : 0;
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  std::sort(report.errors.begin(), report.errors.end(),
            [](const RowError& a, const RowError& b) { return a.line < b.line; });
  return report;
}

Result<OverlastImportReport> RegisterOverlast(CaseStore& store, const GasSettings& settings,
                                              const std::string& file, Instant now) {
  auto parsed = ReadOverlastJson(file);
  if (!parsed.ok()) return parsed.status();
  OverlastImportReport report;
  report.findings = parsed->size();
  LocalTime brussels = LocalTime::Brussels();
  const Actor system = SystemActor();
  Status s = store.Transact([&]() -> Status {
    for (size_t i = 0; i < parsed->size(); ++i) {
      const OverlastFinding& f = (*parsed)[i];
      const std::string where = fmt::format("{}: line {} (finding {})", file, f.line, i + 1);
      auto existing = store.FindBySource(Track::kOverlast, f.finding_id);
      if (!existing.ok()) return existing.status();
      if (existing->has_value()) {
        ++report.already_imported;
        continue;
      }
      Case c;
      c.track = Track::kOverlast;
      c.state = CaseState::kFindingReceived;
      c.facts_at = f.facts_at;
      c.facts_day = brussels.LocalDay(f.facts_at);
      if (!OverlastMaximum(AgeGroup::kAdult, c.facts_day).ok()) {
        return InvalidArgument(where +
                               ", field facts_at: facts before 2014-01-01 are outside "
                               "the GAS-wet of 24 juni 2013");
      }
      c.received_on = f.received_on;
      if (f.received_on && *f.received_on < c.facts_day) {
        return InvalidArgument(where + ", field received_on: before the day of the facts");
      }
      c.place = f.place;
      c.place_description = f.place_description;
      c.description = f.description;
      c.offence_code = f.article;
      c.article = f.article;
      c.source_ref = f.finding_id;
      c.finding_officer = f.officer.name;
      c.finding_officer_kind = std::string(FindingOfficerKindName(f.officer.kind));
      Party offender;
      offender.role = PartyRole::kOffender;
      offender.company = f.offender.company;
      offender.name = f.offender.name;
      offender.birth_date = f.offender.birth_date;
      offender.company_number = f.offender.company_number;
      offender.address = f.offender.address;
      offender.language = f.offender.language;
      offender.addressee = true;
      if (!offender.company) {
        auto age = AgeOnDateOfFacts(*offender.birth_date, c.facts_day, settings);
        if (!age.ok()) {
          return InvalidArgument(where + ", field offender.birth_date: " + age.status().message());
        }
        if (age->below_minimum_age) {
          return FailedPrecondition(
              where + fmt::format(", field offender.birth_date: the offender was below the city's "
                                  "minimum age of {} on the day of the facts: GAS does not apply "
                                  "(GAS.md 1.5)",
                                  settings.minimum_age));
        }
        c.minor = age->minor;
      }
      std::vector<Party> parties{offender};
      for (const OverlastParent& p : f.parents) {
        Party parent;
        parent.role = PartyRole::kParent;
        parent.name = p.name;
        parent.address = p.address;
        parties.push_back(std::move(parent));
      }
      if (c.minor && f.parents.empty()) {
        return InvalidArgument(where +
                               ", field parents: the offender is a minor: the parents "
                               "(or guardians) must be named, they get every letter");
      }
      // Recidivism: shown to the officer, never applied (GAS-wet art. 7).
      auto prior = store.SanctionsOf(OffenderKey(offender));
      if (!prior.ok()) return prior.status();
      if (CheckRecidivism(c.article, c.facts_day, *prior).flagged) {
        c.flags |= kFlagRecidivism;
        ++report.recidivism;
      }
      std::vector<Evidence> evidence;
      for (const std::string& ref : f.evidence)
        evidence.push_back({"document", ref, "", "", {}, ""});
      auto id = OpenCase(store, settings, c, parties, evidence, system, now,
                         "vaststelling " + f.finding_id + " door " + c.finding_officer_kind +
                             (c.minor ? " (minderjarige)" : ""));
      if (!id.ok()) return id.status();
      ++report.new_cases;
      report.minors += c.minor ? 1 : 0;
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return report;
}

}  // namespace hh
