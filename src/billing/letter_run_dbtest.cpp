// The letter run on a fresh, migrated SQLite file per test, with the templates shipped in
// templates/letters: what is due is sent, recorded with its PDF and hash, and written with the
// print file and manifest; the PDFs are read back with pdftotext (poppler-utils) where present.
// Names, plates and addresses are synthetic.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include "billing/digest.h"
#include "billing/letter_run.h"
#include "billing/letters_due.h"
#include "billing/payment_requests.h"
#include "billing/reconcile.h"
#include "cases/test_act_input.h"
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

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool HavePdftotext() { return std::system("pdftotext -v >/dev/null 2>&1") == 0; }

std::string PdfText(const std::filesystem::path& pdf) {
  std::string cmd = "pdftotext -layout '" + pdf.string() + "' - 2>/dev/null";
  std::string out;
  FILE* f = popen(cmd.c_str(), "r");
  if (f == nullptr) return out;
  char buf[4096];
  size_t n = 0;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  pclose(f);
  return out;
}

class LetterRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = OpenMigratedDb(dir_, now_);
    ASSERT_NE(db_, nullptr);
    cases_ = std::make_unique<SqliteCaseStore>(*db_);
    payments_ = std::make_unique<SqlitePaymentStore>(*db_);
    ASSERT_TRUE(
        cases_->AddUser({0, "olga", "Olga Officier", Role::kSanctioningOfficer, true}, now_).ok());
    ASSERT_TRUE(cases_->AddUser({0, "fien", "Fien Financien", Role::kFinance, true}, now_).ok());
    officer_ = *ActorFor(*cases_, "olga");
    finance_ = *ActorFor(*cases_, "fien");
    options_.out_dir = dir_.File("out");
    options_.templates_dir = std::string(HH_SOURCE_DIR) + "/templates/letters";
    options_.posted = D("2026-03-02");
  }

  CaseId Open(Case c, Party p) {
    CaseId id;
    Status s = cases_->Transact([&]() -> Status {
      auto opened = OpenCase(*cases_, settings_, c, {&p, 1}, {}, SystemActor(), now_, "test");
      if (!opened.ok()) return opened.status();
      id = *opened;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return id;
  }

  // A parking case for EUR 58 waiting for its invitation, addressed to a holder.
  CaseId InvitationDue(std::string name, bool with_address = true) {
    Case c;
    c.track = Track::kParkeren;
    c.state = CaseState::kInvitationDue;
    c.facts_at = At("2026-02-27T09:30:00Z");  // 10:30 in Brussels
    c.facts_day = D("2026-02-27");
    c.place = {"Bruul", "12", "2800", "Mechelen"};
    c.offence_code = "P1";
    c.article = "KB 1 december 1975 art. 22";
    c.category = TrafficCategory::kCategory1;
    c.amount = Eur("58");
    c.plate = "1ABC123";
    c.country = "BE";
    c.source_ref = "PV-2026-004" + std::to_string(++findings_);
    Party p;
    p.role = PartyRole::kHolder;
    p.name = std::move(name);
    p.birth_date = D("1980-05-05");
    if (with_address) p.address = {"Teststraat", "1", "2800", "Mechelen"};
    p.addressee = true;
    return Open(c, p);
  }

  Result<LetterRunReport> RunAs(const Actor& who) {
    return RunLetters(*cases_, *payments_, settings_, who, options_, now_);
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<SqliteCaseStore> cases_;
  std::unique_ptr<SqlitePaymentStore> payments_;
  GasSettings settings_;
  Actor officer_, finance_;
  LetterRunOptions options_;
  Instant now_ = At("2026-03-02T08:00:00Z");
  int findings_ = 0;
};

TEST_F(LetterRunTest, InvitationIsSentRecordedAndWritten) {
  const CaseId id = InvitationDue("Jan Test & Zonen");
  auto r = RunAs(officer_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->letters, 1);
  EXPECT_EQ(r->invitations, 1);
  EXPECT_EQ(r->requested, Eur("58"));
  // The action was taken with the run's posting day: posted Monday 02/03/2026, deemed notified
  // on the 3rd working day (05/03), 30 days to pay: 04/04/2026 is a Saturday, so the last day
  // moves to Tuesday 07/04/2026 (Monday 06/04 is Easter Monday).
  auto c = cases_->GetCase(id);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->state, CaseState::kInvited);
  ASSERT_TRUE(c->state_deadline.has_value());
  EXPECT_EQ(c->state_deadline->ToIsoString(), "2026-04-07");
  auto req = CurrentRequest(*payments_, id);
  ASSERT_TRUE(req.ok() && req->has_value());
  EXPECT_EQ((*req)->amount, Eur("58"));
  EXPECT_EQ((*req)->due_on, c->state_deadline);
  const std::string printed = StructuredReference::FromDigits((*req)->ogm)->Printed();

  auto letters = payments_->LettersOfCase(id);
  ASSERT_TRUE(letters.ok());
  ASSERT_EQ(letters->size(), 1U);
  const LetterRecord& l = (*letters)[0];
  EXPECT_EQ(l.kind, "payment_invitation");
  EXPECT_EQ(l.posted_on, D("2026-03-02"));
  EXPECT_FALSE(l.registered);
  EXPECT_EQ(l.amount, Eur("58"));
  EXPECT_EQ(l.recipient, "Jan Test & Zonen");
  // The file written is the stored PDF, byte for byte, and its hash is the recorded one.
  const std::filesystem::path out(options_.out_dir);
  const std::string file =
      ReadFile(out / ("PK-2026-" + std::string(6 - std::to_string(id.value).size(), '0') +
                      std::to_string(id.value) + "_payment_invitation.pdf"));
  ASSERT_FALSE(file.empty());
  EXPECT_EQ(*payments_->LetterPdf(l.id), file);
  EXPECT_EQ(Sha256Hex(file), l.sha256);
  EXPECT_EQ(file.rfind("%PDF-", 0), 0U);
  const std::string manifest = ReadFile(out / "manifest.csv");
  EXPECT_EQ(manifest.substr(0, manifest.find('\n')),
            "letter;case;kind;recipient;ogm;amount;sha256;pages");
  EXPECT_NE(manifest.find(";payment_invitation;Jan Test & Zonen;" + printed + ";€ 58,00;" +
                          l.sha256 + ";" + std::to_string(l.pages)),
            std::string::npos)
      << manifest;
  EXPECT_TRUE(std::filesystem::exists(out / "print.pdf"));
  // The timeline says the letter went out.
  auto f = cases_->GetCaseFile(id);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->events.back().action, "letter_sent");
  // Nothing is due any more: a second run sends nothing.
  auto again = RunAs(officer_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->letters, 0);

  if (!HavePdftotext()) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  const std::string text = PdfText(out / "print.pdf");
  EXPECT_NE(text.find(printed), std::string::npos) << text;
  EXPECT_NE(text.find("€ 58,00"), std::string::npos);
  EXPECT_NE(text.find("07/04/2026"), std::string::npos);
  EXPECT_NE(text.find("Jan Test & Zonen"), std::string::npos);
  EXPECT_NE(text.find("1ABC123"), std::string::npos);
  EXPECT_NE(text.find("27/02/2026 om 10:30"), std::string::npos);
  EXPECT_NE(text.find("Olga Officier"), std::string::npos);
}

TEST_F(LetterRunTest, OnlyTheSanctioningOfficerSendsAndCasesWithoutAddressWait) {
  const CaseId id = InvitationDue("Jan Test");
  const CaseId homeless = InvitationDue("Piet Zonderadres", false);
  auto denied = RunAs(finance_);
  EXPECT_EQ(denied.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(cases_->GetCase(id)->state, CaseState::kInvitationDue);
  auto r = RunAs(officer_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->letters, 1);
  ASSERT_EQ(r->skipped.size(), 1U);
  EXPECT_EQ(r->skipped[0], "case " + std::to_string(homeless.value) + ": onvolledig adres");
  EXPECT_EQ(cases_->GetCase(homeless)->state, CaseState::kInvitationDue);
}

TEST_F(LetterRunTest, DecisionQueuedByTheOfficerGoesOutRegisteredWithItsOwnRequest) {
  Case c;
  c.track = Track::kOverlast;
  c.state = CaseState::kDecisionDue;
  c.facts_at = At("2026-02-20T21:15:00Z");
  c.facts_day = D("2026-02-20");
  c.place = {"IJzerenleen", "5", "2800", "Mechelen"};
  c.description = "nachtlawaai";
  c.offence_code = "ART-12";
  c.article = "APR art. 12";
  Party p;
  p.role = PartyRole::kOffender;
  p.name = "Tom Testpersoon";
  p.birth_date = D("1990-04-12");
  p.address = {"Teststraat", "9", "2800", "Mechelen"};
  p.addressee = true;
  const CaseId id = Open(c, p);
  ActInput in;
  in.reason = "feiten bewezen door het PV";
  in.amount = Eur("120");
  in.posted = D("2026-03-02");
  ASSERT_TRUE(
      ActWithLetter(*cases_, *payments_, settings_, id, "decide_fine", officer_, in, now_).ok());
  auto r = RunAs(officer_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->letters, 1);
  EXPECT_EQ(r->queued, 1);
  auto letters = payments_->LettersOfCase(id);
  ASSERT_TRUE(letters.ok());
  ASSERT_EQ(letters->size(), 1U);
  EXPECT_EQ((*letters)[0].kind, "decision_fine");
  EXPECT_TRUE((*letters)[0].registered);
  EXPECT_EQ((*letters)[0].amount, Eur("120"));
  auto req = CurrentRequest(*payments_, id);
  ASSERT_TRUE(req.ok() && req->has_value());
  EXPECT_EQ((*req)->ogm.substr(0, 1), "3");  // OVERLAST references start with 3
  EXPECT_TRUE(payments_->QueuedLetters()->empty());
  if (!HavePdftotext()) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  const std::string text = PdfText(std::filesystem::path(options_.out_dir) / "print.pdf");
  EXPECT_NE(text.find("feiten bewezen door het PV"), std::string::npos) << text;
  EXPECT_NE(text.find("€ 120,00"), std::string::npos);
}

TEST_F(LetterRunTest, ReminderAsksForTheBalanceUnderTheSameReference) {
  const CaseId id = InvitationDue("Jan Test");
  ASSERT_TRUE(RunAs(officer_).ok());
  const PaymentRequest first = **CurrentRequest(*payments_, id);
  // 20 of 58 paid; the payment period passes: the reminder asks 38 under the same reference.
  BankStatement st;
  st.format = "coda";
  st.account = settings_.city_iban;
  st.currency = "EUR";
  st.number = "007";
  BankTransaction t;
  t.amount = Eur("20");
  t.booking_date = D("2026-03-10");
  t.ogm = *StructuredReference::FromDigits(first.ogm);
  st.transactions = {t};
  ASSERT_TRUE(ImportPayments(*cases_, *payments_, settings_, {st},
                             {"s.cod", "sha", settings_.city_iban}, finance_, now_)
                  .ok());
  Status moved = cases_->Transact([&]() -> Status {
    auto c = cases_->GetCase(id);
    if (!c.ok()) return c.status();
    c->state = CaseState::kReminderDue;
    return cases_->UpdateCase(*c, CaseState::kInvited, std::nullopt);
  });
  ASSERT_TRUE(moved.ok()) << moved.ToString();
  options_.posted = D("2026-04-14");
  now_ = At("2026-04-14T08:00:00Z");
  options_.out_dir = dir_.File("out2");
  auto r = RunAs(officer_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->reminders, 1);
  EXPECT_EQ(r->requested, Eur("38"));
  const PaymentRequest now = **CurrentRequest(*payments_, id);
  EXPECT_EQ(now.id, first.id);
  EXPECT_EQ(cases_->GetCase(id)->state, CaseState::kReminded);
  EXPECT_EQ(now.due_on, cases_->GetCase(id)->state_deadline);
  if (!HavePdftotext()) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  const std::string text = PdfText(std::filesystem::path(options_.out_dir) / "print.pdf");
  EXPECT_NE(text.find("€ 38,00"), std::string::npos) << text;
  EXPECT_NE(text.find("02/03/2026"), std::string::npos);  // the first letter's date
}

}  // namespace
}  // namespace hh
