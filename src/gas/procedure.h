// The three GAS procedures as data: for each track (OVERLAST, PARKEREN, AUTOLUW) the states a
// case can be in, the transitions between them, the role allowed to take each, whether it needs
// a reason or decides a sanction, and the deadline each state starts (GAS.md 6.2, 6.3, 6.4).
// The table (kTransitions in procedure.cpp) is immutable; every function here is pure and
// thread-safe. Guards that need a case's facts (a minor's compulsory mediation offer, the
// EUR 70 hearing threshold, the maximum fine) live where the case is acted on (src/handling).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/instant.h"
#include "core/status.h"
#include "gas/deadlines.h"
#include "gas/settings.h"

namespace hh {

enum class Track : uint8_t {
  kOverlast,  // the ordinary procedure of the GAS-wet (nuisance), GAS.md 1.4 and 6.2
  kParkeren,  // stopping and parking, KB 9 maart 2014 (GAS-4), GAS.md 2 and 6.3
  kAutoluw,   // signs C3/F103 recorded by cameras (low-traffic zone), GAS.md 3, 6.3 and 6.4
};
inline constexpr int kTrackCount = 3;

// "overlast", "parkeren", "autoluw": the names the store, the CLI and the API use.
std::string_view TrackName(Track track);
Result<Track> ParseTrack(std::string_view name);
inline bool IsTrafficTrack(Track t) { return t != Track::kOverlast; }

// Every state of every track. Names (CaseStateName) are stable: the store keeps them.
enum class CaseState : uint8_t {
  // Traffic tracks (PARKEREN, AUTOLUW).
  kAwaitingReview,        // a person checks the read or finding (plate against the image)
  kHolderLookup,          // reviewed: the registration holder is to be identified
  kForeignQueue,          // a foreign plate without an exchange agreement (GAS.md 2.4)
  kHolderUnknown,         // the register had no holder at the instant of the facts
  kDriverIdentification,  // a company holder was asked to name the driver (15 days)
  kInvitationDue,         // the payment invitation is to be sent
  kWarningDue,            // a warning letter is to be sent (a camera's warning period)
  kInvited,               // invited to pay, or to send a defence, within 30 days
  kDefenceReceived,       // a defence came in: the sanctioning officer decides on it
  kReinvited,             // defence rejected: a new invitation to pay within 30 days
  kReminderDue,           // unpaid after the due date: a reminder is to be sent
  kReminded,              // reminded: another 30 days
  kEnforceable,           // unpaid after the reminder: enforceable, for the bailiff
  kBailiff,               // handed over to the bailiff
  // OVERLAST.
  kFindingReceived,      // the PV or report reached the sanctioning officer
  kParentalInvolvement,  // a minor: the parents were asked to react (optional step)
  kProcedureStarted,     // registered letter sent: defence within 15 days of notification
  kHearing,              // an oral hearing was asked for (fine considered above EUR 70)
  kMediation,            // local mediation offered or running (compulsory offer for minors)
  kDecisionDue,          // defence in, or its period over: the officer decides
  kAlternativeMeasure,   // community service decided: to be done within its period
  kDecisionNotified,     // a fine decided and sent: appeal window and payment period run
  kAppealed,             // an appeal is before the court (politierechtbank/jeugdrechtbank)
  kPayable,              // the court confirmed the fine: payable
  // Ends.
  kPaid,           // paid in full
  kDismissed,      // closed without sanction (defence accepted, dismissal, parents' reaction)
  kRejected,       // review rejected the read or finding (wrong plate, no entry, ...)
  kPermitted,      // a corrected plate turned out to hold a permit (nothing of it is kept)
  kExpired,        // the legal time limit passed without a decision
  kWarned,         // a warning letter was sent (no fine)
  kClosed,         // mediation succeeded or the alternative measure was carried out
  kAnnulled,       // the court annulled the decision
  kNotApplicable,  // GAS cannot apply (a minor on a traffic track, below the minimum age)
};
inline constexpr int kCaseStateCount = static_cast<int>(CaseState::kNotApplicable) + 1;

std::string_view CaseStateName(CaseState state);  // "awaiting_review", ...
Result<CaseState> ParseCaseState(std::string_view name);
// Dutch label for screens and letters ("Wacht op controle").
std::string_view CaseStateLabelNl(CaseState state);
// True for the states no transition leaves.
bool IsFinal(CaseState state);

// The people who act on cases (issue 5 gives them logins); kSystem is the clock: `handhaving
// process` taking a transition because a deadline passed.
enum class Role : uint8_t {
  kAdministrator,
  kSanctioningOfficer,  // the sanctioning officer appointed by the council (GAS.md 1.2)
  kReviewer,
  kFinance,
  kViewer,
  kSystem,
};
std::string_view RoleName(Role role);  // "administrator", "sanctioning_officer", ...
Result<Role> ParseRole(std::string_view name);

// The deadline a state starts when a case enters it, counted from the transition's event day
// (a posting day for letters, the day of the act otherwise) by the functions of deadlines.h.
enum class DeadlineKind : uint8_t {
  kNone,
  kTrafficPayment,        // 30 days from the deemed notification of the invitation
  kTrafficNewInvitation,  // 30 days from the deemed notification of the new invitation
  kTrafficReminder,       // 30 days from the deemed notification of the reminder
  kDriverIdentification,  // 15 days from the day the request was sent
  kOverlastDefence,       // 15 days from the deemed notification of the registered letter
  kOverlastDecision,      // the later of the appeal window and the payment period
  kCommunityService,      // GasSettings::community_service_completion_months from the decision
  kCourtPayment,          // GasSettings::overlast_payment_months from the judgment
};

// The deadline of `kind` for an event on `event` (a posting day where a letter is sent).
// nullopt for kNone.
std::optional<Deadline> StateDeadline(DeadlineKind kind, LocalDate event,
                                      const GasSettings& settings);

// What a transition needs from the person taking it (checked by src/handling).
enum Needs : uint8_t {
  kNeedsNothing = 0,
  kNeedsReason = 1,   // a written reason (the law or the timeline needs one)
  kNeedsPosting = 2,  // a letter is sent: its posting day starts the deadline
  kNeedsAmount = 4,   // an amount (OVERLAST fine, within the legal maximum)
  kNeedsHours = 8,    // community-service hours (within the legal maximum)
  kNeedsPlate = 16,   // a corrected plate
  kNeedsPerson = 32,  // the named driver (person data)
};

// Fields in the order a transition reads (the table in procedure.cpp is written so), not the
// order that packs best: there are fifty of them.
struct Transition {         // NOLINT(clang-analyzer-optin.performance.Padding)
  std::string_view action;  // "review_accept": what the CLI and the API call it
  uint8_t tracks;           // bit (1 << Track)
  uint64_t from;            // bit (1 << CaseState) for each state it leaves
  CaseState to;
  uint8_t roles;              // bit (1 << Role) for each role that may take it
  uint8_t needs;              // Needs bits
  bool decides_sanction;      // only a named sanctioning officer (GAS.md 6.1, GDPR art. 22)
  bool internal;              // taken by the program on a person's request (review, holder
                              // lookup) or by the clock, never directly through `cases act`
  DeadlineKind starts;        // the deadline the target state starts
  std::string_view label_nl;  // for the timeline and the screens
};

// The whole table, in a stable order.
std::span<const Transition> AllTransitions();

// The transition `action` on a case of `track` in state `from`; NotFound when no transition has
// that name, FailedPrecondition when it exists but not from this state or on this track (the
// message names the state).
Result<const Transition*> FindTransition(Track track, CaseState from, std::string_view action);

// The transitions a person of `role` may take now through `cases act` (internal ones excluded),
// in table order: what a case page offers.
std::vector<const Transition*> AvailableActions(Track track, CaseState from, Role role);

// Whether `role` may take `t` (kAdministrator may not decide sanctions either).
bool RoleMayTake(const Transition& t, Role role);

// The time-driven transition out of `state` on `track` once its deadline has passed (the
// `process` command), or nullptr.
const Transition* DeadlineTransition(Track track, CaseState state);

// Whether a case in `state` is still waiting for the decision and so bound by the decision
// limit (OVERLAST: 6 months; traffic: the [UNVERIFIED] setting traffic_decision_limit).
bool BeforeDecision(Track track, CaseState state);

// The transition taken when the decision limit passes (to kExpired) for `track`.
const Transition& ExpiryTransition(Track track);

}  // namespace hh
