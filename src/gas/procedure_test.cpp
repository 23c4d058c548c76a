#include "gas/procedure.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace hh {
namespace {

LocalDate D(int y, int m, int d) {
  LocalDate out;
  EXPECT_TRUE(LocalDate::FromYmd(y, m, d, &out));
  return out;
}

// Follows `actions` from `start`, checking each lands where the table says; returns the end.
CaseState Walk(Track track, CaseState start, const std::vector<std::string>& actions) {
  CaseState s = start;
  for (const std::string& a : actions) {
    auto t = FindTransition(track, s, a);
    EXPECT_TRUE(t.ok()) << a << " from " << CaseStateName(s) << ": " << t.status().message();
    if (!t.ok()) return s;
    s = (*t)->to;
  }
  return s;
}

TEST(Procedure, NamesRoundTrip) {
  std::set<std::string_view> names;
  for (int i = 0; i < kCaseStateCount; ++i) {
    const auto s = static_cast<CaseState>(i);
    ASSERT_TRUE(names.insert(CaseStateName(s)).second) << CaseStateName(s);
    auto back = ParseCaseState(CaseStateName(s));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, s);
    EXPECT_FALSE(CaseStateLabelNl(s).empty());
  }
  for (Track t : {Track::kOverlast, Track::kParkeren, Track::kAutoluw}) {
    EXPECT_EQ(*ParseTrack(TrackName(t)), t);
  }
  EXPECT_FALSE(ParseTrack("gas5").ok());
  EXPECT_EQ(*ParseRole("sanctioning_officer"), Role::kSanctioningOfficer);
  // The clock is not a role a person can be given.
  EXPECT_FALSE(ParseRole("system").ok());
}

// Every state a track can reach has a way out unless it is final, and final states have none:
// no case can get stuck, and no closed case can be reopened by accident.
TEST(Procedure, NoDeadEndsAndNoWayOutOfFinalStates) {
  for (Track track : {Track::kOverlast, Track::kParkeren, Track::kAutoluw}) {
    const CaseState start =
        track == Track::kOverlast ? CaseState::kFindingReceived : CaseState::kAwaitingReview;
    std::set<CaseState> seen{start};
    std::vector<CaseState> todo{start};
    while (!todo.empty()) {
      const CaseState s = todo.back();
      todo.pop_back();
      int out = 0;
      for (const Transition& t : AllTransitions()) {
        if ((t.tracks & (1u << static_cast<int>(track))) == 0) continue;
        if ((t.from & (uint64_t{1} << static_cast<int>(s))) == 0) continue;
        ++out;
        if (seen.insert(t.to).second) todo.push_back(t.to);
      }
      if (IsFinal(s)) {
        EXPECT_EQ(out, 0) << CaseStateName(s) << " is final but can be left";
      } else {
        EXPECT_GT(out, 0) << TrackName(track) << ": " << CaseStateName(s) << " is a dead end";
      }
    }
    EXPECT_TRUE(seen.count(CaseState::kPaid)) << TrackName(track);
    EXPECT_TRUE(seen.count(CaseState::kDismissed)) << TrackName(track);
    EXPECT_TRUE(seen.count(CaseState::kExpired)) << TrackName(track);
    EXPECT_TRUE(seen.count(CaseState::kAnnulled)) << TrackName(track);
  }
}

TEST(Procedure, EverySanctionDecisionIsTheSanctioningOfficersAlone) {
  int deciding = 0;
  for (const Transition& t : AllTransitions()) {
    if (!t.decides_sanction) continue;
    ++deciding;
    EXPECT_TRUE(RoleMayTake(t, Role::kSanctioningOfficer)) << t.action;
    for (Role r :
         {Role::kAdministrator, Role::kReviewer, Role::kFinance, Role::kViewer, Role::kSystem}) {
      EXPECT_FALSE(RoleMayTake(t, r)) << t.action << " by " << RoleName(r);
    }
    EXPECT_FALSE(t.internal) << t.action;
  }
  EXPECT_GE(deciding, 6);
  // The clock only ever moves cases along deadlines: it never decides.
  for (const Transition& t : AllTransitions()) {
    if (RoleMayTake(t, Role::kSystem)) {
      EXPECT_FALSE(t.decides_sanction) << t.action;
      EXPECT_TRUE(t.internal) << t.action;
    }
  }
  // A viewer can do nothing.
  for (int i = 0; i < kCaseStateCount; ++i) {
    for (Track track : {Track::kOverlast, Track::kParkeren, Track::kAutoluw}) {
      EXPECT_TRUE(AvailableActions(track, static_cast<CaseState>(i), Role::kViewer).empty());
    }
  }
}

TEST(Procedure, TrafficNormalPathAndExits) {
  for (Track track : {Track::kParkeren, Track::kAutoluw}) {
    // Paid after the invitation.
    EXPECT_EQ(Walk(track, CaseState::kAwaitingReview,
                   {"review_accept", "holder_person", "send_invitation", "record_payment"}),
              CaseState::kPaid);
    // Defence accepted.
    EXPECT_EQ(Walk(track, CaseState::kInvited, {"register_defence", "accept_defence"}),
              CaseState::kDismissed);
    // Defence rejected: a new invitation, then unpaid through the reminder to the bailiff.
    EXPECT_EQ(Walk(track, CaseState::kInvited,
                   {"register_defence", "reject_defence", "deadline_unpaid", "send_reminder",
                    "deadline_reminder", "hand_to_bailiff", "record_payment"}),
              CaseState::kPaid);
    // Appealed, and the court annuls.
    EXPECT_EQ(Walk(track, CaseState::kReinvited, {"appeal_filed", "appeal_granted"}),
              CaseState::kAnnulled);
    // A company names its driver.
    EXPECT_EQ(Walk(track, CaseState::kHolderLookup, {"holder_company", "name_driver"}),
              CaseState::kInvitationDue);
    // Or lets the 15 days pass: the invitation goes to the company.
    EXPECT_EQ(Walk(track, CaseState::kHolderLookup, {"holder_company", "deadline_driver"}),
              CaseState::kInvitationDue);
    EXPECT_EQ(Walk(track, CaseState::kHolderLookup, {"holder_minor"}), CaseState::kNotApplicable);
    EXPECT_EQ(Walk(track, CaseState::kAwaitingReview, {"review_reject"}), CaseState::kRejected);
  }
  // Warning letters exist only for camera cases.
  EXPECT_EQ(
      Walk(Track::kAutoluw, CaseState::kHolderLookup, {"holder_person_warning", "send_warning"}),
      CaseState::kWarned);
  EXPECT_EQ(FindTransition(Track::kParkeren, CaseState::kHolderLookup, "holder_person_warning")
                .status()
                .code(),
            StatusCode::kFailedPrecondition);
  // A second defence after the new invitation is not a step of the procedure.
  EXPECT_FALSE(FindTransition(Track::kParkeren, CaseState::kReinvited, "register_defence").ok());
}

TEST(Procedure, OverlastNormalPathAndExits) {
  const Track o = Track::kOverlast;
  EXPECT_EQ(Walk(o, CaseState::kFindingReceived,
                 {"start_procedure", "deadline_defence", "decide_fine", "record_payment"}),
            CaseState::kPaid);
  EXPECT_EQ(
      Walk(o, CaseState::kFindingReceived, {"start_procedure", "register_defence", "dismiss"}),
      CaseState::kDismissed);
  EXPECT_EQ(Walk(o, CaseState::kFindingReceived,
                 {"start_procedure", "request_hearing", "hearing_held", "decide_fine",
                  "appeal_filed", "appeal_rejected", "deadline_decision", "send_reminder",
                  "deadline_reminder", "hand_to_bailiff"}),
            CaseState::kBailiff);
  // A minor: parents involved, then the procedure with the mediation offer.
  EXPECT_EQ(Walk(o, CaseState::kFindingReceived,
                 {"involve_parents", "start_procedure", "offer_mediation", "mediation_succeeded"}),
            CaseState::kClosed);
  EXPECT_EQ(Walk(o, CaseState::kFindingReceived,
                 {"involve_parents", "start_procedure", "offer_mediation", "mediation_failed",
                  "decide_community_service", "measure_completed"}),
            CaseState::kClosed);
  EXPECT_EQ(Walk(o, CaseState::kFindingReceived, {"involve_parents", "close_after_parents"}),
            CaseState::kDismissed);
  // Expiry applies before the decision, not after it.
  EXPECT_TRUE(BeforeDecision(o, CaseState::kDecisionDue));
  EXPECT_FALSE(BeforeDecision(o, CaseState::kDecisionNotified));
  EXPECT_EQ(ExpiryTransition(o).to, CaseState::kExpired);
  EXPECT_TRUE(BeforeDecision(Track::kAutoluw, CaseState::kInvitationDue));
  EXPECT_FALSE(BeforeDecision(Track::kAutoluw, CaseState::kInvited));
  EXPECT_EQ(ExpiryTransition(Track::kParkeren).to, CaseState::kExpired);
}

TEST(Procedure, FindTransitionSaysWhy) {
  auto unknown = FindTransition(Track::kOverlast, CaseState::kFindingReceived, "pay_twice");
  EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
  auto wrong = FindTransition(Track::kOverlast, CaseState::kPaid, "decide_fine");
  EXPECT_EQ(wrong.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(wrong.status().message().find("paid"), std::string::npos);
}

TEST(Procedure, DeadlineTransitionsFollowTheDeadlines) {
  EXPECT_EQ(DeadlineTransition(Track::kAutoluw, CaseState::kInvited)->to, CaseState::kReminderDue);
  EXPECT_EQ(DeadlineTransition(Track::kOverlast, CaseState::kProcedureStarted)->to,
            CaseState::kDecisionDue);
  EXPECT_EQ(DeadlineTransition(Track::kAutoluw, CaseState::kAwaitingReview), nullptr);
  // Each state a time-driven transition leaves is entered with a deadline (or is the
  // appeal/court payment state): otherwise `process` would never move it.
  for (const Transition& t : AllTransitions()) {
    if (!RoleMayTake(t, Role::kSystem) || t.action == "expire") continue;
    for (const Transition& in : AllTransitions()) {
      if ((t.from & (uint64_t{1} << static_cast<int>(in.to))) == 0) continue;
      if ((t.tracks & in.tracks) == 0) continue;
      if (RoleMayTake(in, Role::kSystem)) continue;
      EXPECT_NE(in.starts, DeadlineKind::kNone)
          << in.action << " enters " << CaseStateName(in.to) << " without a deadline, but "
          << t.action << " leaves it on one";
    }
  }
}

TEST(Procedure, StateDeadlinesCountFromTheEventAsTheLawSays) {
  GasSettings s;
  // Invitation posted Thursday 2 April 2026: deemed notified Wednesday 8 April (Easter Monday
  // 6 April skipped); 30 days later is Friday 8 May 2026.
  auto pay = StateDeadline(DeadlineKind::kTrafficPayment, D(2026, 4, 2), s);
  ASSERT_TRUE(pay.has_value());
  EXPECT_EQ(pay->last_day, D(2026, 5, 8));
  // Driver identification counts from the sending day itself: 15 days from Monday 2 March 2026
  // is Tuesday 17 March.
  EXPECT_EQ(StateDeadline(DeadlineKind::kDriverIdentification, D(2026, 3, 2), s)->last_day,
            D(2026, 3, 17));
  // OVERLAST defence: posted Monday 2 March, notified Thursday 5 March, 15 days: Friday 20 March.
  EXPECT_EQ(StateDeadline(DeadlineKind::kOverlastDefence, D(2026, 3, 2), s)->last_day,
            D(2026, 3, 20));
  // Decision posted Monday 2 March, notified Thursday 5 March: appeal and payment 1 month,
  // to Sunday 5 April 2026 -> Easter Monday 6 April is a holiday too -> Tuesday 7 April.
  EXPECT_EQ(StateDeadline(DeadlineKind::kOverlastDecision, D(2026, 3, 2), s)->last_day,
            D(2026, 4, 7));
  EXPECT_FALSE(StateDeadline(DeadlineKind::kNone, D(2026, 3, 2), s).has_value());
}

}  // namespace
}  // namespace hh
