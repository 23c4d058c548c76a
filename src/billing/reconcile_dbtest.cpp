// Reconciliation, payment plans, the bailiff export and the act-with-letter path on a fresh,
// migrated SQLite file per test. Statements are built by hand here (the readers have their own
// tests in src/bank); every expected amount is worked out in the comment beside it. Names and
// plates are synthetic.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "billing/collection.h"
#include "billing/letters_due.h"
#include "billing/payment_requests.h"
#include "billing/reconcile.h"
#include "cases/test_act_input.h"
#include "handling/process.h"
#include "store/migrations.h"
#include "store/sqlite_case_store.h"
#include "store/sqlite_payment_store.h"
#include "store/test_db.h"
#include "store/test_temp_dir.h"

namespace hh {
namespace {

using test_util::D;

Instant At(std::string_view rfc3339) { return *Instant::Parse(std::string(rfc3339)); }
Money Eur(std::string_view text) { return *Money::Parse(text); }

constexpr std::string_view kCityIban = "BE71096123456769";

class ReconcileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = OpenMigratedDb(dir_, now_);
    ASSERT_NE(db_, nullptr);
    cases_ = std::make_unique<SqliteCaseStore>(*db_);
    payments_ = std::make_unique<SqlitePaymentStore>(*db_);
    ASSERT_TRUE(
        cases_->AddUser({0, "olga", "Olga Officier", Role::kSanctioningOfficer, true}, now_).ok());
    ASSERT_TRUE(cases_->AddUser({0, "fien", "Fien Financien", Role::kFinance, true}, now_).ok());
    ASSERT_TRUE(cases_->AddUser({0, "kim", "Kim Kijker", Role::kViewer, true}, now_).ok());
    officer_ = *ActorFor(*cases_, "olga");
    finance_ = *ActorFor(*cases_, "fien");
    viewer_ = *ActorFor(*cases_, "kim");
  }

  // A parking case for EUR 58 (category 1 from 2018-09-01) addressed to its holder, invited to
  // pay through the act-with-letter path (posted 2026-03-02), with its payment request.
  CaseId InvitedCase(std::string plate, std::string holder) {
    Case c;
    c.track = Track::kParkeren;
    c.state = CaseState::kInvitationDue;
    c.facts_at = At("2026-02-27T09:30:00Z");
    c.facts_day = D("2026-02-27");
    c.offence_code = "P1";
    c.article = "KB 1 december 1975 art. 22";
    c.category = TrafficCategory::kCategory1;
    c.amount = Eur("58");
    c.plate = std::move(plate);
    c.country = "BE";
    Party p;
    p.role = PartyRole::kHolder;
    p.name = std::move(holder);
    p.birth_date = D("1980-05-05");
    p.address = {"Teststraat", "1", "2800", "Mechelen"};
    p.addressee = true;
    CaseId id;
    Status s = cases_->Transact([&]() -> Status {
      auto opened = OpenCase(*cases_, settings_, c, {&p, 1}, {}, SystemActor(), now_, "test");
      if (!opened.ok()) return opened.status();
      id = *opened;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    ActInput in;
    in.posted = D("2026-03-02");
    s = ActWithLetter(*cases_, *payments_, settings_, id, "send_invitation", officer_, in, now_);
    EXPECT_TRUE(s.ok()) << s.ToString();
    s = cases_->Transact([&]() -> Status {
      auto c2 = cases_->GetCase(id);
      if (!c2.ok()) return c2.status();
      auto r = OpenPaymentRequest(*payments_, *c2, Eur("58"), c2->state_deadline, now_);
      return r.status();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return id;
  }

  PaymentRequest RequestOf(CaseId id) { return **CurrentRequest(*payments_, id); }
  CaseState StateOf(CaseId id) { return cases_->GetCase(id)->state; }

  BankTransaction Credit(std::string_view amount, std::optional<std::string> ogm,
                         std::string communication = "", std::string payer = "") {
    BankTransaction t;
    t.amount = Eur(amount);
    t.booking_date = D("2026-03-10");
    t.value_date = D("2026-03-10");
    t.bank_reference = "REF" + std::to_string(++refs_);
    if (ogm) t.ogm = *StructuredReference::FromDigits(*ogm);
    t.communication = std::move(communication);
    t.counterparty_name = std::move(payer);
    t.counterparty_account = "BE68539007547034";
    return t;
  }
  BankStatement Statement(std::string number, std::vector<BankTransaction> ts) {
    BankStatement s;
    s.format = "coda";
    s.account = std::string(kCityIban);
    s.currency = "EUR";
    s.number = std::move(number);
    s.closing_date = D("2026-03-10");
    s.transactions = std::move(ts);
    return s;
  }
  Result<ReconcileReport> Import(std::vector<BankStatement> sts, std::string sha) {
    StatementSource src{"test.cod", std::move(sha), std::string(kCityIban)};
    return ImportPayments(*cases_, *payments_, settings_, sts, src, finance_, now_);
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<SqliteCaseStore> cases_;
  std::unique_ptr<SqlitePaymentStore> payments_;
  GasSettings settings_;
  Actor officer_, finance_, viewer_;
  Instant now_ = At("2026-03-11T08:00:00Z");
  int refs_ = 0;
};

TEST_F(ReconcileTest, ReferenceCarriesTheTrackAndTheIdAndIsValid) {
  // 2 (PARKEREN) then id 17 in nine digits: 2000000017; 2000000017 mod 97 = 2000000017 -
  // 97 * 20618556 (= 1999999932) = 85.
  auto r = RequestReference(Track::kParkeren, 17);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->digits(), "200000001785");
  EXPECT_EQ(r->Printed(), "+++200/0000/01785+++");
  EXPECT_FALSE(RequestReference(Track::kAutoluw, 1'000'000'000).ok());
}

TEST_F(ReconcileTest, TheInvitationOwesItsLetterWithThePostingDay) {
  const CaseId id = InvitedCase("1ABC123", "Jan Testbetaler");
  EXPECT_EQ(StateOf(id), CaseState::kInvited);
  auto q = payments_->QueuedLetters();
  ASSERT_TRUE(q.ok());
  ASSERT_EQ(q->size(), 1U);
  EXPECT_EQ((*q)[0].kind, "payment_invitation");
  EXPECT_EQ((*q)[0].posted_on, D("2026-03-02"));
  EXPECT_EQ((*q)[0].requested_by, "olga");
  // A refused act queues nothing: a viewer may not send an invitation.
  EXPECT_EQ(LetterKindForAction("dismiss", Track::kParkeren), "");
  EXPECT_EQ(LetterKindForAction("accept_defence", Track::kOverlast), "");
  EXPECT_EQ(LetterKindForAction("decide_fine", Track::kOverlast), "decision_fine");
}

TEST_F(ReconcileTest, ExactPaymentPaysTheCase) {
  const CaseId id = InvitedCase("1ABC123", "Jan Testbetaler");
  const std::string ogm = RequestOf(id).ogm;
  auto r = Import({Statement("001", {Credit("58.00", ogm)})}, "sha-1");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->credits, 1);
  EXPECT_EQ(r->exact, 1);
  EXPECT_EQ(r->matched, Eur("58"));
  EXPECT_EQ(StateOf(id), CaseState::kPaid);
  EXPECT_EQ(RequestOf(id).status, RequestStatus::kPaid);
  EXPECT_EQ(RequestOf(id).paid, Eur("58"));
  auto open = payments_->OpenRefunds();
  ASSERT_TRUE(open.ok());
  EXPECT_TRUE(open->empty());
}

TEST_F(ReconcileTest, PartialPaymentLeavesTheRestDueThenTheRestPays) {
  const CaseId id = InvitedCase("1ABC123", "Jan Testbetaler");
  const std::string ogm = RequestOf(id).ogm;
  auto r = Import({Statement("001", {Credit("20.00", ogm)})}, "sha-1");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->partial, 1);
  EXPECT_EQ(StateOf(id), CaseState::kInvited);  // still waiting: 58 - 20 = 38 due
  EXPECT_EQ(RequestOf(id).status, RequestStatus::kPartial);
  EXPECT_EQ(Balance(RequestOf(id)), Eur("38"));
  auto file = cases_->GetCaseFile(id);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file->events.back().action, "payment_partial");
  EXPECT_NE(file->events.back().detail.find("saldo € 38,00"), std::string::npos);
  r = Import({Statement("002", {Credit("38.00", ogm)})}, "sha-2");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->exact, 1);
  EXPECT_EQ(StateOf(id), CaseState::kPaid);
}

TEST_F(ReconcileTest, OverpaymentPaysAndRefundsTheExcess) {
  const CaseId id = InvitedCase("1ABC123", "Jan Testbetaler");
  auto r = Import({Statement("001", {Credit("60.00", RequestOf(id).ogm)})}, "sha-1");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->overpaid, 1);
  EXPECT_EQ(r->refunds, Eur("2"));
  EXPECT_EQ(StateOf(id), CaseState::kPaid);
  auto open = payments_->OpenRefunds();
  ASSERT_TRUE(open.ok());
  ASSERT_EQ(open->size(), 1U);
  EXPECT_EQ((*open)[0].amount, Eur("2"));
  ASSERT_TRUE((*open)[0].case_id.has_value());
  EXPECT_EQ((*open)[0].case_id->value, id.value);
  ASSERT_TRUE(payments_->CloseRefund((*open)[0].id, "fien", now_).ok());
  EXPECT_TRUE(payments_->OpenRefunds()->empty());
}

TEST_F(ReconcileTest, SecondPaymentAndPaymentAfterClosingAreRefunded) {
  const CaseId paid = InvitedCase("1ABC123", "Jan Testbetaler");
  const CaseId dismissed = InvitedCase("2DEF456", "Els Testbetaler");
  ActInput why;
  why.reason = "verkeerd bord";
  ASSERT_TRUE(Act(*cases_, settings_, dismissed, "dismiss", officer_, why, now_).ok());
  auto r = Import(
      {Statement("001", {Credit("58.00", RequestOf(paid).ogm), Credit("58.00", RequestOf(paid).ogm),
                         Credit("58.00", RequestOf(dismissed).ogm)})},
      "sha-1");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->exact, 1);
  EXPECT_EQ(r->duplicate, 1);
  EXPECT_EQ(r->after_close, 1);
  EXPECT_EQ(r->matched, Eur("58"));   // only the first counts toward a request
  EXPECT_EQ(r->refunds, Eur("116"));  // 58 twice
  EXPECT_EQ(StateOf(dismissed), CaseState::kDismissed);
  EXPECT_EQ(payments_->OpenRefunds()->size(), 2U);
}

TEST_F(ReconcileTest, NoReferenceGoesToTheQueueWithSuggestionsAndIsAssignedByHand) {
  const CaseId id = InvitedCase("1ABC123", "Jan Testbetaler");
  (void)InvitedCase("9XYZ999", "Piet Ander");
  // Valid OGM unknown to us, and no OGM at all: both unmatched. A debit is not a payment.
  BankTransaction debit = Credit("10.00", std::nullopt);
  debit.amount = -debit.amount;
  auto r =
      Import({Statement("001", {Credit("58.00", std::nullopt, "boete 1-abc-123", "TESTBETALER JAN"),
                                Credit("12.00", std::string("090933755493")), debit})},
             "sha-1");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->unmatched, 2);
  EXPECT_EQ(r->debits, 1);
  EXPECT_EQ(r->credits, 2);
  auto queue = payments_->UnmatchedPayments(10);
  ASSERT_TRUE(queue.ok());
  ASSERT_EQ(queue->size(), 2U);
  const PaymentRecord& p = (*queue)[0];
  EXPECT_EQ(p.amount, Eur("58"));
  auto sug = SuggestCases(*cases_, *payments_, p, 5);
  ASSERT_TRUE(sug.ok()) << sug.status().ToString();
  ASSERT_GE(sug->size(), 2U);  // both cases have a balance of 58; only one has the plate, name
  EXPECT_EQ((*sug)[0].case_id.value, id.value);
  EXPECT_NE((*sug)[0].why.find("bedrag"), std::string::npos);
  EXPECT_NE((*sug)[0].why.find("nummerplaat"), std::string::npos);
  EXPECT_NE((*sug)[0].why.find("naam"), std::string::npos);
  EXPECT_EQ((*sug)[1].why, "bedrag");

  auto outcome = AssignPayment(*cases_, *payments_, settings_, p.id, id, finance_, now_);
  ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  EXPECT_EQ(*outcome, PaymentOutcome::kExact);
  EXPECT_EQ(StateOf(id), CaseState::kPaid);
  EXPECT_EQ(payments_->UnmatchedPayments(10)->size(), 1U);
  auto again = AssignPayment(*cases_, *payments_, settings_, p.id, id, finance_, now_);
  EXPECT_EQ(again.status().code(), StatusCode::kFailedPrecondition);
  auto stored = payments_->GetPayment(p.id);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->assigned_by, "fien");
}

TEST_F(ReconcileTest, AReaderThreadGivesTheSameOutcomesAcrossItsRuns) {
  // A second connection reads two credits at a time ahead of the writer. A request paid in one
  // run and paid again in a later one must be a duplicate there (the reader's older copy of it
  // must not replace the one the import paid), and a partial payment completed later pays.
  const CaseId a = InvitedCase("1RUN001", "Run Een");
  const CaseId b = InvitedCase("1RUN002", "Run Twee");
  const CaseId c = InvitedCase("1RUN003", "Run Drie");
  const std::string ogm_a = RequestOf(a).ogm, ogm_b = RequestOf(b).ogm, ogm_c = RequestOf(c).ogm;
  auto reader_db = Database::Open(dir_.File("hh.db"));
  ASSERT_TRUE(reader_db.ok());
  SqliteCaseStore reader_cases(**reader_db);
  SqlitePaymentStore reader_payments(**reader_db);
  const ReconcileReader reader{&reader_cases, &reader_payments, 2};
  StatementSource src{"runs.cod", "sha-runs", std::string(kCityIban)};
  auto r = ImportPayments(
      *cases_, *payments_, settings_,
      {Statement("001", {Credit("58.00", ogm_a), Credit("20.00", ogm_b),
                         Credit("5.00", std::nullopt), Credit("58.00", ogm_a),
                         Credit("38.00", ogm_b), Credit("60.00", ogm_c), Credit("58.00", ogm_a)})},
      src, finance_, now_, &reader);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->exact, 2);      // a, then b's rest
  EXPECT_EQ(r->partial, 1);    // b's first
  EXPECT_EQ(r->duplicate, 2);  // a twice more, in runs 1 and 3
  EXPECT_EQ(r->overpaid, 1);   // c
  EXPECT_EQ(r->unmatched, 1);
  EXPECT_EQ(r->refunds, Eur("118.00"));  // 58 + 58 + 2
  EXPECT_EQ(StateOf(a), CaseState::kPaid);
  EXPECT_EQ(StateOf(b), CaseState::kPaid);
  EXPECT_EQ(StateOf(c), CaseState::kPaid);
  EXPECT_EQ(RequestOf(b).paid, Eur("58.00"));
  // A reader that cannot read (its database closed under it) fails the import: nothing stays.
  const CaseId d = InvitedCase("1RUN004", "Run Vier");
  reader_db->reset();
  auto bad_db = Database::Open(dir_.File("other.db"));  // no tables: every read fails
  ASSERT_TRUE(bad_db.ok());
  SqliteCaseStore bad_cases(**bad_db);
  SqlitePaymentStore bad_payments(**bad_db);
  const ReconcileReader bad{&bad_cases, &bad_payments, 1};
  StatementSource src2{"runs2.cod", "sha-runs2", std::string(kCityIban)};
  auto failed = ImportPayments(
      *cases_, *payments_, settings_,
      {Statement("002", {Credit("1.00", std::nullopt), Credit("58.00", RequestOf(d).ogm)})}, src2,
      finance_, now_, &bad);
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(StateOf(d), CaseState::kInvited);
  EXPECT_FALSE(*payments_->StatementFileSeen("sha-runs2"));
}

TEST_F(ReconcileTest, AStatementIsImportedOnceAndAFileIsAllOrNothing) {
  const CaseId id = InvitedCase("1ABC123", "Jan Testbetaler");
  const std::string ogm = RequestOf(id).ogm;
  ASSERT_TRUE(Import({Statement("001", {Credit("20.00", ogm)})}, "sha-1").ok());
  // The same file again.
  auto same = Import({Statement("001", {Credit("20.00", ogm)})}, "sha-1");
  EXPECT_EQ(same.status().code(), StatusCode::kAlreadyExists);
  // Another file holding a new statement and the old one: refused as a whole, so the new
  // statement's payment is not booked either.
  auto mixed = Import({Statement("002", {Credit("38.00", ogm)}), Statement("001", {})}, "sha-2");
  EXPECT_EQ(mixed.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(Balance(RequestOf(id)), Eur("38"));
  EXPECT_EQ(StateOf(id), CaseState::kInvited);
  // A statement of another account is refused.
  BankStatement other = Statement("003", {Credit("38.00", ogm)});
  other.account = "BE68539007547034";
  EXPECT_EQ(Import({other}, "sha-3").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Balance(RequestOf(id)), Eur("38"));
}

TEST_F(ReconcileTest, PaymentPlanSplitsTheBalanceAndMovesTheDeadline) {
  const CaseId id = InvitedCase("1ABC123", "Jan Testbetaler");
  // 58.00 / 3 = 19.33 twice, the last 58.00 - 38.66 = 19.34; monthly from 31/03 (April has no
  // 31st: 30/04), the last on 31/05.
  ASSERT_TRUE(
      CreatePaymentPlan(*cases_, *payments_, settings_, id, 3, D("2026-03-31"), finance_, now_)
          .ok());
  auto in = payments_->InstalmentsOf(RequestOf(id).id);
  ASSERT_TRUE(in.ok());
  ASSERT_EQ(in->size(), 3U);
  EXPECT_EQ((*in)[0].amount, Eur("19.33"));
  EXPECT_EQ((*in)[1].due_on, D("2026-04-30"));
  EXPECT_EQ((*in)[2].amount, Eur("19.34"));
  EXPECT_EQ((*in)[2].due_on, D("2026-05-31"));
  EXPECT_EQ(RequestOf(id).due_on, D("2026-05-31"));
  // The case is held to the first instalment.
  EXPECT_EQ(cases_->GetCase(id)->state_deadline, D("2026-03-31"));
  EXPECT_EQ(
      CreatePaymentPlan(*cases_, *payments_, settings_, id, 3, D("2026-03-31"), finance_, now_)
          .code(),
      StatusCode::kFailedPrecondition);
  EXPECT_EQ(
      CreatePaymentPlan(*cases_, *payments_, settings_, id, 1, D("2026-03-31"), finance_, now_)
          .code(),
      StatusCode::kInvalidArgument);
}

TEST(NextInstalmentDueTest, CountsOnlyWhatWasPaidUnderThePlan) {
  // A request of 58.00 that had 10.00 before the plan: 48.00 in instalments of 16.00.
  PaymentRequest r;
  r.amount = *Money::Parse("58");
  const std::vector<Instalment> plan = {{0, 0, D("2026-03-31"), *Money::Parse("16")},
                                        {0, 0, D("2026-04-30"), *Money::Parse("16")},
                                        {0, 0, D("2026-05-31"), *Money::Parse("16")}};
  r.paid = *Money::Parse("10");
  EXPECT_EQ(NextInstalmentDue(r, plan), D("2026-03-31"));
  r.paid = *Money::Parse("25.99");  // 15.99 under the plan: the first not covered
  EXPECT_EQ(NextInstalmentDue(r, plan), D("2026-03-31"));
  r.paid = *Money::Parse("26");  // the first covered exactly
  EXPECT_EQ(NextInstalmentDue(r, plan), D("2026-04-30"));
  r.paid = *Money::Parse("57.99");
  EXPECT_EQ(NextInstalmentDue(r, plan), D("2026-05-31"));
  r.paid = *Money::Parse("58");
  EXPECT_EQ(NextInstalmentDue(r, plan), std::nullopt);
  EXPECT_EQ(NextInstalmentDue(r, {}), std::nullopt);
}

// A plan kept holds the case to each next instalment and sends no reminder; the first missed
// instalment lets the deadline pass and the clock makes the reminder due for the whole balance.
TEST_F(ReconcileTest, MissedInstalmentIsChasedBeforeThePlanEnds) {
  const CaseId id = InvitedCase("1ABC123", "Jan Testbetaler");
  ASSERT_TRUE(
      CreatePaymentPlan(*cases_, *payments_, settings_, id, 3, D("2026-03-31"), finance_, now_)
          .ok());
  const std::string ogm = RequestOf(id).ogm;
  // The first instalment (19.33) paid: the case waits for the second, on 30/04.
  auto r = Import({Statement("001", {Credit("19.33", ogm)})}, "sha-1");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->partial, 1);
  EXPECT_EQ(cases_->GetCase(id)->state_deadline, D("2026-04-30"));
  // The clock on 01/04 (the first instalment's day passed, but it was paid): nothing moves.
  auto p = Process(*cases_, settings_, At("2026-04-01T08:00:00Z"), now_);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(StateOf(id), CaseState::kInvited);
  // 10.00 towards the second: not enough, the deadline stays 30/04.
  ASSERT_TRUE(Import({Statement("002", {Credit("10.00", ogm)})}, "sha-2").ok());
  EXPECT_EQ(cases_->GetCase(id)->state_deadline, D("2026-04-30"));
  // On 01/05 the second instalment is missed: the reminder is due, a month before the plan's
  // last day (31/05), for the balance 58.00 - 29.33 = 28.67.
  p = Process(*cases_, settings_, At("2026-05-01T08:00:00Z"), now_);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->moved, 1U);
  EXPECT_EQ(StateOf(id), CaseState::kReminderDue);
  EXPECT_EQ(Balance(RequestOf(id)), Eur("28.67"));
}

TEST_F(ReconcileTest, BailiffExportListsEnforceableCasesAndHandsThemOver) {
  const CaseId id = InvitedCase("1ABC123", "Jan Testbetaler");
  const CaseId other = InvitedCase("2DEF456", "Els Testbetaler");
  ASSERT_TRUE(Import({Statement("001", {Credit("20.00", RequestOf(id).ogm)})}, "sha-1").ok());
  // Force both cases to enforceable through their own deadlines: unpaid -> reminder due ->
  // reminded -> enforceable.
  for (CaseId c : {id, other}) {
    Status s = cases_->Transact([&]() -> Status {
      auto k = cases_->GetCase(c);
      if (!k.ok()) return k.status();
      k->state = CaseState::kEnforceable;
      return cases_->UpdateCase(*k, CaseState::kInvited, std::nullopt);
    });
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  EXPECT_EQ(ExportToBailiff(*cases_, *payments_, settings_, viewer_, now_).status().code(),
            StatusCode::kPermissionDenied);
  auto e = ExportToBailiff(*cases_, *payments_, settings_, finance_, now_);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->cases, 2);
  EXPECT_EQ(e->total, Eur("96"));  // 38 + 58
  EXPECT_NE(e->csv.find(";Jan Testbetaler;nee;;05/05/1980;Teststraat;1;2800;Mechelen;nl;27/02/2026;"
                        "P1;KB 1 december 1975 art. 22;€ 58,00;€ 20,00;€ 38,00;+++"),
            std::string::npos)
      << e->csv;
  EXPECT_EQ(StateOf(id), CaseState::kBailiff);
  EXPECT_EQ(StateOf(other), CaseState::kBailiff);
  auto none = ExportToBailiff(*cases_, *payments_, settings_, finance_, now_);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->cases, 0);
}

}  // namespace
}  // namespace hh
