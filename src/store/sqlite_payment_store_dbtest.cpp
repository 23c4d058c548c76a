// SqlitePaymentStore on a fresh, migrated SQLite file, through the PaymentStore interface (and
// SqliteCaseStore for the cases its rows belong to and for Transact).
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "store/migrations.h"
#include "store/sqlite_case_store.h"
#include "store/sqlite_payment_store.h"
#include "store/test_db.h"
#include "store/test_temp_dir.h"

namespace hh {
namespace {

const Instant kNow = Instant::FromUnix(1'774'000'000);    // 2026-03-20T09:46:40Z
const Instant kLater = Instant::FromUnix(1'774'086'400);  // 2026-03-21T09:46:40Z

LocalDate D(const char* iso) { return *LocalDate::Parse(iso); }

class PaymentStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = OpenMigratedDb(dir_, kNow);
    ASSERT_NE(db_, nullptr);
    cases_ = std::make_unique<SqliteCaseStore>(*db_);
    store_ = std::make_unique<SqlitePaymentStore>(*db_);
  }

  // A case to hang rows on (foreign keys are on); each call makes another one.
  CaseId NewCase() {
    Case c;
    c.track = Track::kAutoluw;
    c.state = CaseState::kAwaitingReview;
    c.facts_at = kNow;
    c.facts_day = D("2026-03-20");
    c.zone_id = "Z1";
    c.plate = "TEST" + std::to_string(++cases_made_);
    c.country = "BE";
    c.offence_code = "C3";
    c.article = "KB 9 maart 2014 art. 3";
    c.category = TrafficCategory::kCameraC3F103;
    c.amount = Money::FromEuro(58);
    c.created_at = c.updated_at = kNow;
    auto id = cases_->InsertCase(c, std::nullopt);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : CaseId{};
  }

  PaymentRequest Request(int64_t id, CaseId case_id, const std::string& ogm, int64_t cents) {
    PaymentRequest r;
    r.id = id;
    r.case_id = case_id;
    r.ogm = ogm;
    r.amount = Money::FromCents(cents);
    r.created_at = kNow;
    return r;
  }

  StatementRecord BankStatement(const std::string& number, std::optional<LocalDate> closing) {
    StatementRecord s;
    s.file_sha256 = "f" + number;
    s.file_name = "stmt" + number + ".xml";
    s.format = "camt053";
    s.account = "BE68539007547034";
    s.number = number;
    s.closing_date = closing;
    s.transactions = 3;
    s.imported_at = kNow;
    s.imported_by = "fin1";
    return s;
  }

  PaymentRecord Credit(int64_t statement_id, int64_t cents, PaymentOutcome outcome) {
    PaymentRecord p;
    p.statement_id = statement_id;
    p.amount = Money::FromCents(cents);
    p.booking_date = D("2026-03-19");
    p.outcome = outcome;
    return p;
  }

  // An exact credit of request 1 with every optional field of a bank line filled in (the
  // assignment fields left empty), and the check that a stored row holds all of them.
  PaymentRecord FullCredit(int64_t statement_id) {
    PaymentRecord p = Credit(statement_id, 5800, PaymentOutcome::kExact);
    p.value_date = D("2026-03-18");
    p.bank_reference = "REF-1";
    p.ogm = "000000000197";
    p.communication = "+++000/0000/00197+++";
    p.counterparty_name = "Test Persoon";
    p.counterparty_account = "BE71096123456769";
    p.request_id = 1;
    return p;
  }
  static void ExpectFullCredit(const PaymentRecord& p, int64_t statement_id) {
    EXPECT_EQ(p.statement_id, statement_id);
    EXPECT_EQ(p.amount.cents(), 5800);
    EXPECT_EQ(p.booking_date, D("2026-03-19"));
    EXPECT_EQ(p.value_date, D("2026-03-18"));
    EXPECT_EQ(p.bank_reference, "REF-1");
    EXPECT_EQ(p.ogm, "000000000197");
    EXPECT_EQ(p.communication, "+++000/0000/00197+++");
    EXPECT_EQ(p.counterparty_name, "Test Persoon");
    EXPECT_EQ(p.counterparty_account, "BE71096123456769");
    EXPECT_EQ(p.request_id, std::optional<int64_t>(1));
    EXPECT_EQ(p.outcome, PaymentOutcome::kExact);
  }

  // The rows of a test-only SELECT, each column as text ("NULL" for NULL).
  std::vector<std::vector<std::string>> Rows(const std::string& sql) {
    std::vector<std::vector<std::string>> out;
    auto s = db_->Prepare(sql);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    if (!s.ok()) return out;
    for (;;) {
      auto row = s->Step();
      EXPECT_TRUE(row.ok()) << row.status().ToString();
      if (!row.ok() || !*row) break;
      std::vector<std::string> cols;
      for (int i = 0; i < s->ColumnCount(); ++i) {
        cols.push_back(s->Type(i) == ColumnType::kNull ? "NULL" : s->ColumnText(i));
      }
      out.push_back(std::move(cols));
    }
    return out;
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<CaseStore> cases_;
  std::unique_ptr<PaymentStore> store_;
  int cases_made_ = 0;
};

std::vector<int64_t> Ids(const std::vector<PaymentRequest>& rs) {
  std::vector<int64_t> out;
  for (const auto& r : rs) out.push_back(r.id);
  return out;
}
std::vector<int64_t> Ids(const std::vector<PaymentRecord>& ps) {
  std::vector<int64_t> out;
  for (const auto& p : ps) out.push_back(p.id);
  return out;
}

TEST(PaymentStoreNamesTest, NamesAndParse) {
  EXPECT_EQ(RequestStatusName(RequestStatus::kOpen), "open");
  EXPECT_EQ(RequestStatusName(RequestStatus::kPartial), "partial");
  EXPECT_EQ(RequestStatusName(RequestStatus::kPaid), "paid");
  EXPECT_EQ(RequestStatusName(RequestStatus::kCancelled), "cancelled");
  const std::pair<PaymentOutcome, const char*> outcomes[] = {
      {PaymentOutcome::kExact, "exact"},
      {PaymentOutcome::kPartial, "partial"},
      {PaymentOutcome::kOverpaid, "overpaid"},
      {PaymentOutcome::kDuplicate, "duplicate"},
      {PaymentOutcome::kAfterClose, "after_close"},
      {PaymentOutcome::kUnmatched, "unmatched"}};
  for (const auto& [o, name] : outcomes) {
    EXPECT_EQ(PaymentOutcomeName(o), name);
    EXPECT_EQ(ParsePaymentOutcome(name), o) << name;
  }
  EXPECT_EQ(ParsePaymentOutcome(""), std::nullopt);
  EXPECT_EQ(ParsePaymentOutcome("Exact"), std::nullopt);
  EXPECT_EQ(ParsePaymentOutcome("after close"), std::nullopt);
  EXPECT_EQ(ParsePaymentOutcome("open"), std::nullopt);
}

TEST_F(PaymentStoreTest, RequestRoundTripsEveryField) {
  const CaseId c = NewCase();
  const CaseId other = NewCase();
  EXPECT_EQ(*store_->NextRequestId(), 1);
  PaymentRequest r = Request(1, c, "000000000197", 5800);
  r.paid = Money::FromCents(1250);
  r.due_on = D("2026-04-19");
  r.status = RequestStatus::kPartial;
  ASSERT_TRUE(store_->InsertRequest(r).ok());
  EXPECT_EQ(*store_->NextRequestId(), 2);

  auto got = store_->GetRequest(1);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_TRUE(got->has_value());
  const PaymentRequest& g = **got;
  EXPECT_EQ(g.id, 1);
  EXPECT_EQ(g.case_id, c);
  EXPECT_EQ(g.ogm, "000000000197");
  EXPECT_EQ(g.amount.cents(), 5800);
  EXPECT_EQ(g.paid.cents(), 1250);
  EXPECT_EQ(g.due_on, D("2026-04-19"));
  EXPECT_EQ(g.status, RequestStatus::kPartial);
  EXPECT_EQ(g.created_at, kNow);

  // The same row by its reference; an unknown reference or id is nothing, not an error.
  auto by_ogm = store_->RequestByOgm("000000000197");
  ASSERT_TRUE(by_ogm.ok() && by_ogm->has_value());
  EXPECT_EQ((*by_ogm)->id, 1);
  EXPECT_EQ((*by_ogm)->paid.cents(), 1250);
  EXPECT_FALSE(store_->RequestByOgm("000000000298")->has_value());
  EXPECT_FALSE(store_->GetRequest(2)->has_value());

  // Without a last day; a later request of the same case and one of another case.
  PaymentRequest r2 = Request(2, c, "000000000298", 11600);
  r2.status = RequestStatus::kCancelled;
  r2.created_at = kLater;
  ASSERT_TRUE(store_->InsertRequest(r2).ok());
  ASSERT_TRUE(store_->InsertRequest(Request(3, other, "000000000399", 5800)).ok());
  auto two = store_->GetRequest(2);
  ASSERT_TRUE(two.ok() && two->has_value());
  EXPECT_EQ((*two)->due_on, std::nullopt);
  EXPECT_EQ((*two)->paid.cents(), 0);
  EXPECT_EQ((*two)->status, RequestStatus::kCancelled);
  EXPECT_EQ((*two)->created_at, kLater);
  auto of_case = store_->RequestsOfCase(c);
  ASSERT_TRUE(of_case.ok());
  EXPECT_EQ(Ids(*of_case), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(Ids(*store_->RequestsOfCase(other)), (std::vector<int64_t>{3}));
  EXPECT_TRUE(store_->RequestsOfCase(CaseId{999})->empty());
  EXPECT_EQ(*store_->NextRequestId(), 4);
}

TEST_F(PaymentStoreTest, UpdateWritesPaidStatusAndDueOnOnly) {
  const CaseId c = NewCase();
  PaymentRequest r = Request(1, c, "000000000197", 5800);
  r.due_on = D("2026-04-19");
  ASSERT_TRUE(store_->InsertRequest(r).ok());
  r.paid = Money::FromCents(5800);
  r.status = RequestStatus::kPaid;
  r.due_on = std::nullopt;
  r.amount = Money::FromCents(1);  // not an updated field
  r.ogm = "999999999999";          // nor this
  ASSERT_TRUE(store_->UpdateRequest(r).ok());
  auto g = store_->GetRequest(1);
  ASSERT_TRUE(g.ok() && g->has_value());
  EXPECT_EQ((*g)->paid.cents(), 5800);
  EXPECT_EQ((*g)->status, RequestStatus::kPaid);
  EXPECT_EQ((*g)->due_on, std::nullopt);
  EXPECT_EQ((*g)->amount.cents(), 5800);
  EXPECT_EQ((*g)->ogm, "000000000197");
  // And back to a day.
  r.due_on = D("2026-05-31");
  ASSERT_TRUE(store_->UpdateRequest(r).ok());
  EXPECT_EQ((*store_->GetRequest(1))->due_on, D("2026-05-31"));
  r.id = 7;
  EXPECT_EQ(store_->UpdateRequest(r).code(), StatusCode::kNotFound);
}

TEST_F(PaymentStoreTest, InsertRequestRefusals) {
  const CaseId c = NewCase();
  ASSERT_TRUE(store_->InsertRequest(Request(1, c, "000000000197", 5800)).ok());
  // Another id with a used reference.
  Status dup = store_->InsertRequest(Request(2, c, "000000000197", 5800));
  EXPECT_EQ(dup.code(), StatusCode::kAlreadyExists);
  EXPECT_NE(dup.message().find("000000000197"), std::string::npos) << dup.message();
  // A used id with a fresh reference.
  EXPECT_EQ(store_->InsertRequest(Request(1, c, "000000000298", 5800)).code(),
            StatusCode::kAlreadyExists);
  // No id, an unknown case, a zero amount.
  EXPECT_EQ(store_->InsertRequest(Request(0, c, "000000000298", 5800)).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->InsertRequest(Request(2, CaseId{999}, "000000000298", 5800)).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->InsertRequest(Request(2, c, "000000000298", 0)).code(),
            StatusCode::kInvalidArgument);
  // Nothing of the refusals was written.
  EXPECT_EQ(*store_->NextRequestId(), 2);
  EXPECT_FALSE(store_->RequestByOgm("000000000298")->has_value());
}

TEST_F(PaymentStoreTest, OpenRequestsWithBalanceIsAmountMinusPaidOfOpenOrPartial) {
  const CaseId c = NewCase();
  auto add = [&](int64_t id, int64_t amount, int64_t paid, RequestStatus status) {
    PaymentRequest r = Request(id, c, "0000000001" + std::to_string(10 + id), amount);
    r.paid = Money::FromCents(paid);
    r.status = status;
    ASSERT_TRUE(store_->InsertRequest(r).ok()) << id;
  };
  add(1, 5800, 0, RequestStatus::kOpen);         // balance 58.00
  add(2, 10000, 4200, RequestStatus::kPartial);  // balance 58.00 too
  add(3, 5800, 0, RequestStatus::kCancelled);    // 58.00, but cancelled
  add(4, 11600, 5800, RequestStatus::kPaid);     // 58.00, but paid (a stale status)
  add(5, 5800, 5800, RequestStatus::kPaid);      // balance 0
  add(6, 6000, 0, RequestStatus::kOpen);         // balance 60.00
  add(7, 5800, 0, RequestStatus::kOpen);         // balance 58.00
  add(8, 5800, 5800, RequestStatus::kPartial);   // balance 0, still partial
  auto all = store_->OpenRequestsWithBalance(Money::FromCents(5800), 10);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(Ids(*all), (std::vector<int64_t>{1, 2, 7}));
  EXPECT_EQ((*all)[1].paid.cents(), 4200);
  EXPECT_EQ(Ids(*store_->OpenRequestsWithBalance(Money::FromCents(5800), 2)),
            (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(Ids(*store_->OpenRequestsWithBalance(Money::FromCents(5800), 1)),
            (std::vector<int64_t>{1}));
  EXPECT_TRUE(store_->OpenRequestsWithBalance(Money::FromCents(5800), 0)->empty());
  EXPECT_EQ(Ids(*store_->OpenRequestsWithBalance(Money::FromCents(6000), 10)),
            (std::vector<int64_t>{6}));
  EXPECT_EQ(Ids(*store_->OpenRequestsWithBalance(Money(), 10)), (std::vector<int64_t>{8}));
  EXPECT_TRUE(store_->OpenRequestsWithBalance(Money::FromCents(5801), 10)->empty());
}

TEST_F(PaymentStoreTest, InstalmentsComeByDueDay) {
  const CaseId c = NewCase();
  ASSERT_TRUE(store_->InsertRequest(Request(1, c, "000000000197", 15000)).ok());
  ASSERT_TRUE(store_->InsertRequest(Request(2, c, "000000000298", 5800)).ok());
  ASSERT_TRUE(store_->AddInstalment({0, 1, D("2026-05-31"), Money::FromCents(5000)}).ok());
  ASSERT_TRUE(store_->AddInstalment({0, 1, D("2026-04-30"), Money::FromCents(7000)}).ok());
  ASSERT_TRUE(store_->AddInstalment({0, 2, D("2026-04-01"), Money::FromCents(5800)}).ok());
  ASSERT_TRUE(store_->AddInstalment({0, 1, D("2026-06-30"), Money::FromCents(3000)}).ok());
  auto got = store_->InstalmentsOf(1);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_EQ(got->size(), 3u);
  EXPECT_EQ((*got)[0].id, 2);
  EXPECT_EQ((*got)[0].request_id, 1);
  EXPECT_EQ((*got)[0].due_on, D("2026-04-30"));
  EXPECT_EQ((*got)[0].amount.cents(), 7000);
  EXPECT_EQ((*got)[1].id, 1);
  EXPECT_EQ((*got)[1].due_on, D("2026-05-31"));
  EXPECT_EQ((*got)[1].amount.cents(), 5000);
  EXPECT_EQ((*got)[2].id, 4);
  EXPECT_EQ((*got)[2].due_on, D("2026-06-30"));
  EXPECT_TRUE(store_->InstalmentsOf(3)->empty());
  // An instalment of no request.
  EXPECT_FALSE(store_->AddInstalment({0, 9, D("2026-04-01"), Money::FromCents(100)}).ok());
}

TEST_F(PaymentStoreTest, LetterQueueInIdOrderAndDelete) {
  const CaseId a = NewCase();
  const CaseId b = NewCase();
  ASSERT_TRUE(store_->QueueLetter({0, b, "invitation", D("2026-03-23"), "off1", kNow}).ok());
  ASSERT_TRUE(store_->QueueLetter({0, a, "decision", D("2026-03-20"), "sanc1", kLater}).ok());
  ASSERT_TRUE(store_->QueueLetter({0, b, "reminder", D("2026-03-24"), "off2", kNow}).ok());
  auto q = store_->QueuedLetters();
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  ASSERT_EQ(q->size(), 3u);
  EXPECT_EQ((*q)[0].id, 1);
  EXPECT_EQ((*q)[0].case_id, b);
  EXPECT_EQ((*q)[0].kind, "invitation");
  EXPECT_EQ((*q)[0].posted_on, D("2026-03-23"));
  EXPECT_EQ((*q)[0].requested_by, "off1");
  EXPECT_EQ((*q)[0].created_at, kNow);
  EXPECT_EQ((*q)[1].id, 2);
  EXPECT_EQ((*q)[1].case_id, a);
  EXPECT_EQ((*q)[1].kind, "decision");
  EXPECT_EQ((*q)[1].posted_on, D("2026-03-20"));
  EXPECT_EQ((*q)[1].requested_by, "sanc1");
  EXPECT_EQ((*q)[1].created_at, kLater);
  EXPECT_EQ((*q)[2].id, 3);

  ASSERT_TRUE(store_->DeleteQueuedLetter(2).ok());
  EXPECT_EQ(store_->DeleteQueuedLetter(2).code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->DeleteQueuedLetter(42).code(), StatusCode::kNotFound);
  q = store_->QueuedLetters();
  ASSERT_TRUE(q.ok());
  ASSERT_EQ(q->size(), 2u);
  EXPECT_EQ((*q)[0].id, 1);
  EXPECT_EQ((*q)[1].id, 3);
  EXPECT_EQ((*q)[1].kind, "reminder");
  // A letter for no case.
  EXPECT_FALSE(store_->QueueLetter({0, CaseId{999}, "decision", D("2026-03-20"), "x", kNow}).ok());
}

TEST_F(PaymentStoreTest, LetterRoundTripsWithItsPdfBytes) {
  const CaseId c = NewCase();
  const CaseId other = NewCase();
  ASSERT_TRUE(store_->InsertRequest(Request(1, c, "000000000197", 5800)).ok());
  const std::string print("%PDF-1.5\n\0binary\xff", 17);
  auto run = store_->InsertLetterRun(kNow, "fin1", 2, "abc123", print);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(*run, 1);
  // The print file comes back byte for byte (a NUL and a high byte among them).
  auto back = store_->LetterRunPrintFile(*run);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, print);
  EXPECT_EQ(store_->LetterRunPrintFile(*run + 1).status().code(), StatusCode::kNotFound);
  // A run stored before migration 0008 has no bytes.
  ASSERT_TRUE(db_->Execute("INSERT INTO letter_runs (at, user_login, letters, print_sha256) VALUES "
                           "('2026-03-20T09:46:40Z', 'y', 1, 'z')")
                  .ok());
  EXPECT_EQ(store_->LetterRunPrintFile(*run + 1).status().code(), StatusCode::kNotFound);
  ASSERT_TRUE(db_->Execute("DELETE FROM letter_runs WHERE id = 2").ok());
  EXPECT_EQ(Rows("SELECT id, at, user_login, letters, print_sha256 FROM letter_runs"),
            (std::vector<std::vector<std::string>>{
                {"1", "2026-03-20T09:46:40Z", "fin1", "2", "abc123"}}));

  LetterRecord l;
  l.case_id = c;
  l.run_id = *run;
  l.kind = "decision";
  l.language = "nl";
  l.recipient = "Test Persoon";
  l.request_id = 1;
  l.amount = Money::FromCents(5800);
  l.registered = true;
  l.posted_on = D("2026-03-23");
  l.sha256 = "00ff";
  l.pages = 2;
  l.created_at = kNow;
  // A zero byte in the middle and bytes above 0x7f: a BLOB, not text.
  const std::vector<uint8_t> pdf = {'%', 'P', 'D', 'F', 0x00, 0xff, 0x80, '\n', 0x00, 'E'};
  auto id = store_->InsertLetter(l, pdf);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(*id, 1);

  auto g = store_->GetLetter(*id);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  ASSERT_TRUE(g->has_value());
  const LetterRecord& r = **g;
  EXPECT_EQ(r.id, 1);
  EXPECT_EQ(r.case_id, c);
  EXPECT_EQ(r.run_id, std::optional<int64_t>(1));
  EXPECT_EQ(r.kind, "decision");
  EXPECT_EQ(r.language, "nl");
  EXPECT_EQ(r.recipient, "Test Persoon");
  EXPECT_EQ(r.request_id, std::optional<int64_t>(1));
  ASSERT_TRUE(r.amount.has_value());
  EXPECT_EQ(r.amount->cents(), 5800);
  EXPECT_TRUE(r.registered);
  EXPECT_EQ(r.registered_number, "");
  EXPECT_EQ(r.posted_on, D("2026-03-23"));
  EXPECT_EQ(r.sha256, "00ff");
  EXPECT_EQ(r.pages, 2);
  EXPECT_EQ(r.created_at, kNow);

  auto bytes = store_->LetterPdf(*id);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  ASSERT_EQ(bytes->size(), 10u);
  EXPECT_EQ(*bytes, std::string("%PDF\0\xff\x80\n\0E", 10));
  EXPECT_EQ(Rows("SELECT typeof(pdf), length(pdf) FROM letters WHERE id = 1"),
            (std::vector<std::vector<std::string>>{{"blob", "10"}}));

  // A plain letter: no run, request or amount; an empty PDF stays empty.
  LetterRecord plain;
  plain.case_id = c;
  plain.kind = "invitation";
  plain.language = "fr";
  plain.recipient = "Autre Personne";
  plain.posted_on = D("2026-03-24");
  plain.sha256 = "e3b0";
  plain.pages = 1;
  plain.created_at = kLater;
  auto id2 = store_->InsertLetter(plain, {});
  ASSERT_TRUE(id2.ok()) << id2.status().ToString();
  auto g2 = store_->GetLetter(*id2);
  ASSERT_TRUE(g2.ok() && g2->has_value());
  EXPECT_EQ((*g2)->run_id, std::nullopt);
  EXPECT_EQ((*g2)->request_id, std::nullopt);
  EXPECT_EQ((*g2)->amount, std::nullopt);
  EXPECT_FALSE((*g2)->registered);
  EXPECT_EQ((*g2)->language, "fr");
  EXPECT_EQ((*g2)->created_at, kLater);
  EXPECT_EQ(*store_->LetterPdf(*id2), "");
  ASSERT_TRUE(store_->InsertLetter(plain, pdf).ok());  // a third letter of case c
  plain.case_id = other;
  ASSERT_TRUE(store_->InsertLetter(plain, pdf).ok());

  // The run's letters are the one made with its id; the runs come newest first.
  auto of_run = store_->LettersOfRun(*run);
  ASSERT_TRUE(of_run.ok()) << of_run.status().ToString();
  ASSERT_EQ(of_run->size(), 1u);
  EXPECT_EQ((*of_run)[0].id, 1);
  EXPECT_TRUE(store_->LettersOfRun(*run + 1)->empty());
  ASSERT_TRUE(store_->InsertLetterRun(kLater, "olga", 0, "def456", "").ok());
  auto runs = store_->RecentLetterRuns(10);
  ASSERT_TRUE(runs.ok()) << runs.status().ToString();
  ASSERT_EQ(runs->size(), 2u);
  EXPECT_EQ((*runs)[0].user_login, "olga");
  EXPECT_EQ((*runs)[0].at, kLater);
  EXPECT_EQ((*runs)[1].id, *run);
  EXPECT_EQ((*runs)[1].letters, 2);
  EXPECT_EQ((*runs)[1].print_sha256, "abc123");
  EXPECT_EQ(store_->RecentLetterRuns(1)->size(), 1u);

  auto of_case = store_->LettersOfCase(c);
  ASSERT_TRUE(of_case.ok()) << of_case.status().ToString();
  ASSERT_EQ(of_case->size(), 3u);
  EXPECT_EQ((*of_case)[0].id, 1);
  EXPECT_EQ((*of_case)[0].amount->cents(), 5800);
  EXPECT_EQ((*of_case)[1].id, 2);
  EXPECT_EQ((*of_case)[2].id, 3);
  auto of_other = store_->LettersOfCase(other);
  ASSERT_EQ(of_other->size(), 1u);
  EXPECT_EQ((*of_other)[0].id, 4);

  // The registered number, once known; an empty one clears it.
  ASSERT_TRUE(store_->SetRegisteredNumber(1, "RR123456789BE").ok());
  EXPECT_EQ((*store_->GetLetter(1))->registered_number, "RR123456789BE");
  EXPECT_EQ((*store_->GetLetter(2))->registered_number, "");
  ASSERT_TRUE(store_->SetRegisteredNumber(1, "").ok());
  EXPECT_EQ(Rows("SELECT registered_number FROM letters WHERE id = 1"),
            (std::vector<std::vector<std::string>>{{"NULL"}}));
  EXPECT_EQ(store_->SetRegisteredNumber(99, "RR1").code(), StatusCode::kNotFound);

  EXPECT_FALSE(store_->GetLetter(99)->has_value());
  EXPECT_EQ(store_->LetterPdf(99).status().code(), StatusCode::kNotFound);
}

TEST_F(PaymentStoreTest, StatementSeenByFileAndByKey) {
  StatementRecord s = BankStatement("2026/012", D("2026-03-19"));
  s.warnings = "line 7: no counterparty; line 9: value date missing";
  auto id = store_->InsertStatement(s);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(*id, 1);
  EXPECT_EQ(Rows("SELECT id, file_sha256, file_name, format, account, number, closing_date, "
                 "transactions, warnings, imported_at, imported_by FROM bank_statements"),
            (std::vector<std::vector<std::string>>{
                {"1", "f2026/012", "stmt2026/012.xml", "camt053", "BE68539007547034", "2026/012",
                 "2026-03-19", "3", "line 7: no counterparty; line 9: value date missing",
                 "2026-03-20T09:46:40Z", "fin1"}}));

  EXPECT_TRUE(*store_->StatementFileSeen("f2026/012"));
  EXPECT_FALSE(*store_->StatementFileSeen("f2026/013"));
  const std::string acct = "BE68539007547034";
  EXPECT_TRUE(*store_->StatementSeen(acct, "camt053", "2026/012", D("2026-03-19")));
  // Each part of the key counts.
  EXPECT_FALSE(*store_->StatementSeen("BE71096123456769", "camt053", "2026/012", D("2026-03-19")));
  EXPECT_FALSE(*store_->StatementSeen(acct, "coda", "2026/012", D("2026-03-19")));
  EXPECT_FALSE(*store_->StatementSeen(acct, "camt053", "2026/013", D("2026-03-19")));
  EXPECT_FALSE(*store_->StatementSeen(acct, "camt053", "2026/012", D("2026-03-20")));
  EXPECT_FALSE(*store_->StatementSeen(acct, "camt053", "2026/012", std::nullopt));

  // Without a closing day: seen only as one without, and refused a second time.
  ASSERT_TRUE(store_->InsertStatement(BankStatement("2026/013", std::nullopt)).ok());
  EXPECT_EQ(Rows("SELECT closing_date FROM bank_statements WHERE id = 2"),
            (std::vector<std::vector<std::string>>{{"NULL"}}));
  EXPECT_TRUE(*store_->StatementSeen(acct, "camt053", "2026/013", std::nullopt));
  EXPECT_FALSE(*store_->StatementSeen(acct, "camt053", "2026/013", D("2026-03-19")));
  StatementRecord again = BankStatement("2026/013", std::nullopt);
  again.file_sha256 = "another file";
  auto dup = store_->InsertStatement(again);
  EXPECT_EQ(dup.status().code(), StatusCode::kAlreadyExists);
  // The dated one again from another file, too.
  StatementRecord dated = BankStatement("2026/012", D("2026-03-19"));
  dated.file_sha256 = "yet another file";
  EXPECT_EQ(store_->InsertStatement(dated).status().code(), StatusCode::kAlreadyExists);
  EXPECT_FALSE(*store_->StatementFileSeen("another file"));
  EXPECT_FALSE(*store_->StatementFileSeen("yet another file"));
  // Two statements of one file (a CODA file holds several).
  StatementRecord next = BankStatement("2026/014", D("2026-03-20"));
  next.file_sha256 = "f2026/012";
  EXPECT_TRUE(store_->InsertStatement(next).ok());
}

TEST_F(PaymentStoreTest, PaymentRoundTripsAndTheUnmatchedQueue) {
  const CaseId c = NewCase();
  ASSERT_TRUE(store_->InsertRequest(Request(1, c, "000000000197", 5800)).ok());
  ASSERT_TRUE(store_->InsertRequest(Request(2, c, "000000000298", 5800)).ok());
  const int64_t st = *store_->InsertStatement(BankStatement("2026/012", D("2026-03-19")));

  PaymentRecord full = FullCredit(st);
  full.assigned_by = "fin1";
  full.assigned_at = kNow;
  auto id = store_->InsertPayment(full);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(*id, 1);
  auto g = store_->GetPayment(1);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  ASSERT_TRUE(g->has_value());
  const PaymentRecord& p = **g;
  EXPECT_EQ(p.id, 1);
  ExpectFullCredit(p, st);
  EXPECT_EQ(p.assigned_by, "fin1");
  EXPECT_EQ(p.assigned_at, kNow);

  // Three credits for the manual queue, between them one matched by reference.
  const int64_t u1 = *store_->InsertPayment(Credit(st, 1000, PaymentOutcome::kUnmatched));
  PaymentRecord matched = Credit(st, 5800, PaymentOutcome::kPartial);
  matched.request_id = 2;
  matched.ogm = "000000000298";
  const int64_t m = *store_->InsertPayment(matched);
  const int64_t u2 = *store_->InsertPayment(Credit(st, 2000, PaymentOutcome::kUnmatched));
  const int64_t u3 = *store_->InsertPayment(Credit(st, 3000, PaymentOutcome::kUnmatched));
  EXPECT_EQ((std::vector<int64_t>{u1, m, u2, u3}), (std::vector<int64_t>{2, 3, 4, 5}));
  // An empty reference and no value date, request or assignment read back as such.
  auto bare = store_->GetPayment(u1);
  ASSERT_TRUE(bare.ok() && bare->has_value());
  EXPECT_EQ((*bare)->ogm, "");
  EXPECT_EQ((*bare)->value_date, std::nullopt);
  EXPECT_EQ((*bare)->request_id, std::nullopt);
  EXPECT_EQ((*bare)->assigned_by, "");
  EXPECT_EQ((*bare)->assigned_at, std::nullopt);
  EXPECT_EQ((*bare)->outcome, PaymentOutcome::kUnmatched);
  EXPECT_EQ(Rows("SELECT ogm, assigned_by FROM payments WHERE id = 2"),
            (std::vector<std::vector<std::string>>{{"NULL", "NULL"}}));
  EXPECT_FALSE(store_->GetPayment(99)->has_value());

  auto queue = store_->UnmatchedPayments(10);
  ASSERT_TRUE(queue.ok()) << queue.status().ToString();
  EXPECT_EQ(Ids(*queue), (std::vector<int64_t>{2, 4, 5}));
  EXPECT_EQ((*queue)[1].amount.cents(), 2000);
  EXPECT_EQ(Ids(*store_->UnmatchedPayments(2)), (std::vector<int64_t>{2, 4}));
  EXPECT_TRUE(store_->UnmatchedPayments(0)->empty());

  // Assigned by hand, a payment leaves the queue and joins its request.
  ASSERT_TRUE(store_->AssignPayment(u2, 2, PaymentOutcome::kPartial, "fin2", kLater).ok());
  EXPECT_EQ(Ids(*store_->UnmatchedPayments(10)), (std::vector<int64_t>{2, 5}));
  auto a = store_->GetPayment(u2);
  ASSERT_TRUE(a.ok() && a->has_value());
  EXPECT_EQ((*a)->request_id, std::optional<int64_t>(2));
  EXPECT_EQ((*a)->outcome, PaymentOutcome::kPartial);
  EXPECT_EQ((*a)->assigned_by, "fin2");
  EXPECT_EQ((*a)->assigned_at, kLater);
  EXPECT_EQ((*a)->amount.cents(), 2000);  // the rest stays
  EXPECT_EQ(Ids(*store_->PaymentsOfRequest(2)), (std::vector<int64_t>{3, 4}));
  EXPECT_EQ(Ids(*store_->PaymentsOfRequest(1)), (std::vector<int64_t>{1}));
  EXPECT_TRUE(store_->PaymentsOfRequest(3)->empty());

  EXPECT_EQ(store_->AssignPayment(99, 2, PaymentOutcome::kExact, "fin2", kLater).code(),
            StatusCode::kNotFound);
  EXPECT_EQ(store_->AssignPayment(u3, 77, PaymentOutcome::kExact, "fin2", kLater).code(),
            StatusCode::kNotFound);
  EXPECT_EQ(Ids(*store_->UnmatchedPayments(10)), (std::vector<int64_t>{2, 5}));
  // A credit of no statement.
  EXPECT_FALSE(store_->InsertPayment(Credit(42, 100, PaymentOutcome::kUnmatched)).ok());
}

TEST_F(PaymentStoreTest, RefundsOpenAndClose) {
  const CaseId c = NewCase();
  const int64_t st = *store_->InsertStatement(BankStatement("2026/012", D("2026-03-19")));
  const int64_t p1 = *store_->InsertPayment(Credit(st, 6000, PaymentOutcome::kOverpaid));
  const int64_t p2 = *store_->InsertPayment(Credit(st, 5800, PaymentOutcome::kUnmatched));
  ASSERT_TRUE(store_
                  ->InsertRefund(
                      {0, p1, c, Money::FromCents(200), "overpaid", false, kNow, std::nullopt, ""})
                  .ok());
  ASSERT_TRUE(store_
                  ->InsertRefund({0, p2, std::nullopt, Money::FromCents(5800), "no reference",
                                  false, kLater, std::nullopt, ""})
                  .ok());
  auto open = store_->OpenRefunds();
  ASSERT_TRUE(open.ok()) << open.status().ToString();
  ASSERT_EQ(open->size(), 2u);
  const Refund& r1 = (*open)[0];
  EXPECT_EQ(r1.id, 1);
  EXPECT_EQ(r1.payment_id, p1);
  EXPECT_EQ(r1.case_id, std::optional<CaseId>(c));
  EXPECT_EQ(r1.amount.cents(), 200);
  EXPECT_EQ(r1.reason, "overpaid");
  EXPECT_FALSE(r1.done);
  EXPECT_EQ(r1.created_at, kNow);
  EXPECT_EQ(r1.done_at, std::nullopt);
  EXPECT_EQ(r1.done_by, "");
  const Refund& r2 = (*open)[1];
  EXPECT_EQ(r2.id, 2);
  EXPECT_EQ(r2.case_id, std::nullopt);
  EXPECT_EQ(r2.amount.cents(), 5800);
  EXPECT_EQ(r2.reason, "no reference");
  EXPECT_EQ(r2.created_at, kLater);

  ASSERT_TRUE(store_->CloseRefund(1, "fin1", kLater).ok());
  open = store_->OpenRefunds();
  ASSERT_TRUE(open.ok());
  ASSERT_EQ(open->size(), 1u);
  EXPECT_EQ((*open)[0].id, 2);
  EXPECT_EQ(Rows("SELECT status, done_at, done_by FROM refunds WHERE id = 1"),
            (std::vector<std::vector<std::string>>{{"done", "2026-03-21T09:46:40Z", "fin1"}}));
  // Closed twice: refused, and the first closing stays.
  EXPECT_EQ(store_->CloseRefund(1, "fin2", kNow).code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(Rows("SELECT done_at, done_by FROM refunds WHERE id = 1"),
            (std::vector<std::vector<std::string>>{{"2026-03-21T09:46:40Z", "fin1"}}));
  EXPECT_EQ(store_->CloseRefund(3, "fin1", kNow).code(), StatusCode::kNotFound);

  // A refund written as done is not open.
  ASSERT_TRUE(
      store_->InsertRefund({0, p1, c, Money::FromCents(100), "x", true, kNow, kLater, "fin1"})
          .ok());
  EXPECT_EQ(store_->OpenRefunds()->size(), 1u);
  EXPECT_EQ(store_->CloseRefund(3, "fin1", kNow).code(), StatusCode::kFailedPrecondition);
  // A refund of no payment, or of nothing.
  EXPECT_FALSE(
      store_->InsertRefund({0, 99, c, Money::FromCents(100), "x", false, kNow, std::nullopt, ""})
          .ok());
  EXPECT_FALSE(store_->InsertRefund({0, p1, c, Money(), "x", false, kNow, std::nullopt, ""}).ok());
}

// Held writes (reconciliation's bulk path) land exactly as direct ones would, only at the flush:
// the ids handed out are the rows' ids, a refund may name a held payment, and a request updated
// twice is written in that order.
TEST_F(PaymentStoreTest, HeldWritesLandAtTheFlushAsDirectOnesWould) {
  const CaseId c = NewCase();
  ASSERT_TRUE(store_->InsertRequest(Request(1, c, "000000000197", 5800)).ok());
  ASSERT_TRUE(store_->InsertRequest(Request(2, c, "000000000298", 5800)).ok());
  const int64_t st = *store_->InsertStatement(BankStatement("2026/012", D("2026-03-19")));
  ASSERT_EQ(*store_->InsertPayment(Credit(st, 100, PaymentOutcome::kUnmatched)), 1);
  EXPECT_EQ(store_->HoldWrites().code(), StatusCode::kInternal);  // no transaction open

  Status s = cases_->Transact([&]() -> Status {
    EXPECT_TRUE(store_->HoldWrites().ok());
    auto id = store_->InsertPayment(FullCredit(st));
    EXPECT_TRUE(id.ok());
    EXPECT_EQ(*id, 2);  // after the direct one
    EXPECT_EQ(*store_->InsertPayment(Credit(st, 6000, PaymentOutcome::kOverpaid)), 3);
    EXPECT_TRUE(store_
                    ->InsertRefund({0, 3, c, Money::FromCents(200), "te veel betaald", false, kNow,
                                    std::nullopt, ""})
                    .ok());
    PaymentRequest r1 = Request(1, c, "000000000197", 5800);
    r1.paid = Money::FromCents(1000);
    r1.status = RequestStatus::kPartial;
    r1.due_on = D("2026-04-30");
    EXPECT_TRUE(store_->UpdateRequest(r1).ok());
    // Nothing is written yet.
    EXPECT_EQ(Rows("SELECT count(*) FROM payments"),
              (std::vector<std::vector<std::string>>{{"1"}}));
    EXPECT_EQ(Rows("SELECT count(*) FROM refunds"), (std::vector<std::vector<std::string>>{{"0"}}));
    EXPECT_EQ(Rows("SELECT paid_cents FROM payment_requests WHERE id = 1"),
              (std::vector<std::vector<std::string>>{{"0"}}));
    // The same request again: what is held is written first, then this update is held.
    r1.paid = Money::FromCents(5800);
    r1.status = RequestStatus::kPaid;
    r1.due_on = std::nullopt;
    EXPECT_TRUE(store_->UpdateRequest(r1).ok());
    EXPECT_EQ(Rows("SELECT count(*) FROM payments"),
              (std::vector<std::vector<std::string>>{{"3"}}));
    EXPECT_EQ(Rows("SELECT paid_cents, status, due_on FROM payment_requests WHERE id = 1"),
              (std::vector<std::vector<std::string>>{{"1000", "partial", "2026-04-30"}}));
    Status f = store_->FlushWrites();
    EXPECT_TRUE(f.ok()) << f.ToString();
    return f;
  });
  store_->StopHolding();
  ASSERT_TRUE(s.ok()) << s.ToString();

  auto g = store_->GetPayment(2);
  ASSERT_TRUE(g.ok() && g->has_value());
  const PaymentRecord& p = **g;
  ExpectFullCredit(p, st);
  EXPECT_EQ(p.assigned_by, "");
  EXPECT_EQ(p.assigned_at, std::nullopt);
  EXPECT_EQ(Rows("SELECT payment_id, case_id, amount_cents, reason, status FROM refunds"),
            (std::vector<std::vector<std::string>>{
                {"3", std::to_string(c.value), "200", "te veel betaald", "open"}}));
  EXPECT_EQ(Rows("SELECT id, paid_cents, status, due_on FROM payment_requests ORDER BY id"),
            (std::vector<std::vector<std::string>>{{"1", "5800", "paid", "NULL"},
                                                   {"2", "0", "open", "NULL"}}));
  // Holding stopped: a write goes straight in again.
  EXPECT_EQ(*store_->InsertPayment(Credit(st, 100, PaymentOutcome::kUnmatched)), 4);
  EXPECT_EQ(Rows("SELECT count(*) FROM payments"), (std::vector<std::vector<std::string>>{{"4"}}));
}

TEST_F(PaymentStoreTest, HeldUpdateOfAnUnknownRequestFailsAtTheFlushAndStopDropsTheRest) {
  const CaseId c = NewCase();
  ASSERT_TRUE(store_->InsertRequest(Request(1, c, "000000000197", 5800)).ok());
  const int64_t st = *store_->InsertStatement(BankStatement("2026/012", D("2026-03-19")));
  Status s = cases_->Transact([&]() -> Status {
    EXPECT_TRUE(store_->HoldWrites().ok());
    PaymentRequest ghost = Request(99, c, "000000009999", 5800);
    EXPECT_TRUE(store_->UpdateRequest(ghost).ok());  // held: found out at the flush
    return store_->FlushWrites();
  });
  EXPECT_EQ(s.code(), StatusCode::kNotFound) << s.ToString();
  store_->StopHolding();

  // What is still held when holding stops is dropped, never written later.
  s = cases_->Transact([&]() -> Status {
    EXPECT_TRUE(store_->HoldWrites().ok());
    EXPECT_TRUE(store_->InsertPayment(Credit(st, 100, PaymentOutcome::kUnmatched)).ok());
    store_->StopHolding();
    return store_->FlushWrites();  // nothing held any more
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Rows("SELECT count(*) FROM payments"), (std::vector<std::vector<std::string>>{{"0"}}));
}

TEST_F(PaymentStoreTest, TransactRollsBackEveryTable) {
  const CaseId c = NewCase();
  Status s = cases_->Transact([&]() -> Status {
    const int64_t id = *store_->NextRequestId();
    Status r = store_->InsertRequest(Request(id, c, "000000000197", 5800));
    if (!r.ok()) return r;
    r = store_->AddInstalment({0, id, D("2026-04-30"), Money::FromCents(5800)});
    if (!r.ok()) return r;
    r = store_->QueueLetter({0, c, "decision", D("2026-03-23"), "sanc1", kNow});
    if (!r.ok()) return r;
    auto run = store_->InsertLetterRun(kNow, "fin1", 1, "ab", "%PDF");
    if (!run.ok()) return run.status();
    LetterRecord l;
    l.case_id = c;
    l.run_id = *run;
    l.kind = "decision";
    l.language = "nl";
    l.posted_on = D("2026-03-23");
    l.created_at = kNow;
    auto letter = store_->InsertLetter(l, std::vector<uint8_t>{1, 2, 3});
    if (!letter.ok()) return letter.status();
    auto st = store_->InsertStatement(BankStatement("2026/012", std::nullopt));
    if (!st.ok()) return st.status();
    auto pay = store_->InsertPayment(Credit(*st, 5800, PaymentOutcome::kOverpaid));
    if (!pay.ok()) return pay.status();
    r = store_->InsertRefund(
        {0, *pay, c, Money::FromCents(100), "overpaid", false, kNow, std::nullopt, ""});
    if (!r.ok()) return r;
    return FailedPrecondition("changed my mind");
  });
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.message(), "changed my mind");  // the work got that far
  EXPECT_EQ(*store_->NextRequestId(), 1);
  EXPECT_FALSE(store_->RequestByOgm("000000000197")->has_value());
  EXPECT_TRUE(store_->InstalmentsOf(1)->empty());
  EXPECT_TRUE(store_->QueuedLetters()->empty());
  EXPECT_TRUE(store_->LettersOfCase(c)->empty());
  EXPECT_FALSE(*store_->StatementFileSeen("f2026/012"));
  EXPECT_FALSE(*store_->StatementSeen("BE68539007547034", "camt053", "2026/012", std::nullopt));
  EXPECT_TRUE(store_->UnmatchedPayments(10)->empty());
  EXPECT_TRUE(store_->OpenRefunds()->empty());
  for (const char* table : {"payment_requests", "instalments", "letter_queue", "letter_runs",
                            "letters", "bank_statements", "payments", "refunds"}) {
    EXPECT_EQ(Rows(std::string("SELECT count(*) FROM ") + table),
              (std::vector<std::vector<std::string>>{{"0"}}))
        << table;
  }

  // The same work committed stays.
  ASSERT_TRUE(cases_
                  ->Transact([&]() -> Status {
                    Status r = store_->InsertRequest(Request(1, c, "000000000197", 5800));
                    if (!r.ok()) return r;
                    return store_->QueueLetter({0, c, "decision", D("2026-03-23"), "s", kNow});
                  })
                  .ok());
  EXPECT_TRUE(store_->GetRequest(1)->has_value());
  EXPECT_EQ(store_->QueuedLetters()->size(), 1u);
}

// A read that stops on a row resets its statement: a statement left on a row would hold the
// connection's read snapshot and make DDL on the connection (the case store's ReplacePermits
// drops an index) fail with "table is locked".
TEST_F(PaymentStoreTest, ReadsLeaveNoStatementRunning) {
  const CaseId c = NewCase();
  ASSERT_TRUE(store_->InsertRequest(Request(1, c, "000000000197", 5800)).ok());
  ASSERT_TRUE(store_->InsertStatement(BankStatement("2026/012", D("2026-03-19"))).ok());
  LetterRecord l;
  l.case_id = c;
  l.posted_on = D("2026-03-23");
  ASSERT_TRUE(store_->InsertLetter(l, std::vector<uint8_t>{1}).ok());
  ASSERT_TRUE(store_->NextRequestId().ok());
  ASSERT_TRUE(store_->GetRequest(1)->has_value());
  ASSERT_TRUE(store_->RequestByOgm("000000000197")->has_value());
  ASSERT_TRUE(store_->GetLetter(1)->has_value());
  ASSERT_TRUE(store_->LetterPdf(1).ok());
  ASSERT_TRUE(*store_->StatementFileSeen("f2026/012"));
  ASSERT_TRUE(*store_->StatementSeen("BE68539007547034", "camt053", "2026/012", D("2026-03-19")));
  Status ddl = db_->Execute("CREATE INDEX t ON letters (kind); DROP INDEX t;");
  EXPECT_TRUE(ddl.ok()) << ddl.ToString();
}

}  // namespace
}  // namespace hh
