// Letters and payments (issue 5, screens "Letters" and "Payments"): the letters due and the
// letter runs, a run signed by the logged-in sanctioning officer, a stored letter's PDF and a
// run's letters as a zip; the statement upload and its reconciliation, the unmatched queue with
// suggestions and the manual assignment, the open refunds; the billing part of the case page;
// the same operations under /api/v1. Thin: the work is billing/ (RunLetters, ImportPayments,
// AssignPayment, SuggestCases) and the payment store; every view of a person's data and every
// change is audited.
#include <fmt/core.h>
#include <zip.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "bank/statement_file.h"
#include "billing/digest.h"
#include "billing/letter_run.h"
#include "billing/reconcile.h"
#include "payref/structured_reference.h"
#include "store/gas_settings_store.h"
#include "web/app_internal.h"

namespace hh {

using namespace webapp;  // NOLINT(google-build-using-namespace): this file is its part

namespace {

using json = nlohmann::json;

// How many runs, queued letters and unmatched payments a screen shows.
constexpr int kRunsShown = 20;
constexpr int kUnmatchedShown = 100;
constexpr int kSuggestions = 5;

std::string PrintedOgm(std::string_view digits) {
  auto r = StructuredReference::FromDigits(digits);
  return r.ok() ? r->Printed() : std::string(digits);
}

// The id of path parameter `name`, or nullopt when it is not a number.
std::optional<int64_t> IdParam(const HttpRequest& req, std::string_view name) {
  const std::string v = req.Param(name);
  if (!AllDigits(v)) return std::nullopt;
  return std::stoll(v);
}

// The files as one zip archive, stored without compression (PDFs are compressed already), so
// each file's bytes are in the archive exactly as they were stored.
Result<std::string> ZipOf(const std::vector<std::pair<std::string, std::string>>& files) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (src == nullptr) return Internal("zip: cannot make a buffer");
  zip_source_keep(src);
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  auto fail = [&](const char* what) {
    if (za != nullptr) zip_discard(za);
    zip_source_free(src);
    zip_error_fini(&err);
    return Internal(std::string("zip: ") + what);
  };
  if (za == nullptr) return fail("cannot open the archive");
  for (const auto& [name, bytes] : files) {
    zip_source_t* s = zip_source_buffer(za, bytes.data(), bytes.size(), 0);
    if (s == nullptr) return fail("cannot add a file");
    const zip_int64_t at = zip_file_add(za, name.c_str(), s, ZIP_FL_ENC_UTF_8);
    if (at < 0) {
      zip_source_free(s);
      return fail("cannot add a file");
    }
    zip_set_file_compression(za, static_cast<zip_uint64_t>(at), ZIP_CM_STORE, 0);
  }
  if (zip_close(za) != 0) return fail("cannot write the archive");
  za = nullptr;
  std::string out;
  if (zip_source_open(src) != 0) return fail("cannot read the archive");
  zip_source_seek(src, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(src);
  zip_source_seek(src, 0, SEEK_SET);
  out.resize(size > 0 ? static_cast<size_t>(size) : 0);
  const zip_int64_t got = zip_source_read(src, out.data(), out.size());
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&err);
  if (got != size) return Internal("zip: short read");
  return out;
}

HttpResponse Binary(std::string content_type, std::string body, const std::string& file_name) {
  HttpResponse r;
  r.status = 200;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  r.SetHeader("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  return r;
}

json ReportJson(const ReconcileReport& r) {
  return json{{"statements", r.statements},
              {"credits", r.credits},
              {"debits", r.debits},
              {"exact", r.exact},
              {"partial", r.partial},
              {"overpaid", r.overpaid},
              {"duplicate", r.duplicate},
              {"after_close", r.after_close},
              {"unmatched", r.unmatched},
              {"matched", r.matched.ToDecimalString()},
              {"refunds", r.refunds.ToDecimalString()},
              {"warnings", r.warnings}};
}

}  // namespace

// --- Shared steps. -------------------------------------------------------------------------------

Result<GasSettings> WebApp::BillingSettings(Context& c) {
  return LoadGasSettings(*c.conn->settings);
}

std::string WebApp::LetterTemplatesDir(const GasSettings& s) const {
  return s.letter_templates_dir.empty() ? options_.letter_templates_dir : s.letter_templates_dir;
}

Result<LetterRunReport> WebApp::RunLettersAs(Context& c, const std::string& posted_text) {
  auto gas = BillingSettings(c);
  if (!gas.ok()) return gas.status();
  auto actor = ActorFor(*c.conn->cases, c.who->user.login);
  if (!actor.ok()) return actor.status();
  LetterRunOptions o;
  o.templates_dir = LetterTemplatesDir(*gas);
  o.posted = LocalTime::Brussels().LocalDay(clock_.Now());
  if (!posted_text.empty()) {
    auto d = LocalDate::Parse(posted_text);
    if (!d.ok()) return InvalidArgument("posted: must be a date YYYY-MM-DD");
    o.posted = *d;
  }
  // No out_dir: the letters (and their hashes) are in the store, which is what the screens serve.
  auto r = RunLetters(*c.conn->cases, *c.conn->payments, *gas, *actor, o, clock_.Now());
  if (!r.ok()) return r.status();
  Status a = AuditView(c, "letters_run",
                       r->run_id > 0 ? "letter_run:" + std::to_string(r->run_id) : "letter_run",
                       fmt::format("letters={};posted={}", r->letters, o.posted.ToIsoString()));
  if (!a.ok()) return a;
  return r;
}

Result<ReconcileReport> WebApp::ImportStatement(Context& c, const std::string& bytes,
                                                const std::string& file_name) {
  if (bytes.empty()) return InvalidArgument("statement: the file is empty");
  auto statements = ReadStatementBytes(bytes, file_name);
  if (!statements.ok()) return statements.status();
  auto gas = BillingSettings(c);
  if (!gas.ok()) return gas.status();
  auto actor = ActorFor(*c.conn->cases, c.who->user.login);
  if (!actor.ok()) return actor.status();
  StatementSource src{file_name, Sha256Hex(bytes), gas->city_iban};
  auto r = ImportPayments(*c.conn->cases, *c.conn->payments, *gas, *statements, src, *actor,
                          clock_.Now());
  if (!r.ok()) return r.status();
  Status a = AuditView(c, "import_statement", "statement:" + src.file_sha256.substr(0, 16),
                       fmt::format("file={};credits={};exact={};partial={};unmatched={}", file_name,
                                   r->credits, r->exact, r->partial, r->unmatched));
  if (!a.ok()) return a;
  return r;
}

Result<PaymentOutcome> WebApp::AssignByHand(Context& c, int64_t payment_id,
                                            const std::string& case_text,
                                            const std::string& ogm_text) {
  std::optional<CaseId> case_id;
  if (!case_text.empty()) {
    if (!AllDigits(case_text)) return InvalidArgument("case: must be a case id");
    case_id = CaseId{std::stoll(case_text)};
  } else if (!ogm_text.empty()) {
    std::string digits;
    for (char ch : ogm_text) {
      if (ch >= '0' && ch <= '9') digits += ch;
    }
    auto ogm = StructuredReference::FromDigits(digits);
    if (!ogm.ok()) return InvalidArgument("ogm: not a valid structured reference");
    auto req = c.conn->payments->RequestByOgm(ogm->digits());
    if (!req.ok()) return req.status();
    if (!*req) return NotFound("ogm: no payment request has this reference");
    case_id = (*req)->case_id;
  } else {
    return InvalidArgument("give a case id (case) or a structured reference (ogm)");
  }
  auto gas = BillingSettings(c);
  if (!gas.ok()) return gas.status();
  auto actor = ActorFor(*c.conn->cases, c.who->user.login);
  if (!actor.ok()) return actor.status();
  auto o = AssignPayment(*c.conn->cases, *c.conn->payments, *gas, payment_id, *case_id, *actor,
                         clock_.Now());
  if (!o.ok()) return o.status();
  Status a = AuditView(c, "assign_payment", "payment:" + std::to_string(payment_id),
                       fmt::format("case={};outcome={}", case_id->value, PaymentOutcomeName(*o)));
  if (!a.ok()) return a;
  return *o;
}

Status WebApp::CloseRefundAs(Context& c, int64_t refund_id) {
  const std::string login = c.who->user.login;
  Status s = c.conn->cases->Transact(
      [&] { return c.conn->payments->CloseRefund(refund_id, login, clock_.Now()); });
  if (!s.ok()) return s;
  return AuditView(c, "close_refund", "refund:" + std::to_string(refund_id), "");
}

Result<std::string> WebApp::LetterPdfAudited(Context& c, int64_t letter_id,
                                             const std::string& via) {
  auto letter = c.conn->payments->GetLetter(letter_id);
  if (!letter.ok()) return letter.status();
  if (!*letter) return NotFound("no such letter");
  auto pdf = c.conn->payments->LetterPdf(letter_id);
  if (!pdf.ok()) return pdf.status();
  // Audited before anything is sent: no audit row, no letter.
  Status a = AuditView(c, "view_letter", "letter:" + std::to_string(letter_id),
                       fmt::format("case={};{}", (*letter)->case_id.value, via));
  if (!a.ok()) return a;
  return std::move(*pdf);
}

// --- Pages. --------------------------------------------------------------------------------------

HttpResponse WebApp::LettersPage(Context& c) { return LettersView(c, 200, "", ""); }

HttpResponse WebApp::LettersView(Context& c, int status, const std::string& message_key,
                                 const std::string& detail) {
  TemplateValue ctx = BaseContext(c, "letters_title");
  ctx["can_run"] = c.who->user.role == Role::kSanctioningOfficer;
  ctx["today"] = LocalTime::Brussels().LocalDay(clock_.Now()).ToIsoString();
  ctx["error"] = message_key.empty() ? "" : tr_.Get(c.lang, message_key);
  ctx["error_detail"] = detail;
  ctx["done"] = "";
  if (std::string run = c.req.Query("run"); AllDigits(run)) {
    ctx["done"] = fmt::format("{} {}: {} {}", tr_.Get(c.lang, "letters_run_done"), run,
                              c.req.Query("letters"), tr_.Get(c.lang, "letters_count"));
  } else if (c.req.Query("run") == "none") {
    ctx["done"] = tr_.Get(c.lang, "letters_run_nothing");
  }
  auto counts = c.conn->users->CountCasesByState();
  if (!counts.ok()) return FromStatus(c, counts.status());
  TemplateValue due = TemplateValue::List();
  for (const StateCount& s : *counts) {
    if (s.state != CaseState::kInvitationDue && s.state != CaseState::kWarningDue &&
        s.state != CaseState::kReminderDue) {
      continue;
    }
    TemplateValue row;
    row["track"] = std::string(TrackName(s.track));
    row["state"] = std::string(CaseStateName(s.state));
    row["track_label"] = tr_.Get(c.lang, "track." + std::string(TrackName(s.track)));
    row["state_label"] = tr_.Get(c.lang, "state." + std::string(CaseStateName(s.state)));
    row["count"] = s.count;
    due.Push(std::move(row));
  }
  ctx["due"] = std::move(due);
  auto queued = c.conn->payments->QueuedLetters();
  if (!queued.ok()) return FromStatus(c, queued.status());
  std::vector<CaseId> ids;
  ids.reserve(queued->size());
  for (const QueuedLetter& q : *queued) ids.push_back(q.case_id);
  auto cases = c.conn->cases->GetCases(ids);
  if (!cases.ok()) return FromStatus(c, cases.status());
  TemplateValue rows = TemplateValue::List();
  for (const QueuedLetter& q : *queued) {
    TemplateValue row;
    row["kind"] = q.kind;
    row["case_id"] = q.case_id.value;
    row["case_number"] = std::to_string(q.case_id.value);
    for (const Case& k : *cases) {
      if (k.id == q.case_id) {
        row["case_number"] = CaseNumber(k.track, k.created_at.UtcDate().year(), k.id);
      }
    }
    row["posted_on"] = q.posted_on.ToDutchString();
    row["requested_by"] = q.requested_by;
    rows.Push(std::move(row));
  }
  ctx["queued"] = std::move(rows);
  auto runs = c.conn->payments->RecentLetterRuns(kRunsShown);
  if (!runs.ok()) return FromStatus(c, runs.status());
  LocalTime zone = LocalTime::Brussels();
  TemplateValue run_rows = TemplateValue::List();
  for (const LetterRunRecord& r : *runs) {
    TemplateValue row;
    row["id"] = r.id;
    row["at"] = LocalStamp(zone, r.at);
    row["user"] = r.user_login;
    row["letters"] = r.letters;
    row["has_letters"] = r.letters > 0;
    row["print_sha256"] = r.print_sha256.substr(0, 16);
    run_rows.Push(std::move(row));
  }
  ctx["runs"] = std::move(run_rows);
  return Page(c, status, "letters", ctx);
}

HttpResponse WebApp::LettersRunSubmit(Context& c) {
  auto r = RunLettersAs(c, c.req.Form("posted"));
  if (!r.ok()) {
    if (r.status().code() == StatusCode::kInvalidArgument ||
        r.status().code() == StatusCode::kPermissionDenied ||
        r.status().code() == StatusCode::kFailedPrecondition) {
      return LettersView(c, HttpStatusFor(r.status().code()), "letters_run_failed",
                         r.status().message());
    }
    return FromStatus(c, r.status());
  }
  if (r->letters == 0) return HttpResponse::Redirect("/letters?run=none");
  return HttpResponse::Redirect(fmt::format("/letters?run={}&letters={}", r->run_id, r->letters));
}

HttpResponse WebApp::LetterPdfPage(Context& c) {
  auto id = IdParam(c.req, "id");
  if (!id) return ErrorPage(c, 404, "error_not_found");
  auto pdf = LetterPdfAudited(c, *id, "page");
  if (!pdf.ok()) return FromStatus(c, pdf.status());
  return Binary("application/pdf", std::move(*pdf), fmt::format("brief-{}.pdf", *id));
}

// The run's combined print file: every letter in the run's order, for the printer.
HttpResponse WebApp::LetterRunPrint(Context& c) {
  auto id = IdParam(c.req, "id");
  if (!id) return ErrorPage(c, 404, "error_not_found");
  auto print = c.conn->payments->LetterRunPrintFile(*id);
  if (!print.ok()) return FromStatus(c, print.status());
  auto letters = c.conn->payments->LettersOfRun(*id);
  if (!letters.ok()) return FromStatus(c, letters.status());
  Status a = AuditView(c, "view_letter_run_print", "letter_run:" + std::to_string(*id),
                       fmt::format("letters={}", letters->size()));
  if (!a.ok()) return FromStatus(c, a);
  return Binary("application/pdf", std::move(*print), fmt::format("afdruk-run-{}.pdf", *id));
}

HttpResponse WebApp::LetterRunZip(Context& c) {
  auto id = IdParam(c.req, "id");
  if (!id) return ErrorPage(c, 404, "error_not_found");
  auto letters = c.conn->payments->LettersOfRun(*id);
  if (!letters.ok()) return FromStatus(c, letters.status());
  if (letters->empty()) return ErrorPage(c, 404, "error_not_found");
  Status a = AuditView(c, "view_letter_run", "letter_run:" + std::to_string(*id),
                       fmt::format("letters={}", letters->size()));
  if (!a.ok()) return FromStatus(c, a);
  std::vector<std::pair<std::string, std::string>> files;
  std::string manifest = "letter;case;kind;language;posted_on;amount;sha256;pages\n";
  for (const LetterRecord& l : *letters) {
    auto pdf = c.conn->payments->LetterPdf(l.id);
    if (!pdf.ok()) return FromStatus(c, pdf.status());
    files.emplace_back(fmt::format("{:05d}_{}_{}.pdf", l.id, l.case_id.value, l.kind),
                       std::move(*pdf));
    manifest += fmt::format("{};{};{};{};{};{};{};{}\n", l.id, l.case_id.value, l.kind, l.language,
                            l.posted_on.ToIsoString(), l.amount ? l.amount->ToDecimalString() : "",
                            l.sha256, l.pages);
  }
  files.emplace_back("manifest.csv", std::move(manifest));
  // The combined print file, as the CLI's run folder has it (runs before migration 0008 have
  // none).
  auto print = c.conn->payments->LetterRunPrintFile(*id);
  if (print.ok()) {
    files.emplace_back("print.pdf", std::move(*print));
  } else if (print.status().code() != StatusCode::kNotFound) {
    return FromStatus(c, print.status());
  }
  auto zip = ZipOf(files);
  if (!zip.ok()) return FromStatus(c, zip.status());
  return Binary("application/zip", std::move(*zip), fmt::format("brievenrun-{}.zip", *id));
}

HttpResponse WebApp::PaymentsView(Context& c, int status, const ReconcileReport* report,
                                  const std::string& message_key, const std::string& detail) {
  TemplateValue ctx = BaseContext(c, "payments_title");
  ctx["is_finance"] = c.who->user.role == Role::kFinance;
  // An error key with its detail, or (no error) a notice key in `detail`.
  ctx["error"] = message_key.empty() ? "" : tr_.Get(c.lang, message_key);
  ctx["error_detail"] = message_key.empty() ? "" : detail;
  ctx["notice"] = message_key.empty() && !detail.empty() ? tr_.Get(c.lang, detail) : "";
  ctx["has_report"] = report != nullptr;
  if (report != nullptr) {
    TemplateValue r;
    r["statements"] = report->statements;
    r["credits"] = report->credits;
    r["exact"] = report->exact;
    r["partial"] = report->partial;
    r["refunds_count"] = report->overpaid + report->duplicate + report->after_close;
    r["unmatched"] = report->unmatched;
    r["matched"] = report->matched.ToDutchString();
    r["refunds"] = report->refunds.ToDutchString();
    TemplateValue warnings = TemplateValue::List();
    for (const std::string& w : report->warnings) warnings.Push(w);
    r["warnings"] = std::move(warnings);
    ctx["report"] = std::move(r);
  }
  // The queue names payers: a view of their data.
  Status a = AuditView(c, "view_payments", "payments", "page");
  if (!a.ok()) return FromStatus(c, a);
  auto queue = c.conn->payments->UnmatchedPayments(kUnmatchedShown);
  if (!queue.ok()) return FromStatus(c, queue.status());
  TemplateValue rows = TemplateValue::List();
  for (const PaymentRecord& p : *queue) {
    TemplateValue row;
    row["id"] = p.id;
    row["booking_date"] = p.booking_date.ToDutchString();
    row["amount"] = p.amount.ToDutchString();
    row["name"] = p.counterparty_name;
    row["account"] = p.counterparty_account;
    row["communication"] = p.communication;
    row["ogm"] = p.ogm.empty() ? "" : PrintedOgm(p.ogm);
    auto sug = SuggestCases(*c.conn->cases, *c.conn->payments, p, kSuggestions);
    if (!sug.ok()) return FromStatus(c, sug.status());
    TemplateValue suggestions = TemplateValue::List();
    for (const Suggestion& g : *sug) {
      TemplateValue s;
      s["case_id"] = g.case_id.value;
      s["case_number"] = g.case_number;
      s["why"] = g.why;
      s["balance"] = g.balance.ToDutchString();
      s["payment_id"] = p.id;
      suggestions.Push(std::move(s));
    }
    row["suggestions"] = std::move(suggestions);
    rows.Push(std::move(row));
  }
  ctx["unmatched"] = std::move(rows);
  auto refunds = c.conn->payments->OpenRefunds();
  if (!refunds.ok()) return FromStatus(c, refunds.status());
  TemplateValue refund_rows = TemplateValue::List();
  for (const Refund& r : *refunds) {
    TemplateValue row;
    row["id"] = r.id;
    row["amount"] = r.amount.ToDutchString();
    row["case_id"] = r.case_id ? std::to_string(r.case_id->value) : "";
    row["payment_id"] = r.payment_id;
    row["reason"] = r.reason;
    row["created"] = r.created_at.UtcDate().ToDutchString();
    refund_rows.Push(std::move(row));
  }
  ctx["refunds"] = std::move(refund_rows);
  return Page(c, status, "payments", ctx);
}

HttpResponse WebApp::PaymentsPage(Context& c) {
  const std::string done = c.req.Query("done");
  return PaymentsView(c, 200, nullptr, "",
                      done == "assigned" ? "payments_assigned"
                      : done == "closed" ? "payments_refund_closed"
                                         : "");
}

HttpResponse WebApp::PaymentsUpload(Context& c) {
  auto file = c.req.File("statement");
  if (!file || file->data.empty()) return PaymentsView(c, 400, nullptr, "payments_no_file", "");
  const std::string name = file->filename.empty() ? "upload" : file->filename;
  auto r = ImportStatement(c, file->data, name);
  if (!r.ok()) {
    switch (r.status().code()) {
      case StatusCode::kAlreadyExists:
        return PaymentsView(c, 409, nullptr, "payments_seen_before", r.status().message());
      case StatusCode::kInvalidArgument:
        return PaymentsView(c, 400, nullptr, "payments_bad_file", r.status().message());
      default:
        return FromStatus(c, r.status());
    }
  }
  return PaymentsView(c, 200, &*r, "", "");
}

HttpResponse WebApp::PaymentAssignSubmit(Context& c) {
  auto id = IdParam(c.req, "id");
  if (!id) return ErrorPage(c, 404, "error_not_found");
  auto o = AssignByHand(c, *id, c.req.Form("case"), c.req.Form("ogm"));
  if (!o.ok()) {
    const StatusCode code = o.status().code();
    if (code == StatusCode::kInvalidArgument || code == StatusCode::kNotFound ||
        code == StatusCode::kFailedPrecondition) {
      return PaymentsView(c, HttpStatusFor(code), nullptr, "payments_assign_failed",
                          o.status().message());
    }
    return FromStatus(c, o.status());
  }
  return HttpResponse::Redirect("/payments?done=assigned");
}

HttpResponse WebApp::RefundCloseSubmit(Context& c) {
  auto id = IdParam(c.req, "id");
  if (!id) return ErrorPage(c, 404, "error_not_found");
  Status s = CloseRefundAs(c, *id);
  if (!s.ok()) return FromStatus(c, s);
  return HttpResponse::Redirect("/payments?done=closed");
}

// --- The case page's part.
// ------------------------------------------------------------------------

Status WebApp::AddBillingToCase(Context& c, CaseId id, TemplateValue& ctx) {
  const Role role = c.who->user.role;
  const bool may_download =
      role == Role::kAdministrator || role == Role::kSanctioningOfficer || role == Role::kFinance;
  auto requests = c.conn->payments->RequestsOfCase(id);
  if (!requests.ok()) return requests.status();
  auto letters = c.conn->payments->LettersOfCase(id);
  if (!letters.ok()) return letters.status();
  TemplateValue b;
  TemplateValue letter_rows = TemplateValue::List();
  for (const LetterRecord& l : *letters) {
    TemplateValue row;
    row["id"] = l.id;
    row["kind"] = l.kind;
    row["posted_on"] = l.posted_on.ToDutchString();
    row["ogm"] = "";
    if (l.request_id) {
      for (const PaymentRequest& r : *requests) {
        if (r.id == *l.request_id) row["ogm"] = PrintedOgm(r.ogm);
      }
    }
    row["amount"] = l.amount ? l.amount->ToDutchString() : "";
    row["sha256"] = l.sha256;
    row["registered"] = l.registered;
    row["registered_number"] = l.registered_number;
    row["may_download"] = may_download;
    letter_rows.Push(std::move(row));
  }
  b["letters"] = std::move(letter_rows);
  TemplateValue request_rows = TemplateValue::List();
  TemplateValue payment_rows = TemplateValue::List();
  for (const PaymentRequest& r : *requests) {
    TemplateValue row;
    row["ogm"] = PrintedOgm(r.ogm);
    row["amount"] = r.amount.ToDutchString();
    row["paid"] = r.paid.ToDutchString();
    row["due_on"] = OptDay(r.due_on);
    row["status"] = std::string(RequestStatusName(r.status));
    row["status_label"] = tr_.Get(c.lang, "request." + std::string(RequestStatusName(r.status)));
    request_rows.Push(std::move(row));
    auto payments = c.conn->payments->PaymentsOfRequest(r.id);
    if (!payments.ok()) return payments.status();
    for (const PaymentRecord& p : *payments) {
      TemplateValue pr;
      pr["booking_date"] = p.booking_date.ToDutchString();
      pr["amount"] = p.amount.ToDutchString();
      pr["ogm"] = PrintedOgm(r.ogm);
      pr["outcome"] = std::string(PaymentOutcomeName(p.outcome));
      pr["name"] = p.counterparty_name;
      pr["assigned_by"] = p.assigned_by;
      payment_rows.Push(std::move(pr));
    }
  }
  b["requests"] = std::move(request_rows);
  b["payments"] = std::move(payment_rows);
  ctx["billing"] = std::move(b);
  return Status::Ok();
}

// --- The JSON API.
// --------------------------------------------------------------------------------

HttpResponse WebApp::ApiLetterPdf(Context& c) {
  auto id = IdParam(c.req, "id");
  if (!id) return ApiError(404, "no such letter");
  auto pdf = LetterPdfAudited(c, *id, "api");
  if (!pdf.ok()) return FromStatus(c, pdf.status());
  return Binary("application/pdf", std::move(*pdf), fmt::format("brief-{}.pdf", *id));
}

HttpResponse WebApp::ApiLettersRun(Context& c) {
  std::string posted;
  if (!c.req.body.empty()) {
    json in = json::parse(c.req.body, nullptr, false);
    if (in.is_discarded() || !in.is_object()) return ApiError(400, "the body must be JSON");
    if (in.contains("posted")) {
      if (!in["posted"].is_string()) return ApiError(400, "posted: must be a date YYYY-MM-DD");
      posted = in["posted"].get<std::string>();
    }
  }
  auto r = RunLettersAs(c, posted);
  if (!r.ok()) return FromStatus(c, r.status());
  return HttpResponse::Json(200, json{{"run_id", r->run_id > 0 ? json(r->run_id) : json(nullptr)},
                                      {"letters", r->letters},
                                      {"pages", r->pages},
                                      {"invitations", r->invitations},
                                      {"warnings", r->warnings},
                                      {"reminders", r->reminders},
                                      {"driver_requests", r->driver_requests},
                                      {"queued", r->queued},
                                      {"requested", r->requested.ToDecimalString()},
                                      {"skipped", r->skipped}}
                                     .dump());
}

HttpResponse WebApp::ApiStatements(Context& c) {
  std::string name = c.req.Query("name");
  if (name.empty()) name = "upload";
  auto r = ImportStatement(c, c.req.body, name);
  if (!r.ok()) return FromStatus(c, r.status());
  return HttpResponse::Json(200, ReportJson(*r).dump());
}

HttpResponse WebApp::ApiUnmatched(Context& c) {
  Status a = AuditView(c, "view_payments", "payments", "api");
  if (!a.ok()) return FromStatus(c, a);
  auto queue = c.conn->payments->UnmatchedPayments(kUnmatchedShown);
  if (!queue.ok()) return FromStatus(c, queue.status());
  json out = json::array();
  for (const PaymentRecord& p : *queue) {
    auto sug = SuggestCases(*c.conn->cases, *c.conn->payments, p, kSuggestions);
    if (!sug.ok()) return FromStatus(c, sug.status());
    json suggestions = json::array();
    for (const Suggestion& g : *sug) {
      suggestions.push_back({{"case_id", g.case_id.value},
                             {"case_number", g.case_number},
                             {"why", g.why},
                             {"balance", g.balance.ToDecimalString()}});
    }
    out.push_back({{"id", p.id},
                   {"amount", p.amount.ToDecimalString()},
                   {"booking_date", p.booking_date.ToIsoString()},
                   {"ogm", p.ogm.empty() ? json(nullptr) : json(p.ogm)},
                   {"communication", p.communication},
                   {"counterparty_name", p.counterparty_name},
                   {"counterparty_account", p.counterparty_account},
                   {"suggestions", std::move(suggestions)}});
  }
  return HttpResponse::Json(200, json{{"payments", std::move(out)}}.dump());
}

HttpResponse WebApp::ApiAssignPayment(Context& c) {
  auto id = IdParam(c.req, "id");
  if (!id) return ApiError(404, "no such payment");
  json in = json::parse(c.req.body.empty() ? "{}" : c.req.body, nullptr, false);
  if (in.is_discarded() || !in.is_object()) return ApiError(400, "the body must be JSON");
  std::string case_text;
  std::string ogm_text;
  if (in.contains("case_id")) {
    if (!in["case_id"].is_number_integer()) return ApiError(400, "case_id: must be a case id");
    case_text = std::to_string(in["case_id"].get<int64_t>());
  }
  if (in.contains("ogm")) {
    if (!in["ogm"].is_string()) return ApiError(400, "ogm: must be a string");
    ogm_text = in["ogm"].get<std::string>();
  }
  auto o = AssignByHand(c, *id, case_text, ogm_text);
  if (!o.ok()) return FromStatus(c, o.status());
  return HttpResponse::Json(
      200, json{{"payment_id", *id}, {"outcome", std::string(PaymentOutcomeName(*o))}}.dump());
}

HttpResponse WebApp::ApiCloseRefund(Context& c) {
  auto id = IdParam(c.req, "id");
  if (!id) return ApiError(404, "no such refund");
  Status s = CloseRefundAs(c, *id);
  if (!s.ok()) return FromStatus(c, s);
  return HttpResponse::Json(200, json{{"refund_id", *id}, {"done", true}}.dump());
}

}  // namespace hh
