#include "cases/case_actions.h"

#include <fmt/core.h>

#include <algorithm>

#include "core/local_time.h"
#include "gas/age.h"
#include "gas/law.h"

namespace hh {
namespace {

LocalDate Today(Instant now) { return LocalTime::Brussels().LocalDay(now); }

// The sanction a transition imposes, for the register the recidivism check reads: OVERLAST
// decisions, and a traffic fine once it is paid or has become enforceable (GAS.md 2.2: the fine
// is then imposed). Empty when it imposes none.
std::string_view SanctionKind(const Transition& t, Track track) {
  if (t.action == "decide_fine") return "fine";
  if (t.action == "decide_community_service") return "community_service";
  if (IsTrafficTrack(track) && (t.action == "record_payment" || t.action == "deadline_reminder")) {
    return "traffic_fine";
  }
  return {};
}

bool HasEvent(const CaseFile& f, std::string_view action) {
  return std::any_of(f.events.begin(), f.events.end(),
                     [&](const CaseEvent& e) { return e.action == action; });
}

}  // namespace

Actor SystemActor() { return {"system", "Handhaving (automatisch)", Role::kSystem}; }

Result<Actor> ActorFor(CaseStore& store, std::string_view login) {
  auto user = store.FindUser(login);
  if (!user.ok()) return user.status();
  if (!user->has_value()) {
    return NotFound("no user with login \"" + std::string(login) +
                    "\" (add one with `handhaving users add`)");
  }
  if (!(*user)->active) {
    return Status(StatusCode::kPermissionDenied,
                  "user \"" + std::string(login) + "\" is deactivated");
  }
  return Actor{(*user)->login, (*user)->name, (*user)->role};
}

std::optional<DecisionLimit> DecisionLimitOf(const Case& c, const GasSettings& settings) {
  if (IsTrafficTrack(c.track) && !settings.traffic_decision_limit) return std::nullopt;
  return OverlastDecisionLimit(c.facts_day, c.received_on.value_or(c.facts_day), settings);
}

std::optional<LocalDate> WakeOn(const Case& c, const GasSettings& settings) {
  std::optional<LocalDate> wake;
  auto consider = [&](LocalDate d) {
    if (!wake || d < *wake) wake = d;
  };
  if (c.state_deadline && DeadlineTransition(c.track, c.state) != nullptr) {
    consider(c.state_deadline->AddDays(1));
  }
  if (BeforeDecision(c.track, c.state)) {
    if (auto limit = DecisionLimitOf(c, settings)) {
      if (c.alarm_months < 4) {
        consider(limit->first_alarm);
      } else if (c.alarm_months < 5) {
        consider(limit->second_alarm);
      }
      consider(limit->limit.last_day.AddDays(1));
    }
  }
  return wake;
}

Result<CaseId> OpenCase(CaseStore& store, const GasSettings& settings, Case c,
                        std::span<const Party> parties, std::span<const Evidence> evidence,
                        const Actor& actor, Instant now, std::string_view detail) {
  if (auto limit = DecisionLimitOf(c, settings)) c.limit_day = limit->limit.last_day;
  c.created_at = c.updated_at = now;
  auto id = store.InsertCase(c, WakeOn(c, settings));
  if (!id.ok()) return id.status();
  for (const Party& p : parties) {
    auto pid = store.InsertParty(*id, p);
    if (!pid.ok()) return pid.status();
  }
  for (const Evidence& e : evidence) {
    auto added = store.InsertEvidence(*id, e);
    if (!added.ok()) return added.status();
  }
  CaseEvent ev{now,          actor.login, actor.name, actor.role,         "opened",
               std::nullopt, c.state,     "",         std::string(detail)};
  Status s = store.AppendEvent(*id, ev);
  if (!s.ok()) return s;
  return *id;
}

Status Move(CaseStore& store, const GasSettings& settings, Case& c, const Transition& t,
            const Actor& actor, const ActInput& input, Instant now, CaseWrite write,
            const MoveFacts* facts) {
  const CaseState from = c.state;
  const LocalDate event_day = input.posted.value_or(Today(now));
  c.state = t.to;
  const std::optional<Deadline> deadline = StateDeadline(t.starts, event_day, settings);
  c.state_deadline = deadline ? std::optional<LocalDate>(deadline->last_day) : std::nullopt;
  if (t.action == "decide_fine" || (t.action == "appeal_rejected" && input.amount)) {
    c.amount = input.amount;
  }
  c.updated_at = now;

  std::string detail = input.detail;
  auto add = [&detail](const std::string& part) {
    if (!detail.empty()) detail += "; ";
    detail += part;
  };
  if ((t.needs & kNeedsPosting) != 0) add("verstuurd op " + event_day.ToDutchString());
  if (input.amount && (t.needs & kNeedsAmount) != 0) add("bedrag " + input.amount->ToDutchString());
  if (input.hours && (t.needs & kNeedsHours) != 0) add(fmt::format("{} uur", *input.hours));
  if (deadline) add("termijn tot en met " + deadline->last_day.ToDutchString());

  const std::string_view kind = SanctionKind(t, c.track);
  if (!kind.empty()) {
    std::string key;
    if (facts != nullptr) {
      key = facts->offender_key;
    } else {
      auto parties = store.GetParties(c.id);
      if (!parties.ok()) return parties.status();
      for (const Party& p : *parties) {
        if (p.addressee) key = OffenderKey(p);
      }
    }
    // A traffic fine is imposed once: paying one that already became enforceable (and was
    // registered then) adds no second sanction.
    bool registered = false;
    if (kind == "traffic_fine" && !key.empty()) {
      if (facts != nullptr) {
        registered = facts->reminded;
      } else {
        auto had = store.HasEvent(c.id, "deadline_reminder");
        if (!had.ok()) return had.status();
        registered = *had;
      }
    }
    if (!key.empty() && !registered) {
      Status r = store.RecordSanction(c.id, key, c.article, Today(now), kind, c.amount);
      if (!r.ok()) return r;
    }
  }

  // An annulled decision, or one the officer withdraws, imposes nothing any more: it leaves
  // the sanctions register (recidivism.h counts only decisions that stand).
  if (t.to == CaseState::kAnnulled || t.to == CaseState::kDismissed) {
    Status r = store.DeleteSanctions(c.id);
    if (!r.ok()) return r;
  }
  Status u = write == CaseWrite::kProgress ? store.UpdateCaseProgress(c, from, WakeOn(c, settings))
                                           : store.UpdateCase(c, from, WakeOn(c, settings));
  if (!u.ok()) return u;
  CaseEvent ev{now,  actor.login, actor.name,   actor.role, std::string(t.action),
               from, t.to,        input.reason, detail};
  return store.AppendEvent(c.id, ev);
}

Status CheckRole(const Transition& t, const Actor& actor) {
  if (RoleMayTake(t, actor.role)) return Status::Ok();
  return Status(StatusCode::kPermissionDenied,
                "user \"" + actor.login + "\" (" + std::string(RoleName(actor.role)) +
                    ") may not take action " + std::string(t.action) +
                    (t.decides_sanction ? ": only the sanctioning officer decides" : ""));
}

const Party* Addressee(const CaseFile& file) {
  for (const Party& p : file.parties) {
    if (p.addressee) return &p;
  }
  return nullptr;
}

Result<RecidivismFlag> RecidivismOf(CaseStore& store, const CaseFile& file) {
  const Party* who = Addressee(file);
  if (who == nullptr) return RecidivismFlag{};
  const std::string key = OffenderKey(*who);
  if (key.empty()) return RecidivismFlag{};
  auto prior = store.SanctionsOf(key);
  if (!prior.ok()) return prior.status();
  return CheckRecidivism(file.c.article, file.c.facts_day, *prior);
}

namespace {

// The guards of the law on an act by a person, given the case file.
Status CheckGuards(const Transition& t, const CaseFile& f, const GasSettings& settings,
                   const ActInput& in, LocalDate today) {
  const Case& c = f.c;
  if (in.posted) {
    if (*in.posted > today) return InvalidArgument("the posting day cannot be in the future");
    if (*in.posted < c.facts_day) {
      return InvalidArgument("the posting day cannot be before the facts");
    }
  }
  const bool sanction = t.action == "decide_fine" || t.action == "decide_community_service";
  if (sanction && c.minor && !HasEvent(f, "mediation_failed")) {
    // GAS.md 1.5 (geel.be): for minors the mediation offer is compulsory; a fine or community
    // service only when mediation was refused or failed.
    return FailedPrecondition(
        "the offender was a minor: a fine or community service only after local mediation was "
        "offered and refused or failed (offer_mediation, then mediation_failed)");
  }
  if (t.action == "involve_parents" && !c.minor) {
    return FailedPrecondition("parental involvement is a step for minors only");
  }
  if (t.action == "request_hearing") {
    if (!in.amount) return InvalidArgument("request_hearing needs --amount: the fine considered");
    if (!MayRequestHearing(*in.amount)) {
      return FailedPrecondition(
          "an oral hearing can be asked only when the fine considered is "
          "above € 70,00 (GAS.md 1.4.3); it is " +
          in.amount->ToDutchString());
    }
  }
  if (t.action == "decide_fine") {
    if (!in.amount || in.amount->cents() <= 0) {
      return InvalidArgument("decide_fine needs --amount: a fine above € 0,00");
    }
    Result<Money> max = OverlastMaximum(c.minor ? AgeGroup::kMinor : AgeGroup::kAdult, c.facts_day);
    const Party* who = Addressee(f);
    if (who != nullptr && !who->company && who->birth_date) {
      max = OverlastMaximumFor(*who->birth_date, c.facts_day, settings);
    }
    if (!max.ok()) return max.status();
    if (*in.amount > *max) {
      return FailedPrecondition("the fine " + in.amount->ToDutchString() +
                                " is above the legal maximum of " + max->ToDutchString() +
                                (c.minor ? " for minors" : "") + " (GAS-wet, GAS.md 1.3)");
    }
  }
  if (t.action == "decide_community_service") {
    const int cap = c.minor ? settings.community_service_max_hours_minor
                            : settings.community_service_max_hours_adult;
    const char* why =
        c.minor ? "the legal cap for minors, GAS.md 1.3" : "the adult cap, [UNVERIFIED]";
    if (!in.hours || *in.hours < 1) {
      return InvalidArgument(
          fmt::format("decide_community_service needs --hours from 1 to {} ({})", cap, why));
    }
    // Above the cap is a guard of the law, like a fine above the maximum (see Act).
    if (*in.hours > cap) {
      return FailedPrecondition(fmt::format(
          "{} hours of community service is above the maximum of {} ({})", *in.hours, cap, why));
    }
  }
  return Status::Ok();
}

}  // namespace

Status Act(CaseStore& store, const GasSettings& settings, CaseId id, std::string_view action,
           const Actor& actor, const ActInput& input, Instant now) {
  return store.Transact([&]() -> Status {
    auto file = store.GetCaseFile(id);
    if (!file.ok()) return file.status();
    auto t = FindTransition(file->c.track, file->c.state, action);
    if (!t.ok()) return t.status();
    const Transition& tr = **t;
    if (tr.internal) {
      return FailedPrecondition("action " + std::string(action) +
                                " is taken by its own command (review, holders, process), not "
                                "through `cases act`");
    }
    if ((tr.needs & kNeedsPerson) != 0) {
      return FailedPrecondition("action " + std::string(action) +
                                " needs the driver's details: use `handhaving cases driver`");
    }
    if (Status role = CheckRole(tr, actor); !role.ok()) return role;
    if ((tr.needs & kNeedsReason) != 0 && input.reason.empty()) {
      return InvalidArgument("action " + std::string(action) + " needs --reason");
    }
    Status guards = CheckGuards(tr, *file, settings, input, Today(now));
    if (!guards.ok()) return guards;
    Case c = file->c;
    return Move(store, settings, c, tr, actor, input, now);
  });
}

}  // namespace hh
