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

#include "billing/letter_run.h"
#include "billing/reconcile.h"
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
  HttpResponse ReviewPage(Context& c);
  HttpResponse ReviewAcceptSubmit(Context& c);
  HttpResponse ReviewCorrectSubmit(Context& c);
  HttpResponse ReviewRejectSubmit(Context& c);
  HttpResponse CaseActSubmit(Context& c);
  HttpResponse ApiReviewNext(Context& c);
  HttpResponse ApiReviewAct(Context& c);
  HttpResponse ApiCaseAct(Context& c);
  // The action forms of a case page (the actions the user's role may take now) and its message
  // after an act (?done=, ?error=), into `ctx` as CasePage builds it.
  void CaseActionsInto(Context& c, const CaseFile& file, TemplateValue& ctx);
  // The timeline label of an event action ("action.<name>"), or the name itself when it has none.
  std::string ActionLabel(Lang lang, const std::string& action) const;
  // InvalidArgument naming the key when a transition's action, an event action the program
  // writes, a review reason or a message of this part has no text (checked at Create()).
  static Status CheckReviewTexts(const Translations& tr, const std::string& dir);

  // Letters and payments (app_billing.cpp). The case page's letters, payment requests and payments
  // (ctx["billing"]); the case page is audited already.
  Status AddBillingToCase(Context& c, CaseId id, TemplateValue& ctx);
  HttpResponse LettersPage(Context& c);
  HttpResponse LettersRunSubmit(Context& c);
  HttpResponse LetterPdfPage(Context& c);
  HttpResponse LetterRunZip(Context& c);
  HttpResponse LetterRunPrint(Context& c);
  HttpResponse PaymentsPage(Context& c);
  HttpResponse PaymentsUpload(Context& c);
  HttpResponse PaymentAssignSubmit(Context& c);
  HttpResponse RefundCloseSubmit(Context& c);
  HttpResponse ApiLetterPdf(Context& c);
  HttpResponse ApiLettersRun(Context& c);
  HttpResponse ApiStatements(Context& c);
  HttpResponse ApiUnmatched(Context& c);
  HttpResponse ApiAssignPayment(Context& c);
  HttpResponse ApiCloseRefund(Context& c);
  HttpResponse LettersView(Context& c, int status, const std::string& message_key,
                           const std::string& detail);
  // With an error (message_key and its detail), or a notice key as `detail` without one.
  HttpResponse PaymentsView(Context& c, int status, const ReconcileReport* report,
                            const std::string& message_key, const std::string& detail);
  Result<GasSettings> BillingSettings(Context& c);
  std::string LetterTemplatesDir(const GasSettings& s) const;
  // Each audited; the actor is the logged-in user.
  Result<LetterRunReport> RunLettersAs(Context& c, const std::string& posted_text);
  Result<ReconcileReport> ImportStatement(Context& c, const std::string& bytes,
                                          const std::string& file_name);
  Result<PaymentOutcome> AssignByHand(Context& c, int64_t payment_id, const std::string& case_text,
                                      const std::string& ogm_text);
  Status CloseRefundAs(Context& c, int64_t refund_id);
  Result<std::string> LetterPdfAudited(Context& c, int64_t letter_id, const std::string& via);

  // The dashboard figures, settings and users (app_admin.cpp).
  HttpResponse Dashboard(Context& c);
  HttpResponse ApiStatsDashboard(Context& c);
  HttpResponse SettingsPage(Context& c);
  HttpResponse SettingsSet(Context& c);
  HttpResponse SettingsPermits(Context& c);
  HttpResponse SettingsCameraWarning(Context& c);
  HttpResponse UsersPage(Context& c);
  HttpResponse UsersAdd(Context& c);
  HttpResponse UsersRole(Context& c);
  HttpResponse UsersDeactivate(Context& c);
  HttpResponse UsersPassword(Context& c);
  // The settings and users pages with a message (`error`: refused, else done) and a status.
  HttpResponse SettingsView(Context& c, int status, const std::string& message, bool error);
  HttpResponse UsersView(Context& c, int status, const std::string& message, bool error);

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
  HttpResponse ContractAmendPage(Context& c);
  HttpResponse ContractAmend(Context& c);
  HttpResponse ApiContractAmendments(Context& c);
  HttpResponse ApiContractAmend(Context& c);
  // The year's report of the stored contract (?year= or the form's year; else this year within
  // the contract's period), with the GAS measures live.
  Result<ContractReport> ContractReportFor(Context& c, int* year_out);
  HttpResponse ContractAmendForm(Context& c, const std::string& path, const std::string& sent,
                                 const std::string& error);
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
  Status BindAudited(Context& c, const std::string& key, const std::string& measure);
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
