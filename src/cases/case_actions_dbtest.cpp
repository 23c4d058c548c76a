// OpenCase, Move, Act, RecidivismOf, DecisionLimitOf and WakeOn on a fresh, migrated SQLite file
// per test. Every expected date and amount is derived by hand from the law (GAS.md 1, 2 and 6;
// the counting rules of gas/deadlines.h) in the comment beside it, never by running the code.
// Calendar facts used below (2026): Easter Sunday 5 April, so Easter Monday 6 April, Ascension
// Thursday 14 May and Whit Monday 25 May are legal holidays (core/calendar.cpp). All names, birth
// dates and plates are synthetic.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cases/case_actions.h"
#include "cases/test_act_input.h"
#include "gas/age.h"
#include "store/migrations.h"
#include "store/sqlite_case_store.h"
#include "store/test_db.h"
#include "store/test_temp_dir.h"

namespace hh {
namespace {

constexpr std::string_view kArticle = "APR art. 12";
constexpr std::string_view kOtherArticle = "APR art. 31";
constexpr std::string_view kParkingArticle = "KB 1 december 1975 art. 24";

using test_util::D;
using test_util::In;
// 10:00 UTC: 11:00 or 12:00 in Brussels, the same calendar day in winter and in summer.
Instant Noon(std::string_view iso_day) {
  return *Instant::Parse(std::string(iso_day) + "T10:00:00Z");
}

Party Offender(std::string name, std::string_view birth) {
  Party p;
  p.role = PartyRole::kOffender;
  p.name = std::move(name);
  p.birth_date = D(birth);
  p.addressee = true;
  return p;
}

Party Parent() {
  Party p;
  p.role = PartyRole::kParent;
  p.name = "Petra Testouder";
  p.birth_date = D("1979-03-03");
  return p;
}

Party Holder() {
  Party p;
  p.role = PartyRole::kHolder;
  p.name = "Hanne Testhouder";
  p.birth_date = D("1975-09-09");
  p.addressee = true;
  return p;
}

// The adult offender of most tests: 35 on 2026-03-02 (GAS applies; adult maximum EUR 350).
const Party kAdult = Offender("Tom Testpersoon", "1990-04-12");
// A minor: born 2009-01-15, so 17 on 2026-03-02: above the default minimum age of 16, below 18
// (minor maximum EUR 175, compulsory mediation offer).
const Party kMinor = Offender("Mila Testpersoon", "2009-01-15");

class CaseActionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = OpenMigratedDb(dir_, Noon("2026-01-01"));
    ASSERT_NE(db_, nullptr);
    store_ = std::make_unique<SqliteCaseStore>(*db_);
    ASSERT_TRUE(AddUser("olga", "Olga Officier", Role::kSanctioningOfficer).ok());
    ASSERT_TRUE(AddUser("rik", "Rik Reviewer", Role::kReviewer).ok());
    ASSERT_TRUE(AddUser("fien", "Fien Financien", Role::kFinance).ok());
    ASSERT_TRUE(AddUser("adam", "Adam Admin", Role::kAdministrator).ok());
    officer_ = *ActorFor(*store_, "olga");
    reviewer_ = *ActorFor(*store_, "rik");
    finance_ = *ActorFor(*store_, "fien");
    admin_ = *ActorFor(*store_, "adam");
  }

  Status AddUser(const std::string& login, const std::string& name, Role role) {
    User u;
    u.login = login;
    u.name = name;
    u.role = role;
    return store_->AddUser(u, Noon("2026-01-01"));
  }

  CaseId Open(Case c, std::vector<Party> parties, Instant now) {
    c.source_ref = "REF-" + std::to_string(++refs_);
    CaseId id;
    Status s = store_->Transact([&]() -> Status {
      auto opened = OpenCase(*store_, settings_, c, parties, {}, SystemActor(), now, "test");
      if (!opened.ok()) return opened.status();
      id = *opened;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return id;
  }

  // An OVERLAST finding (state finding_received) for facts on `facts`, opened the day after.
  CaseId OpenOverlast(std::string_view facts, const Party& offender,
                      std::string_view article = kArticle) {
    Case c;
    c.track = Track::kOverlast;
    c.state = CaseState::kFindingReceived;
    c.facts_day = D(facts);
    c.facts_at = Noon(facts);
    c.offence_code = std::string(article);
    c.article = std::string(article);
    std::vector<Party> parties{offender};
    // As intake does: a minor on the day of the facts gets the minors' procedure and a parent.
    if (offender.birth_date &&
        AgeOnDateOfFacts(*offender.birth_date, c.facts_day, settings_)->minor) {
      c.minor = true;
      parties.push_back(Parent());
    }
    return Open(c, parties, Noon(facts).PlusSeconds(86400));
  }

  // A PARKEREN case whose holder was identified: in `state` (invitation_due for the letter
  // flow), a category 1 offence at its fixed EUR 58 (KB 9 maart 2014 as amended 2018-09-01).
  CaseId OpenParking(std::string_view facts, CaseState state = CaseState::kInvitationDue,
                     const GasSettings* settings = nullptr) {
    Case c;
    c.track = Track::kParkeren;
    c.state = state;
    c.facts_day = D(facts);
    c.facts_at = Noon(facts);
    c.offence_code = "P1";
    c.article = std::string(kParkingArticle);
    c.category = TrafficCategory::kCategory1;
    c.amount = Money::FromEuro(58);
    c.plate = "1TST001";
    c.country = "BE";
    const GasSettings saved = settings_;
    if (settings != nullptr) settings_ = *settings;
    CaseId id = Open(c, {Holder()}, Noon(facts).PlusSeconds(86400));
    settings_ = saved;
    return id;
  }

  Status Do(CaseId id, std::string_view action, const Actor& who, const ActInput& in,
            std::string_view day) {
    return Act(*store_, settings_, id, action, who, in, Noon(day));
  }

  // The clock's transition `action` (what `handhaving process` does once a deadline passed).
  Status Clock(CaseId id, std::string_view action, std::string_view day) {
    return store_->Transact([&]() -> Status {
      auto c = store_->GetCase(id);
      if (!c.ok()) return c.status();
      auto t = FindTransition(c->track, c->state, action);
      if (!t.ok()) return t.status();
      return Move(*store_, settings_, *c, **t, SystemActor(), ActInput{}, Noon(day));
    });
  }

  CaseState StateOf(CaseId id) { return store_->GetCase(id)->state; }
  size_t EventCount(CaseId id) { return store_->GetCaseFile(id)->events.size(); }
  bool Wakes(CaseId id, std::string_view day) {
    auto ids = store_->CasesToWake(D(day));
    EXPECT_TRUE(ids.ok());
    for (CaseId i : *ids) {
      if (i == id) return true;
    }
    return false;
  }

  // start_procedure posted on `day`, then a written defence the same day: decision_due.
  void ToDecisionDue(CaseId id, std::string_view day) {
    ASSERT_TRUE(Do(id, "start_procedure", officer_, In().Posted(day), day).ok());
    ASSERT_TRUE(Do(id, "register_defence", officer_, In().Reason("verweer ontvangen"), day).ok());
    ASSERT_EQ(StateOf(id), CaseState::kDecisionDue);
  }

  // A minor's case from decision_due through the compulsory mediation offer, refused.
  void MediationFails(CaseId id, std::string_view day) {
    ASSERT_TRUE(Do(id, "offer_mediation", officer_, {}, day).ok());
    ASSERT_TRUE(Do(id, "mediation_failed", officer_, In().Reason("aanbod geweigerd"), day).ok());
    ASSERT_EQ(StateOf(id), CaseState::kDecisionDue);
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<CaseStore> store_;
  GasSettings settings_;
  Actor officer_, reviewer_, finance_, admin_;
  int refs_ = 0;
};

// --- The OVERLAST normal path -------------------------------------------------------------

TEST_F(CaseActionsTest, OverlastNormalPathWithDeadlinesAndTimeline) {
  const CaseId id = OpenOverlast("2026-03-02", kAdult);  // Monday 2 March 2026
  ASSERT_EQ(StateOf(id), CaseState::kFindingReceived);

  // start_procedure posted Tuesday 2026-03-10. Deemed notification: the 3rd working day after
  // posting (posting day not counted): Wed 11, Thu 12, Fri 13 -> 2026-03-13. Defence: 15 days
  // from the notification (Ger.W. art. 52: day of the event not counted) = 2026-03-28, a
  // Saturday -> the next working day, Monday 2026-03-30 (citizen_deadline_weekend_rule).
  ASSERT_TRUE(Do(id, "start_procedure", officer_, In().Posted("2026-03-10"), "2026-03-10").ok());
  Case c = *store_->GetCase(id);
  EXPECT_EQ(c.state, CaseState::kProcedureStarted);
  EXPECT_EQ(c.state_deadline, D("2026-03-30"));
  // The clock looks at it the day after the last day, not before.
  EXPECT_FALSE(Wakes(id, "2026-03-30"));
  EXPECT_TRUE(Wakes(id, "2026-03-31"));

  // The defence period passed without a defence: the clock moves it on 2026-03-31.
  ASSERT_TRUE(Clock(id, "deadline_defence", "2026-03-31").ok());
  EXPECT_EQ(StateOf(id), CaseState::kDecisionDue);
  EXPECT_EQ(store_->GetCase(id)->state_deadline, std::nullopt);

  // decide_fine EUR 350.00 (the adult maximum, allowed), posted Tuesday 2026-04-07. Notified:
  // Wed 8, Thu 9, Fri 10 -> 2026-04-10. Appeal: 1 month (art. 54): from 11 April to the day
  // before 11 May = 10 May 2026, a Sunday -> Monday 2026-05-11. Payment: overlast_payment_months
  // = 1, the same 2026-05-11. The later of the two: 2026-05-11.
  ASSERT_TRUE(Do(id, "decide_fine", officer_,
                 In().Reason("overlast bewezen").Posted("2026-04-07").Amount(35000), "2026-04-07")
                  .ok());
  c = *store_->GetCase(id);
  EXPECT_EQ(c.state, CaseState::kDecisionNotified);
  EXPECT_EQ(c.state_deadline, D("2026-05-11"));
  ASSERT_TRUE(c.amount.has_value());
  EXPECT_EQ(c.amount->cents(), 35000);
  // The fine is in the sanctions register for the offender, dated the day it was decided.
  auto sanctions = store_->SanctionsOf(OffenderKey(kAdult));
  ASSERT_TRUE(sanctions.ok());
  ASSERT_EQ(sanctions->size(), 1u);
  EXPECT_EQ((*sanctions)[0].article, kArticle);
  EXPECT_EQ((*sanctions)[0].decided, D("2026-04-07"));

  ASSERT_TRUE(Do(id, "record_payment", finance_, {}, "2026-04-20").ok());
  c = *store_->GetCase(id);
  EXPECT_EQ(c.state, CaseState::kPaid);
  EXPECT_EQ(c.state_deadline, std::nullopt);
  EXPECT_FALSE(Wakes(id, "2030-01-01"));

  auto file = store_->GetCaseFile(id);
  ASSERT_TRUE(file.ok());
  const std::vector<CaseEvent>& ev = file->events;
  ASSERT_EQ(ev.size(), 5u);
  EXPECT_EQ(ev[0].action, "opened");
  EXPECT_EQ(ev[0].to, CaseState::kFindingReceived);
  EXPECT_EQ(ev[0].role, Role::kSystem);

  EXPECT_EQ(ev[1].action, "start_procedure");
  EXPECT_EQ(ev[1].actor, "olga");
  EXPECT_EQ(ev[1].actor_name, "Olga Officier");
  EXPECT_EQ(ev[1].role, Role::kSanctioningOfficer);
  EXPECT_EQ(ev[1].from, CaseState::kFindingReceived);
  EXPECT_EQ(ev[1].to, CaseState::kProcedureStarted);
  EXPECT_EQ(ev[1].at, Noon("2026-03-10"));
  EXPECT_EQ(ev[1].detail, "verstuurd op 10/03/2026; termijn tot en met 30/03/2026");

  EXPECT_EQ(ev[2].action, "deadline_defence");
  EXPECT_EQ(ev[2].actor, "system");
  EXPECT_EQ(ev[2].role, Role::kSystem);
  EXPECT_EQ(ev[2].to, CaseState::kDecisionDue);

  EXPECT_EQ(ev[3].action, "decide_fine");
  EXPECT_EQ(ev[3].actor_name, "Olga Officier");
  EXPECT_EQ(ev[3].role, Role::kSanctioningOfficer);
  EXPECT_EQ(ev[3].from, CaseState::kDecisionDue);
  EXPECT_EQ(ev[3].to, CaseState::kDecisionNotified);
  EXPECT_EQ(ev[3].reason, "overlast bewezen");
  EXPECT_EQ(ev[3].detail,
            "verstuurd op 07/04/2026; bedrag € 350,00; termijn tot en met 11/05/2026");

  EXPECT_EQ(ev[4].action, "record_payment");
  EXPECT_EQ(ev[4].actor, "fien");
  EXPECT_EQ(ev[4].actor_name, "Fien Financien");
  EXPECT_EQ(ev[4].role, Role::kFinance);
  EXPECT_EQ(ev[4].from, CaseState::kDecisionNotified);
  EXPECT_EQ(ev[4].to, CaseState::kPaid);
  EXPECT_EQ(ev[4].at, Noon("2026-04-20"));
}

TEST_F(CaseActionsTest, PostingDefaultsToTheDayOfTheAct) {
  const CaseId id = OpenOverlast("2026-03-02", kAdult);
  // No --posted: the day of `now`, Tuesday 2026-03-10, as above -> 2026-03-30.
  ASSERT_TRUE(Do(id, "start_procedure", officer_, {}, "2026-03-10").ok());
  EXPECT_EQ(store_->GetCase(id)->state_deadline, D("2026-03-30"));
}

// --- Every exit ----------------------------------------------------------------------------

TEST_F(CaseActionsTest, DefenceAcceptedThenDismissed) {
  const CaseId id = OpenOverlast("2026-03-02", kAdult);
  ToDecisionDue(id, "2026-03-10");
  ASSERT_TRUE(Do(id, "dismiss", officer_, In().Reason("verweer gegrond"), "2026-03-16").ok());
  Case c = *store_->GetCase(id);
  EXPECT_EQ(c.state, CaseState::kDismissed);
  EXPECT_EQ(c.state_deadline, std::nullopt);
  EXPECT_EQ(c.amount, std::nullopt);
  // Nothing imposed: nothing in the register.
  EXPECT_TRUE(store_->SanctionsOf(OffenderKey(kAdult))->empty());
  auto file = store_->GetCaseFile(id);
  ASSERT_EQ(file->events.size(), 4u);  // opened, start_procedure, register_defence, dismiss
  EXPECT_EQ(file->events[2].action, "register_defence");
  EXPECT_EQ(file->events[2].reason, "verweer ontvangen");
  EXPECT_EQ(file->events[3].action, "dismiss");
  EXPECT_EQ(file->events[3].reason, "verweer gegrond");
  // A final state: no action leaves it.
  EXPECT_EQ(Do(id, "dismiss", officer_, In().Reason("nog eens"), "2026-03-17").code(),
            StatusCode::kFailedPrecondition);
}

TEST_F(CaseActionsTest, AppealGrantedAnnuls) {
  const CaseId id = OpenOverlast("2026-03-02", kAdult);
  ToDecisionDue(id, "2026-03-10");
  ASSERT_TRUE(
      Do(id, "decide_fine", officer_, In().Reason("bewezen").Amount(15000), "2026-04-07").ok());
  ASSERT_TRUE(Do(id, "appeal_filed", officer_, In().Reason("verzoekschrift"), "2026-04-20").ok());
  Case c = *store_->GetCase(id);
  EXPECT_EQ(c.state, CaseState::kAppealed);
  EXPECT_EQ(c.state_deadline, std::nullopt);  // the court sets no term of ours
  EXPECT_EQ(store_->SanctionsOf(OffenderKey(kAdult))->size(), 1u);
  ASSERT_TRUE(Do(id, "appeal_granted", officer_, In().Reason("vonnis"), "2026-06-15").ok());
  EXPECT_EQ(StateOf(id), CaseState::kAnnulled);
  // An annulled decision no longer counts for recidivism (recidivism.h).
  EXPECT_TRUE(store_->SanctionsOf(OffenderKey(kAdult))->empty());
  EXPECT_EQ(Do(id, "record_payment", finance_, {}, "2026-06-16").code(),
            StatusCode::kFailedPrecondition);
}

TEST_F(CaseActionsTest, AppealRejectedMakesItPayable) {
  const CaseId id = OpenOverlast("2026-03-02", kAdult);
  ToDecisionDue(id, "2026-03-10");
  ASSERT_TRUE(
      Do(id, "decide_fine", officer_, In().Reason("bewezen").Amount(15000), "2026-04-07").ok());
  ASSERT_TRUE(Do(id, "appeal_filed", officer_, In().Reason("verzoekschrift"), "2026-04-20").ok());
  // Judgment registered Monday 2026-05-04: payable within overlast_payment_months = 1 of it:
  // from 5 May to the day before 5 June = Thursday 2026-06-04 (a working day).
  ASSERT_TRUE(Do(id, "appeal_rejected", officer_, In().Reason("vonnis"), "2026-05-04").ok());
  Case c = *store_->GetCase(id);
  EXPECT_EQ(c.state, CaseState::kPayable);
  EXPECT_EQ(c.state_deadline, D("2026-06-04"));
  EXPECT_EQ(c.amount->cents(), 15000);  // the decided fine stays
  ASSERT_TRUE(Do(id, "record_payment", finance_, {}, "2026-05-20").ok());
  EXPECT_EQ(StateOf(id), CaseState::kPaid);
}

TEST_F(CaseActionsTest, MediationSucceededCloses) {
  const CaseId id = OpenOverlast("2026-03-02", kAdult);
  ASSERT_TRUE(Do(id, "start_procedure", officer_, {}, "2026-03-10").ok());
  ASSERT_TRUE(Do(id, "offer_mediation", officer_, {}, "2026-03-12").ok());
  EXPECT_EQ(StateOf(id), CaseState::kMediation);
  EXPECT_EQ(store_->GetCase(id)->state_deadline, std::nullopt);
  EXPECT_EQ(Do(id, "mediation_succeeded", officer_, {}, "2026-04-01").code(),
            StatusCode::kInvalidArgument);  // needs --reason
  ASSERT_TRUE(
      Do(id, "mediation_succeeded", officer_, In().Reason("akkoord bereikt"), "2026-04-01").ok());
  EXPECT_EQ(StateOf(id), CaseState::kClosed);
  EXPECT_TRUE(store_->SanctionsOf(OffenderKey(kAdult))->empty());
}

TEST_F(CaseActionsTest, HearingPathReachesTheDecision) {
  const CaseId id = OpenOverlast("2026-03-02", kAdult);
  ASSERT_TRUE(Do(id, "start_procedure", officer_, {}, "2026-03-10").ok());
  // EUR 70.00 is not above EUR 70 (GAS.md 1.4.3): written procedure only.
  Status s = Do(id, "request_hearing", reviewer_, In().Amount(7000), "2026-03-16");
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << s.ToString();
  EXPECT_EQ(StateOf(id), CaseState::kProcedureStarted);
  // Without the fine considered.
  EXPECT_EQ(Do(id, "request_hearing", reviewer_, {}, "2026-03-16").code(),
            StatusCode::kInvalidArgument);
  // EUR 70.01 is above: allowed (a reviewer may register it).
  ASSERT_TRUE(Do(id, "request_hearing", reviewer_, In().Amount(7001), "2026-03-16").ok());
  EXPECT_EQ(StateOf(id), CaseState::kHearing);
  EXPECT_EQ(store_->GetCase(id)->state_deadline, std::nullopt);
  ASSERT_TRUE(Do(id, "hearing_held", officer_, In().Reason("gehoord"), "2026-03-24").ok());
  EXPECT_EQ(StateOf(id), CaseState::kDecisionDue);
}

// --- Guards --------------------------------------------------------------------------------

TEST_F(CaseActionsTest, OnlyTheSanctioningOfficerDecides) {
  const CaseId id = OpenOverlast("2026-03-02", kAdult);
  ToDecisionDue(id, "2026-03-10");
  const ActInput fine = In().Reason("bewezen").Amount(10000);
  EXPECT_EQ(Do(id, "decide_fine", reviewer_, fine, "2026-04-07").code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(Do(id, "decide_fine", finance_, fine, "2026-04-07").code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(Do(id, "decide_fine", admin_, fine, "2026-04-07").code(),
            StatusCode::kPermissionDenied);
  // Refusals leave the case and its timeline alone.
  EXPECT_EQ(StateOf(id), CaseState::kDecisionDue);
  EXPECT_EQ(EventCount(id), 3u);
  EXPECT_TRUE(store_->SanctionsOf(OffenderKey(kAdult))->empty());
}

TEST_F(CaseActionsTest, DecideFineNeedsAReasonAndAnAmount) {
  const CaseId id = OpenOverlast("2026-03-02", kAdult);
  ToDecisionDue(id, "2026-03-10");
  EXPECT_EQ(Do(id, "decide_fine", officer_, In().Amount(10000), "2026-04-07").code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(Do(id, "decide_fine", officer_, In().Reason("bewezen"), "2026-04-07").code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(Do(id, "decide_fine", officer_, In().Reason("bewezen").Amount(0), "2026-04-07").code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(StateOf(id), CaseState::kDecisionDue);
  EXPECT_EQ(EventCount(id), 3u);
}

TEST_F(CaseActionsTest, AdultMaximumIs350) {
  const CaseId id = OpenOverlast("2026-03-02", kAdult);
  ToDecisionDue(id, "2026-03-10");
  // GAS-wet 24 juni 2013: at most EUR 350 for an adult; one cent more is refused.
  Status s = Do(id, "decide_fine", officer_, In().Reason("bewezen").Amount(35001), "2026-04-07");
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << s.ToString();
  EXPECT_EQ(StateOf(id), CaseState::kDecisionDue);
  ASSERT_TRUE(
      Do(id, "decide_fine", officer_, In().Reason("bewezen").Amount(35000), "2026-04-07").ok());
  EXPECT_EQ(store_->GetCase(id)->amount->cents(), 35000);
}

TEST_F(CaseActionsTest, MinorNeedsMediationFirstAndMaximumIs175) {
  const CaseId id = OpenOverlast("2026-03-02", kMinor);
  ASSERT_TRUE(store_->GetCase(id)->minor);
  // Parental involvement is a step for minors (GAS.md 1.5).
  ASSERT_TRUE(Do(id, "involve_parents", officer_, In().Posted("2026-03-04"), "2026-03-04").ok());
  EXPECT_EQ(StateOf(id), CaseState::kParentalInvolvement);
  ASSERT_TRUE(Do(id, "start_procedure", officer_, {}, "2026-03-10").ok());
  ASSERT_TRUE(Do(id, "register_defence", officer_, In().Reason("verweer"), "2026-03-16").ok());
  ASSERT_EQ(StateOf(id), CaseState::kDecisionDue);

  // GAS.md 1.5: the mediation offer is compulsory; a fine only once it was refused or failed.
  Status s = Do(id, "decide_fine", officer_, In().Reason("bewezen").Amount(10000), "2026-04-07");
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << s.ToString();
  EXPECT_EQ(StateOf(id), CaseState::kDecisionDue);

  MediationFails(id, "2026-04-07");
  // Minor maximum EUR 175 (GAS-wet 24 juni 2013): 175.01 refused, 175.00 allowed.
  s = Do(id, "decide_fine", officer_, In().Reason("bewezen").Amount(17501), "2026-04-08");
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << s.ToString();
  ASSERT_TRUE(
      Do(id, "decide_fine", officer_, In().Reason("bewezen").Amount(17500), "2026-04-08").ok());
  EXPECT_EQ(StateOf(id), CaseState::kDecisionNotified);
  EXPECT_EQ(store_->GetCase(id)->amount->cents(), 17500);
}

TEST_F(CaseActionsTest, ParentalInvolvementIsForMinorsOnly) {
  const CaseId id = OpenOverlast("2026-03-02", kAdult);
  Status s = Do(id, "involve_parents", officer_, {}, "2026-03-04");
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << s.ToString();
  EXPECT_EQ(StateOf(id), CaseState::kFindingReceived);
  EXPECT_EQ(EventCount(id), 1u);
}

TEST_F(CaseActionsTest, MinorCommunityServiceHours) {
  const CaseId id = OpenOverlast("2026-03-02", kMinor);
  ToDecisionDue(id, "2026-03-10");
  const ActInput base = In().Reason("gemeenschapsdienst").Posted("2026-04-07");
  // Before mediation failed, even a valid number of hours is refused (GAS.md 1.5).
  ActInput in = base;
  in.hours = 10;
  EXPECT_EQ(Do(id, "decide_community_service", officer_, in, "2026-04-07").code(),
            StatusCode::kFailedPrecondition);
  MediationFails(id, "2026-04-07");

  // No hours, or 0: the input is missing (InvalidArgument).
  EXPECT_EQ(Do(id, "decide_community_service", officer_, base, "2026-04-07").code(),
            StatusCode::kInvalidArgument);
  in.hours = 0;
  EXPECT_EQ(Do(id, "decide_community_service", officer_, in, "2026-04-07").code(),
            StatusCode::kInvalidArgument);
  // 16 hours: above the legal cap of 15 for minors (GAS.md 1.3), a guard of the law.
  in.hours = 16;
  Status s = Do(id, "decide_community_service", officer_, in, "2026-04-07");
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << s.ToString();
  EXPECT_EQ(StateOf(id), CaseState::kDecisionDue);

  // 15 hours, posted Tuesday 2026-04-07: to be done within community_service_completion_months
  // = 6 of the decision: from 8 April to the day before 8 October = Wednesday 2026-10-07.
  in.hours = 15;
  ASSERT_TRUE(Do(id, "decide_community_service", officer_, in, "2026-04-07").ok());
  Case c = *store_->GetCase(id);
  EXPECT_EQ(c.state, CaseState::kAlternativeMeasure);
  EXPECT_EQ(c.state_deadline, D("2026-10-07"));
  auto file = store_->GetCaseFile(id);
  EXPECT_EQ(file->events.back().detail,
            "verstuurd op 07/04/2026; 15 uur; termijn tot en met 07/10/2026");
  // Community service is a sanction: it is in the register.
  auto sanctions = store_->SanctionsOf(OffenderKey(kMinor));
  ASSERT_EQ(sanctions->size(), 1u);
  EXPECT_EQ((*sanctions)[0].decided, D("2026-04-07"));
}

TEST_F(CaseActionsTest, AdultCommunityServiceCapIs30) {
  const CaseId id = OpenOverlast("2026-03-02", kAdult);
  ToDecisionDue(id, "2026-03-10");
  // Adults: no mediation needed; cap community_service_max_hours_adult = 30 ([UNVERIFIED]).
  ActInput in = In().Reason("gemeenschapsdienst").Hours(31);
  EXPECT_EQ(Do(id, "decide_community_service", officer_, in, "2026-04-07").code(),
            StatusCode::kFailedPrecondition);
  in.hours = 30;
  ASSERT_TRUE(Do(id, "decide_community_service", officer_, in, "2026-04-07").ok());
  EXPECT_EQ(StateOf(id), CaseState::kAlternativeMeasure);
}

TEST_F(CaseActionsTest, PostingDayMustBeBetweenTheFactsAndToday) {
  const CaseId id = OpenOverlast("2026-03-02", kAdult);
  // Today is 2026-03-10: a letter posted tomorrow is refused.
  Status s = Do(id, "start_procedure", officer_, In().Posted("2026-03-11"), "2026-03-10");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << s.ToString();
  // Posted before the facts: refused too.
  EXPECT_EQ(Do(id, "start_procedure", officer_, In().Posted("2026-03-01"), "2026-03-10").code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(StateOf(id), CaseState::kFindingReceived);
  EXPECT_EQ(EventCount(id), 1u);
  // Today itself is allowed.
  EXPECT_TRUE(Do(id, "start_procedure", officer_, In().Posted("2026-03-10"), "2026-03-10").ok());
}

TEST_F(CaseActionsTest, WrongStateAndUnknownAction) {
  const CaseId id = OpenOverlast("2026-03-02", kAdult);
  EXPECT_EQ(Do(id, "decide_fine", officer_, In().Reason("x").Amount(100), "2026-03-10").code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(Do(id, "record_payment", finance_, {}, "2026-03-10").code(),
            StatusCode::kFailedPrecondition);
  // A traffic action on an OVERLAST case.
  EXPECT_EQ(Do(id, "send_invitation", officer_, {}, "2026-03-10").code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(Do(id, "pay_twice", officer_, {}, "2026-03-10").code(), StatusCode::kNotFound);
  EXPECT_EQ(Do(CaseId{999}, "start_procedure", officer_, {}, "2026-03-10").code(),
            StatusCode::kNotFound);
  EXPECT_EQ(StateOf(id), CaseState::kFindingReceived);
  EXPECT_EQ(EventCount(id), 1u);
}

TEST_F(CaseActionsTest, InternalActionsAreRefusedThroughAct) {
  const CaseId review = OpenParking("2026-03-25", CaseState::kAwaitingReview);
  const CaseId lookup = OpenParking("2026-03-26", CaseState::kHolderLookup);
  const CaseId invited = OpenParking("2026-03-27", CaseState::kInvitationDue);
  ASSERT_TRUE(Do(invited, "send_invitation", officer_, {}, "2026-04-02").ok());
  const struct {
    CaseId id;
    std::string_view action;
    CaseState state;
  } kCases[] = {{review, "review_accept", CaseState::kAwaitingReview},
                {lookup, "holder_person", CaseState::kHolderLookup},
                {invited, "deadline_unpaid", CaseState::kInvited}};
  for (const auto& k : kCases) {
    SCOPED_TRACE(k.action);
    const size_t events = EventCount(k.id);
    Status s = Do(k.id, k.action, officer_, In().Reason("poging"), "2026-04-03");
    EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
    // Refused as internal, not as a wrong state: the transition applies from this state.
    EXPECT_NE(s.message().find("own command"), std::string::npos) << s.message();
    EXPECT_EQ(StateOf(k.id), k.state);
    EXPECT_EQ(EventCount(k.id), events);
  }
}

TEST_F(CaseActionsTest, DeactivatedAndUnknownUsers) {
  User u;
  u.login = "oud";
  u.name = "Oud Account";
  u.role = Role::kSanctioningOfficer;
  u.active = false;
  ASSERT_TRUE(store_->AddUser(u, Noon("2026-01-01")).ok());
  EXPECT_EQ(ActorFor(*store_, "oud").status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(ActorFor(*store_, "niemand").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(officer_.name, "Olga Officier");
  EXPECT_EQ(officer_.role, Role::kSanctioningOfficer);
}

// --- Traffic -------------------------------------------------------------------------------

TEST_F(CaseActionsTest, ParkingInvitationDefenceRejectedAndPaid) {
  const CaseId id = OpenParking("2026-03-25");
  // The invitation decides the (fixed) sanction: only the sanctioning officer sends it.
  EXPECT_EQ(Do(id, "send_invitation", reviewer_, {}, "2026-04-02").code(),
            StatusCode::kPermissionDenied);

  // Posted Thursday 2026-04-02: working days after it: Fri 3 (1), [Sat 4, Sun 5, Easter Monday
  // 6 April skipped], Tue 7 (2), Wed 8 (3) -> deemed notified Wednesday 2026-04-08. Pay or defend
  // within 30 days of it (GAS.md 2.2.2-3): 8 April + 30 = Friday 2026-05-08, a working day.
  ASSERT_TRUE(Do(id, "send_invitation", officer_, In().Posted("2026-04-02"), "2026-04-02").ok());
  Case c = *store_->GetCase(id);
  EXPECT_EQ(c.state, CaseState::kInvited);
  EXPECT_EQ(c.state_deadline, D("2026-05-08"));
  EXPECT_EQ(c.amount->cents(), 5800);  // the fixed amount is untouched
  EXPECT_FALSE(Wakes(id, "2026-05-08"));
  EXPECT_TRUE(Wakes(id, "2026-05-09"));

  // A reviewer may register the defence (it needs a reason).
  EXPECT_EQ(Do(id, "register_defence", reviewer_, {}, "2026-04-15").code(),
            StatusCode::kInvalidArgument);
  ASSERT_TRUE(
      Do(id, "register_defence", reviewer_, In().Reason("bord niet zichtbaar"), "2026-04-15").ok());
  c = *store_->GetCase(id);
  EXPECT_EQ(c.state, CaseState::kDefenceReceived);
  EXPECT_EQ(c.state_deadline, std::nullopt);  // the officer decides: no clock

  // Rejected, new invitation posted Monday 2026-04-20: notified Tue 21, Wed 22, Thu 23 ->
  // 2026-04-23; + 30 days = Saturday 2026-05-23 -> Sunday 24 -> Whit Monday 25 May (holiday) ->
  // Tuesday 2026-05-26 (GAS.md 2.2.4).
  EXPECT_EQ(Do(id, "reject_defence", reviewer_, In().Reason("ongegrond"), "2026-04-20").code(),
            StatusCode::kPermissionDenied);
  ASSERT_TRUE(Do(id, "reject_defence", officer_,
                 In().Reason("bord was zichtbaar").Posted("2026-04-20"), "2026-04-20")
                  .ok());
  c = *store_->GetCase(id);
  EXPECT_EQ(c.state, CaseState::kReinvited);
  EXPECT_EQ(c.state_deadline, D("2026-05-26"));
  // No fine is imposed yet: the register is empty until payment (or enforceability).
  const std::string holder_key = OffenderKey(Holder());
  EXPECT_TRUE(store_->SanctionsOf(holder_key)->empty());

  ASSERT_TRUE(Do(id, "record_payment", finance_, {}, "2026-05-05").ok());
  EXPECT_EQ(StateOf(id), CaseState::kPaid);
  auto sanctions = store_->SanctionsOf(holder_key);
  ASSERT_TRUE(sanctions.ok());
  ASSERT_EQ(sanctions->size(), 1u);
  EXPECT_EQ((*sanctions)[0].article, kParkingArticle);
  EXPECT_EQ((*sanctions)[0].decided, D("2026-05-05"));

  auto file = store_->GetCaseFile(id);
  ASSERT_EQ(file->events.size(), 5u);
  EXPECT_EQ(file->events[1].action, "send_invitation");
  EXPECT_EQ(file->events[1].actor_name, "Olga Officier");
  EXPECT_EQ(file->events[1].detail, "verstuurd op 02/04/2026; termijn tot en met 08/05/2026");
  EXPECT_EQ(file->events[2].action, "register_defence");
  EXPECT_EQ(file->events[2].role, Role::kReviewer);
  EXPECT_EQ(file->events[3].action, "reject_defence");
  EXPECT_EQ(file->events[3].reason, "bord was zichtbaar");
  EXPECT_EQ(file->events[4].action, "record_payment");
  EXPECT_EQ(file->events[4].role, Role::kFinance);
}

TEST_F(CaseActionsTest, TrafficFineIsRegisteredOnceWhenPaidAfterEnforceability) {
  const CaseId id = OpenParking("2026-03-25");
  ASSERT_TRUE(Do(id, "send_invitation", officer_, In().Posted("2026-04-02"), "2026-04-02").ok());
  ASSERT_TRUE(Clock(id, "deadline_unpaid", "2026-05-09").ok());
  ASSERT_TRUE(Do(id, "send_reminder", finance_, {}, "2026-05-11").ok());
  ASSERT_TRUE(Clock(id, "deadline_reminder", "2026-06-16").ok());
  EXPECT_EQ(StateOf(id), CaseState::kEnforceable);
  // Unpaid after the reminder: the fine is imposed (GAS.md 2.2) and registered.
  auto sanctions = store_->SanctionsOf(OffenderKey(Holder()));
  ASSERT_EQ(sanctions->size(), 1u);
  EXPECT_EQ((*sanctions)[0].decided, D("2026-06-16"));
  // Paid later: the same fine, not a second sanction.
  ASSERT_TRUE(Do(id, "record_payment", finance_, {}, "2026-06-20").ok());
  EXPECT_EQ(StateOf(id), CaseState::kPaid);
  EXPECT_EQ(store_->SanctionsOf(OffenderKey(Holder()))->size(), 1u);
}

// --- Recidivism ----------------------------------------------------------------------------

TEST_F(CaseActionsTest, RecidivismWithinTwentyFourMonthsOfTheSameArticle) {
  // The earlier case: facts 2025-01-10, fine decided Monday 2025-03-03.
  const CaseId first = OpenOverlast("2025-01-10", kAdult);
  ToDecisionDue(first, "2025-03-03");
  ASSERT_TRUE(
      Do(first, "decide_fine", officer_, In().Reason("bewezen").Amount(10000), "2025-03-03").ok());

  // The same person, written differently (OffenderKey: letters and digits, lower-cased).
  const Party same = Offender("TOM  testpersoon", "1990-04-12");
  // New facts on 2027-03-03: the window is 2025-03-03 <= decided < 2027-03-03, so a decision of
  // exactly 24 months before counts (recidivism.h).
  const CaseId boundary = OpenOverlast("2027-03-03", same);
  auto flag = RecidivismOf(*store_, *store_->GetCaseFile(boundary));
  ASSERT_TRUE(flag.ok());
  EXPECT_TRUE(flag->flagged);
  EXPECT_EQ(flag->matching_decisions, 1);
  EXPECT_EQ(flag->most_recent, D("2025-03-03"));

  // Facts one day later, 2027-03-04: the window starts 2025-03-04: the decision is outside.
  const CaseId later = OpenOverlast("2027-03-04", same);
  flag = RecidivismOf(*store_, *store_->GetCaseFile(later));
  ASSERT_TRUE(flag.ok());
  EXPECT_FALSE(flag->flagged);
  EXPECT_EQ(flag->matching_decisions, 0);

  // Within the window but another article.
  const CaseId other = OpenOverlast("2026-06-01", same, kOtherArticle);
  flag = RecidivismOf(*store_, *store_->GetCaseFile(other));
  ASSERT_TRUE(flag.ok());
  EXPECT_FALSE(flag->flagged);

  // Same name and article, another birth date: another person.
  const CaseId stranger = OpenOverlast("2026-06-01", Offender("Tom Testpersoon", "1991-04-12"));
  flag = RecidivismOf(*store_, *store_->GetCaseFile(stranger));
  ASSERT_TRUE(flag.ok());
  EXPECT_FALSE(flag->flagged);

  // Same person and article within the window: flagged.
  const CaseId again = OpenOverlast("2026-06-01", same);
  flag = RecidivismOf(*store_, *store_->GetCaseFile(again));
  ASSERT_TRUE(flag.ok());
  EXPECT_TRUE(flag->flagged);
}

TEST_F(CaseActionsTest, NoRecidivismWithoutAnIdentifiedOffender) {
  Case c;
  c.track = Track::kOverlast;
  c.state = CaseState::kFindingReceived;
  c.facts_day = D("2026-03-02");
  c.facts_at = Noon("2026-03-02");
  c.article = c.offence_code = std::string(kArticle);
  const CaseId id = Open(c, {}, Noon("2026-03-03"));
  auto flag = RecidivismOf(*store_, *store_->GetCaseFile(id));
  ASSERT_TRUE(flag.ok());
  EXPECT_FALSE(flag->flagged);
}

// --- The decision limit and the wake-up day ------------------------------------------------

TEST_F(CaseActionsTest, DecisionLimitAndWakeOn) {
  Case c;
  c.track = Track::kOverlast;
  c.state = CaseState::kFindingReceived;
  c.facts_day = D("2026-01-31");
  // Ger.W. art. 54 from S = 1 February: 4 months -> the day before 1 June = 2026-05-31; 5 months
  // -> 2026-06-30; 6 months -> the day before 1 August = Friday 2026-07-31 (never shifted by
  // default: decision_limit_weekend_rule = no shift).
  auto limit = DecisionLimitOf(c, settings_);
  ASSERT_TRUE(limit.has_value());
  EXPECT_EQ(limit->start, D("2026-01-31"));
  EXPECT_EQ(limit->first_alarm, D("2026-05-31"));
  EXPECT_EQ(limit->second_alarm, D("2026-06-30"));
  EXPECT_EQ(limit->limit.last_day, D("2026-07-31"));

  // Before any alarm the clock wakes at the first alarm, then the second, then the day after
  // the limit (when the case expires).
  EXPECT_EQ(WakeOn(c, settings_), D("2026-05-31"));
  c.alarm_months = 4;
  EXPECT_EQ(WakeOn(c, settings_), D("2026-06-30"));
  c.alarm_months = 5;
  EXPECT_EQ(WakeOn(c, settings_), D("2026-08-01"));

  // A state deadline that ends earlier wakes it the day after that deadline.
  c.alarm_months = 0;
  c.state = CaseState::kProcedureStarted;
  c.state_deadline = D("2026-02-20");
  EXPECT_EQ(WakeOn(c, settings_), D("2026-02-21"));
  // After the decision the limit no longer binds: only the state's deadline wakes it.
  c.state = CaseState::kDecisionNotified;
  c.state_deadline = D("2026-09-14");
  EXPECT_EQ(WakeOn(c, settings_), D("2026-09-15"));
  // A state the clock cannot leave: only a person moves it.
  c.state = CaseState::kAppealed;
  c.state_deadline = std::nullopt;
  EXPECT_EQ(WakeOn(c, settings_), std::nullopt);

  // Counted from the receipt when the city chose that start (Maaseik): received 2026-02-10 ->
  // from 11 February, 6 months -> Monday 2026-08-10.
  GasSettings receipt = settings_;
  receipt.decision_limit_start = DecisionLimitStart::kDateOfReceipt;
  c.received_on = D("2026-02-10");
  EXPECT_EQ(DecisionLimitOf(c, receipt)->limit.last_day, D("2026-08-10"));
}

TEST_F(CaseActionsTest, TrafficDecisionLimitIsASetting) {
  Case c;
  c.track = Track::kParkeren;
  c.state = CaseState::kHolderLookup;
  c.facts_day = D("2026-01-31");
  // Default traffic_decision_limit = true: the same 6 months as OVERLAST.
  auto limit = DecisionLimitOf(c, settings_);
  ASSERT_TRUE(limit.has_value());
  EXPECT_EQ(limit->limit.last_day, D("2026-07-31"));
  EXPECT_EQ(WakeOn(c, settings_), D("2026-05-31"));
  // Once invited, the limit no longer applies (BeforeDecision is false for invited).
  c.state = CaseState::kInvited;
  c.state_deadline = D("2026-03-10");
  EXPECT_EQ(WakeOn(c, settings_), D("2026-03-11"));

  GasSettings off = settings_;
  off.traffic_decision_limit = false;
  c.state = CaseState::kHolderLookup;
  c.state_deadline = std::nullopt;
  EXPECT_EQ(DecisionLimitOf(c, off), std::nullopt);
  EXPECT_EQ(WakeOn(c, off), std::nullopt);
  // The setting is about traffic only.
  c.track = Track::kOverlast;
  c.state = CaseState::kFindingReceived;
  EXPECT_TRUE(DecisionLimitOf(c, off).has_value());
}

TEST_F(CaseActionsTest, OpenCaseStoresTheLimitAndTheWakeUpDay) {
  const CaseId id = OpenOverlast("2026-01-31", kAdult);
  Case c = *store_->GetCase(id);
  EXPECT_EQ(c.limit_day, D("2026-07-31"));
  EXPECT_EQ(c.alarm_months, 0);
  EXPECT_FALSE(Wakes(id, "2026-05-30"));
  EXPECT_TRUE(Wakes(id, "2026-05-31"));

  GasSettings off = settings_;
  off.traffic_decision_limit = false;
  const CaseId parked = OpenParking("2026-01-31", CaseState::kHolderLookup, &off);
  EXPECT_EQ(store_->GetCase(parked)->limit_day, std::nullopt);
  EXPECT_FALSE(Wakes(parked, "2030-01-01"));
  const CaseId limited = OpenParking("2026-02-01", CaseState::kHolderLookup);
  // Facts 2026-02-01: from 2 February, 6 months -> 2026-08-01 (a Saturday; not shifted).
  EXPECT_EQ(store_->GetCase(limited)->limit_day, D("2026-08-01"));
}

}  // namespace
}  // namespace hh
