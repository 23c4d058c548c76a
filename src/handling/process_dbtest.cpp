// Process (the clock) on a fresh, migrated SQLite file per test: deadlines move their cases the
// day after their last day (Europe/Brussels), the 4- and 5-month alarms are raised once, cases
// past their decision limit expire, decided cases never do, and a second run with the same
// as-of changes nothing. Every expected date is derived by hand (gas/deadlines.h counting rules)
// in the comment beside it. 2026 holidays used: Easter Monday 6 April, Ascension 14 May, Whit
// Monday 25 May, the national holiday 21 July. Names and plates are synthetic.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cases/case_actions.h"
#include "cases/test_act_input.h"
#include "handling/process.h"
#include "store/migrations.h"
#include "store/sqlite_case_store.h"
#include "store/test_db.h"
#include "store/test_temp_dir.h"

namespace hh {
namespace {

constexpr std::string_view kArticle = "APR art. 12";

using test_util::D;
using test_util::In;
Instant At(std::string_view rfc3339) { return *Instant::Parse(rfc3339); }
// 10:00 UTC: 11:00 or 12:00 in Brussels, the same calendar day in winter and in summer.
Instant Noon(std::string_view iso_day) { return At(std::string(iso_day) + "T10:00:00Z"); }

Party Offender() {
  Party p;
  p.role = PartyRole::kOffender;
  p.name = "Tom Testpersoon";
  p.birth_date = D("1990-04-12");
  p.addressee = true;
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

class ProcessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = OpenMigratedDb(dir_, Noon("2026-01-01"));
    ASSERT_NE(db_, nullptr);
    store_ = std::make_unique<SqliteCaseStore>(*db_);
    for (const User& u : {User{0, "olga", "Olga Officier", Role::kSanctioningOfficer, true},
                          User{0, "fien", "Fien Financien", Role::kFinance, true}}) {
      ASSERT_TRUE(store_->AddUser(u, Noon("2026-01-01")).ok());
    }
    officer_ = *ActorFor(*store_, "olga");
    finance_ = *ActorFor(*store_, "fien");
  }

  CaseId Open(Case c, const Party& party, const GasSettings& settings) {
    c.source_ref = "REF-" + std::to_string(++refs_);
    c.facts_at = Noon(c.facts_day.ToIsoString());
    const std::vector<Party> parties{party};
    CaseId id;
    Status s = store_->Transact([&]() -> Status {
      auto opened = OpenCase(*store_, settings, c, parties, {}, SystemActor(),
                             c.facts_at.PlusSeconds(86400), "test");
      if (!opened.ok()) return opened.status();
      id = *opened;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return id;
  }

  CaseId OpenOverlast(std::string_view facts) {
    Case c;
    c.track = Track::kOverlast;
    c.state = CaseState::kFindingReceived;
    c.facts_day = D(facts);
    c.offence_code = c.article = std::string(kArticle);
    return Open(c, Offender(), settings_);
  }

  CaseId OpenParking(std::string_view facts, CaseState state) {
    return OpenParking(facts, state, settings_);
  }
  CaseId OpenParking(std::string_view facts, CaseState state, const GasSettings& settings) {
    Case c;
    c.track = Track::kParkeren;
    c.state = state;
    c.facts_day = D(facts);
    c.offence_code = "P1";
    c.article = "KB 1 december 1975 art. 24";
    c.category = TrafficCategory::kCategory1;
    c.amount = Money::FromEuro(58);
    c.plate = "1TST001";
    c.country = "BE";
    return Open(c, Holder(), settings);
  }

  Status Do(CaseId id, std::string_view action, const Actor& who, const ActInput& in,
            std::string_view day) {
    return Act(*store_, settings_, id, action, who, in, Noon(day));
  }

  // Process with as_of = now = `as_of`.
  ProcessReport Run(Instant as_of) { return Run(as_of, settings_); }
  ProcessReport Run(Instant as_of, const GasSettings& settings) {
    auto r = Process(*store_, settings, as_of, as_of);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : ProcessReport{};
  }
  ProcessReport RunOn(std::string_view day) { return Run(Noon(day)); }

  CaseState StateOf(CaseId id) { return store_->GetCase(id)->state; }
  std::vector<CaseEvent> Events(CaseId id) { return store_->GetCaseFile(id)->events; }

  TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<CaseStore> store_;
  GasSettings settings_;
  Actor officer_, finance_;
  int refs_ = 0;
};

bool Unchanged(const ProcessReport& r) {
  return r.pending_decided == 0 && r.new_cases == 0 && r.moved == 0 && r.expired == 0 &&
         r.alarms == 0;
}

TEST_F(ProcessTest, TrafficUnpaidRemindedThenEnforceable) {
  const CaseId id = OpenParking("2026-03-25", CaseState::kInvitationDue);
  // Posted Thursday 2026-04-02: deemed notified on the 3rd working day after it: Fri 3, (Easter
  // Monday 6 April skipped) Tue 7, Wed 8 -> 2026-04-08; + 30 days = Friday D = 2026-05-08.
  ASSERT_TRUE(Do(id, "send_invitation", officer_, In().Posted("2026-04-02"), "2026-04-02").ok());
  ASSERT_EQ(store_->GetCase(id)->state_deadline, D("2026-05-08"));

  // D is still in time, up to its last second in Brussels (CEST, UTC+2): 23:59:59 on 8 May is
  // 21:59:59Z.
  EXPECT_TRUE(Unchanged(RunOn("2026-05-08")));
  EXPECT_TRUE(Unchanged(Run(At("2026-05-08T21:59:59Z"))));
  EXPECT_EQ(StateOf(id), CaseState::kInvited);
  EXPECT_EQ(Events(id).size(), 2u);

  // 22:00:00Z is 00:00 on 9 May in Brussels: D + 1, the payment period is over.
  ProcessReport r = Run(At("2026-05-08T22:00:00Z"));
  EXPECT_EQ(r.moved, 1u);
  EXPECT_EQ(r.expired, 0u);
  EXPECT_EQ(StateOf(id), CaseState::kReminderDue);
  std::vector<CaseEvent> ev = Events(id);
  ASSERT_EQ(ev.size(), 3u);
  EXPECT_EQ(ev[2].action, "deadline_unpaid");
  EXPECT_EQ(ev[2].actor, "system");
  EXPECT_EQ(ev[2].role, Role::kSystem);
  EXPECT_EQ(ev[2].from, CaseState::kInvited);
  EXPECT_EQ(ev[2].to, CaseState::kReminderDue);
  EXPECT_EQ(ev[2].at, At("2026-05-08T22:00:00Z"));
  EXPECT_EQ(ev[2].detail, "termijn liep tot en met 08/05/2026");
  // Reminder due has no clock: later runs leave it for a person.
  EXPECT_TRUE(Unchanged(RunOn("2026-05-10")));

  // The reminder, posted Monday 2026-05-11: working days Tue 12 (1), Wed 13 (2), [Ascension
  // Thursday 14 May skipped], Fri 15 (3) -> notified 2026-05-15; + 30 days = Sunday 2026-06-14
  // -> Monday 2026-06-15.
  ASSERT_TRUE(Do(id, "send_reminder", finance_, In().Posted("2026-05-11"), "2026-05-11").ok());
  ASSERT_EQ(StateOf(id), CaseState::kReminded);
  EXPECT_EQ(store_->GetCase(id)->state_deadline, D("2026-06-15"));
  EXPECT_TRUE(store_->SanctionsOf(OffenderKey(Holder()))->empty());

  // Sunday 14 June (the nominal last day) and Monday 15 June (the shifted one): still in time.
  EXPECT_TRUE(Unchanged(RunOn("2026-06-14")));
  EXPECT_TRUE(Unchanged(RunOn("2026-06-15")));
  EXPECT_EQ(StateOf(id), CaseState::kReminded);
  r = RunOn("2026-06-16");
  EXPECT_EQ(r.moved, 1u);
  EXPECT_EQ(StateOf(id), CaseState::kEnforceable);
  ev = Events(id);
  EXPECT_EQ(ev.back().action, "deadline_reminder");
  EXPECT_EQ(ev.back().detail, "termijn liep tot en met 15/06/2026");
  // Enforceable: the fine counts as imposed (GAS.md 2.2) and is in the register.
  auto sanctions = store_->SanctionsOf(OffenderKey(Holder()));
  ASSERT_EQ(sanctions->size(), 1u);
  EXPECT_EQ((*sanctions)[0].decided, D("2026-06-16"));
  // The bailiff is a person's step: the clock leaves it.
  EXPECT_TRUE(Unchanged(RunOn("2026-12-31")));
  EXPECT_EQ(StateOf(id), CaseState::kEnforceable);
}

TEST_F(ProcessTest, OverlastDefencePeriodOverMeansDecisionDue) {
  const CaseId id = OpenOverlast("2026-03-02");
  // Posted Tuesday 2026-03-10: notified Wed 11, Thu 12, Fri 13 -> 2026-03-13; + 15 days =
  // Saturday 2026-03-28 -> Monday 2026-03-30.
  ASSERT_TRUE(Do(id, "start_procedure", officer_, In().Posted("2026-03-10"), "2026-03-10").ok());
  ASSERT_EQ(store_->GetCase(id)->state_deadline, D("2026-03-30"));
  EXPECT_TRUE(Unchanged(RunOn("2026-03-29")));  // the day after the nominal Saturday
  EXPECT_TRUE(Unchanged(RunOn("2026-03-30")));
  EXPECT_EQ(StateOf(id), CaseState::kProcedureStarted);
  ProcessReport r = RunOn("2026-03-31");
  EXPECT_EQ(r.moved, 1u);
  EXPECT_EQ(StateOf(id), CaseState::kDecisionDue);
  EXPECT_EQ(store_->GetCase(id)->state_deadline, std::nullopt);
  EXPECT_EQ(Events(id).back().action, "deadline_defence");
  EXPECT_EQ(Events(id).back().role, Role::kSystem);
  // The clock never decides: decision_due waits for the officer (until the decision limit).
  EXPECT_TRUE(Unchanged(RunOn("2026-05-01")));
  EXPECT_EQ(StateOf(id), CaseState::kDecisionDue);
}

TEST_F(ProcessTest, AlarmsAtFourAndFiveMonthsThenExpiry) {
  // Facts 2026-01-31: alarms 2026-05-31 and 2026-06-30, last day 2026-07-31 (deadlines.h).
  const CaseId id = OpenOverlast("2026-01-31");
  EXPECT_TRUE(Unchanged(RunOn("2026-05-30")));
  EXPECT_EQ(Events(id).size(), 1u);

  ProcessReport r = RunOn("2026-05-31");
  EXPECT_EQ(r.alarms, 1u);
  EXPECT_EQ(r.moved, 0u);
  std::vector<CaseEvent> ev = Events(id);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[1].action, "alarm_4_months");
  EXPECT_EQ(ev[1].role, Role::kSystem);
  EXPECT_EQ(ev[1].from, std::nullopt);  // an alarm moves nothing
  EXPECT_EQ(ev[1].to, std::nullopt);
  EXPECT_EQ(ev[1].detail, "beslissing uiterlijk 31/07/2026");
  EXPECT_EQ(store_->GetCase(id)->alarm_months, 4);
  EXPECT_EQ(StateOf(id), CaseState::kFindingReceived);

  // Not repeated: the same day again, and the days up to the second alarm.
  EXPECT_TRUE(Unchanged(RunOn("2026-05-31")));
  EXPECT_TRUE(Unchanged(RunOn("2026-06-29")));
  EXPECT_EQ(Events(id).size(), 2u);

  r = RunOn("2026-06-30");
  EXPECT_EQ(r.alarms, 1u);
  ev = Events(id);
  ASSERT_EQ(ev.size(), 3u);
  EXPECT_EQ(ev[2].action, "alarm_5_months");
  EXPECT_EQ(store_->GetCase(id)->alarm_months, 5);
  EXPECT_TRUE(Unchanged(RunOn("2026-06-30")));

  // The last day itself is still in time (the decision can go out that day).
  EXPECT_TRUE(Unchanged(RunOn("2026-07-31")));
  EXPECT_EQ(StateOf(id), CaseState::kFindingReceived);
  r = RunOn("2026-08-01");
  EXPECT_EQ(r.expired, 1u);
  EXPECT_EQ(r.alarms, 0u);
  EXPECT_EQ(StateOf(id), CaseState::kExpired);
  ev = Events(id);
  ASSERT_EQ(ev.size(), 4u);
  EXPECT_EQ(ev[3].action, "expire");
  EXPECT_EQ(ev[3].from, CaseState::kFindingReceived);
  EXPECT_EQ(ev[3].to, CaseState::kExpired);
  EXPECT_EQ(ev[3].detail, "beslissingstermijn liep tot en met 31/07/2026");
  // Final: never again.
  EXPECT_TRUE(Unchanged(RunOn("2026-08-01")));
  EXPECT_TRUE(Unchanged(RunOn("2027-08-01")));
  EXPECT_EQ(Events(id).size(), 4u);
}

TEST_F(ProcessTest, ARunThatMissedTheFirstAlarmRaisesBoth) {
  // Facts 2026-01-31, first run on 2026-06-30 (the 5-month day): both alarms, in order.
  const CaseId id = OpenOverlast("2026-01-31");
  ProcessReport r = RunOn("2026-06-30");
  EXPECT_EQ(r.alarms, 2u);
  std::vector<CaseEvent> ev = Events(id);
  ASSERT_EQ(ev.size(), 3u);
  EXPECT_EQ(ev[1].action, "alarm_4_months");
  EXPECT_EQ(ev[2].action, "alarm_5_months");
  EXPECT_EQ(store_->GetCase(id)->alarm_months, 5);
  EXPECT_TRUE(Unchanged(RunOn("2026-06-30")));
}

TEST_F(ProcessTest, ExpiryWinsOverAPassedStateDeadline) {
  // Facts 2026-01-31 (limit 2026-07-31), procedure started Tuesday 2026-07-07: notified Fri
  // 2026-07-10, defence until Saturday 25 July -> Monday 2026-07-27. A first run only on
  // 2026-08-01: past both; the case expires (a case past its limit can only expire).
  const CaseId id = OpenOverlast("2026-01-31");
  ASSERT_TRUE(Do(id, "start_procedure", officer_, In().Posted("2026-07-07"), "2026-07-07").ok());
  ASSERT_EQ(store_->GetCase(id)->state_deadline, D("2026-07-27"));
  ProcessReport r = RunOn("2026-08-01");
  EXPECT_EQ(r.expired, 1u);
  EXPECT_EQ(r.moved, 0u);
  EXPECT_EQ(StateOf(id), CaseState::kExpired);
}

TEST_F(ProcessTest, DecidedCaseNeverExpires) {
  // Facts 2026-01-31: limit 2026-07-31. Decided just in time: posted Monday 2026-07-20. Notified:
  // [Tue 21 July, national holiday, skipped] Wed 22 (1), Thu 23 (2), Fri 24 (3) -> 2026-07-24.
  // Appeal and payment: 1 month, from 25 July to the day before 25 August = Monday 2026-08-24.
  const CaseId id = OpenOverlast("2026-01-31");
  ASSERT_TRUE(Do(id, "start_procedure", officer_, {}, "2026-06-01").ok());
  ASSERT_TRUE(Do(id, "register_defence", officer_, In().Reason("verweer"), "2026-06-15").ok());
  ASSERT_TRUE(Do(id, "decide_fine", officer_,
                 In().Reason("bewezen").Posted("2026-07-20").Amount(10000), "2026-07-20")
                  .ok());
  ASSERT_EQ(StateOf(id), CaseState::kDecisionNotified);
  ASSERT_EQ(store_->GetCase(id)->state_deadline, D("2026-08-24"));

  // Past the decision limit, but decided: not expired.
  EXPECT_TRUE(Unchanged(RunOn("2026-08-01")));
  EXPECT_TRUE(Unchanged(RunOn("2026-08-24")));
  EXPECT_EQ(StateOf(id), CaseState::kDecisionNotified);
  // The appeal and payment period over, unpaid: a reminder is due, never an expiry.
  ProcessReport r = RunOn("2026-08-25");
  EXPECT_EQ(r.moved, 1u);
  EXPECT_EQ(r.expired, 0u);
  EXPECT_EQ(StateOf(id), CaseState::kReminderDue);
  EXPECT_EQ(Events(id).back().action, "deadline_decision");
  EXPECT_TRUE(Unchanged(RunOn("2027-03-01")));
  EXPECT_EQ(StateOf(id), CaseState::kReminderDue);
}

TEST_F(ProcessTest, SecondRunWithTheSameAsOfChangesNothing) {
  // As of 2026-06-01 (Brussels):
  //  - traffic, invited with last day 2026-05-08: moves to reminder_due;
  const CaseId traffic = OpenParking("2026-03-25", CaseState::kInvitationDue);
  ASSERT_TRUE(Do(traffic, "send_invitation", officer_, {}, "2026-04-02").ok());
  //  - OVERLAST, defence until 2026-03-30: moves to decision_due;
  const CaseId defence = OpenOverlast("2026-03-02");
  ASSERT_TRUE(Do(defence, "start_procedure", officer_, {}, "2026-03-10").ok());
  //  - OVERLAST, facts 2026-01-31: its 4-month alarm (2026-05-31) is raised;
  const CaseId alarm = OpenOverlast("2026-01-31");
  //  - OVERLAST, facts 2025-11-20: from 21 November, 6 months -> last day 2026-05-20: expires;
  const CaseId old = OpenOverlast("2025-11-20");
  //  - OVERLAST, facts 2026-05-01: nothing is due (first alarm 2026-09-01).
  const CaseId fresh = OpenOverlast("2026-05-01");

  const Instant as_of = At("2026-06-01T07:00:00Z");
  ProcessReport first = Run(as_of);
  EXPECT_EQ(first.moved, 2u);
  EXPECT_EQ(first.alarms, 1u);
  EXPECT_EQ(first.expired, 1u);
  EXPECT_EQ(StateOf(traffic), CaseState::kReminderDue);
  EXPECT_EQ(StateOf(defence), CaseState::kDecisionDue);
  EXPECT_EQ(StateOf(alarm), CaseState::kFindingReceived);
  EXPECT_EQ(store_->GetCase(alarm)->alarm_months, 4);
  EXPECT_EQ(StateOf(old), CaseState::kExpired);
  EXPECT_EQ(StateOf(fresh), CaseState::kFindingReceived);

  const std::vector<CaseId> all{traffic, defence, alarm, old, fresh};
  std::vector<size_t> counts;
  for (CaseId id : all) counts.push_back(Events(id).size());
  const std::vector<size_t> expected_counts{3, 3, 2, 2, 1};
  EXPECT_EQ(counts, expected_counts);

  // The same as-of again (a later `now` stamping nothing): nothing happens.
  auto again = Process(*store_, settings_, as_of, as_of.PlusSeconds(3600));
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(Unchanged(*again));
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(Events(all[i]).size(), counts[i]) << "case " << i;
  }
  EXPECT_EQ(StateOf(traffic), CaseState::kReminderDue);
  EXPECT_EQ(StateOf(defence), CaseState::kDecisionDue);
  EXPECT_EQ(store_->GetCase(alarm)->alarm_months, 4);
}

TEST_F(ProcessTest, TrafficCaseBeforeInvitationExpiresByDefault) {
  // traffic_decision_limit = true (default): facts 2026-01-31, the same dates as OVERLAST.
  const CaseId id = OpenParking("2026-01-31", CaseState::kHolderLookup);
  EXPECT_EQ(RunOn("2026-05-31").alarms, 1u);
  EXPECT_EQ(Events(id).back().action, "alarm_4_months");
  EXPECT_EQ(RunOn("2026-06-30").alarms, 1u);
  EXPECT_EQ(Events(id).back().action, "alarm_5_months");
  EXPECT_TRUE(Unchanged(RunOn("2026-07-31")));
  EXPECT_EQ(RunOn("2026-08-01").expired, 1u);
  EXPECT_EQ(StateOf(id), CaseState::kExpired);
  EXPECT_EQ(Events(id).back().action, "expire");
}

TEST_F(ProcessTest, WithoutTrafficDecisionLimitAHolderLookupNeverExpires) {
  GasSettings off = settings_;
  off.traffic_decision_limit = false;
  // One case opened under this setting (no wake-up day at all), one opened under the default
  // (it was to wake on its first alarm, 2026-05-31) and processed under the new setting.
  const CaseId opened_off = OpenParking("2026-01-31", CaseState::kHolderLookup, off);
  const CaseId opened_on = OpenParking("2026-02-01", CaseState::kHolderLookup, settings_);
  for (std::string_view day : {"2026-05-31", "2026-06-30", "2026-08-01", "2027-06-01"}) {
    SCOPED_TRACE(day);
    EXPECT_TRUE(Unchanged(Run(Noon(day), off)));
    EXPECT_EQ(StateOf(opened_off), CaseState::kHolderLookup);
    EXPECT_EQ(StateOf(opened_on), CaseState::kHolderLookup);
  }
  EXPECT_EQ(Events(opened_off).size(), 1u);
  EXPECT_EQ(Events(opened_on).size(), 1u);
  EXPECT_EQ(store_->GetCase(opened_on)->alarm_months, 0);
  // Neither is left for the clock to look at.
  auto due = store_->CasesToWake(D("2030-01-01"));
  ASSERT_TRUE(due.ok());
  EXPECT_TRUE(due->empty());
}

}  // namespace
}  // namespace hh

namespace hh {
namespace {

// The GAS register keeps a decision for gas.register_retention_years (5 by default, [UNVERIFIED]
// art. 44) counted from the decision day: on 2031-03-02 a decision of 2026-03-02 is exactly 5
// years old and stays; one of 2026-03-01 is older and goes.
TEST_F(ProcessTest, RegisterForgetsDecisionsPastTheRetentionPeriod) {
  const CaseId kept = OpenParking("2026-02-20", CaseState::kInvited);
  const CaseId gone = OpenParking("2026-02-19", CaseState::kInvited);
  ASSERT_TRUE(store_
                  ->RecordSanction(kept, "key-a", "art. 24", D("2026-03-02"), "traffic_fine",
                                   Money::FromEuro(58))
                  .ok());
  ASSERT_TRUE(store_
                  ->RecordSanction(gone, "key-b", "art. 24", D("2026-03-01"), "traffic_fine",
                                   Money::FromEuro(58))
                  .ok());
  ProcessReport r = RunOn("2031-03-02");
  EXPECT_EQ(r.register_purged, 1U);
  EXPECT_EQ(store_->SanctionsOf("key-a")->size(), 1U);
  EXPECT_TRUE(store_->SanctionsOf("key-b")->empty());
  // A shorter period set by the city applies at the next run.
  GasSettings two = settings_;
  two.register_retention_years = 2;
  EXPECT_EQ(Run(Noon("2031-03-03"), two).register_purged, 1U);
  EXPECT_TRUE(store_->SanctionsOf("key-a")->empty());
}

}  // namespace
}  // namespace hh

namespace hh {
namespace {

TEST_F(ProcessTest, RegisterStatisticsCountPerYearKindAndArticle) {
  const CaseId a = OpenParking("2026-02-20", CaseState::kInvited);
  const CaseId b = OpenParking("2026-02-19", CaseState::kInvited);
  ASSERT_TRUE(
      store_
          ->RecordSanction(a, "k1", "art. 24", D("2026-03-02"), "traffic_fine", Money::FromEuro(58))
          .ok());
  ASSERT_TRUE(
      store_
          ->RecordSanction(b, "k2", "art. 24", D("2026-05-02"), "traffic_fine", Money::FromEuro(58))
          .ok());
  ASSERT_TRUE(
      store_->RecordSanction(b, "k2", "APR art. 12", D("2027-01-05"), "fine", Money::FromEuro(120))
          .ok());
  auto s = store_->RegisterStatistics();
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->size(), 2U);
  EXPECT_EQ((*s)[0].year, 2026);
  EXPECT_EQ((*s)[0].kind, "traffic_fine");
  EXPECT_EQ((*s)[0].decisions, 2);
  EXPECT_EQ((*s)[0].amount, Money::FromEuro(116));
  EXPECT_EQ((*s)[1].year, 2027);
  EXPECT_EQ((*s)[1].article, "APR art. 12");
  EXPECT_EQ((*s)[1].amount, Money::FromEuro(120));
}

}  // namespace
}  // namespace hh
