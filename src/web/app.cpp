#include "web/app.h"

#include <fmt/core.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <utility>

#include "core/local_time.h"
#include "core/plate.h"
#include "gas/case.h"
#include "gas/law.h"
#include "store/migrations.h"
#include "web/app_internal.h"
#include "web/json_writer.h"

namespace hh {

using namespace webapp;  // NOLINT(google-build-using-namespace): this file is its part

namespace {

using json = nlohmann::json;

bool Mutating(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

std::string ReadWholeFile(const std::string& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  *ok = static_cast<bool>(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Where a login may send the browser afterwards: a path of this site only (no "//host", no
// scheme), never back to the login page.
std::string SafeNext(const std::string& next) {
  if (next.empty() || next.front() != '/' || next.rfind("//", 0) == 0 ||
      next.find('\\') != std::string::npos || next.rfind("/login", 0) == 0) {
    return "/dashboard";
  }
  return next;
}

std::string ContentTypeFor(const std::filesystem::path& p) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".html", "text/html; charset=utf-8"},
  };
  const std::string ext = p.extension().string();
  for (const auto& [e, type] : kTypes) {
    if (ext == e) return type;
  }
  return "application/octet-stream";
}

// The case filters of a list request (the page and the API take the same query parameters).
// InvalidArgument naming the parameter.
Result<CaseFilter> FilterFrom(const HttpRequest& req, int page_size) {
  CaseFilter f;
  if (std::string v = req.Query("track"); !v.empty()) {
    auto t = ParseTrack(v);
    if (!t.ok()) return InvalidArgument("track: " + t.status().message());
    f.track = *t;
  }
  if (std::string v = req.Query("state"); !v.empty()) {
    auto s = ParseCaseState(v);
    if (!s.ok()) return InvalidArgument("state: " + s.status().message());
    f.state = *s;
  }
  if (std::string v = req.Query("due_before"); !v.empty()) {
    auto d = LocalDate::Parse(v);
    if (!d.ok()) return InvalidArgument("due_before: must be a date YYYY-MM-DD");
    f.due_before = *d;
  }
  if (std::string v = req.Query("plate"); !v.empty()) {
    auto p = Plate::Parse(v);
    if (!p.ok()) return InvalidArgument("plate: has no letter or digit");
    f.plate = p->normalised();
  }
  f.name = req.Query("name");
  if (f.name.size() > 200) return InvalidArgument("name: longer than 200 characters");
  f.after = req.Query("after");
  f.limit = page_size;
  if (std::string v = req.Query("limit"); !v.empty()) {
    if (!AllDigits(v) || std::stoll(v) < 1 || std::stoll(v) > 200) {
      return InvalidArgument("limit: must be a whole number from 1 to 200");
    }
    f.limit = static_cast<int>(std::stoll(v));
  }
  return f;
}

// The filter's query string (without `after`), for the next page's link.
std::string FilterQuery(const HttpRequest& req) {
  std::string q;
  for (const char* name : {"track", "state", "due_before", "plate", "name", "limit"}) {
    const std::string v = req.Query(name);
    if (v.empty()) continue;
    q += q.empty() ? "" : "&";
    q += std::string(name) + "=" + UrlEncode(v);
  }
  return q;
}

}  // namespace

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kFailedPrecondition:
      return 409;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kAlreadyExists:
      return 409;
    case StatusCode::kPermissionDenied:
      return 403;
    case StatusCode::kUnavailable:
      return 503;
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

// --- The route table: every route, the roles that may use it, and its handler. -------------

const std::vector<WebApp::Route>& WebApp::RouteTable() {
  static const std::vector<Route> kRoutes = {
      {{"GET", "/", kPublic, false}, &WebApp::Root},
      {{"GET", "/healthz", kPublic, false}, &WebApp::Health},
      {{"GET", "/login", kPublic, false}, &WebApp::LoginPage},
      {{"POST", "/login", kPublic, false}, &WebApp::LoginSubmit},  // CSRF: a login cookie
      {{"POST", "/logout", kAnyUser, false}, &WebApp::Logout},
      {{"POST", "/logout-everywhere", kAnyUser, false}, &WebApp::LogoutEverywhere},
      {{"GET", "/dashboard", kAnyUser, false}, &WebApp::Dashboard},
      {{"GET", "/cases", kAnyUser, false}, &WebApp::CaseList},
      {{"GET", "/cases/{id}", kAnyUser, false}, &WebApp::CasePage},
      {{"GET", "/audit", kAdministrators, false}, &WebApp::AuditPage},
      {{"GET", "/api/v1/openapi.json", kPublic, true}, &WebApp::OpenApi},
      {{"GET", "/api/v1/me", kAnyUser, true}, &WebApp::ApiMe},
      {{"GET", "/api/v1/cases", kAnyUser, true}, &WebApp::ApiCases},
      {{"GET", "/api/v1/cases/{id}", kAnyUser, true}, &WebApp::ApiCase},
      {{"GET", "/api/v1/audit", kAdministrators, true}, &WebApp::ApiAudit},
      {{"GET", "/static/{path*}", kPublic, false}, &WebApp::Static},

      // The review queue and acting on cases (app_review.cpp). Review is the reviewers' and the
      // sanctioning officers' (gas/procedure.cpp kReview); acting on a case is for every role
      // that some transition allows (kCaseActors), each action checked again by Act.
      {{"GET", "/review", kReviewers, false}, &WebApp::ReviewPage},
      {{"POST", "/review/{id}/accept", kReviewers, false}, &WebApp::ReviewAcceptSubmit},
      {{"POST", "/review/{id}/correct", kReviewers, false}, &WebApp::ReviewCorrectSubmit},
      {{"POST", "/review/{id}/reject", kReviewers, false}, &WebApp::ReviewRejectSubmit},
      {{"POST", "/cases/{id}/act", kCaseActors, false}, &WebApp::CaseActSubmit},
      {{"GET", "/api/v1/review/next", kReviewers, true}, &WebApp::ApiReviewNext},
      {{"POST", "/api/v1/review/{id}", kReviewers, true}, &WebApp::ApiReviewAct},
      {{"POST", "/api/v1/cases/{id}/actions", kCaseActors, true}, &WebApp::ApiCaseAct},

      // Letters and payments (app_billing.cpp).
      {{"GET", "/letters", kLetterRoles, false}, &WebApp::LettersPage},
      {{"POST", "/letters/run", kOfficer, false}, &WebApp::LettersRunSubmit},
      {{"GET", "/letters/{id}/pdf", kLetterRoles, false}, &WebApp::LetterPdfPage},
      {{"GET", "/letters/runs/{id}/zip", kLetterRoles, false}, &WebApp::LetterRunZip},
      {{"GET", "/letters/runs/{id}/print.pdf", kLetterRoles, false}, &WebApp::LetterRunPrint},
      {{"GET", "/payments", kPaymentRoles, false}, &WebApp::PaymentsPage},
      {{"POST", "/payments/statements", kPaymentRoles, false}, &WebApp::PaymentsUpload},
      {{"POST", "/payments/{id}/assign", kFinance, false}, &WebApp::PaymentAssignSubmit},
      {{"POST", "/refunds/{id}/close", kFinance, false}, &WebApp::RefundCloseSubmit},
      {{"GET", "/api/v1/letters/{id}/pdf", kLetterRoles, true}, &WebApp::ApiLetterPdf},
      {{"POST", "/api/v1/letters/run", kOfficer, true}, &WebApp::ApiLettersRun},
      {{"POST", "/api/v1/statements", kPaymentRoles, true}, &WebApp::ApiStatements},
      {{"GET", "/api/v1/payments/unmatched", kPaymentRoles, true}, &WebApp::ApiUnmatched},
      {{"POST", "/api/v1/payments/{id}/assign", kFinance, true}, &WebApp::ApiAssignPayment},
      {{"POST", "/api/v1/refunds/{id}/close", kFinance, true}, &WebApp::ApiCloseRefund},

      // The dashboard figures, settings and users (app_admin.cpp).
      {{"GET", "/api/v1/stats/dashboard", kAnyUser, true}, &WebApp::ApiStatsDashboard},
      {{"GET", "/settings", kAdministrators, false}, &WebApp::SettingsPage},
      {{"POST", "/settings", kAdministrators, false}, &WebApp::SettingsSet},
      {{"POST", "/settings/permits", kAdministrators, false}, &WebApp::SettingsPermits},
      {{"POST", "/settings/cameras/{id}/warning", kAdministrators, false},
       &WebApp::SettingsCameraWarning},
      {{"GET", "/users", kAdministrators, false}, &WebApp::UsersPage},
      {{"POST", "/users", kAdministrators, false}, &WebApp::UsersAdd},
      {{"POST", "/users/{id}/role", kAdministrators, false}, &WebApp::UsersRole},
      {{"POST", "/users/{id}/deactivate", kAdministrators, false}, &WebApp::UsersDeactivate},
      {{"POST", "/users/{id}/password", kAdministrators, false}, &WebApp::UsersPassword},

      // The contract (app_contract.cpp): everyone logged in reads, administrators and
      // sanctioning officers edit.
      {{"GET", "/contract", kAnyUser, false}, &WebApp::ContractPage},
      {{"GET", "/contract/report", kAnyUser, false}, &WebApp::ContractReportPage},
      {{"GET", "/contract/report.pdf", kAnyUser, false}, &WebApp::ContractReportPdf},
      {{"GET", "/contract/evidence/{id}", kAnyUser, false}, &WebApp::ContractEvidenceFile},
      {{"POST", "/contract/bind",
        RoleBit(Role::kAdministrator) | RoleBit(Role::kSanctioningOfficer), false},
       &WebApp::ContractBind},
      {{"POST", "/contract/uncertain",
        RoleBit(Role::kAdministrator) | RoleBit(Role::kSanctioningOfficer), false},
       &WebApp::ContractResolve},
      {{"POST", "/contract/evidence",
        RoleBit(Role::kAdministrator) | RoleBit(Role::kSanctioningOfficer), false},
       &WebApp::ContractEvidenceUpload},
      {{"GET", "/contract/amend",
        RoleBit(Role::kAdministrator) | RoleBit(Role::kSanctioningOfficer), false},
       &WebApp::ContractAmendPage},
      {{"POST", "/contract/amend",
        RoleBit(Role::kAdministrator) | RoleBit(Role::kSanctioningOfficer), false},
       &WebApp::ContractAmend},
      {{"GET", "/api/v1/contract/report", kAnyUser, true}, &WebApp::ApiContractReport},
      {{"GET", "/api/v1/contract/amendments", kAnyUser, true}, &WebApp::ApiContractAmendments},
      {{"POST", "/api/v1/contract/amendments",
        RoleBit(Role::kAdministrator) | RoleBit(Role::kSanctioningOfficer), true},
       &WebApp::ApiContractAmend},
      {{"POST", "/api/v1/contract/bindings",
        RoleBit(Role::kAdministrator) | RoleBit(Role::kSanctioningOfficer), true},
       &WebApp::ApiContractBind},

  };
  return kRoutes;
}

std::vector<RouteAccess> WebApp::Routes() {
  std::vector<RouteAccess> out;
  for (const Route& r : RouteTable()) out.push_back(r.access);
  return out;
}

// --- Set-up. ---------------------------------------------------------------------------------

WebApp::WebApp(WebAppOptions options, const Clock& clock)
    : options_(std::move(options)), clock_(clock), auth_(options_.auth, clock) {}

WebApp::~WebApp() = default;

Result<std::unique_ptr<WebApp>> WebApp::Create(WebAppOptions options, const Clock& clock) {
  std::unique_ptr<WebApp> app(new WebApp(std::move(options), clock));
  const std::string dir = app->options_.templates_dir;
  auto templates = TemplateSet::LoadDirectory(dir);
  if (!templates.ok()) return templates.status();
  app->templates_ = std::move(*templates);
  auto tr = Translations::Load(dir + "/i18n.tsv");
  if (!tr.ok()) return tr.status();
  app->tr_ = std::move(*tr);
  // Every text a template or the code asks for must be in the table, in both languages.
  for (const std::string& name : app->templates_.NamesUsed()) {
    if (name.rfind("t.", 0) == 0 && !app->tr_.Has(name.substr(2))) {
      return InvalidArgument(
          fmt::format("{}/i18n.tsv: no key \"{}\", which a template prints as {{{{{}}}}}", dir,
                      name.substr(2), name));
    }
  }
  std::vector<std::string> keys;
  keys.reserve(kCaseStateCount + kTrackCount + 10);
  for (int i = 0; i < kCaseStateCount; ++i) {
    keys.push_back("state." + std::string(CaseStateName(static_cast<CaseState>(i))));
  }
  for (int i = 0; i < kTrackCount; ++i) {
    keys.push_back("track." + std::string(TrackName(static_cast<Track>(i))));
  }
  for (Role r : kPeopleRoles) keys.push_back("role." + std::string(RoleName(r)));
  keys.push_back("role.system");
  for (PartyRole r :
       {PartyRole::kOffender, PartyRole::kHolder, PartyRole::kDriver, PartyRole::kParent}) {
    keys.push_back("party." + std::string(PartyRoleName(r)));
  }
  for (const std::string& k : keys) {
    if (!app->tr_.Has(k)) return InvalidArgument(fmt::format("{}/i18n.tsv: no key \"{}\"", dir, k));
  }
  if (Status s = CheckReviewTexts(app->tr_, dir); !s.ok()) return s;  // review and actions
  for (const char* page : {"login", "dashboard", "cases", "case", "audit", "error"}) {
    if (!app->templates_.Has(page)) {
      return InvalidArgument(dir + ": no template " + std::string(page) + ".html");
    }
  }
  bool ok = false;
  app->openapi_ = ReadWholeFile(dir + "/openapi.json", &ok);
  if (!ok) return Unavailable(dir + "/openapi.json: cannot be read");
  if (!json::accept(app->openapi_)) {
    return InvalidArgument(dir + "/openapi.json: not valid JSON");
  }
  const auto& table = RouteTable();
  for (size_t i = 0; i < table.size(); ++i) {
    Status s = app->router_.Add(table[i].access.method, table[i].access.pattern, i);
    if (!s.ok()) return s;
  }
  // Open (and migrate) the database once now, so that a bad path fails at start.
  auto conn = app->Acquire();
  if (!conn) return Unavailable(app->options_.db_path + ": cannot open the database");
  app->Release(std::move(conn));
  return app;
}

std::unique_ptr<WebApp::Connection> WebApp::Acquire() {
  {
    std::lock_guard<std::mutex> lock(pool_mutex_);
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return c;
    }
  }
  auto db = Database::Open(options_.db_path);
  if (!db.ok()) return nullptr;
  auto migrated = ApplyMigrations(**db, clock_.Now());
  if (!migrated.ok()) {
    std::fprintf(stderr, "handhaving serve: %s\n", migrated.status().message().c_str());
    return nullptr;
  }
  auto c = std::make_unique<Connection>();
  c->db = std::move(*db);
  c->cases = std::make_unique<SqliteCaseStore>(*c->db);
  c->users = std::make_unique<SqliteUserStore>(*c->db);
  c->payments = std::make_unique<SqlitePaymentStore>(*c->db);
  c->settings = std::make_unique<SqliteSettingsStore>(*c->db);
  return c;
}

void WebApp::Release(std::unique_ptr<Connection> c) {
  if (!c) return;
  // No read snapshot survives the request: the next one sees the database as it is then.
  c->db->ResetStatements();
  std::lock_guard<std::mutex> lock(pool_mutex_);
  idle_.push_back(std::move(c));
}

// --- The request path: route, language, session, roles, CSRF, handler. -----------------------

HttpResponse WebApp::Handle(HttpRequest& req) {
  Context c{req, Lang::kNl, nullptr, std::nullopt, {}};
  if (std::string q = req.Query("lang"); !q.empty() && ParseLang(q, &c.lang)) {
    c.extra_headers.emplace_back("Set-Cookie", "hh_lang=" + std::string(LangCode(c.lang)) +
                                                   "; Max-Age=31536000" + auth_.CookieAttributes());
  } else if (!ParseLang(req.Cookie("hh_lang"), &c.lang)) {
    const std::string accept = req.Header("accept-language");
    c.lang = accept.rfind("fr", 0) == 0 ? Lang::kFr : Lang::kNl;
  }
  const bool api_path = req.path.rfind("/api/", 0) == 0;
  Router::Match m = router_.Find(req.method, req.path);
  if (m.outcome == Router::Outcome::kNotFound) {
    return api_path ? ApiError(404, "no such resource") : ErrorPage(c, 404, "error_not_found");
  }
  if (m.outcome == Router::Outcome::kMethodNotAllowed) {
    HttpResponse r = api_path ? ApiError(405, "method not allowed")
                              : ErrorPage(c, 405, "error_method_not_allowed");
    std::string allow;
    for (const std::string& a : m.allowed) allow += (allow.empty() ? "" : ", ") + a;
    r.SetHeader("Allow", allow);
    return r;
  }
  req.path_params = std::move(m.params);
  const Route& route = RouteTable()[m.id];

  // Static files and the health check need neither a session nor the database.
  if (route.handler == &WebApp::Static || route.handler == &WebApp::Health) {
    return (this->*route.handler)(c);
  }

  struct Lease {
    WebApp* app;
    std::unique_ptr<Connection> conn;
    ~Lease() { app->Release(std::move(conn)); }
  } lease{this, Acquire()};
  if (!lease.conn) {
    return route.access.api ? ApiError(503, "the database is not available")
                            : ErrorPage(c, 503, "error_unavailable");
  }
  c.conn = lease.conn.get();

  bool stale_cookie = false;
  if (std::string token = req.Cookie(auth_.CookieName()); !token.empty()) {
    auto who = auth_.Authenticate(*c.conn->users, token);
    if (!who.ok()) return FromStatus(c, who.status());
    c.who = std::move(*who);
    stale_cookie = !c.who.has_value();
  }
  HttpResponse r;
  if (route.access.roles != kPublic && !c.who) {
    if (route.access.api) {
      r = ApiError(401, "log in first (POST /login), then send the session cookie");
    } else if (req.method == "GET") {
      std::string target = req.path;
      std::string q;
      for (const auto& [name, value] : req.query) {
        q += (q.empty() ? "?" : "&") + UrlEncode(name) + "=" + UrlEncode(value);
      }
      target += q;
      r = HttpResponse::Redirect("/login?next=" + UrlEncode(target));
    } else {
      r = ErrorPage(c, 401, "error_login_first");
    }
  } else if (route.access.roles != kPublic &&
             (route.access.roles & RoleBit(c.who->user.role)) == 0) {
    r = route.access.api ? ApiError(403, "your role may not do this")
                         : ErrorPage(c, 403, "error_forbidden");
  } else if (route.access.roles != kPublic && Mutating(req.method) &&
             !Auth::CsrfValid(c.who->session, !req.Form("csrf").empty()
                                                  ? req.Form("csrf")
                                                  : req.Header("x-csrf-token"))) {
    r = route.access.api ? ApiError(403, "missing or wrong CSRF token")
                         : ErrorPage(c, 403, "error_csrf");
  } else {
    r = (this->*route.handler)(c);
  }
  if (stale_cookie) r.AddHeader("Set-Cookie", auth_.ClearSessionCookie());
  for (auto& h : c.extra_headers) r.headers.push_back(std::move(h));
  return r;
}

// --- Helpers. ----------------------------------------------------------------------------------

TemplateValue WebApp::BaseContext(Context& c, const std::string& title_key) {
  TemplateValue ctx;
  ctx["t"] = tr_.AsTemplateValue(c.lang);
  ctx["lang"] = std::string(LangCode(c.lang));
  ctx["other_lang"] = c.lang == Lang::kFr ? "nl" : "fr";
  ctx["title"] = tr_.Get(c.lang, title_key);
  ctx["logged_in"] = c.who.has_value();
  ctx["is_admin"] = c.who && c.who->user.role == Role::kAdministrator;
  ctx["can_review"] = c.who && (kReviewers & RoleBit(c.who->user.role)) != 0;  // app_review.cpp
  TemplateValue user;
  user["login"] = c.who ? c.who->user.login : "";
  user["name"] = c.who ? c.who->user.name : "";
  user["role"] = c.who ? tr_.Get(c.lang, "role." + std::string(RoleName(c.who->user.role))) : "";
  ctx["user"] = std::move(user);
  ctx["csrf"] = c.who ? c.who->session.csrf_token : "";
  // Letters and payments (app_billing.cpp): their navigation links.
  ctx["nav_letters"] = c.who && (kLetterRoles & RoleBit(c.who->user.role)) != 0;
  ctx["nav_payments"] = c.who && (kPaymentRoles & RoleBit(c.who->user.role)) != 0;
  return ctx;
}

HttpResponse WebApp::Page(Context& c, int status, const std::string& name,
                          const TemplateValue& ctx) {
  (void)c;
  auto html = templates_.Render(name, ctx);
  if (!html.ok()) {
    // A template error is a bug of this program; its message names file and line only.
    std::fprintf(stderr, "handhaving serve: %s\n", html.status().message().c_str());
    return HttpResponse::Text(500, "500 Internal Server Error (template)\n");
  }
  return HttpResponse::Html(status, std::move(*html));
}

HttpResponse WebApp::ErrorPage(Context& c, int status, const std::string& message_key) {
  TemplateValue ctx = BaseContext(c, "error_title");
  ctx["status"] = status;
  ctx["message"] = tr_.Get(c.lang, message_key);
  return Page(c, status, "error", ctx);
}

HttpResponse WebApp::ApiError(int status, const std::string& message) {
  return HttpResponse::Json(status, json{{"error", message}, {"status", status}}.dump());
}

HttpResponse WebApp::FromStatus(Context& c, const Status& s) {
  const int status = HttpStatusFor(s.code());
  if (status >= 500) {
    std::fprintf(stderr, "handhaving serve: %s\n", std::string(StatusCodeName(s.code())).c_str());
  }
  if (c.req.path.rfind("/api/", 0) == 0) {
    return ApiError(status, status >= 500 ? "the server could not answer" : s.message());
  }
  return ErrorPage(c, status,
                   status == 404   ? "error_not_found"
                   : status == 503 ? "error_unavailable"
                   : status >= 500 ? "error_internal"
                                   : "error_bad_request");
}

Status WebApp::AuditView(Context& c, const std::string& action, const std::string& object,
                         const std::string& detail) {
  return c.conn->users->Audit(
      {0, clock_.Now(), c.who ? c.who->user.login : "", c.req.remote, action, object, detail});
}

// --- Pages. ------------------------------------------------------------------------------------

HttpResponse WebApp::Root(Context& c) {
  return HttpResponse::Redirect(c.who ? "/dashboard" : "/login");
}

HttpResponse WebApp::Health(Context& /*c*/) { return HttpResponse::Text(200, "ok\n"); }

namespace {
std::string LoginCookieName(const Auth& auth) {
  return auth.settings().secure_cookie ? "__Host-hh_login" : "hh_login";
}
}  // namespace

HttpResponse WebApp::LoginForm(Context& c, int status, const std::string& error_key,
                               const std::string& login, const std::string& next) {
  // CSRF before a session exists: a random value in a cookie and in the form (double submit).
  std::string token = c.req.Cookie(LoginCookieName(auth_));
  if (token.size() != 64) token = RandomHex(32);
  TemplateValue ctx = BaseContext(c, "login_title");
  ctx["login_csrf"] = token;
  ctx["login"] = login;
  ctx["next"] = next;
  ctx["error"] = error_key.empty() ? "" : tr_.Get(c.lang, error_key);
  HttpResponse r = Page(c, status, "login", ctx);
  r.AddHeader("Set-Cookie", LoginCookieName(auth_) + "=" + token + auth_.CookieAttributes());
  return r;
}

HttpResponse WebApp::LoginPage(Context& c) {
  if (c.who) return HttpResponse::Redirect("/dashboard");
  return LoginForm(c, 200, "", "", c.req.Query("next"));
}

HttpResponse WebApp::LoginSubmit(Context& c) {
  const std::string cookie = c.req.Cookie(LoginCookieName(auth_));
  if (cookie.empty() || !ConstantTimeEquals(cookie, c.req.Form("csrf"))) {
    return ErrorPage(c, 403, "error_csrf");
  }
  const std::string login = c.req.Form("login");
  const std::string next = c.req.Form("next");
  auto result = auth_.Login(*c.conn->users, login, c.req.Form("password"), c.req.remote);
  if (!result.ok()) return FromStatus(c, result.status());
  switch (result->outcome) {
    case Auth::Outcome::kOk: {
      HttpResponse r = HttpResponse::Redirect(SafeNext(next));
      r.AddHeader("Set-Cookie", auth_.SessionCookie(result->token));
      r.AddHeader("Set-Cookie", LoginCookieName(auth_) + "=; Max-Age=0" + auth_.CookieAttributes());
      return r;
    }
    case Auth::Outcome::kLockedOut: {
      HttpResponse r = LoginForm(c, 429, "login_locked", login, next);
      const int64_t wait = result->locked_until.unix_seconds() - clock_.Now().unix_seconds();
      r.SetHeader("Retry-After", std::to_string(std::max<int64_t>(1, wait)));
      return r;
    }
    case Auth::Outcome::kBadCredentials:
      break;
  }
  return LoginForm(c, 401, "login_failed", login, next);
}

HttpResponse WebApp::Logout(Context& c) {
  Status s = auth_.Logout(*c.conn->users, *c.who, c.req.remote);
  if (!s.ok()) return FromStatus(c, s);
  HttpResponse r = HttpResponse::Redirect("/login");
  r.AddHeader("Set-Cookie", auth_.ClearSessionCookie());
  return r;
}

HttpResponse WebApp::LogoutEverywhere(Context& c) {
  auto n = auth_.LogoutEverywhere(*c.conn->users, *c.who, c.req.remote);
  if (!n.ok()) return FromStatus(c, n.status());
  HttpResponse r = HttpResponse::Redirect("/login");
  r.AddHeader("Set-Cookie", auth_.ClearSessionCookie());
  return r;
}

HttpResponse WebApp::CaseList(Context& c) {
  TemplateValue ctx = BaseContext(c, "cases_title");
  auto filter = FilterFrom(c.req, options_.page_size);
  TemplateValue tracks = TemplateValue::List();
  for (int i = 0; i < kTrackCount; ++i) {
    const std::string name(TrackName(static_cast<Track>(i)));
    TemplateValue o;
    o["value"] = name;
    o["label"] = tr_.Get(c.lang, "track." + name);
    o["selected"] = c.req.Query("track") == name;
    tracks.Push(std::move(o));
  }
  TemplateValue states = TemplateValue::List();
  for (int i = 0; i < kCaseStateCount; ++i) {
    const std::string name(CaseStateName(static_cast<CaseState>(i)));
    TemplateValue o;
    o["value"] = name;
    o["label"] = tr_.Get(c.lang, "state." + name);
    o["selected"] = c.req.Query("state") == name;
    states.Push(std::move(o));
  }
  ctx["tracks"] = std::move(tracks);
  ctx["states"] = std::move(states);
  ctx["due_before"] = c.req.Query("due_before");
  ctx["plate"] = c.req.Query("plate");
  ctx["name"] = c.req.Query("name");
  ctx["cases"] = TemplateValue::List();
  ctx["has_next"] = false;
  ctx["next_url"] = "";
  ctx["error"] = "";
  if (!filter.ok()) {
    ctx["error"] = tr_.Get(c.lang, "cases_bad_filter") + " (" + filter.status().message() + ")";
    return Page(c, 400, "cases", ctx);
  }
  if (!filter->plate.empty() || !filter->name.empty()) {
    // A search for a person or a vehicle is a view of their data.
    Status a = AuditView(c, "search_cases", "cases",
                         (filter->plate.empty() ? "" : "plate=" + filter->plate + ";") +
                             (filter->name.empty() ? "" : "name=" + filter->name));
    if (!a.ok()) return FromStatus(c, a);
  }
  auto page = c.conn->cases->ListCases(*filter);
  if (!page.ok()) {
    if (page.status().code() == StatusCode::kInvalidArgument) {
      ctx["error"] = tr_.Get(c.lang, "cases_bad_filter");
      return Page(c, 400, "cases", ctx);
    }
    return FromStatus(c, page.status());
  }
  TemplateValue rows = TemplateValue::List();
  for (const CaseSummary& s : page->cases) {
    TemplateValue row;
    row["id"] = s.id.value;
    row["number"] = CaseNumber(s.track, s.year_opened, s.id);
    row["track_label"] = tr_.Get(c.lang, "track." + std::string(TrackName(s.track)));
    row["state_label"] = tr_.Get(c.lang, "state." + std::string(CaseStateName(s.state)));
    row["facts_day"] = s.facts_day.ToDutchString();
    row["plate"] = s.plate;
    row["name"] = s.name;
    row["due_on"] = OptDay(s.due_on);
    row["amount"] = s.amount ? s.amount->ToDutchString() : "";
    row["recidivism"] = (s.flags & kFlagRecidivism) != 0;
    row["low_confidence"] = (s.flags & kFlagLowConfidence) != 0;
    row["warning"] = s.warning;
    rows.Push(std::move(row));
  }
  ctx["cases"] = std::move(rows);
  if (!page->next.empty()) {
    std::string q = FilterQuery(c.req);
    ctx["has_next"] = true;
    ctx["next_url"] = "/cases?" + q + (q.empty() ? "" : "&") + "after=" + UrlEncode(page->next);
  }
  return Page(c, 200, "cases", ctx);
}

HttpResponse WebApp::CasePage(Context& c) {
  const std::string id_text = c.req.Param("id");
  if (!AllDigits(id_text)) return ErrorPage(c, 404, "error_not_found");
  const CaseId id{std::stoll(id_text)};
  auto file = c.conn->cases->GetCaseFile(id);
  if (!file.ok()) return FromStatus(c, file.status());
  // Audited before anything is shown: no audit row, no page.
  Status a = AuditView(c, "view_case", "case:" + id_text, "page");
  if (!a.ok()) return FromStatus(c, a);
  const Case& k = file->c;
  LocalTime zone = LocalTime::Brussels();
  TemplateValue ctx = BaseContext(c, "case_title");
  ctx["id"] = k.id.value;
  ctx["number"] = CaseNumber(k.track, k.created_at.UtcDate().year(), k.id);
  ctx["track_label"] = tr_.Get(c.lang, "track." + std::string(TrackName(k.track)));
  ctx["state_label"] = tr_.Get(c.lang, "state." + std::string(CaseStateName(k.state)));
  ctx["state"] = std::string(CaseStateName(k.state));
  TemplateValue facts = TemplateValue::List();
  auto fact = [&](const char* key, const std::string& value) {
    if (value.empty()) return;
    TemplateValue f;
    f["label"] = tr_.Get(c.lang, key);
    f["value"] = value;
    facts.Push(std::move(f));
  };
  fact("fact_facts_at", LocalStamp(zone, k.facts_at));
  fact("fact_zone", k.zone_id);
  std::string place = k.place.street;
  if (!k.place.house_number.empty()) place += " " + k.place.house_number;
  if (!k.place.postal_code.empty() || !k.place.city.empty()) {
    place += ", " + k.place.postal_code + " " + k.place.city;
  }
  fact("fact_place", place);
  fact("fact_place_description", k.place_description);
  fact("fact_description", k.description);
  fact("fact_offence", k.offence_code);
  fact("fact_article", k.article);
  fact("fact_category", k.category ? std::string(TrafficCategoryName(*k.category)) : "");
  fact("fact_amount", k.amount ? k.amount->ToDutchString() : "");
  fact("fact_plate",
       k.plate.empty() ? "" : k.plate + (k.country.empty() ? "" : " (" + k.country + ")"));
  fact("fact_source", k.source_ref);
  fact("fact_finding_officer", k.finding_officer);
  ctx["facts"] = std::move(facts);
  ctx["state_deadline"] = OptDay(k.state_deadline);
  ctx["limit_day"] = OptDay(k.limit_day);
  ctx["recidivism"] = (k.flags & kFlagRecidivism) != 0;
  ctx["low_confidence"] = (k.flags & kFlagLowConfidence) != 0;
  ctx["no_photo"] = (k.flags & kFlagNoPhoto) != 0;
  ctx["warning"] = k.warning;
  ctx["minor"] = k.minor;
  TemplateValue parties = TemplateValue::List();
  for (const Party& p : file->parties) {
    TemplateValue row;
    row["role_label"] = tr_.Get(c.lang, "party." + std::string(PartyRoleName(p.role)));
    row["name"] = p.name;
    row["addressee"] = p.addressee;
    row["birth_date"] = OptDay(p.birth_date);
    row["company_number"] = p.company_number;
    std::string addr = p.address.street;
    if (!p.address.house_number.empty()) addr += " " + p.address.house_number;
    if (!p.address.postal_code.empty() || !p.address.city.empty()) {
      addr += ", " + p.address.postal_code + " " + p.address.city;
    }
    row["address"] = addr;
    row["language"] = p.language;
    parties.Push(std::move(row));
  }
  ctx["parties"] = std::move(parties);
  TemplateValue evidence = TemplateValue::List();
  for (const Evidence& e : file->evidence) {
    TemplateValue row;
    row["kind"] = e.kind;
    row["ref"] = e.ref;
    row["camera"] = e.camera_id;
    row["observed_at"] = e.observed_at ? LocalStamp(zone, *e.observed_at) : "";
    row["confidence"] = e.confidence;
    evidence.Push(std::move(row));
  }
  ctx["evidence"] = std::move(evidence);
  TemplateValue events = TemplateValue::List();
  for (const CaseEvent& e : file->events) {
    TemplateValue row;
    row["at"] = LocalStamp(zone, e.at);
    row["actor_name"] = e.actor_name;
    row["actor"] = e.actor;
    row["role_label"] = tr_.Get(c.lang, "role." + std::string(RoleName(e.role)));
    row["action"] = ActionLabel(c.lang, e.action);
    row["action_name"] = e.action;
    row["to_label"] =
        e.to ? tr_.Get(c.lang, "state." + std::string(CaseStateName(*e.to))) : std::string();
    row["reason"] = e.reason;
    row["detail"] = e.detail;
    events.Push(std::move(row));
  }
  ctx["events"] = std::move(events);
  CaseActionsInto(c, *file, ctx);  // the action forms (app_review.cpp)
  // Letters and payments (app_billing.cpp).
  if (Status b = AddBillingToCase(c, id, ctx); !b.ok()) return FromStatus(c, b);
  return Page(c, 200, "case", ctx);
}

HttpResponse WebApp::AuditPage(Context& c) {
  AuditFilter f;
  f.user_login = c.req.Query("user");
  f.action = c.req.Query("action");
  f.object = c.req.Query("object");
  f.limit = 100;
  if (std::string b = c.req.Query("before"); AllDigits(b)) f.before_id = std::stoll(b);
  auto entries = c.conn->users->SearchAudit(f);
  if (!entries.ok()) return FromStatus(c, entries.status());
  TemplateValue ctx = BaseContext(c, "audit_title");
  ctx["filter_user"] = f.user_login;
  ctx["filter_action"] = f.action;
  ctx["filter_object"] = f.object;
  TemplateValue rows = TemplateValue::List();
  for (const AuditEntry& e : *entries) {
    TemplateValue row;
    row["at"] = e.at.ToUtcString();
    row["user"] = e.user_login;
    row["remote"] = e.remote;
    row["action"] = e.action;
    row["object"] = e.object;
    row["detail"] = e.detail;
    rows.Push(std::move(row));
  }
  ctx["entries"] = std::move(rows);
  ctx["has_next"] = static_cast<int>(entries->size()) == f.limit;
  std::string next = "/audit?";
  for (const char* name : {"user", "action", "object"}) {
    if (!c.req.Query(name).empty())
      next += std::string(name) + "=" + UrlEncode(c.req.Query(name)) + "&";
  }
  ctx["next_url"] =
      next + "before=" + (entries->empty() ? "0" : std::to_string(entries->back().id));
  return Page(c, 200, "audit", ctx);
}

// --- The JSON API. -----------------------------------------------------------------------------

HttpResponse WebApp::OpenApi(Context& /*c*/) { return HttpResponse::Json(200, openapi_); }

HttpResponse WebApp::ApiMe(Context& c) {
  const User& u = c.who->user;
  return HttpResponse::Json(200, json{{"login", u.login},
                                      {"name", u.name},
                                      {"role", std::string(RoleName(u.role))},
                                      {"csrf_token", c.who->session.csrf_token}}
                                     .dump());
}

HttpResponse WebApp::ApiCases(Context& c) {
  auto filter = FilterFrom(c.req, options_.page_size);
  if (!filter.ok()) return ApiError(400, filter.status().message());
  if (!filter->plate.empty() || !filter->name.empty()) {
    Status a = AuditView(c, "search_cases", "cases",
                         (filter->plate.empty() ? "" : "plate=" + filter->plate + ";") +
                             (filter->name.empty() ? "" : "name=" + filter->name));
    if (!a.ok()) return FromStatus(c, a);
  }
  auto page = c.conn->cases->ListCases(*filter);
  if (!page.ok()) return FromStatus(c, page.status());
  // Written straight to text (json_writer.h): this is the API's busiest answer.
  JsonWriter w;
  w.BeginObject().Key("cases").BeginArray();
  for (const CaseSummary& s : page->cases) {
    w.BeginObject()
        .Key("id")
        .Int(s.id.value)
        .Key("number")
        .String(CaseNumber(s.track, s.year_opened, s.id))
        .Key("track")
        .String(TrackName(s.track))
        .Key("state")
        .String(CaseStateName(s.state))
        .Key("facts_day")
        .String(s.facts_day.ToIsoString())
        .Key("plate")
        .String(s.plate)
        .Key("name")
        .String(s.name)
        .Key("due_on");
    if (s.due_on) {
      w.String(s.due_on->ToIsoString());
    } else {
      w.Null();
    }
    w.Key("amount");
    if (s.amount) {
      w.String(s.amount->ToDecimalString());
    } else {
      w.Null();
    }
    w.Key("flags").Int(s.flags).Key("warning").Bool(s.warning).EndObject();
  }
  w.EndArray().Key("next");
  if (page->next.empty()) {
    w.Null();
  } else {
    w.String(page->next);
  }
  w.EndObject();
  return HttpResponse::Json(200, w.Take());
}

HttpResponse WebApp::ApiCase(Context& c) {
  const std::string id_text = c.req.Param("id");
  if (!AllDigits(id_text)) return ApiError(404, "no such case");
  auto file = c.conn->cases->GetCaseFile(CaseId{std::stoll(id_text)});
  if (!file.ok()) return FromStatus(c, file.status());
  Status a = AuditView(c, "view_case", "case:" + id_text, "api");
  if (!a.ok()) return FromStatus(c, a);
  const Case& k = file->c;
  json parties = json::array();
  for (const Party& p : file->parties) {
    parties.push_back({{"role", std::string(PartyRoleName(p.role))},
                       {"company", p.company},
                       {"name", p.name},
                       {"birth_date", JsonDay(p.birth_date)},
                       {"company_number", p.company_number},
                       {"street", p.address.street},
                       {"house_number", p.address.house_number},
                       {"postal_code", p.address.postal_code},
                       {"city", p.address.city},
                       {"language", p.language},
                       {"addressee", p.addressee}});
  }
  json evidence = json::array();
  for (const Evidence& e : file->evidence) {
    evidence.push_back(
        {{"kind", e.kind},
         {"ref", e.ref},
         {"camera_id", e.camera_id},
         {"detection_id", e.detection_id},
         {"observed_at", e.observed_at ? json(e.observed_at->ToRfc3339()) : json(nullptr)},
         {"confidence", e.confidence}});
  }
  json events = json::array();
  for (const CaseEvent& e : file->events) {
    events.push_back({{"at", e.at.ToRfc3339()},
                      {"actor", e.actor},
                      {"actor_name", e.actor_name},
                      {"role", std::string(RoleName(e.role))},
                      {"action", e.action},
                      {"from", e.from ? json(std::string(CaseStateName(*e.from))) : json(nullptr)},
                      {"to", e.to ? json(std::string(CaseStateName(*e.to))) : json(nullptr)},
                      {"reason", e.reason},
                      {"detail", e.detail}});
  }
  json out{
      {"id", k.id.value},
      {"number", CaseNumber(k.track, k.created_at.UtcDate().year(), k.id)},
      {"track", std::string(TrackName(k.track))},
      {"state", std::string(CaseStateName(k.state))},
      {"warning", k.warning},
      {"flags", k.flags},
      {"minor", k.minor},
      {"facts_at", k.facts_at.ToRfc3339()},
      {"facts_day", k.facts_day.ToIsoString()},
      {"zone_id", k.zone_id},
      {"place",
       {{"street", k.place.street},
        {"house_number", k.place.house_number},
        {"postal_code", k.place.postal_code},
        {"city", k.place.city},
        {"description", k.place_description}}},
      {"description", k.description},
      {"offence_code", k.offence_code},
      {"article", k.article},
      {"category",
       k.category ? json(std::string(TrafficCategoryName(*k.category))) : json(nullptr)},
      {"amount", k.amount ? json(k.amount->ToDecimalString()) : json(nullptr)},
      {"plate", k.plate},
      {"country", k.country},
      {"source_ref", k.source_ref},
      {"state_deadline", JsonDay(k.state_deadline)},
      {"limit_day", JsonDay(k.limit_day)},
      {"parties", std::move(parties)},
      {"evidence", std::move(evidence)},
      {"events", std::move(events)},
  };
  return HttpResponse::Json(200, out.dump());
}

HttpResponse WebApp::ApiAudit(Context& c) {
  AuditFilter f;
  f.user_login = c.req.Query("user");
  f.action = c.req.Query("action");
  f.object = c.req.Query("object");
  if (std::string b = c.req.Query("before"); !b.empty()) {
    if (!AllDigits(b)) return ApiError(400, "before: must be an entry id");
    f.before_id = std::stoll(b);
  }
  for (const char* name : {"from", "until"}) {
    if (std::string v = c.req.Query(name); !v.empty()) {
      auto t = Instant::Parse(v);
      if (!t.ok()) return ApiError(400, std::string(name) + ": must be an RFC 3339 instant");
      (std::string_view(name) == "from" ? f.from : f.until) = *t;
    }
  }
  auto entries = c.conn->users->SearchAudit(f);
  if (!entries.ok()) return FromStatus(c, entries.status());
  json out = json::array();
  for (const AuditEntry& e : *entries) {
    out.push_back({{"id", e.id},
                   {"at", e.at.ToUtcString()},
                   {"user", e.user_login},
                   {"remote", e.remote},
                   {"action", e.action},
                   {"object", e.object},
                   {"detail", e.detail}});
  }
  return HttpResponse::Json(200, json{{"entries", std::move(out)}}.dump());
}

// --- Static files. -----------------------------------------------------------------------------

HttpResponse WebApp::Static(Context& c) {
  const std::string rel = c.req.Param("path");
  auto not_found = [] { return HttpResponse::Text(404, "404 Not Found\n"); };
  if (options_.static_dir.empty()) return not_found();
  // Only plain names below the folder: no "..", no hidden files, no backslashes or NULs.
  std::string_view rest = rel;
  while (!rest.empty()) {
    const size_t slash = rest.find('/');
    const std::string_view seg = rest.substr(0, slash);
    if (seg.empty() || seg.front() == '.' || seg.find('\\') != std::string_view::npos ||
        seg.find('\0') != std::string_view::npos) {
      return not_found();
    }
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
  }
  const std::filesystem::path path = std::filesystem::path(options_.static_dir) / rel;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return not_found();
  bool ok = false;
  std::string body = ReadWholeFile(path.string(), &ok);
  if (!ok) return not_found();
  HttpResponse r;
  r.status = 200;
  r.content_type = ContentTypeFor(path);
  r.body = std::move(body);
  // Shared assets hold no personal data: caches may keep them for an hour.
  r.SetHeader("Cache-Control", "public, max-age=3600");
  return r;
}

}  // namespace hh
