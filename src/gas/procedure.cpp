#include "gas/procedure.h"

#include <array>
#include <string>

namespace hh {
namespace {

using S = CaseState;

constexpr uint64_t St(S s) { return uint64_t{1} << static_cast<int>(s); }
template <typename... T>
constexpr uint64_t States(T... s) {
  return (St(s) | ...);
}
constexpr uint8_t Tr(Track t) { return static_cast<uint8_t>(1u << static_cast<int>(t)); }
constexpr uint8_t kTraffic = Tr(Track::kParkeren) | Tr(Track::kAutoluw);
constexpr uint8_t kAutoluwOnly = Tr(Track::kAutoluw);
constexpr uint8_t kOverlastOnly = Tr(Track::kOverlast);
constexpr uint8_t kAllTracks = kTraffic | kOverlastOnly;
constexpr uint8_t Ro(Role r) { return static_cast<uint8_t>(1u << static_cast<int>(r)); }
constexpr uint8_t kOfficer = Ro(Role::kSanctioningOfficer);
constexpr uint8_t kReview = Ro(Role::kReviewer) | Ro(Role::kSanctioningOfficer);
constexpr uint8_t kFinanceDesk = Ro(Role::kFinance) | Ro(Role::kSanctioningOfficer);
constexpr uint8_t kClock = Ro(Role::kSystem);
// Who may ask the register for a holder: the people who handle reviewed cases.
constexpr uint8_t kLookup =
    Ro(Role::kReviewer) | Ro(Role::kSanctioningOfficer) | Ro(Role::kAdministrator);

// The traffic states that come after the first invitation and before the end: where payment,
// appeal and dismissal apply.
constexpr uint64_t kTrafficRunning =
    States(S::kInvited, S::kDefenceReceived, S::kReinvited, S::kReminderDue, S::kReminded,
           S::kEnforceable, S::kBailiff);
constexpr uint64_t kTrafficBeforeInvitation =
    States(S::kAwaitingReview, S::kHolderLookup, S::kForeignQueue, S::kHolderUnknown,
           S::kDriverIdentification, S::kInvitationDue, S::kWarningDue);
constexpr uint64_t kOverlastBeforeDecision =
    States(S::kFindingReceived, S::kParentalInvolvement, S::kProcedureStarted, S::kHearing,
           S::kMediation, S::kDecisionDue);

// The procedures. Sources: GAS.md 6.2 (OVERLAST), 6.3 (PARKEREN and AUTOLUW), 6.4 (review),
// 2.2 (the GAS-4 letter, defence and reminder flow), 2.3 (company holders, Wegverkeerswet art.
// 67ter), 1.4 and 1.5 (the ordinary procedure and minors). Every transition that decides a
// sanction is the sanctioning officer's alone (GAS.md 6.1; GDPR art. 22).
constexpr Transition kTransitions[] = {
    // --- Review (camera reads and flagged findings), GAS.md 6.4 "human verification queue".
    {"review_accept", kTraffic, St(S::kAwaitingReview), S::kHolderLookup, kReview, kNeedsNothing,
     false, true, DeadlineKind::kNone, "Controle: lezing bevestigd"},
    {"review_correct", kTraffic, St(S::kAwaitingReview), S::kHolderLookup, kReview, kNeedsPlate,
     false, true, DeadlineKind::kNone, "Controle: nummerplaat verbeterd"},
    {"review_correct_permitted", kTraffic, St(S::kAwaitingReview), S::kPermitted, kReview,
     kNeedsPlate, false, true, DeadlineKind::kNone,
     "Controle: verbeterde nummerplaat heeft een vergunning"},
    {"review_reject", kTraffic, St(S::kAwaitingReview), S::kRejected, kReview, kNeedsReason, false,
     true, DeadlineKind::kNone, "Controle: afgewezen"},
    // --- Holder identification (GAS.md 2.3, 2.4, 6.3): outcomes of one register lookup.
    {"holder_person", kTraffic, St(S::kHolderLookup), S::kInvitationDue, kLookup, kNeedsNothing,
     false, true, DeadlineKind::kNone, "Houder geïdentificeerd"},
    {"holder_person_warning", kAutoluwOnly, St(S::kHolderLookup), S::kWarningDue, kLookup,
     kNeedsNothing, false, true, DeadlineKind::kNone,
     "Houder geïdentificeerd (waarschuwingsperiode camera)"},
    {"holder_company", kTraffic, St(S::kHolderLookup), S::kDriverIdentification, kLookup,
     kNeedsNothing, false, true, DeadlineKind::kDriverIdentification,
     "Houder is een rechtspersoon: vraag om identificatie van de bestuurder"},
    {"holder_minor", kTraffic, St(S::kHolderLookup), S::kNotApplicable, kLookup, kNeedsNothing,
     false, true, DeadlineKind::kNone,
     "Houder is minderjarig: GAS-verkeer geldt enkel voor meerderjarigen en rechtspersonen"},
    {"holder_foreign", kTraffic, St(S::kHolderLookup), S::kForeignQueue, kLookup, kNeedsNothing,
     false, true, DeadlineKind::kNone, "Buitenlandse nummerplaat zonder akkoord: wachtrij"},
    {"holder_unknown", kTraffic, St(S::kHolderLookup), S::kHolderUnknown, kLookup, kNeedsNothing,
     false, true, DeadlineKind::kNone, "Geen houder gevonden op het tijdstip van de feiten"},
    {"retry_lookup", kTraffic, States(S::kHolderUnknown, S::kForeignQueue), S::kHolderLookup,
     kLookup, kNeedsReason, false, false, DeadlineKind::kNone, "Opnieuw houder opzoeken"},
    {"name_driver", kTraffic, St(S::kDriverIdentification), S::kInvitationDue,
     kOfficer | Ro(Role::kReviewer), kNeedsPerson, false, false, DeadlineKind::kNone,
     "Bestuurder meegedeeld: dossier op naam van de bestuurder"},
    // --- Letters and payment (GAS.md 2.2, 6.3).
    {"send_invitation", kTraffic, St(S::kInvitationDue), S::kInvited, kOfficer, kNeedsPosting, true,
     false, DeadlineKind::kTrafficPayment, "Uitnodiging tot betaling verstuurd"},
    {"send_warning", kAutoluwOnly, St(S::kWarningDue), S::kWarned, kOfficer, kNeedsPosting, false,
     false, DeadlineKind::kNone, "Waarschuwingsbrief verstuurd"},
    {"register_defence", kTraffic, St(S::kInvited), S::kDefenceReceived, kOfficer | kReview,
     kNeedsReason, false, false, DeadlineKind::kNone, "Verweer ontvangen"},
    {"accept_defence", kTraffic, St(S::kDefenceReceived), S::kDismissed, kOfficer, kNeedsReason,
     true, false, DeadlineKind::kNone, "Verweer gegrond: dossier afgesloten"},
    {"reject_defence", kTraffic, St(S::kDefenceReceived), S::kReinvited, kOfficer,
     kNeedsReason | kNeedsPosting, true, false, DeadlineKind::kTrafficNewInvitation,
     "Verweer ongegrond: nieuwe uitnodiging tot betaling verstuurd"},
    {"send_reminder", kAllTracks, St(S::kReminderDue), S::kReminded, kFinanceDesk, kNeedsPosting,
     false, false, DeadlineKind::kTrafficReminder, "Herinnering verstuurd"},
    {"hand_to_bailiff", kAllTracks, St(S::kEnforceable), S::kBailiff, kFinanceDesk, kNeedsNothing,
     false, false, DeadlineKind::kNone, "Overgedragen aan de gerechtsdeurwaarder"},
    {"record_payment", kAllTracks, kTrafficRunning | States(S::kDecisionNotified, S::kPayable),
     S::kPaid, kFinanceDesk, kNeedsNothing, false, false, DeadlineKind::kNone, "Betaald"},
    // --- OVERLAST, GAS.md 1.4, 1.5 and 6.2.
    {"involve_parents", kOverlastOnly, St(S::kFindingReceived), S::kParentalInvolvement, kOfficer,
     kNeedsPosting, false, false, DeadlineKind::kNone,
     "Ouderlijke betrokkenheid: brief aan de ouders"},
    {"close_after_parents", kOverlastOnly, St(S::kParentalInvolvement), S::kDismissed, kOfficer,
     kNeedsReason, true, false, DeadlineKind::kNone, "Afgesloten na de reactie van de ouders"},
    {"start_procedure", kOverlastOnly, States(S::kFindingReceived, S::kParentalInvolvement),
     S::kProcedureStarted, kOfficer, kNeedsPosting, false, false, DeadlineKind::kOverlastDefence,
     "Procedure gestart: aangetekende brief met recht op verweer"},
    {"register_defence", kOverlastOnly, St(S::kProcedureStarted), S::kDecisionDue,
     kOfficer | kReview, kNeedsReason, false, false, DeadlineKind::kNone, "Verweer ontvangen"},
    {"request_hearing", kOverlastOnly, St(S::kProcedureStarted), S::kHearing, kOfficer | kReview,
     kNeedsAmount, false, false, DeadlineKind::kNone, "Mondelinge verdediging gevraagd"},
    {"hearing_held", kOverlastOnly, St(S::kHearing), S::kDecisionDue, kOfficer, kNeedsReason, false,
     false, DeadlineKind::kNone, "Hoorzitting gehouden"},
    {"offer_mediation", kOverlastOnly, States(S::kProcedureStarted, S::kHearing, S::kDecisionDue),
     S::kMediation, kOfficer, kNeedsNothing, false, false, DeadlineKind::kNone,
     "Lokale bemiddeling aangeboden"},
    {"mediation_succeeded", kOverlastOnly, St(S::kMediation), S::kClosed, kOfficer, kNeedsReason,
     true, false, DeadlineKind::kNone, "Bemiddeling geslaagd: dossier afgesloten"},
    {"mediation_failed", kOverlastOnly, St(S::kMediation), S::kDecisionDue, kOfficer, kNeedsReason,
     false, false, DeadlineKind::kNone, "Bemiddeling geweigerd of mislukt"},
    {"decide_fine", kOverlastOnly, St(S::kDecisionDue), S::kDecisionNotified, kOfficer,
     kNeedsReason | kNeedsAmount | kNeedsPosting, true, false, DeadlineKind::kOverlastDecision,
     "Beslissing: administratieve geldboete (aangetekend verstuurd)"},
    {"decide_community_service", kOverlastOnly, St(S::kDecisionDue), S::kAlternativeMeasure,
     kOfficer, kNeedsReason | kNeedsHours | kNeedsPosting, true, false,
     DeadlineKind::kCommunityService, "Beslissing: gemeenschapsdienst (aangetekend verstuurd)"},
    {"measure_completed", kOverlastOnly, St(S::kAlternativeMeasure), S::kClosed, kOfficer,
     kNeedsNothing, false, false, DeadlineKind::kNone, "Gemeenschapsdienst uitgevoerd"},
    {"measure_failed", kOverlastOnly, St(S::kAlternativeMeasure), S::kDecisionDue, kOfficer,
     kNeedsReason, false, false, DeadlineKind::kNone, "Gemeenschapsdienst niet uitgevoerd"},
    // --- Appeal (GAS.md 1.4.7, 2.2.6): traffic after a rejected defence or an unpaid
    //     reminder, OVERLAST after the decision.
    {"appeal_filed", kAllTracks,
     States(S::kReinvited, S::kReminded, S::kEnforceable, S::kDecisionNotified), S::kAppealed,
     kOfficer, kNeedsReason, false, false, DeadlineKind::kNone,
     "Beroep ingesteld bij de rechtbank"},
    {"appeal_granted", kAllTracks, St(S::kAppealed), S::kAnnulled, kOfficer, kNeedsReason, false,
     false, DeadlineKind::kNone, "Rechtbank: beslissing vernietigd"},
    {"appeal_rejected", kAllTracks, St(S::kAppealed), S::kPayable, kOfficer, kNeedsReason, false,
     false, DeadlineKind::kCourtPayment, "Rechtbank: geldboete bevestigd"},
    // --- Dismissal by the sanctioning officer, from any state before the end.
    {"dismiss", kAllTracks,
     (kTrafficBeforeInvitation | kTrafficRunning | kOverlastBeforeDecision |
      States(S::kAlternativeMeasure, S::kDecisionNotified, S::kPayable)),
     S::kDismissed, kOfficer, kNeedsReason, true, false, DeadlineKind::kNone,
     "Geseponeerd door de sanctionerend ambtenaar"},
    // --- Time-driven (the clock; `handhaving process`).
    {"deadline_unpaid", kTraffic, States(S::kInvited, S::kReinvited), S::kReminderDue, kClock,
     kNeedsNothing, false, true, DeadlineKind::kNone, "Betalingstermijn verstreken"},
    {"deadline_reminder", kAllTracks, St(S::kReminded), S::kEnforceable, kClock, kNeedsNothing,
     false, true, DeadlineKind::kNone, "Termijn van de herinnering verstreken: uitvoerbaar"},
    {"deadline_driver", kTraffic, St(S::kDriverIdentification), S::kInvitationDue, kClock,
     kNeedsNothing, false, true, DeadlineKind::kNone,
     "Geen bestuurder meegedeeld binnen 15 dagen: uitnodiging aan de houder"},
    {"deadline_defence", kOverlastOnly, St(S::kProcedureStarted), S::kDecisionDue, kClock,
     kNeedsNothing, false, true, DeadlineKind::kNone, "Verweertermijn verstreken"},
    {"deadline_decision", kAllTracks, States(S::kDecisionNotified, S::kPayable), S::kReminderDue,
     kClock, kNeedsNothing, false, true, DeadlineKind::kNone,
     "Beroeps- en betalingstermijn verstreken zonder betaling"},
    {"deadline_measure", kOverlastOnly, St(S::kAlternativeMeasure), S::kDecisionDue, kClock,
     kNeedsNothing, false, true, DeadlineKind::kNone,
     "Termijn van de gemeenschapsdienst verstreken"},
    {"expire", kOverlastOnly, kOverlastBeforeDecision, S::kExpired, kClock, kNeedsNothing, false,
     true, DeadlineKind::kNone, "Beslissingstermijn van 6 maanden verstreken"},
    {"expire", kTraffic, kTrafficBeforeInvitation, S::kExpired, kClock, kNeedsNothing, false, true,
     DeadlineKind::kNone, "Termijn van 6 maanden verstreken zonder uitnodiging"},
};

struct StateInfo {
  std::string_view name;
  std::string_view label_nl;
  bool final;
};

constexpr std::array<StateInfo, kCaseStateCount> kStates = {{
    {"awaiting_review", "Wacht op controle", false},
    {"holder_lookup", "Houder opzoeken", false},
    {"foreign_queue", "Buitenlandse nummerplaat", false},
    {"holder_unknown", "Houder onbekend", false},
    {"driver_identification", "Wacht op identificatie bestuurder", false},
    {"invitation_due", "Uitnodiging te versturen", false},
    {"warning_due", "Waarschuwing te versturen", false},
    {"invited", "Uitgenodigd tot betaling", false},
    {"defence_received", "Verweer ontvangen", false},
    {"reinvited", "Opnieuw uitgenodigd tot betaling", false},
    {"reminder_due", "Herinnering te versturen", false},
    {"reminded", "Herinnerd", false},
    {"enforceable", "Uitvoerbaar", false},
    {"bailiff", "Bij de gerechtsdeurwaarder", false},
    {"finding_received", "Vaststelling ontvangen", false},
    {"parental_involvement", "Ouderlijke betrokkenheid", false},
    {"procedure_started", "Procedure gestart", false},
    {"hearing", "Hoorzitting", false},
    {"mediation", "Bemiddeling", false},
    {"decision_due", "Te beslissen", false},
    {"alternative_measure", "Gemeenschapsdienst loopt", false},
    {"decision_notified", "Beslissing betekend", false},
    {"appealed", "In beroep", false},
    {"payable", "Te betalen", false},
    {"paid", "Betaald", true},
    {"dismissed", "Geseponeerd", true},
    {"rejected", "Afgewezen bij controle", true},
    {"permitted", "Vergunning", true},
    {"expired", "Verjaard", true},
    {"warned", "Gewaarschuwd", true},
    {"closed", "Afgesloten", true},
    {"annulled", "Vernietigd", true},
    {"not_applicable", "GAS niet van toepassing", true},
}};

constexpr std::array<std::string_view, kTrackCount> kTrackNames = {"overlast", "parkeren",
                                                                   "autoluw"};
constexpr std::array<std::string_view, 6> kRoleNames = {
    "administrator", "sanctioning_officer", "reviewer", "finance", "viewer", "system"};

bool Applies(const Transition& t, Track track, CaseState from) {
  return (t.tracks & Tr(track)) != 0 && (t.from & St(from)) != 0;
}

}  // namespace

std::string_view TrackName(Track track) { return kTrackNames[static_cast<int>(track)]; }

Result<Track> ParseTrack(std::string_view name) {
  for (int i = 0; i < kTrackCount; ++i) {
    if (kTrackNames[i] == name) return static_cast<Track>(i);
  }
  return InvalidArgument("unknown track \"" + std::string(name) +
                         "\" (overlast, parkeren or autoluw)");
}

std::string_view CaseStateName(CaseState state) { return kStates[static_cast<int>(state)].name; }
std::string_view CaseStateLabelNl(CaseState state) {
  return kStates[static_cast<int>(state)].label_nl;
}
bool IsFinal(CaseState state) { return kStates[static_cast<int>(state)].final; }

Result<CaseState> ParseCaseState(std::string_view name) {
  for (int i = 0; i < kCaseStateCount; ++i) {
    if (kStates[i].name == name) return static_cast<CaseState>(i);
  }
  return InvalidArgument("unknown case state \"" + std::string(name) + "\"");
}

std::string_view RoleName(Role role) { return kRoleNames[static_cast<int>(role)]; }

Result<Role> ParseRole(std::string_view name) {
  for (size_t i = 0; i < kRoleNames.size(); ++i) {
    if (kRoleNames[i] == name && i != static_cast<size_t>(Role::kSystem)) {
      return static_cast<Role>(i);
    }
  }
  return InvalidArgument("unknown role \"" + std::string(name) +
                         "\" (administrator, sanctioning_officer, reviewer, finance or viewer)");
}

std::optional<Deadline> StateDeadline(DeadlineKind kind, LocalDate event,
                                      const GasSettings& settings) {
  switch (kind) {
    case DeadlineKind::kNone:
      return std::nullopt;
    case DeadlineKind::kTrafficPayment:
      return TrafficPaymentDeadline(DeemedNotification(event, settings), settings);
    case DeadlineKind::kTrafficNewInvitation:
      return TrafficNewInvitationDeadline(DeemedNotification(event, settings), settings);
    case DeadlineKind::kTrafficReminder:
      return TrafficReminderDeadline(DeemedNotification(event, settings), settings);
    case DeadlineKind::kDriverIdentification:
      return DriverIdentificationDeadline(event, settings);
    case DeadlineKind::kOverlastDefence:
      return OverlastDefenceDeadline(DeemedNotification(event, settings), settings);
    case DeadlineKind::kOverlastDecision: {
      const LocalDate notified = DeemedNotification(event, settings);
      const Deadline appeal = AppealDeadline(notified, settings);
      const Deadline payment = OverlastPaymentDeadline(notified, settings);
      return appeal.last_day >= payment.last_day ? appeal : payment;
    }
    case DeadlineKind::kCommunityService:
      return TermOfMonths(event, settings.community_service_completion_months,
                          settings.citizen_deadline_weekend_rule);
    case DeadlineKind::kCourtPayment:
      return TermOfMonths(event, settings.overlast_payment_months,
                          settings.citizen_deadline_weekend_rule);
  }
  return std::nullopt;
}

std::span<const Transition> AllTransitions() { return kTransitions; }

Result<const Transition*> FindTransition(Track track, CaseState from, std::string_view action) {
  bool named = false;
  for (const Transition& t : kTransitions) {
    if (t.action != action) continue;
    named = true;
    if (Applies(t, track, from)) return &t;
  }
  if (!named) return NotFound("unknown action \"" + std::string(action) + "\"");
  return FailedPrecondition("action " + std::string(action) + " is not possible on a " +
                            std::string(TrackName(track)) + " case in state " +
                            std::string(CaseStateName(from)));
}

bool RoleMayTake(const Transition& t, Role role) { return (t.roles & Ro(role)) != 0; }

std::vector<const Transition*> AvailableActions(Track track, CaseState from, Role role) {
  std::vector<const Transition*> out;
  for (const Transition& t : kTransitions) {
    if (!t.internal && Applies(t, track, from) && RoleMayTake(t, role)) out.push_back(&t);
  }
  return out;
}

const Transition* DeadlineTransition(Track track, CaseState state) {
  for (const Transition& t : kTransitions) {
    if (t.roles == kClock && t.action != "expire" && Applies(t, track, state)) return &t;
  }
  return nullptr;
}

bool BeforeDecision(Track track, CaseState state) {
  return (St(state) &
          (IsTrafficTrack(track) ? kTrafficBeforeInvitation : kOverlastBeforeDecision)) != 0;
}

const Transition& ExpiryTransition(Track track) {
  for (const Transition& t : kTransitions) {
    if (t.action == "expire" && (t.tracks & Tr(track)) != 0) return t;
  }
  return kTransitions[0];  // unreachable: every track has an expiry row (procedure_test)
}

}  // namespace hh
