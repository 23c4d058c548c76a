// The contract's screens end to end (issue 6): the real server on a loopback port over a fresh
// SQLite file holding the test decision (src/contract/testdata) with one uncertain item added.
// An officer binds an indicator and the page shows its live status; evidence uploaded as a file
// makes an existence indicator met and downloads byte for byte (audited); an uncertain item is
// confirmed and another corrected; a viewer sees the page without any form and is refused the
// edits; the HTML and PDF reports and the API's JSON hold the rubrics, statuses and totals.
#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "contract/contract_import.h"
#include "store/migrations.h"
#include "store/sqlite_contract_store.h"
#include "store/sqlite_user_store.h"
#include "store/test_temp_dir.h"
#include "web/app.h"
#include "web/httplib_server.h"

namespace hh {
namespace {

using json = nlohmann::json;

// 2021-06-30 10:00 UTC: the second working year of the test contract is half over.
const Instant kNow = Instant::FromUnix(1'625'047'200);
constexpr const char* kPassword = "a synthetic passphrase";

class ContractWebTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.File("hh.db"));
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    ASSERT_TRUE(ApplyMigrations(*db_, kNow).ok());
    SqliteUserStore users(*db_);
    auto hash = HashPassword(kPassword, PasswordCost::ForTests());
    ASSERT_TRUE(hash.ok());
    ASSERT_TRUE(users
                    .AddUserWithPassword(
                        {0, "olga", "Olga Officier", Role::kSanctioningOfficer, true}, *hash, kNow)
                    .ok());
    ASSERT_TRUE(
        users.AddUserWithPassword({0, "kim", "Kim Kijker", Role::kViewer, true}, *hash, kNow).ok());

    std::ifstream in(std::string(HH_SOURCE_DIR) + "/src/contract/testdata/heistrode_2020_2021.txt");
    std::stringstream ss;
    ss << in.rdbuf();
    auto contract = ImportDecisionText(ss.str(), "heistrode_2020_2021.txt", Wordlist());
    ASSERT_TRUE(contract.ok()) << contract.status().ToString();
    contract->uncertain.push_back({"rubric heading missing", 91, "Il. BIJKOMENDE", "II"});
    contract->uncertain.push_back({"threshold without a period", 86, "minstens 2", "min 2"});
    contract->uncertain.push_back({"abstainer's name has OCR noise", 9, "Cas Lemrnens", ""});
    SqliteContractStore store(*db_);
    ASSERT_TRUE(store.ReplaceContract(*contract, kNow).ok());
    std::vector<Spending> spent = {
        {LocalDate::Parse("2021-03-15").value(), "II", "Fietsgraveerpennen", Money::FromEuro(40000),
         "", "", 2},
    };
    ASSERT_TRUE(store.AddSpending(spent, "budget.csv", std::string(64, 'a'), kNow).ok());

    WebAppOptions o;
    o.db_path = dir_.File("hh.db");
    o.templates_dir = std::string(HH_SOURCE_DIR) + "/templates/web";
    o.auth.cost = PasswordCost::ForTests();
    auto app = WebApp::Create(o, clock_);
    ASSERT_TRUE(app.ok()) << app.status().ToString();
    app_ = std::move(*app);
    HttpServerOptions so;
    so.host = "127.0.0.1";
    so.port = 0;
    so.threads = 2;
    server_ = std::make_unique<HttpServer>(so, [this](HttpRequest& r) { return app_->Handle(r); });
    ASSERT_TRUE(server_->Start().ok());
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_read_timeout(10, 0);
  }

  void TearDown() override {
    if (server_) server_->Stop();
  }

  struct LoggedIn {
    std::string token;
    std::string csrf;
    httplib::Headers Cookie() const { return {{"Cookie", "__Host-hh_session=" + token}}; }
  };

  LoggedIn Login(const std::string& login) {
    auto page = client_->Get("/login");
    EXPECT_TRUE(page);
    std::string cookie;
    for (size_t i = 0; i < page->get_header_value_count("Set-Cookie"); ++i) {
      const std::string c = page->get_header_value("Set-Cookie", i);
      if (c.rfind("__Host-hh_login=", 0) == 0) cookie = c.substr(16, 64);
    }
    httplib::Headers h = {{"Cookie", "__Host-hh_login=" + cookie}};
    auto res = client_->Post("/login", h,
                             "csrf=" + cookie + "&login=" + login +
                                 "&password=" + UrlEncode(kPassword) + "&next=%2Fcontract",
                             "application/x-www-form-urlencoded");
    EXPECT_TRUE(res && res->status == 303);
    LoggedIn s;
    for (size_t i = 0; res && i < res->get_header_value_count("Set-Cookie"); ++i) {
      const std::string c = res->get_header_value("Set-Cookie", i);
      if (c.rfind("__Host-hh_session=", 0) == 0) {
        s.token = c.substr(18, c.find(';') - 18);
      }
    }
    auto me = client_->Get("/api/v1/me", s.Cookie());
    EXPECT_TRUE(me && me->status == 200);
    if (me && me->status == 200) s.csrf = json::parse(me->body)["csrf_token"];
    return s;
  }

  httplib::Result PostForm(const LoggedIn& s, const std::string& path, const std::string& body) {
    return client_->Post(path, s.Cookie(), "csrf=" + s.csrf + "&" + body,
                         "application/x-www-form-urlencoded");
  }

  // The <tr> of indicator `key` on a page ("" when absent).
  static std::string Row(const std::string& html, const std::string& key) {
    const size_t at = html.find("data-key=\"" + key + "\"");
    if (at == std::string::npos) return "";
    return html.substr(at, html.find("</tr>", at) - at);
  }

  json Report(const LoggedIn& s, int year) {
    auto res = client_->Get("/api/v1/contract/report?year=" + std::to_string(year), s.Cookie());
    EXPECT_TRUE(res && res->status == 200);
    return res ? json::parse(res->body, nullptr, false) : json();
  }

  static json Indicator(const json& report, const std::string& key) {
    for (const json& r : report["rubrics"]) {
      for (const json& g : r["groups"]) {
        for (const json& o : g["strategic"]) {
          for (const json& i : o["indicators"]) {
            if (i["key"] == key) return i;
          }
        }
      }
    }
    return json();
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
  ManualClock clock_{kNow};
  std::unique_ptr<WebApp> app_;
  std::unique_ptr<HttpServer> server_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ContractWebTest, OfficerBindsAndTheStatusFollows) {
  LoggedIn olga = Login("olga");
  auto page = client_->Get("/contract?year=2021", olga.Cookie());
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Rubriek I: Toelage veiligheids- en samenlevingscontract"),
            std::string::npos);
  // Unbound: no data.
  EXPECT_NE(Row(page->body, "I.1.1").find("data-status=\"no_data\""), std::string::npos)
      << Row(page->body, "I.1.1");

  auto bind = PostForm(olga, "/contract/bind", "indicator=I.1.1&measure=gas.cases.all&year=2021");
  ASSERT_TRUE(bind);
  EXPECT_EQ(bind->status, 303);
  EXPECT_EQ(bind->get_header_value("Location"), "/contract?done=1&year=2021#i-I.1.1");
  // Bound, no cases, half of 2021 gone, 0 of 4: behind the pace, at risk.
  json r = Report(olga, 2021);
  EXPECT_EQ(Indicator(r, "I.1.1")["measure"], "gas.cases.all");
  EXPECT_EQ(Indicator(r, "I.1.1")["value"], 0);
  EXPECT_EQ(Indicator(r, "I.1.1")["status"], "at_risk");
  page = client_->Get("/contract?year=2021", olga.Cookie());
  EXPECT_NE(Row(page->body, "I.1.1").find("<span class=\"badge s-at_risk\">in gevaar</span>"),
            std::string::npos)
      << Row(page->body, "I.1.1");
  // An existence indicator is not bound to a measure; an unknown measure is not found.
  EXPECT_EQ(PostForm(olga, "/contract/bind", "indicator=I.1.3&measure=gas.cases.all")->status, 400);
  EXPECT_EQ(PostForm(olga, "/contract/bind", "indicator=I.1.2&measure=gas.nothing")->status, 404);
  // The API binds the same way; unbinding gives no data again.
  httplib::Headers h = olga.Cookie();
  h.emplace("X-CSRF-Token", olga.csrf);
  auto api = client_->Post("/api/v1/contract/bindings", h,
                           R"({"indicator":"I.1.1","measure":null})", "application/json");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 200) << api->body;
  EXPECT_EQ(Indicator(Report(olga, 2021), "I.1.1")["status"], "no_data");
}

TEST_F(ContractWebTest, EvidenceUploadMakesAnExistenceIndicatorMet) {
  LoggedIn olga = Login("olga");
  EXPECT_EQ(Indicator(Report(olga, 2021), "I.1.3")["status"], "no_data");
  const std::string bytes = std::string("%PDF-1.4\n") + std::string(3000, 'x') + '\0' + "end";
  httplib::MultipartFormDataItems items = {
      {"csrf", olga.csrf, "", ""},
      {"indicator", "I.1.3", "", ""},
      {"year", "2021", "", ""},
      {"note", "Overlastkaart gepubliceerd op de website", "", ""},
      {"evidence", bytes, "overlastkaart.pdf", "application/pdf"},
  };
  auto up = client_->Post("/contract/evidence", olga.Cookie(), items);
  ASSERT_TRUE(up);
  EXPECT_EQ(up->status, 303) << up->body;
  json ind = Indicator(Report(olga, 2021), "I.1.3");
  EXPECT_EQ(ind["status"], "met");
  ASSERT_EQ(ind["evidence"].size(), 1u);
  EXPECT_EQ(ind["evidence"][0]["file_name"], "overlastkaart.pdf");
  EXPECT_EQ(ind["evidence"][0]["sha256"].get<std::string>().size(), 64u);
  // Evidence of 2021 is not evidence of 2020.
  EXPECT_EQ(Indicator(Report(olga, 2020), "I.1.3")["status"], "not_met");

  const int64_t id = ind["evidence"][0]["id"];
  auto file = client_->Get("/contract/evidence/" + std::to_string(id), olga.Cookie());
  ASSERT_TRUE(file);
  EXPECT_EQ(file->status, 200);
  EXPECT_EQ(file->body, bytes);
  EXPECT_EQ(file->get_header_value("Content-Disposition"),
            "attachment; filename=\"overlastkaart.pdf\"");
  SqliteUserStore users(*db_);
  AuditFilter f;
  f.action = "view_contract_evidence";
  auto rows = users.SearchAudit(f);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].user_login, "olga");
  f.action = "contract_evidence";
  EXPECT_EQ(users.SearchAudit(f)->size(), 1u);

  // A note is required.
  httplib::MultipartFormDataItems empty = {{"csrf", olga.csrf, "", ""},
                                           {"indicator", "I.1.3", "", ""},
                                           {"year", "2021", "", ""},
                                           {"note", " ", "", ""}};
  EXPECT_EQ(client_->Post("/contract/evidence", olga.Cookie(), empty)->status, 400);
}

TEST_F(ContractWebTest, UncertainItemsConfirmedAndCorrected) {
  LoggedIn olga = Login("olga");
  auto page = client_->Get("/contract", olga.Cookie());
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("data-item=\"1\""), std::string::npos);
  EXPECT_EQ(PostForm(olga, "/contract/uncertain", "item=1&action=confirm&year=2021")->status, 303);
  EXPECT_EQ(
      PostForm(olga, "/contract/uncertain", "item=2&action=correct&value=minstens+2+per+kwartaal")
          ->status,
      303);
  EXPECT_EQ(PostForm(olga, "/contract/uncertain", "item=2&action=correct&value=")->status, 400);
  EXPECT_EQ(PostForm(olga, "/contract/uncertain", "item=9&action=confirm")->status, 404);
  json r = Report(olga, 2021);
  // Only the councillor's name is open; it is never shown.
  ASSERT_EQ(r["open_uncertain"].size(), 1u) << r["open_uncertain"];
  EXPECT_EQ(r["open_uncertain"][0]["original"], nullptr);
  page = client_->Get("/contract", olga.Cookie());
  EXPECT_NE(page->body.find("verbeterd: minstens 2 per kwartaal (olga)"), std::string::npos);
  EXPECT_NE(page->body.find("bevestigd (olga)"), std::string::npos);
  EXPECT_EQ(page->body.find("Lemrnens"), std::string::npos);
  EXPECT_NE(page->body.find("persoonsgegevens: zie de regel in de beslissing"), std::string::npos);
}

TEST_F(ContractWebTest, ViewerReadsButDoesNotEdit) {
  LoggedIn kim = Login("kim");
  auto page = client_->Get("/contract?year=2021", kim.Cookie());
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Rubriek II"), std::string::npos);
  EXPECT_EQ(page->body.find("action=\"/contract/bind\""), std::string::npos);
  EXPECT_EQ(page->body.find("action=\"/contract/evidence\""), std::string::npos);
  EXPECT_EQ(page->body.find("action=\"/contract/uncertain\""), std::string::npos);
  EXPECT_EQ(PostForm(kim, "/contract/bind", "indicator=I.1.1&measure=gas.cases.all")->status, 403);
  EXPECT_EQ(Indicator(Report(kim, 2021), "I.1.1")["measure"], nullptr);
  EXPECT_EQ(client_->Get("/contract?year=20x1", kim.Cookie())->status, 400);
}

TEST_F(ContractWebTest, ReportsHtmlPdfAndJson) {
  LoggedIn kim = Login("kim");
  auto html = client_->Get("/contract/report?year=2021", kim.Cookie());
  ASSERT_TRUE(html);
  ASSERT_EQ(html->status, 200);
  EXPECT_NE(html->body.find("Rubriek II: Bijkomende financiele hulp"), std::string::npos);
  EXPECT_NE(html->body.find("€ 183.230,50"), std::string::npos);  // the year's total budget
  EXPECT_NE(html->body.find("<span class=\"badge s-not_met\">overschreden</span>"),
            std::string::npos);  // rubric II
  // The test decision warns of nothing; the two uncertain items are open.
  EXPECT_NE(html->body.find("Te bevestigen (regel 91)"), std::string::npos);

  auto pdf = client_->Get("/contract/report.pdf?year=2021", kim.Cookie());
  ASSERT_TRUE(pdf);
  EXPECT_EQ(pdf->status, 200);
  EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(pdf->body.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(pdf->get_header_value("Content-Disposition"),
            "attachment; filename=\"contract-evaluatie-2021.pdf\"");

  json r = Report(kim, 2021);
  EXPECT_EQ(r["budget_total"]["budget"], "183230.50");
  EXPECT_EQ(r["budget_total"]["spent"], "40000.00");
  EXPECT_EQ(r["budget"][1]["status"], "over");
  EXPECT_EQ(r["counts"]["no_data"], 10);
  // Without ?year= the page is of this year (2021, within the contract).
  EXPECT_EQ(Report(kim, 2021),
            json::parse(client_->Get("/api/v1/contract/report", kim.Cookie())->body));
}

}  // namespace
}  // namespace hh
