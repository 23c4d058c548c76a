// The web application end to end: the real server on an ephemeral loopback port over a fresh
// SQLite file, driven with httplib::Client. Every route for every role (and without a session),
// CSRF refused without the token and accepted with it, the login form, the lock-out, session
// expiry with a hand-moved clock, the audit row of a case view, keyset pages of the API, static
// files, the OpenAPI document and the security headers. Every name and plate is synthetic.
#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "web/web_test_fixture.h"

namespace hh {
namespace {

using json = nlohmann::json;

const Instant kStart = Instant::FromUnix(1'774'000'000);  // 2026-03-20T09:46:40Z
using webtest::kPassword;

constexpr webtest::Person kPeople[] = {
    {"adam", "Adam Admin", Role::kAdministrator},
    {"olga", "Olga Officier", Role::kSanctioningOfficer},
    {"rik", "Rik Reviewer", Role::kReviewer},
    {"fien", "Fien Financien", Role::kFinance},
    {"kim", "Kim Kijker", Role::kViewer},
};

class WebAppTest : public webtest::WebServerTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(OpenDatabase(kStart, kPeople));
    for (int i = 0; i < 3; ++i) case_ids_.push_back(InsertCase("1ABC00" + std::to_string(i)));
    // A party whose name would be markup if it were not escaped.
    Party party;
    party.role = PartyRole::kHolder;
    party.name = "<script>Test</script> O'Neil";
    party.addressee = true;
    ASSERT_TRUE(cases_->InsertParty(CaseId{case_ids_[0]}, party).ok());

    std::filesystem::create_directories(dir_.path() / "static" / "css");
    std::ofstream(dir_.path() / "static" / "css" / "app.css") << "body{margin:0}";
    std::ofstream(dir_.path() / "static" / ".hidden") << "secret";

    WebAppOptions o = Options();
    o.static_dir = (dir_.path() / "static").string();
    o.page_size = 2;
    ASSERT_NO_FATAL_FAILURE(StartServer(o, clock_, 4096));
  }

  int64_t InsertCase(const std::string& plate) {
    Case c;
    c.track = Track::kAutoluw;
    c.state = CaseState::kAwaitingReview;
    c.facts_at = kStart;
    c.facts_day = kStart.UtcDate();
    c.zone_id = "Z1";
    c.plate = plate;
    c.country = "BE";
    c.offence_code = "C3";
    c.article = "KB 9 maart 2014 art. 3";
    c.amount = Money::FromEuro(58);
    c.created_at = c.updated_at = kStart;
    auto id = cases_->InsertCase(c, std::nullopt);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? id->value : 0;
  }

  std::string Path(const std::string& pattern) const {
    std::string p = pattern;
    const std::string id = std::to_string(case_ids_[0]);
    if (size_t at = p.find("{id}"); at != std::string::npos) p.replace(at, 4, id);
    if (size_t at = p.find("{path*}"); at != std::string::npos) p.replace(at, 7, "css/app.css");
    return p;
  }

  std::vector<int64_t> case_ids_;
  ManualClock clock_{kStart};
};

// Expected statuses, by hand from the issue: everyone who is logged in may see the dashboard,
// the cases and a case; only administrators search the audit log; without a session a page
// redirects to the login page (303) and the API answers 401. `who`: the roles allowed, by
// letter (a administrator, o sanctioning officer, r reviewer, f finance, v viewer), "*" for all;
// the others get 403.
struct Expectation {
  const char* method;
  const char* pattern;
  int anonymous;
  int allowed;
  const char* who;
};

bool Allowed(const Expectation& e, Role role) {
  const std::string who = e.who;
  if (who == "*") return true;
  const char letter = role == Role::kAdministrator        ? 'a'
                      : role == Role::kSanctioningOfficer ? 'o'
                      : role == Role::kReviewer           ? 'r'
                      : role == Role::kFinance            ? 'f'
                      : role == Role::kViewer             ? 'v'
                                                          : '?';
  return who.find(letter) != std::string::npos;
}
constexpr Expectation kExpected[] = {
    {"GET", "/", 303, 303, "*"},
    {"GET", "/healthz", 200, 200, "*"},
    {"GET", "/login", 200, 303, "*"},   // logged in: on to the dashboard
    {"POST", "/login", 403, 403, "*"},  // without the login form's cookie: CSRF
    {"POST", "/logout", 401, 303, "*"},
    {"POST", "/logout-everywhere", 401, 303, "*"},
    {"GET", "/dashboard", 303, 200, "*"},
    {"GET", "/cases", 303, 200, "*"},
    {"GET", "/cases/{id}", 303, 200, "*"},
    {"GET", "/audit", 303, 200, "a"},
    {"GET", "/api/v1/openapi.json", 200, 200, "*"},
    {"GET", "/api/v1/me", 401, 200, "*"},
    {"GET", "/api/v1/cases", 401, 200, "*"},
    {"GET", "/api/v1/cases/{id}", 401, 200, "*"},
    {"GET", "/api/v1/audit", 401, 200, "a"},
    {"GET", "/static/{path*}", 200, 200, "*"},

    // The review queue and acting on cases (app_review.cpp).
    // Review is the reviewers' and the officer's (gas/procedure.cpp kReview). A form POST
    // always answers 303: to the next hit or back with the refusal's message (the empty forms
    // here: no plate, no reason, no action); an empty JSON body is a 400.
    {"GET", "/review", 303, 200, "or"},
    {"POST", "/review/{id}/accept", 401, 303, "or"},
    {"POST", "/review/{id}/correct", 401, 303, "or"},
    {"POST", "/review/{id}/reject", 401, 303, "or"},
    {"POST", "/cases/{id}/act", 401, 303, "aorf"},
    {"GET", "/api/v1/review/next", 401, 200, "or"},
    {"POST", "/api/v1/review/{id}", 401, 400, "or"},
    {"POST", "/api/v1/cases/{id}/actions", 401, 400, "aorf"},

    // Letters and payments (app_billing.cpp). The fixture has no letter, run, payment or
    // refund with the case's id and no case due a letter: a run sends none (303 to the page).
    {"GET", "/letters", 303, 200, "aof"},
    {"POST", "/letters/run", 401, 303, "o"},
    {"GET", "/letters/{id}/pdf", 303, 404, "aof"},
    {"GET", "/letters/runs/{id}/zip", 303, 404, "aof"},
    {"GET", "/letters/runs/{id}/print.pdf", 303, 404, "aof"},
    {"GET", "/payments", 303, 200, "af"},
    {"POST", "/payments/statements", 401, 400, "af"},  // no file
    {"POST", "/payments/{id}/assign", 401, 400, "f"},  // no case or reference
    {"POST", "/refunds/{id}/close", 401, 404, "f"},
    {"GET", "/api/v1/letters/{id}/pdf", 401, 404, "aof"},
    {"POST", "/api/v1/letters/run", 401, 200, "o"},
    {"POST", "/api/v1/statements", 401, 400, "af"},  // an empty body
    {"GET", "/api/v1/payments/unmatched", 401, 200, "af"},
    {"POST", "/api/v1/payments/{id}/assign", 401, 400, "f"},
    {"POST", "/api/v1/refunds/{id}/close", 401, 404, "f"},

    // The dashboard figures, settings and users (app_admin.cpp). The POSTs are sent without a
    // body: no key, file, role or password (400); no camera "{id}" (404); {id} is the first
    // case's id, 1, which is adam's user id, and an administrator cannot deactivate themselves
    // (409).
    {"GET", "/api/v1/stats/dashboard", 401, 200, "*"},
    {"GET", "/settings", 303, 200, "a"},
    {"POST", "/settings", 401, 400, "a"},
    {"POST", "/settings/permits", 401, 400, "a"},
    {"POST", "/settings/cameras/{id}/warning", 401, 404, "a"},
    {"GET", "/users", 303, 200, "a"},
    {"POST", "/users", 401, 400, "a"},
    {"POST", "/users/{id}/role", 401, 400, "a"},
    {"POST", "/users/{id}/deactivate", 401, 409, "a"},
    {"POST", "/users/{id}/password", 401, 400, "a"},

    // The contract (app_contract.cpp): no contract is imported here, so the page says so
    // (200), the reports and an evidence file are 404; the edits without fields are 400.
    {"GET", "/contract", 303, 200, "*"},
    {"GET", "/contract/report", 303, 404, "*"},
    {"GET", "/contract/report.pdf", 303, 404, "*"},
    {"GET", "/contract/evidence/{id}", 303, 404, "*"},
    {"POST", "/contract/bind", 401, 400, "ao"},
    {"POST", "/contract/uncertain", 401, 400, "ao"},
    {"POST", "/contract/evidence", 401, 400, "ao"},
    {"GET", "/api/v1/contract/report", 401, 404, "*"},
    {"POST", "/api/v1/contract/bindings", 401, 400, "ao"},
    {"GET", "/contract/amend", 303, 404, "ao"},
    {"POST", "/contract/amend", 401, 400, "ao"},
    {"GET", "/api/v1/contract/amendments", 401, 404, "*"},
    {"POST", "/api/v1/contract/amendments", 401, 400, "ao"},

};

TEST_F(WebAppTest, EveryRouteForEveryRole) {
  const std::vector<RouteAccess> routes = WebApp::Routes();
  ASSERT_EQ(routes.size(), std::size(kExpected)) << "a route without an expectation here";
  for (const RouteAccess& r : routes) {
    const Expectation* e = nullptr;
    for (const Expectation& x : kExpected) {
      if (r.method == x.method && r.pattern == x.pattern) e = &x;
    }
    ASSERT_NE(e, nullptr) << r.method << " " << r.pattern;
    const std::string path = Path(r.pattern);
    // Without a session.
    auto anon = r.method == "GET" ? client_->Get(path)
                                  : client_->Post(path, "", "application/x-www-form-urlencoded");
    ASSERT_TRUE(anon) << path;
    EXPECT_EQ(anon->status, e->anonymous) << r.method << " " << path << " anonymous";
    if (e->anonymous == 303 && r.pattern != std::string("/")) {
      // (httplib's client decodes Location: the server sends next=%2F...)
      EXPECT_EQ(anon->get_header_value("Location").rfind("/login?next=/", 0), 0u) << path;
    }
    // With each role's session (a fresh one, as logout ends it), with the CSRF token.
    for (const webtest::Person& p : kPeople) {
      LoggedIn s = Login(p.login);
      httplib::Headers h = s.Cookie();
      h.emplace("X-CSRF-Token", s.csrf);
      auto res = r.method == "GET"
                     ? client_->Get(path, h)
                     : client_->Post(path, h, "", "application/x-www-form-urlencoded");
      ASSERT_TRUE(res) << path;
      const bool allowed = Allowed(*e, p.role);
      EXPECT_EQ(res->status, allowed ? e->allowed : 403)
          << r.method << " " << path << " as " << p.login;
      // The role table says the same as this test.
      if (r.roles != 0) {
        EXPECT_EQ((r.roles & RoleBit(p.role)) != 0, allowed) << path;
      }
    }
  }
}

TEST_F(WebAppTest, CsrfRefusedWithoutTheTokenAndAcceptedWithIt) {
  LoggedIn s = Login("olga");
  // No token, a wrong token: 403, and the session lives on.
  auto none = client_->Post("/logout", s.Cookie(), "", "application/x-www-form-urlencoded");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 403);
  auto wrong = client_->Post("/logout", s.Cookie(), "csrf=" + std::string(64, '0'),
                             "application/x-www-form-urlencoded");
  EXPECT_EQ(wrong->status, 403);
  httplib::Headers bad = s.Cookie();
  bad.emplace("X-CSRF-Token", std::string(64, 'f'));
  EXPECT_EQ(client_->Post("/logout", bad, "", "text/plain")->status, 403);
  EXPECT_EQ(client_->Get("/api/v1/me", s.Cookie())->status, 200);
  // The right token in the form field: logged out.
  auto ok =
      client_->Post("/logout", s.Cookie(), "csrf=" + s.csrf, "application/x-www-form-urlencoded");
  EXPECT_EQ(ok->status, 303);
  EXPECT_EQ(ok->get_header_value("Location"), "/login");
  EXPECT_EQ(SetCookie(ok, "__Host-hh_session").value_or("?"), "");
  EXPECT_EQ(client_->Get("/api/v1/me", s.Cookie())->status, 401);
  // The login form refuses a post without its cookie, or with another value.
  auto page = client_->Get("/login");
  const std::string cookie = *SetCookie(page, "__Host-hh_login");
  httplib::Headers h = {{"Cookie", "__Host-hh_login=" + cookie}};
  EXPECT_EQ(client_
                ->Post("/login", h, "csrf=" + std::string(64, '1') + "&login=olga&password=x",
                       "application/x-www-form-urlencoded")
                ->status,
            403);
}

TEST_F(WebAppTest, AMultipartFormCarriesTheCsrfTokenToo) {
  // Upload forms are multipart/form-data: their csrf field counts as the form's.
  LoggedIn s = Login("olga");
  httplib::MultipartFormDataItems wrong = {{"csrf", std::string(64, '0'), "", ""},
                                           {"file", "x", "a.txt", "text/plain"}};
  EXPECT_EQ(client_->Post("/logout", s.Cookie(), wrong)->status, 403);
  // A file part named csrf is not the field.
  httplib::MultipartFormDataItems as_file = {{"csrf", s.csrf, "csrf.txt", "text/plain"}};
  EXPECT_EQ(client_->Post("/logout", s.Cookie(), as_file)->status, 403);
  httplib::MultipartFormDataItems right = {{"file", "x", "a.txt", "text/plain"},
                                           {"csrf", s.csrf, "", ""}};
  auto ok = client_->Post("/logout", s.Cookie(), right);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 303);
  EXPECT_EQ(client_->Get("/api/v1/me", s.Cookie())->status, 401);
}

TEST_F(WebAppTest, LogoutEverywhereEndsEverySession) {
  LoggedIn a = Login("rik");
  LoggedIn b = Login("rik");
  LoggedIn other = Login("kim");
  auto res = client_->Post("/logout-everywhere", a.Cookie(), "csrf=" + a.csrf,
                           "application/x-www-form-urlencoded");
  EXPECT_EQ(res->status, 303);
  EXPECT_EQ(client_->Get("/api/v1/me", a.Cookie())->status, 401);
  EXPECT_EQ(client_->Get("/api/v1/me", b.Cookie())->status, 401);
  EXPECT_EQ(client_->Get("/api/v1/me", other.Cookie())->status, 200);
}

TEST_F(WebAppTest, WrongPasswordThenLockOut) {
  for (int i = 0; i < 5; ++i) {
    auto res = PostLogin("fien", "not the password");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401);
    EXPECT_NE(res->body.find("Gebruikersnaam of wachtwoord is onjuist."), std::string::npos);
    EXPECT_FALSE(SetCookie(res, "__Host-hh_session").has_value());
  }
  auto locked = PostLogin("fien", kPassword);
  EXPECT_EQ(locked->status, 429);
  EXPECT_EQ(locked->get_header_value("Retry-After"), "900");
  clock_.Advance(15 * 60);
  EXPECT_EQ(PostLogin("fien", kPassword)->status, 303);
}

TEST_F(WebAppTest, SessionExpiresWhenIdle) {
  LoggedIn s = Login("kim");
  clock_.Advance(29 * 60);
  EXPECT_EQ(client_->Get("/api/v1/me", s.Cookie())->status, 200);
  clock_.Advance(30 * 60);
  EXPECT_EQ(client_->Get("/api/v1/me", s.Cookie())->status, 401);
  auto page = client_->Get("/cases?state=awaiting_review", s.Cookie());
  EXPECT_EQ(page->status, 303);
  // Sent as next=%2Fcases%3Fstate%3Dawaiting_review; httplib's client decodes Location.
  EXPECT_EQ(page->get_header_value("Location"), "/login?next=/cases?state=awaiting_review");
  // The stale cookie is cleared.
  EXPECT_EQ(SetCookie(page, "__Host-hh_session").value_or("?"), "");
}

TEST_F(WebAppTest, ACaseViewIsAudited) {
  LoggedIn s = Login("kim");
  const std::string id = std::to_string(case_ids_[0]);
  auto page = client_->Get("/cases/" + id, s.Cookie());
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  // The party's name is escaped on the page.
  EXPECT_NE(page->body.find("&lt;script&gt;Test&lt;/script&gt; O&#39;Neil"), std::string::npos);
  EXPECT_EQ(page->body.find("<script>Test"), std::string::npos);
  auto api = client_->Get("/api/v1/cases/" + id, s.Cookie());
  ASSERT_EQ(api->status, 200);
  EXPECT_EQ(json::parse(api->body)["parties"][0]["name"], "<script>Test</script> O'Neil");
  AuditFilter f;
  f.action = "view_case";
  auto rows = users_->SearchAudit(f);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[1].user_login, "kim");
  EXPECT_EQ((*rows)[1].object, "case:" + id);
  EXPECT_EQ((*rows)[1].remote, "127.0.0.1");
  EXPECT_EQ((*rows)[1].detail, "page");
  EXPECT_EQ((*rows)[1].at, kStart);
  EXPECT_EQ((*rows)[0].detail, "api");
  // A case that does not exist: 404, and nothing audited.
  EXPECT_EQ(client_->Get("/cases/999999", s.Cookie())->status, 404);
  EXPECT_EQ(client_->Get("/api/v1/cases/999999", s.Cookie())->status, 404);
  EXPECT_EQ(users_->SearchAudit(f)->size(), 2u);
}

TEST_F(WebAppTest, CaseListPagesWithACursor) {
  LoggedIn s = Login("olga");
  auto first = client_->Get("/api/v1/cases", s.Cookie());
  ASSERT_EQ(first->status, 200);
  json j = json::parse(first->body);
  ASSERT_EQ(j["cases"].size(), 2u);  // page_size 2
  EXPECT_EQ(j["cases"][0]["id"], case_ids_[0]);
  EXPECT_EQ(j["cases"][0]["state"], "awaiting_review");
  EXPECT_EQ(j["cases"][0]["amount"], "58.00");
  ASSERT_TRUE(j["next"].is_string());
  auto second =
      client_->Get("/api/v1/cases?after=" + UrlEncode(j["next"].get<std::string>()), s.Cookie());
  json k = json::parse(second->body);
  ASSERT_EQ(k["cases"].size(), 1u);
  EXPECT_EQ(k["cases"][0]["id"], case_ids_[2]);
  EXPECT_TRUE(k["next"].is_null());
  // A plate filter (normalised), audited as a search.
  auto plate = client_->Get("/api/v1/cases?plate=1-abc-001", s.Cookie());
  json p = json::parse(plate->body);
  ASSERT_EQ(p["cases"].size(), 1u);
  EXPECT_EQ(p["cases"][0]["id"], case_ids_[1]);
  AuditFilter f;
  f.action = "search_cases";
  EXPECT_EQ(users_->SearchAudit(f)->at(0).detail, "plate=1ABC001;");
  // Bad filters name the parameter.
  auto bad = client_->Get("/api/v1/cases?track=bus", s.Cookie());
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(json::parse(bad->body)["error"].get<std::string>().rfind("track: ", 0), 0u);
  EXPECT_EQ(client_->Get("/api/v1/cases?limit=0", s.Cookie())->status, 400);
  EXPECT_EQ(client_->Get("/api/v1/cases?after=x", s.Cookie())->status, 400);
  // The page shows the next link with the filters kept.
  auto html = client_->Get("/cases?track=autoluw", s.Cookie());
  ASSERT_EQ(html->status, 200);
  EXPECT_NE(html->body.find("href=\"/cases?track=autoluw&amp;after="), std::string::npos);
  EXPECT_EQ(client_->Get("/cases?due_before=2026-13-01", s.Cookie())->status, 400);
}

TEST_F(WebAppTest, SecurityHeadersOnEveryAnswer) {
  LoggedIn s = Login("adam");
  auto check = [](const httplib::Result& res, const std::string& what) {
    ASSERT_TRUE(res) << what;
    EXPECT_EQ(res->get_header_value("Content-Security-Policy"),
              "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; "
              "object-src 'none'")
        << what;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << what;
    EXPECT_EQ(res->get_header_value("Referrer-Policy"), "same-origin") << what;
    EXPECT_EQ(res->get_header_value("X-Frame-Options"), "DENY") << what;
    EXPECT_EQ(res->get_header_value_count("Content-Security-Policy"), 1u) << what;
  };
  auto page = client_->Get("/cases/" + std::to_string(case_ids_[0]), s.Cookie());
  check(page, "case page");
  EXPECT_EQ(page->get_header_value("Cache-Control"), "no-store");
  check(client_->Get("/nope"), "404");
  check(client_->Get("/api/v1/cases"), "401");
  auto big = client_->Post("/login", std::string(8192, 'x'), "application/x-www-form-urlencoded");
  check(big, "413");
  EXPECT_EQ(big->status, 413);
  auto css = client_->Get("/static/css/app.css");
  check(css, "static");
  EXPECT_EQ(css->get_header_value("Cache-Control"), "public, max-age=3600");
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(css->body, "body{margin:0}");
  auto method = client_->Delete("/cases");
  EXPECT_EQ(method->status, 405);
  EXPECT_EQ(method->get_header_value("Allow"), "GET");
}

TEST_F(WebAppTest, StaticFilesStayInTheirFolder) {
  EXPECT_EQ(client_->Get("/static/missing.css")->status, 404);
  EXPECT_EQ(client_->Get("/static/.hidden")->status, 404);
  EXPECT_EQ(client_->Get("/static/css/../../hh.db")->status, 404);
  EXPECT_EQ(client_->Get("/static/%2e%2e/hh.db")->status, 404);
}

TEST_F(WebAppTest, OpenApiDescribesEveryApiRoute) {
  auto res = client_->Get("/api/v1/openapi.json");
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  json doc = json::parse(res->body);
  EXPECT_EQ(doc["openapi"].get<std::string>().rfind("3.", 0), 0u);
  for (const RouteAccess& r : WebApp::Routes()) {
    if (r.pattern.rfind("/api/v1/", 0) != 0) continue;
    EXPECT_TRUE(doc["paths"].contains(r.pattern)) << r.pattern;
  }
}

TEST_F(WebAppTest, PagesInDutchAndFrench) {
  auto nl = client_->Get("/login");
  EXPECT_NE(nl->body.find("<h1>Aanmelden</h1>"), std::string::npos);
  EXPECT_NE(nl->body.find("<html lang=\"nl\">"), std::string::npos);
  auto fr = client_->Get("/login?lang=fr");
  EXPECT_NE(fr->body.find("<h1>Connexion</h1>"), std::string::npos);
  EXPECT_EQ(SetCookie(fr, "hh_lang").value_or(""), "fr");
  httplib::Headers h = {{"Cookie", "hh_lang=fr"}};
  EXPECT_NE(client_->Get("/login", h)->body.find("Mot de passe"), std::string::npos);
  LoggedIn s = Login("olga");
  httplib::Headers both = s.Cookie();
  both.begin()->second += "; hh_lang=fr";
  auto dash = client_->Get("/dashboard", both);
  EXPECT_NE(dash->body.find("Zone à faible trafic"), std::string::npos);
  EXPECT_NE(dash->body.find("En attente de contrôle"), std::string::npos);
  EXPECT_NE(dash->body.find("<td class=\"number\">3</td>"), std::string::npos);
}

}  // namespace
}  // namespace hh
