// Letters and payments over the real server (app_billing.cpp): a letter run by the sanctioning
// officer, a stored letter's PDF served byte for byte (and refused to a viewer), a run's zip, a
// CODA upload that pays a case, the same upload refused, a payment assigned by hand, CSRF.
// Names, plates, accounts and addresses are synthetic.
#include <fmt/core.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "billing/digest.h"
#include "billing/payment_requests.h"
#include "cases/case_actions.h"
#include "payref/structured_reference.h"
#include "store/sqlite_payment_store.h"
#include "web/web_test_fixture.h"

namespace hh {
namespace {

using json = nlohmann::json;

const Instant kStart = *Instant::Parse("2026-03-20T09:00:00Z");
constexpr const char* kCityIban = "BE71096123456769";  // GasSettings' default collection account

// A CODA 2 file of credits to the city's account: 128-character records by 1-based position
// (the layout bench/reconcile.cpp writes and src/bank/coda.cpp reads).
class Coda {
 public:
  struct Credit {
    Money amount;
    std::string communication;  // "101" + 12 digits for a structured reference, else free
    std::string name;
  };
  static std::string File(int number, const std::vector<Credit>& credits) {
    std::string out;
    auto line = [&](std::string rec) { out += rec + "\n"; };
    line(Rec("0").Put(2, "0000").Put(6, "190326").Put(12, "539").Put(15, "05").Put(128, "2").s);
    line(Rec("1")
             .Put(2, "2")
             .Put(3, fmt::format("{:03d}", number))
             .Put(6, kCityIban)
             .Put(40, "EUR")
             .Put(43, "0")
             .Put(44, Amount(Money()))
             .Put(59, "180326")
             .Put(126, fmt::format("{:03d}", number))
             .s);
    Money total;
    int seq = 0;
    for (const Credit& c : credits) {
      ++seq;
      const bool structured = c.communication.rfind("101", 0) == 0;
      line(Rec("2")
               .Put(2, "1")
               .Put(3, fmt::format("{:04d}", seq))
               .Put(7, "0000")
               .Put(11, fmt::format("T{:03d}{:05d}", number, seq))
               .Put(32, "0")
               .Put(33, Amount(c.amount))
               .Put(48, "190326")
               .Put(54, "00150000")
               .Put(62, structured ? "1" : "0")
               .Put(63, c.communication)
               .Put(116, "190326")
               .Put(122, fmt::format("{:03d}", number))
               .Put(125, "0")
               .Put(126, "1")
               .Put(128, "0")
               .s);
      line(Rec("2")
               .Put(2, "3")
               .Put(3, fmt::format("{:04d}", seq))
               .Put(7, "0000")
               .Put(11, "BE68539007547034")
               .Put(48, c.name)
               .Put(126, "0")
               .Put(128, "0")
               .s);
      total += c.amount;
    }
    line(Rec("8")
             .Put(2, fmt::format("{:03d}", number))
             .Put(5, kCityIban)
             .Put(39, "EUR")
             .Put(42, "0")
             .Put(43, Amount(total))
             .Put(58, "190326")
             .Put(128, "0")
             .s);
    line(Rec("9")
             .Put(17, fmt::format("{:06d}", 2 + 2 * credits.size()))
             .Put(23, Amount(Money()))
             .Put(38, Amount(total))
             .Put(128, "2")
             .s);
    return out;
  }

 private:
  struct Rec {
    explicit Rec(std::string_view type) : s(128, ' ') { Put(1, type); }
    Rec& Put(size_t from, std::string_view v) {
      s.replace(from - 1, std::min(v.size(), 129 - from), v.substr(0, 129 - from));
      return *this;
    }
    std::string s;
  };
  static std::string Amount(Money m) { return fmt::format("{:015d}", m.cents() * 10); }
};

class BillingWebTest : public webtest::WebServerTest {
 protected:
  void SetUp() override {
    static constexpr webtest::Person kPeople[] = {
        {"olga", "Olga Officier", Role::kSanctioningOfficer},
        {"fien", "Fien Financien", Role::kFinance},
        {"kim", "Kim Kijker", Role::kViewer},
    };
    ASSERT_NO_FATAL_FAILURE(OpenDatabase(kStart, kPeople));
    payments_ = std::make_unique<SqlitePaymentStore>(*db_);
    a_ = InvitationDue("Testhouder Een", "PV-1");
    b_ = InvitationDue("Proefpersoon Twee", "PV-2");

    ASSERT_NO_FATAL_FAILURE(StartServer(Options(), clock_));
  }

  // A parking case for EUR 58 waiting for its invitation, addressed to a holder.
  CaseId InvitationDue(const std::string& name, const std::string& source) {
    Case c;
    c.track = Track::kParkeren;
    c.state = CaseState::kInvitationDue;
    c.facts_at = *Instant::Parse("2026-03-18T09:30:00Z");
    c.facts_day = *LocalDate::Parse("2026-03-18");
    c.place = {"Bruul", "12", "2800", "Mechelen"};
    c.offence_code = "P1";
    c.article = "KB 1 december 1975 art. 22";
    c.category = TrafficCategory::kCategory1;
    c.amount = Money::FromEuro(58);
    c.plate = "1TST50" + source.substr(3);
    c.country = "BE";
    c.source_ref = source;
    Party p;
    p.role = PartyRole::kHolder;
    p.name = name;
    p.birth_date = *LocalDate::Parse("1980-05-05");
    p.address = {"Teststraat", "1", "2800", "Mechelen"};
    p.addressee = true;
    CaseId id;
    GasSettings settings;
    Status s = cases_->Transact([&]() -> Status {
      auto opened = OpenCase(*cases_, settings, c, {&p, 1}, {}, SystemActor(), kStart, "test");
      if (!opened.ok()) return opened.status();
      id = *opened;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return id;
  }

  // The officer's letter run through the page; both cases get their invitation.
  void RunLetters() {
    LoggedIn olga = Login("olga");
    auto res =
        client_->Post("/letters/run", olga.Cookie(), "csrf=" + olga.csrf + "&posted=2026-03-20",
                      "application/x-www-form-urlencoded");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 303) << res->body;
    EXPECT_EQ(res->get_header_value("Location"), "/letters?run=1&letters=2");
  }

  std::string OgmOf(CaseId id) {
    auto r = CurrentRequest(*payments_, id);
    EXPECT_TRUE(r.ok() && r->has_value());
    return r.ok() && r->has_value() ? (*r)->ogm : "";
  }

  int AuditCount(const std::string& action) {
    AuditFilter f;
    f.action = action;
    auto rows = users_->SearchAudit(f);
    return rows.ok() ? static_cast<int>(rows->size()) : -1;
  }

  std::unique_ptr<SqlitePaymentStore> payments_;
  CaseId a_, b_;
  ManualClock clock_{kStart};
};

TEST_F(BillingWebTest, TheOfficerRunsTheLettersAndTheStoredPdfIsServed) {
  RunLetters();
  auto a = cases_->GetCase(a_);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->state, CaseState::kInvited);
  auto letters = payments_->LettersOfCase(a_);
  ASSERT_TRUE(letters.ok());
  ASSERT_EQ(letters->size(), 1u);
  const LetterRecord& l = (*letters)[0];
  EXPECT_EQ(l.kind, "payment_invitation");
  EXPECT_EQ(l.posted_on.ToIsoString(), "2026-03-20");

  LoggedIn fien = Login("fien");
  const std::string url = "/letters/" + std::to_string(l.id) + "/pdf";
  auto pdf = client_->Get(url, fien.Cookie());
  ASSERT_TRUE(pdf);
  ASSERT_EQ(pdf->status, 200);
  EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(pdf->body.rfind("%PDF", 0), 0u);
  EXPECT_EQ(Sha256Hex(pdf->body), l.sha256);
  EXPECT_EQ(AuditCount("view_letter"), 1);
  // The API serves the same bytes.
  auto api = client_->Get("/api/v1/letters/" + std::to_string(l.id) + "/pdf", fien.Cookie());
  ASSERT_EQ(api->status, 200);
  EXPECT_EQ(api->body, pdf->body);
  EXPECT_EQ(AuditCount("view_letter"), 2);

  // A viewer may not read letters: 403, and nothing audited as a view.
  LoggedIn kim = Login("kim");
  EXPECT_EQ(client_->Get(url, kim.Cookie())->status, 403);
  EXPECT_EQ(client_->Get("/letters", kim.Cookie())->status, 403);
  EXPECT_EQ(AuditCount("view_letter"), 2);
  // The viewer's case page lists the letter and its reference but links no download.
  auto printed = StructuredReference::FromDigits(OgmOf(a_));
  ASSERT_TRUE(printed.ok());
  auto page = client_->Get("/cases/" + std::to_string(a_.value), kim.Cookie());
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find(printed->Printed()), std::string::npos);
  EXPECT_NE(page->body.find(l.sha256), std::string::npos);
  EXPECT_EQ(page->body.find(url), std::string::npos);
  EXPECT_NE(client_->Get("/cases/" + std::to_string(a_.value), fien.Cookie())->body.find(url),
            std::string::npos);

  // The run's zip holds each stored PDF byte for byte (stored, not compressed).
  auto zip = client_->Get("/letters/runs/1/zip", fien.Cookie());
  ASSERT_EQ(zip->status, 200);
  EXPECT_EQ(zip->get_header_value("Content-Type"), "application/zip");
  EXPECT_EQ(zip->body.rfind("PK\x03\x04", 0), 0u);
  EXPECT_NE(zip->body.find(pdf->body), std::string::npos);
  EXPECT_NE(zip->body.find("manifest.csv"), std::string::npos);
  EXPECT_EQ(client_->Get("/letters/runs/2/zip", fien.Cookie())->status, 404);
  // The run's combined print file: stored with the run (its SHA-256 is the run's), in the zip
  // too, audited; a viewer may not have it.
  auto runs = payments_->RecentLetterRuns(1);
  ASSERT_TRUE(runs.ok() && runs->size() == 1u);
  auto print = client_->Get("/letters/runs/1/print.pdf", fien.Cookie());
  ASSERT_EQ(print->status, 200);
  EXPECT_EQ(print->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(print->body.rfind("%PDF", 0), 0u);
  EXPECT_EQ(Sha256Hex(print->body), (*runs)[0].print_sha256);
  EXPECT_NE(zip->body.find(print->body), std::string::npos);
  EXPECT_NE(zip->body.find("print.pdf"), std::string::npos);
  EXPECT_EQ(AuditCount("view_letter_run_print"), 1);
  EXPECT_EQ(client_->Get("/letters/runs/1/print.pdf", kim.Cookie())->status, 403);
  EXPECT_EQ(client_->Get("/letters/runs/2/print.pdf", fien.Cookie())->status, 404);
  // The letters page lists the run with both downloads.
  auto list = client_->Get("/letters", fien.Cookie());
  ASSERT_EQ(list->status, 200);
  EXPECT_NE(list->body.find("href=\"/letters/runs/1/zip\""), std::string::npos);
  EXPECT_NE(list->body.find("href=\"/letters/runs/1/print.pdf\""), std::string::npos);
}

TEST_F(BillingWebTest, OnlyTheSanctioningOfficerRunsLettersAndOnlyWithTheToken) {
  LoggedIn fien = Login("fien");
  LoggedIn olga = Login("olga");
  EXPECT_EQ(client_
                ->Post("/letters/run", fien.Cookie(), "csrf=" + fien.csrf,
                       "application/x-www-form-urlencoded")
                ->status,
            403);
  EXPECT_EQ(
      client_->Post("/letters/run", olga.Cookie(), "", "application/x-www-form-urlencoded")->status,
      403);
  EXPECT_EQ(client_->Post("/api/v1/letters/run", olga.Cookie(), "{}", "application/json")->status,
            403);
  EXPECT_TRUE(payments_->RecentLetterRuns(10)->empty());
  EXPECT_EQ(cases_->GetCase(a_)->state, CaseState::kInvitationDue);
  // A bad posting day is refused with the page, nothing sent.
  auto bad = client_->Post("/letters/run", olga.Cookie(), "csrf=" + olga.csrf + "&posted=20-03",
                           "application/x-www-form-urlencoded");
  EXPECT_EQ(bad->status, 400);
  EXPECT_TRUE(payments_->RecentLetterRuns(10)->empty());
  // Through the API with the header token.
  auto ok = client_->Post("/api/v1/letters/run", olga.Api(), R"({"posted":"2026-03-20"})",
                          "application/json");
  ASSERT_EQ(ok->status, 200) << ok->body;
  EXPECT_EQ(json::parse(ok->body)["letters"], 2);
  EXPECT_EQ(AuditCount("letters_run"), 1);
}

TEST_F(BillingWebTest, AStatementUploadPaysACaseOnceAndAnUnmatchedPaymentIsAssignedByHand) {
  RunLetters();
  const std::string coda =
      Coda::File(1, {{Money::FromEuro(58), "101" + OgmOf(a_), "Testhouder Een"},
                     {Money::FromEuro(58), "GAS BOETE PARKEREN", "Proefpersoon Twee"}});
  LoggedIn fien = Login("fien");
  httplib::MultipartFormDataItems no_csrf = {
      {"statement", coda, "stmt-001.cod", "application/octet-stream"}};
  EXPECT_EQ(client_->Post("/payments/statements", fien.Cookie(), no_csrf)->status, 403);
  EXPECT_TRUE(payments_->UnmatchedPayments(10)->empty());

  httplib::MultipartFormDataItems form = {
      {"csrf", fien.csrf, "", ""}, {"statement", coda, "stmt-001.cod", "application/octet-stream"}};
  auto res = client_->Post("/payments/statements", fien.Cookie(), form);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_NE(res->body.find("id=\"count-exact\">1<"), std::string::npos);
  EXPECT_NE(res->body.find("id=\"count-unmatched\">1<"), std::string::npos);
  auto ra = CurrentRequest(*payments_, a_);
  ASSERT_TRUE(ra.ok() && ra->has_value());
  EXPECT_EQ((*ra)->status, RequestStatus::kPaid);
  EXPECT_EQ((*ra)->paid, Money::FromEuro(58));
  EXPECT_EQ(AuditCount("import_statement"), 1);

  // The same file again: refused, with the reason, nothing added.
  auto again = client_->Post("/payments/statements", fien.Cookie(), form);
  ASSERT_EQ(again->status, 409);
  EXPECT_NE(again->body.find("Dit uittreksel werd al ingelezen"), std::string::npos);
  auto api_again = client_->Post("/api/v1/statements?name=stmt-001.cod", fien.Api(), coda,
                                 "application/octet-stream");
  EXPECT_EQ(api_again->status, 409);
  auto queue = payments_->UnmatchedPayments(10);
  ASSERT_TRUE(queue.ok());
  ASSERT_EQ(queue->size(), 1u);
  EXPECT_EQ(AuditCount("import_statement"), 1);

  // The unmatched payment, with the case whose balance it equals among the suggestions.
  auto api = client_->Get("/api/v1/payments/unmatched", fien.Cookie());
  ASSERT_EQ(api->status, 200);
  json j = json::parse(api->body);
  ASSERT_EQ(j["payments"].size(), 1u);
  bool suggested = false;
  for (const json& s : j["payments"][0]["suggestions"]) suggested |= s["case_id"] == b_.value;
  EXPECT_TRUE(suggested);
  const std::string assign = "/payments/" + std::to_string((*queue)[0].id) + "/assign";
  // No case and no reference: refused, still in the queue.
  EXPECT_EQ(
      client_->Post(assign, fien.Cookie(), "csrf=" + fien.csrf, "application/x-www-form-urlencoded")
          ->status,
      400);
  auto done = client_->Post(assign, fien.Cookie(),
                            "csrf=" + fien.csrf + "&case=" + std::to_string(b_.value),
                            "application/x-www-form-urlencoded");
  ASSERT_EQ(done->status, 303) << done->body;
  auto rb = CurrentRequest(*payments_, b_);
  ASSERT_TRUE(rb.ok() && rb->has_value());
  EXPECT_EQ((*rb)->status, RequestStatus::kPaid);
  EXPECT_TRUE(payments_->UnmatchedPayments(10)->empty());
  auto p = payments_->GetPayment((*queue)[0].id);
  ASSERT_TRUE(p.ok() && p->has_value());
  EXPECT_EQ((*p)->assigned_by, "fien");
  EXPECT_EQ(AuditCount("assign_payment"), 1);
  // Assigned once: a second assignment is refused.
  EXPECT_EQ(client_
                ->Post("/api/v1" + assign, fien.Api(),
                       R"({"case_id":)" + std::to_string(a_.value) + "}", "application/json")
                ->status,
            409);
  // The case page shows the payment as paid.
  auto page = client_->Get("/cases/" + std::to_string(b_.value), fien.Cookie());
  EXPECT_NE(page->body.find("class=\"request-paid\""), std::string::npos);
}

TEST_F(BillingWebTest, AFileThatIsNoStatementIsRefusedWithItsReason) {
  LoggedIn fien = Login("fien");
  httplib::MultipartFormDataItems form = {{"csrf", fien.csrf, "", ""},
                                          {"statement", "hello", "notes.txt", "text/plain"}};
  auto res = client_->Post("/payments/statements", fien.Cookie(), form);
  ASSERT_EQ(res->status, 400);
  EXPECT_NE(res->body.find("Het bestand kon niet gelezen worden"), std::string::npos);
  EXPECT_NE(res->body.find("notes.txt"), std::string::npos);
  LoggedIn kim = Login("kim");
  EXPECT_EQ(client_->Get("/payments", kim.Cookie())->status, 403);
}

}  // namespace
}  // namespace hh
