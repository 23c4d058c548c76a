// Acting on GAS cases: opening a case with its deadlines, moving it along a transition of its
// procedure (gas/procedure.h) with the deadline the new state starts, its timeline event and
// the register of sanctions, and the checked path for people (`cases act`, the review, the
// web later): role, reason, posting day, amount and the guards of the law. Every call works on
// the CaseStore it is given, within one transaction of it; same thread rules as the store.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/instant.h"
#include "core/money.h"
#include "core/status.h"
#include "gas/case.h"
#include "gas/procedure.h"
#include "gas/recidivism.h"
#include "gas/settings.h"
#include "store/case_store.h"

namespace hh {

// Who acts: a user of the store, or the system (imports and the clock).
struct Actor {
  std::string login;
  std::string name;
  Role role = Role::kSystem;
};
Actor SystemActor();

// The active user `login` as an Actor. NotFound for an unknown login; PermissionDenied for a
// deactivated one.
[[nodiscard]] Result<Actor> ActorFor(CaseStore& store, std::string_view login);

// What a person gives with an act (which of it is required: Transition::needs).
struct ActInput {
  std::string reason;
  std::optional<LocalDate> posted;  // the day the letter is posted (default: the day of `now`)
  std::optional<Money> amount;      // OVERLAST: the fine decided, or the fine considered for a
                                    // hearing request
  std::optional<int> hours;         // community service
  std::string detail;               // free text for the timeline
};

// The decision-limit dates of a case (GAS.md 1.4.6, 6.2; traffic: GasSettings::
// traffic_decision_limit), or nullopt when none applies.
std::optional<DecisionLimit> DecisionLimitOf(const Case& c, const GasSettings& settings);

// The next day `handhaving process` must look at `c` (its state's deadline passed, an alarm or
// the decision limit is due), or nullopt when only a person can move it.
std::optional<LocalDate> WakeOn(const Case& c, const GasSettings& settings);

// Stores a new case with its parties and evidence and the "opened" event, its decision limit
// and its wake-up day computed here. In the caller's transaction (Transact).
[[nodiscard]] Result<CaseId> OpenCase(CaseStore& store, const GasSettings& settings, Case c,
                                      std::span<const Party> parties,
                                      std::span<const Evidence> evidence, const Actor& actor,
                                      Instant now, std::string_view detail);

// Moves `c` along `t` (which must apply to its track and state): the target state, the deadline
// it starts (counted from input.posted or the day of `now`), the timeline event, and, for
// decisions that impose a sanction, the sanctions register. Updates `c`. No role or input
// checks: the caller did them (Act) or is the program itself (review, lookups, the clock). In the
// caller's transaction.
// What of the case Move writes: the whole row (the caller may have changed other fields, such
// as a corrected plate), or only what the move changes (a case as loaded: the bulk paths).
enum class CaseWrite : uint8_t { kWhole, kProgress };
// What Move reads from the store for the sanctions register, when the caller has it already (the
// bulk paths load it for many cases in one query): the addressee's OffenderKey (empty: none) and
// whether the timeline has a deadline_reminder event.
struct MoveFacts {
  std::string offender_key;
  bool reminded = false;
};
[[nodiscard]] Status Move(CaseStore& store, const GasSettings& settings, Case& c,
                          const Transition& t, const Actor& actor, const ActInput& input,
                          Instant now, CaseWrite write = CaseWrite::kWhole,
                          const MoveFacts* facts = nullptr);

// The checked path for people: finds the transition `action` for the case's track and state,
// checks the actor's role (PermissionDenied), what the transition needs (InvalidArgument naming
// the missing input), the guards of the law (FailedPrecondition: a minor's mediation offer
// before a sanction, the EUR 70 hearing threshold, the legal maximum fine by age, community
// service hours), and moves the case, all in one transaction. Internal transitions (review,
// holder lookup, the clock) are refused here: they have their own commands.
[[nodiscard]] Status Act(CaseStore& store, const GasSettings& settings, CaseId id,
                         std::string_view action, const Actor& actor, const ActInput& input,
                         Instant now);

// The recidivism flag for the case's offender (GAS-wet art. 7): shown to the officer, never
// applied. Not flagged when the case has no identified offender.
[[nodiscard]] Result<RecidivismFlag> RecidivismOf(CaseStore& store, const CaseFile& file);

// OK when the actor's role may take `t`; else PermissionDenied naming the user, the role and the
// action (and, for a decision, that only the sanctioning officer decides).
[[nodiscard]] Status CheckRole(const Transition& t, const Actor& actor);

// The addressee of a case file, or nullptr.
const Party* Addressee(const CaseFile& file);

}  // namespace hh
