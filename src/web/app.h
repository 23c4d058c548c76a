// WebApp: the officers' web application as one HttpHandler (http.h): the route table with the
// roles that may use each route, sessions and CSRF (auth.h), the pages (templates/web/*.html,
// every string from templates/web/i18n.tsv) and the JSON API under /api/v1 (described by
// templates/web/openapi.json). It owns a pool of database connections, one per request in
// flight; Handle() is thread-safe, everything else is fixed at Create().
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "contract/report.h"
#include "core/status.h"
#include "store/database.h"
#include "store/sqlite_case_store.h"
#include "store/sqlite_user_store.h"
#include "web/auth.h"
#include "web/clock.h"
#include "web/http.h"
#include "web/i18n.h"
#include "web/template.h"

namespace hh {

struct WebAppOptions {
  std::string db_path;               // migrated at Create()
  std::string templates_dir;         // the pages, i18n.tsv and openapi.json
  std::string letter_templates_dir;  // templates/letters (nl/, fr/), for letter runs
  std::string static_dir;            // served under /static/; "" or a missing folder: 404
  AuthSettings auth;
  int page_size = 50;  // cases per page of the case list
};

// Which roles may use a route: a bit (1 << Role) per role; 0 for a public route (no session).
using RoleMask = uint32_t;
constexpr RoleMask RoleBit(Role r) { return RoleMask{1} << static_cast<int>(r); }

// One row of the route table, as the authorisation tests read it.
struct RouteAccess {
  std::string method;
  std::string pattern;
  RoleMask roles = 0;
  bool api = false;  // JSON answers (401 instead of a redirect to the login page)
};

class WebApp {
 public:
  // Loads templates, translations and the OpenAPI document, checks that every {{t.key}} of the
  // templates and every state, track and role has a text in both languages, opens and migrates
  // the database. InvalidArgument naming file and line for a template or table error;
  // Unavailable for a database or folder that cannot be used.
  static Result<std::unique_ptr<WebApp>> Create(WebAppOptions options, const Clock& clock);
  ~WebApp();

  HttpResponse Handle(HttpRequest& request);

  // The route table (method, pattern, roles), in the order routes are matched.
  static std::vector<RouteAccess> Routes();

  const Auth& auth() const { return auth_; }

  struct Connection;
  struct Context;

 private:
  WebApp(WebAppOptions options, const Clock& clock);

  std::unique_ptr<Connection> Acquire();
  void Release(std::unique_ptr<Connection> c);

  // Pages and API handlers (app.cpp).
  HttpResponse Root(Context& c);
  HttpResponse Health(Context& c);
  HttpResponse LoginPage(Context& c);
  HttpResponse LoginSubmit(Context& c);
  HttpResponse Logout(Context& c);
  HttpResponse LogoutEverywhere(Context& c);
  HttpResponse Dashboard(Context& c);
  HttpResponse CaseList(Context& c);
  HttpResponse CasePage(Context& c);
  HttpResponse AuditPage(Context& c);
  HttpResponse ApiMe(Context& c);
  HttpResponse ApiCases(Context& c);
  HttpResponse ApiCase(Context& c);
  HttpResponse ApiAudit(Context& c);
  HttpResponse OpenApi(Context& c);
  HttpResponse Static(Context& c);

  // The review queue and acting on cases (app_review.cpp).

  // Letters and payments (app_billing.cpp).

  // The dashboard figures, settings and users (app_admin.cpp).

  // The contract (app_contract.cpp).
  HttpResponse ContractPage(Context& c);
  HttpResponse ContractReportPage(Context& c);
  HttpResponse ContractReportPdf(Context& c);
  HttpResponse ContractBind(Context& c);
  HttpResponse ContractResolve(Context& c);
  HttpResponse ContractEvidenceUpload(Context& c);
  HttpResponse ContractEvidenceFile(Context& c);
  HttpResponse ApiContractReport(Context& c);
  HttpResponse ApiContractBind(Context& c);
  // The year's report of the stored contract (?year= or the form's year; else this year within
  // the contract's period), with the GAS measures live.
  Result<ContractReport> ContractReportFor(Context& c, int* year_out);
  TemplateValue ContractContext(Context& c, const ContractReport& r,
                                const std::vector<MeasureInfo>& measures);

  // Helpers.
  HttpResponse Page(Context& c, int status, const std::string& name, const TemplateValue& ctx);
  HttpResponse ErrorPage(Context& c, int status, const std::string& message_key);
  HttpResponse ApiError(int status, const std::string& message);
  HttpResponse FromStatus(Context& c, const Status& s);
  TemplateValue BaseContext(Context& c, const std::string& title_key);
  HttpResponse LoginForm(Context& c, int status, const std::string& error_key,
                         const std::string& login, const std::string& next);
  Status AuditView(Context& c, const std::string& action, const std::string& object,
                   const std::string& detail);

  using Handler = HttpResponse (WebApp::*)(Context&);
  struct Route {
    RouteAccess access;
    Handler handler;
  };
  static const std::vector<Route>& RouteTable();

  WebAppOptions options_;
  const Clock& clock_;
  Auth auth_;
  TemplateSet templates_;
  Translations tr_;
  std::string openapi_;
  Router router_;

  std::mutex pool_mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

// The HTTP status for a Status code (the one mapping; CONTRIBUTING.md error policy).
int HttpStatusFor(StatusCode code);

}  // namespace hh
