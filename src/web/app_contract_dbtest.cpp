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
#include "store/sqlite_contract_store.h"
#include "web/web_test_fixture.h"

namespace hh {
namespace {

using json = nlohmann::json;

// 2021-06-30 10:00 UTC: the second working year of the test contract is half over.
const Instant kNow = Instant::FromUnix(1'625'047'200);

class ContractWebTest : public webtest::WebServerTest {
 protected:
  void SetUp() override {
    static const webtest::Person kPeople[] = {
        {"olga", "Olga Officier", Role::kSanctioningOfficer},
        {"kim", "Kim Kijker", Role::kViewer},
    };
    ASSERT_NO_FATAL_FAILURE(OpenDatabase(kNow, kPeople));

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
    ASSERT_NO_FATAL_FAILURE(StartServer(Options(), clock_));
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

  ManualClock clock_{kNow};
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

// Amendments (contract/amend.h): an officer amends a rubric's amount and an indicator's text
// (bound before: the binding follows) through the form, and the decision's vote through the
// API; every screen shows the amended contract; a bad value comes back on the form naming the
// path; the changes are audited; a viewer sees no edit links and is refused.
TEST_F(ContractWebTest, OfficerAmendsAnyPartAndTheScreensShowIt) {
  LoggedIn olga = Login("olga");
  auto page = client_->Get("/contract?year=2021", olga.Cookie());
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("href=\"/contract/amend?path=rubric.I.annual_amount&amp;year=2021\""),
            std::string::npos);
  EXPECT_NE(page->body.find("href=\"/contract/amend?path=indicator.I.1.1.text&amp;year=2021\""),
            std::string::npos);
  auto form = client_->Get("/contract/amend?path=rubric.I.annual_amount&year=2021", olga.Cookie());
  ASSERT_TRUE(form);
  ASSERT_EQ(form->status, 200);
  EXPECT_NE(form->body.find("<dd data-current>145230.50</dd>"), std::string::npos) << form->body;
  EXPECT_NE(form->body.find("action=\"/contract/amend\""), std::string::npos);
  httplib::Headers fr = olga.Cookie();
  fr.begin()->second += "; hh_lang=fr";
  auto form_fr = client_->Get("/contract/amend?path=rubric.I.annual_amount", fr);
  ASSERT_TRUE(form_fr);
  EXPECT_NE(form_fr->body.find("Valeur actuelle"), std::string::npos);
  auto parts = client_->Get("/contract/amend?year=2021", olga.Cookie());
  ASSERT_TRUE(parts);
  EXPECT_EQ(parts->status, 200);
  EXPECT_NE(parts->body.find("data-path=\"objective.I.1.operational.2\""), std::string::npos);
  EXPECT_NE(parts->body.find("data-path=\"procedure.3.deadline\""), std::string::npos);

  auto amend = PostForm(olga, "/contract/amend",
                        "path=rubric.I.annual_amount&value=150.000%2C00&action=amend&year=2021");
  ASSERT_TRUE(amend);
  EXPECT_EQ(amend->status, 303);
  EXPECT_EQ(amend->get_header_value("Location"), "/contract?done=1&year=2021");
  json r = Report(olga, 2021);
  EXPECT_EQ(r["rubrics"][0]["amount"], "150000.00");

  auto bad = PostForm(olga, "/contract/amend",
                      "path=indicator.I.1.1.threshold&value=veel&action=amend&year=2021");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("Deze waarde past niet bij dit onderdeel."), std::string::npos);
  EXPECT_NE(bad->body.find("indicator.I.1.1.threshold"), std::string::npos);
  EXPECT_NE(bad->body.find(">veel</textarea>"), std::string::npos);
  EXPECT_EQ(PostForm(olga, "/contract/amend", "path=rubric.IX.title&value=x&action=amend")->status,
            404);

  ASSERT_EQ(PostForm(olga, "/contract/bind", "indicator=I.1.1&measure=gas.cases.all")->status, 303);
  ASSERT_EQ(PostForm(olga, "/contract/amend",
                     "path=indicator.I.1.1.text&value=Minimaal+5+buurtoverleggen&action=amend")
                ->status,
            303);
  r = Report(olga, 2021);
  EXPECT_EQ(Indicator(r, "I.1.1")["text"], "Minimaal 5 buurtoverleggen");
  EXPECT_EQ(Indicator(r, "I.1.1")["measure"], "gas.cases.all");

  httplib::Headers h = olga.Cookie();
  h.emplace("X-CSRF-Token", olga.csrf);
  auto api = client_->Post("/api/v1/contract/amendments", h,
                           R"({"path":"decision.votes_for","value":"24"})", "application/json");
  ASSERT_TRUE(api);
  ASSERT_EQ(api->status, 200) << api->body;
  EXPECT_EQ(json::parse(api->body)["original"], "25");
  auto list = client_->Get("/api/v1/contract/amendments", olga.Cookie());
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200);
  json l = json::parse(list->body);
  ASSERT_EQ(l["amendments"].size(), 3u);
  // The clock stands still here: made at one instant, they are listed by path.
  EXPECT_EQ(l["amendments"][0]["path"], "decision.votes_for");
  EXPECT_EQ(l["amendments"][2]["path"], "rubric.I.annual_amount");
  EXPECT_EQ(l["amendments"][2]["original"], "145230.50");
  EXPECT_EQ(l["amendments"][2]["value"], "150.000,00");
  EXPECT_EQ(l["amendments"][2]["by"], "olga");

  page = client_->Get("/contract?year=2021", olga.Cookie());
  EXPECT_NE(page->body.find("<tr data-path=\"rubric.I.annual_amount\">"), std::string::npos);
  EXPECT_NE(page->body.find("Minimaal 5 buurtoverleggen"), std::string::npos);

  // Undone through the form: the amount is as imported again.
  ASSERT_EQ(PostForm(olga, "/contract/amend", "path=rubric.I.annual_amount&action=undo")->status,
            303);
  EXPECT_EQ(Report(olga, 2021)["rubrics"][0]["amount"], "145230.50");

  SqliteUserStore users(*db_);
  AuditFilter f;
  f.action = "contract_amend";
  auto audited = users.SearchAudit(f);
  ASSERT_TRUE(audited.ok());
  EXPECT_EQ(audited->size(), 3u);
  f.action = "contract_amend_undo";
  EXPECT_EQ(users.SearchAudit(f)->size(), 1u);

  LoggedIn kim = Login("kim");
  page = client_->Get("/contract?year=2021", kim.Cookie());
  EXPECT_EQ(page->body.find("/contract/amend"), std::string::npos);
  EXPECT_EQ(PostForm(kim, "/contract/amend", "path=rubric.I.title&value=x&action=amend")->status,
            403);
  EXPECT_EQ(client_->Get("/contract/amend?path=rubric.I.title", kim.Cookie())->status, 403);
  httplib::Headers hk = kim.Cookie();
  hk.emplace("X-CSRF-Token", kim.csrf);
  EXPECT_EQ(client_
                ->Post("/api/v1/contract/amendments", hk,
                       R"({"path":"rubric.I.title","value":"x"})", "application/json")
                ->status,
            403);
}

}  // namespace
}  // namespace hh
