// The review queue (GET /review and its accept, correct and reject forms) and acting on a case
// from its page (POST /cases/{id}/act), with their JSON twins under /api/v1. Thin handlers: the
// law is in handling/review.h and cases/case_actions.h (through billing/letters_due.h, so that
// an act that owes a letter queues it); these parse the request, call them with the logged-in
// user as the actor, audit the attempt and pick the message a person reads.
#include <fmt/core.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "billing/letters_due.h"
#include "cases/case_actions.h"
#include "core/plate.h"
#include "handling/review.h"
#include "store/gas_settings_store.h"
#include "web/app.h"
#include "web/app_internal.h"

namespace hh {

using namespace webapp;  // NOLINT(google-build-using-namespace): this file is its part

namespace {

using json = nlohmann::json;

// The common reasons for rejecting a hit, offered as a list beside the free text (keys
// reject_reason.<code>). The timeline keeps the Dutch text, whatever the reviewer's language.
constexpr const char* kRejectReasons[] = {"misread", "not_entered", "priority_vehicle",
                                          "unreadable", "duplicate"};

// Timeline actions written outside the transition table (case opening, intake, the clock's
// alarms, letters and payments): each has an action.<name> text too.
constexpr const char* kEventActions[] = {
    "opened",           "evidence_added",  "finding_grouped",   "alarm_4_months",
    "alarm_5_months",   "letter_sent",     "registered_number", "payment_plan",
    "payment_received", "payment_partial", "payment_duplicate", "payment_after_close",
};

// The messages of the review screen, passed as ?done= or ?error= after a POST (the redirect
// carries a key of this list, never a text).
constexpr const char* kReviewMessages[] = {
    "review_done_accepted",   "review_done_corrected",    "review_done_permitted",
    "review_done_rejected",   "review_error_plate_empty", "review_error_plate_unchanged",
    "review_error_duplicate", "review_error_not_waiting", "review_error_reason",
    "review_error_denied",    "review_error_not_found",   "review_error_other",
};

// A refusal of Act (cases/case_actions.cpp CheckGuards and Act) as the message key a person
// reads: matched on its code and a stable part of the domain message, first match wins; the
// code alone decides when nothing matches (kActRefusalByCode).
struct Refusal {
  StatusCode code;
  std::string_view contains;
  const char* key;
};
constexpr Refusal kActRefusals[] = {
    {StatusCode::kFailedPrecondition, "above € 70,00", "act_error_hearing_threshold"},
    {StatusCode::kFailedPrecondition, "after local mediation", "act_error_minor_mediation"},
    {StatusCode::kFailedPrecondition, "above the legal maximum", "act_error_fine_maximum"},
    {StatusCode::kFailedPrecondition, "hours of community service is above",
     "act_error_hours_maximum"},
    {StatusCode::kFailedPrecondition, "for minors only", "act_error_parents_minor_only"},
    {StatusCode::kFailedPrecondition, "is not possible on", "act_error_wrong_state"},
    {StatusCode::kInvalidArgument, "posting day cannot be in the future",
     "act_error_posted_future"},
    {StatusCode::kInvalidArgument, "posting day cannot be before", "act_error_posted_before_facts"},
    {StatusCode::kInvalidArgument, "needs --reason", "act_error_reason"},
    {StatusCode::kInvalidArgument, "needs --amount", "act_error_amount"},
    {StatusCode::kInvalidArgument, "needs --hours", "act_error_hours"},
};
struct CodeKey {
  StatusCode code;
  const char* key;
};
constexpr CodeKey kActRefusalByCode[] = {
    {StatusCode::kPermissionDenied, "act_error_denied"},
    {StatusCode::kFailedPrecondition, "act_error_refused"},
    {StatusCode::kInvalidArgument, "act_error_invalid"},
    {StatusCode::kNotFound, "act_error_unknown"},
    {StatusCode::kAlreadyExists, "act_error_conflict"},
};
// Keys the handler itself gives for input it cannot parse.
constexpr const char* kActInputErrors[] = {"act_error_bad_posted", "act_error_bad_amount",
                                           "act_error_bad_hours", "act_done"};

// The message key for a refused act, or "" for an infrastructure failure (not a refusal).
std::string ActErrorKey(const Status& s) {
  for (const Refusal& r : kActRefusals) {
    if (s.code() == r.code && s.message().find(r.contains) != std::string::npos) return r.key;
  }
  for (const CodeKey& k : kActRefusalByCode) {
    if (s.code() == k.code) return k.key;
  }
  return "";
}

bool IsActMessageKey(std::string_view key) {
  for (const Refusal& r : kActRefusals) {
    if (key == r.key) return true;
  }
  for (const CodeKey& k : kActRefusalByCode) {
    if (key == k.key) return true;
  }
  for (const char* k : kActInputErrors) {
    if (key == k) return true;
  }
  return false;
}

bool IsReviewMessageKey(std::string_view key) {
  for (const char* k : kReviewMessages) {
    if (key == k) return true;
  }
  return false;
}

bool IsTransitionAction(std::string_view action) {
  for (const Transition& t : AllTransitions()) {
    if (t.action == action) return true;
  }
  return false;
}

// The case id of the path, or nullopt when it is not a number.
std::optional<CaseId> PathCase(const HttpRequest& req) {
  const std::string id = req.Param("id");
  if (!AllDigits(id)) return std::nullopt;
  return CaseId{std::stoll(id)};
}

// The queue position a review form came from (`after`), 0 when absent or not a number.
int64_t AfterOf(const std::string& text) { return AllDigits(text) ? std::stoll(text) : 0; }

std::string ReviewUrl(int64_t after, const std::string& param, const std::string& key) {
  std::string url = "/review?after=" + std::to_string(after);
  if (!key.empty()) url += "&" + param + "=" + key;
  return url;
}

// The message key for a refused review step, "" for an infrastructure failure.
std::string ReviewErrorKey(const Status& s) {
  switch (s.code()) {
    case StatusCode::kPermissionDenied:
      return "review_error_denied";
    case StatusCode::kNotFound:
      return "review_error_not_found";
    case StatusCode::kFailedPrecondition:
      return s.message().find("not waiting for review") != std::string::npos
                 ? "review_error_not_waiting"
                 : "review_error_duplicate";
    case StatusCode::kInvalidArgument:
    case StatusCode::kAlreadyExists:
      return "review_error_other";
    default:
      return "";
  }
}

// What a person gives with an act, from a form or a JSON body (text fields either way).
struct ActFields {
  std::string action;
  std::string reason;
  std::string posted;
  std::string amount;
  std::string hours;
};

// Parses the fields into an ActInput; on failure the message key of the field and false.
bool ParseActFields(const ActFields& f, ActInput* in, std::string* error_key) {
  in->reason = f.reason;
  if (!f.posted.empty()) {
    auto d = LocalDate::Parse(f.posted);
    if (!d.ok()) {
      *error_key = "act_error_bad_posted";
      return false;
    }
    in->posted = *d;
  }
  if (!f.amount.empty()) {
    auto m = Money::ParseWritten(f.amount);
    if (!m.ok()) {
      *error_key = "act_error_bad_amount";
      return false;
    }
    in->amount = *m;
  }
  if (!f.hours.empty()) {
    if (!AllDigits(f.hours) || f.hours.size() > 4) {
      *error_key = "act_error_bad_hours";
      return false;
    }
    in->hours = static_cast<int>(std::stoll(f.hours));
  }
  return true;
}

// A JSON field as text: a string as it is, a number in its JSON spelling, absent or null "".
std::string JsonText(const json& body, const char* name) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  return "\x01";  // neither: fails every parse below
}

}  // namespace

// --- Start-up check and labels. ----------------------------------------------------------------

Status WebApp::CheckReviewTexts(const Translations& tr, const std::string& dir) {
  std::vector<std::string> keys;
  for (const Transition& t : AllTransitions()) keys.push_back("action." + std::string(t.action));
  for (const char* a : kEventActions) keys.push_back("action." + std::string(a));
  for (const char* r : kRejectReasons) keys.push_back("reject_reason." + std::string(r));
  for (const char* k : kReviewMessages) keys.emplace_back(k);
  for (const Refusal& r : kActRefusals) keys.emplace_back(r.key);
  for (const CodeKey& k : kActRefusalByCode) keys.emplace_back(k.key);
  for (const char* k : kActInputErrors) keys.emplace_back(k);
  for (const std::string& k : keys) {
    if (!tr.Has(k)) return InvalidArgument(fmt::format("{}/i18n.tsv: no key \"{}\"", dir, k));
  }
  return Status::Ok();
}

std::string WebApp::ActionLabel(Lang lang, const std::string& action) const {
  const std::string key = "action." + action;
  return tr_.Has(key) ? tr_.Get(lang, key) : action;
}

// --- The case page's actions. ------------------------------------------------------------------

void WebApp::CaseActionsInto(Context& c, const CaseFile& file, TemplateValue& ctx) {
  const Case& k = file.c;
  const std::string today = LocalTime::Brussels().LocalDay(clock_.Now()).ToIsoString();
  TemplateValue actions = TemplateValue::List();
  bool any = false;
  if (c.who) {
    for (const Transition* t : AvailableActions(k.track, k.state, c.who->user.role)) {
      TemplateValue a;
      a["name"] = std::string(t->action);
      a["label"] = ActionLabel(c.lang, std::string(t->action));
      a["decides"] = t->decides_sanction;
      a["needs_reason"] = (t->needs & kNeedsReason) != 0;
      a["needs_posting"] = (t->needs & kNeedsPosting) != 0;
      a["needs_amount"] = (t->needs & kNeedsAmount) != 0;
      a["needs_hours"] = (t->needs & kNeedsHours) != 0;
      // Naming a driver takes a person's details: `handhaving cases driver`, not this form.
      a["needs_person"] = (t->needs & kNeedsPerson) != 0;
      a["today"] = today;
      actions.Push(std::move(a));
      any = true;
    }
  }
  ctx["has_actions"] = any;
  ctx["actions"] = std::move(actions);
  ctx["act_url"] = "/cases/" + std::to_string(k.id.value) + "/act";
  // The outcome of the last act, as the redirect after it named it.
  const std::string action = c.req.Query("action");
  const std::string label = IsTransitionAction(action) ? ActionLabel(c.lang, action) : "";
  std::string done;
  std::string error;
  if (const std::string d = c.req.Query("done"); IsTransitionAction(d)) {
    done = tr_.Get(c.lang, "act_done") + " " + ActionLabel(c.lang, d);
  }
  if (const std::string e = c.req.Query("error"); IsActMessageKey(e) && e != "act_done") {
    error = tr_.Get(c.lang, e) + (label.empty() ? "" : " (" + label + ")");
  }
  ctx["act_done"] = done;
  ctx["act_error"] = error;
}

HttpResponse WebApp::CaseActSubmit(Context& c) {
  const auto id = PathCase(c.req);
  if (!id) return ErrorPage(c, 404, "error_not_found");
  auto existing = c.conn->cases->GetCase(*id);
  if (!existing.ok()) return FromStatus(c, existing.status());
  const std::string page = "/cases/" + std::to_string(id->value);
  ActFields f{c.req.Form("action"), c.req.Form("reason"), c.req.Form("posted"),
              c.req.Form("amount"), c.req.Form("hours")};
  const std::string back = page + "?action=" + UrlEncode(f.action);
  ActInput in;
  std::string key;
  if (!ParseActFields(f, &in, &key)) return HttpResponse::Redirect(back + "&error=" + key);
  auto gas = LoadGasSettings(*c.conn->settings);
  if (!gas.ok()) return FromStatus(c, gas.status());
  auto actor = ActorFor(*c.conn->cases, c.who->user.login);
  if (!actor.ok()) return FromStatus(c, actor.status());
  const std::string object = "case:" + std::to_string(id->value);
  // The act and its audit row in one transaction: no audit row, no act.
  Status s = c.conn->cases->Transact([&]() -> Status {
    Status acted = ActWithLetter(*c.conn->cases, *c.conn->payments, *gas, *id, f.action, *actor, in,
                                 clock_.Now());
    if (!acted.ok()) return acted;
    return AuditView(c, "case_act", object, "action=" + f.action);
  });
  if (s.ok()) return HttpResponse::Redirect(page + "?done=" + UrlEncode(f.action));
  key = ActErrorKey(s);
  if (key.empty()) return FromStatus(c, s);
  Status a =
      AuditView(c, "case_act", object,
                "action=" + f.action + "; refused: " + std::string(StatusCodeName(s.code())));
  if (!a.ok()) return FromStatus(c, a);
  return HttpResponse::Redirect(back + "&error=" + key);
}

HttpResponse WebApp::ApiCaseAct(Context& c) {
  const auto id = PathCase(c.req);
  if (!id) return ApiError(404, "no such case");
  const json body = json::parse(c.req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    return ApiError(400, "the body must be a JSON object {\"action\": ...}");
  }
  ActFields f{JsonText(body, "action"), JsonText(body, "reason"), JsonText(body, "posted"),
              JsonText(body, "amount"), JsonText(body, "hours")};
  if (f.action.empty()) return ApiError(400, "action: required");
  ActInput in;
  std::string key;
  if (!ParseActFields(f, &in, &key)) {
    return ApiError(400, key == "act_error_bad_posted"   ? "posted: must be a date YYYY-MM-DD"
                         : key == "act_error_bad_amount" ? "amount: must be a decimal amount"
                                                         : "hours: must be a whole number");
  }
  auto gas = LoadGasSettings(*c.conn->settings);
  if (!gas.ok()) return FromStatus(c, gas.status());
  auto actor = ActorFor(*c.conn->cases, c.who->user.login);
  if (!actor.ok()) return FromStatus(c, actor.status());
  const std::string object = "case:" + std::to_string(id->value);
  Status s = c.conn->cases->Transact([&]() -> Status {
    Status acted = ActWithLetter(*c.conn->cases, *c.conn->payments, *gas, *id, f.action, *actor, in,
                                 clock_.Now());
    if (!acted.ok()) return acted;
    return AuditView(c, "case_act", object, "action=" + f.action + "; api");
  });
  if (!s.ok()) {
    if (!ActErrorKey(s).empty()) {
      Status a = AuditView(
          c, "case_act", object,
          "action=" + f.action + "; api; refused: " + std::string(StatusCodeName(s.code())));
      if (!a.ok()) return FromStatus(c, a);
    }
    return FromStatus(c, s);
  }
  auto after = c.conn->cases->GetCase(*id);
  if (!after.ok()) return FromStatus(c, after.status());
  return HttpResponse::Json(200, json{{"id", id->value},
                                      {"action", f.action},
                                      {"state", std::string(CaseStateName(after->state))},
                                      {"state_deadline", JsonDay(after->state_deadline)}}
                                     .dump());
}

// --- The review queue. -------------------------------------------------------------------------

HttpResponse WebApp::ReviewPage(Context& c) {
  int64_t after = AfterOf(c.req.Query("after"));
  auto next = ReviewNext(*c.conn->cases, CaseId{after});
  if (!next.ok()) return FromStatus(c, next.status());
  if (!next->has_value() && after > 0) {
    // The end of the queue: round again from its start (the hits skipped with "next").
    after = 0;
    next = ReviewNext(*c.conn->cases, CaseId{0});
    if (!next.ok()) return FromStatus(c, next.status());
  }
  auto counts = c.conn->users->CountCasesByState();
  if (!counts.ok()) return FromStatus(c, counts.status());
  int64_t waiting = 0;
  for (const StateCount& s : *counts) {
    if (s.state == CaseState::kAwaitingReview) waiting += s.count;
  }
  TemplateValue ctx = BaseContext(c, "review_title");
  ctx["waiting"] = waiting;
  ctx["after"] = after;
  std::string message;
  bool error = false;
  if (const std::string d = c.req.Query("done"); IsReviewMessageKey(d))
    message = tr_.Get(c.lang, d);
  if (const std::string e = c.req.Query("error"); IsReviewMessageKey(e)) {
    message = tr_.Get(c.lang, e);
    error = true;
  }
  ctx["message"] = message;
  ctx["message_error"] = error;
  TemplateValue reasons = TemplateValue::List();
  for (const char* r : kRejectReasons) {
    TemplateValue o;
    o["code"] = r;
    o["label"] = tr_.Get(c.lang, "reject_reason." + std::string(r));
    reasons.Push(std::move(o));
  }
  ctx["reasons"] = std::move(reasons);
  ctx["has_hit"] = next->has_value();
  TemplateValue hit;
  if (next->has_value()) {
    const CaseFile& f = **next;
    const Case& k = f.c;
    // Showing a plate and its reads is a view of a person's data: audited first.
    Status a = AuditView(c, "view_case", "case:" + std::to_string(k.id.value), "review");
    if (!a.ok()) return FromStatus(c, a);
    LocalTime zone = LocalTime::Brussels();
    hit["id"] = k.id.value;
    hit["number"] = CaseNumber(k.track, k.created_at.UtcDate().year(), k.id);
    hit["track_label"] = tr_.Get(c.lang, "track." + std::string(TrackName(k.track)));
    hit["facts_at"] = LocalStamp(zone, k.facts_at);
    hit["plate"] = k.plate;
    hit["country"] = k.country;
    hit["zone"] = k.zone_id;
    hit["low_confidence"] = (k.flags & kFlagLowConfidence) != 0;
    hit["warning"] = k.warning;
    TemplateValue evidence = TemplateValue::List();
    for (const Evidence& e : f.evidence) {
      TemplateValue row;
      row["kind"] = e.kind;
      row["ref"] = e.ref;
      row["camera"] = e.camera_id;
      row["observed_at"] = e.observed_at ? LocalStamp(zone, *e.observed_at) : "";
      row["confidence"] = e.confidence;
      evidence.Push(std::move(row));
    }
    hit["evidence"] = std::move(evidence);
    const std::string base = "/review/" + std::to_string(k.id.value);
    hit["accept_url"] = base + "/accept";
    hit["correct_url"] = base + "/correct";
    hit["reject_url"] = base + "/reject";
    hit["next_url"] = "/review?after=" + std::to_string(k.id.value);
  }
  ctx["hit"] = std::move(hit);
  return Page(c, 200, "review", ctx);
}

namespace {
enum class ReviewStep : uint8_t { kAccept, kCorrect, kReject };
}  // namespace

// One review step from the screen: POST, then 303 back to the queue (the next hit, or the same
// one with the message of a refusal).
HttpResponse WebApp::ReviewAcceptSubmit(Context& c) {
  const auto id = PathCase(c.req);
  if (!id) return ErrorPage(c, 404, "error_not_found");
  const int64_t after = AfterOf(c.req.Form("after"));
  auto gas = LoadGasSettings(*c.conn->settings);
  if (!gas.ok()) return FromStatus(c, gas.status());
  auto actor = ActorFor(*c.conn->cases, c.who->user.login);
  if (!actor.ok()) return FromStatus(c, actor.status());
  const std::string object = "case:" + std::to_string(id->value);
  Status s = c.conn->cases->Transact([&]() -> Status {
    Status r = hh::ReviewAccept(*c.conn->cases, *gas, *id, *actor, clock_.Now());
    if (!r.ok()) return r;
    return AuditView(c, "review_accept", object, "");
  });
  if (s.ok()) return HttpResponse::Redirect(ReviewUrl(after, "done", "review_done_accepted"));
  const std::string key = ReviewErrorKey(s);
  if (key.empty()) return FromStatus(c, s);
  Status a =
      AuditView(c, "review_accept", object, "refused: " + std::string(StatusCodeName(s.code())));
  if (!a.ok()) return FromStatus(c, a);
  return HttpResponse::Redirect(ReviewUrl(after, "error", key));
}

HttpResponse WebApp::ReviewCorrectSubmit(Context& c) {
  const auto id = PathCase(c.req);
  if (!id) return ErrorPage(c, 404, "error_not_found");
  const int64_t after = AfterOf(c.req.Form("after"));
  const std::string plate = c.req.Form("plate");
  const std::string object = "case:" + std::to_string(id->value);
  // The messages a reviewer needs for a plate: none left, or the same plate again.
  std::string key;
  auto parsed = Plate::Parse(plate);
  if (!parsed.ok()) {
    key = "review_error_plate_empty";
  } else {
    auto k = c.conn->cases->GetCase(*id);
    if (!k.ok()) return FromStatus(c, k.status());
    if (k->plate == parsed->normalised()) key = "review_error_plate_unchanged";
  }
  if (!key.empty()) {
    Status a = AuditView(c, "review_correct", object, "refused: InvalidArgument");
    if (!a.ok()) return FromStatus(c, a);
    return HttpResponse::Redirect(ReviewUrl(after, "error", key));
  }
  auto gas = LoadGasSettings(*c.conn->settings);
  if (!gas.ok()) return FromStatus(c, gas.status());
  auto actor = ActorFor(*c.conn->cases, c.who->user.login);
  if (!actor.ok()) return FromStatus(c, actor.status());
  CorrectionOutcome outcome = CorrectionOutcome::kCorrected;
  Status s = c.conn->cases->Transact([&]() -> Status {
    auto r = hh::ReviewCorrect(*c.conn->cases, *gas, *id, plate, *actor, clock_.Now());
    if (!r.ok()) return r.status();
    outcome = *r;
    return AuditView(c, "review_correct", object,
                     outcome == CorrectionOutcome::kPermitted ? "permitted" : "corrected");
  });
  if (s.ok()) {
    return HttpResponse::Redirect(ReviewUrl(after, "done",
                                            outcome == CorrectionOutcome::kPermitted
                                                ? "review_done_permitted"
                                                : "review_done_corrected"));
  }
  key = ReviewErrorKey(s);
  if (key.empty()) return FromStatus(c, s);
  Status a =
      AuditView(c, "review_correct", object, "refused: " + std::string(StatusCodeName(s.code())));
  if (!a.ok()) return FromStatus(c, a);
  return HttpResponse::Redirect(ReviewUrl(after, "error", key));
}

HttpResponse WebApp::ReviewRejectSubmit(Context& c) {
  const auto id = PathCase(c.req);
  if (!id) return ErrorPage(c, 404, "error_not_found");
  const int64_t after = AfterOf(c.req.Form("after"));
  const std::string object = "case:" + std::to_string(id->value);
  // The reason: a common one (in Dutch, as the timeline keeps it), the free text, or both.
  std::string reason;
  const std::string code = c.req.Form("reason_code");
  for (const char* r : kRejectReasons) {
    if (code == r) reason = tr_.Get(Lang::kNl, "reject_reason." + code);
  }
  std::string text = c.req.Form("reason");
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.pop_back();
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.erase(0, 1);
  if (!text.empty()) reason = reason.empty() ? text : reason + ": " + text;
  if (reason.empty()) {
    Status a = AuditView(c, "review_reject", object, "refused: InvalidArgument");
    if (!a.ok()) return FromStatus(c, a);
    return HttpResponse::Redirect(ReviewUrl(after, "error", "review_error_reason"));
  }
  auto gas = LoadGasSettings(*c.conn->settings);
  if (!gas.ok()) return FromStatus(c, gas.status());
  auto actor = ActorFor(*c.conn->cases, c.who->user.login);
  if (!actor.ok()) return FromStatus(c, actor.status());
  Status s = c.conn->cases->Transact([&]() -> Status {
    Status r = hh::ReviewReject(*c.conn->cases, *gas, *id, reason, *actor, clock_.Now());
    if (!r.ok()) return r;
    return AuditView(c, "review_reject", object, "");
  });
  if (s.ok()) return HttpResponse::Redirect(ReviewUrl(after, "done", "review_done_rejected"));
  const std::string key = ReviewErrorKey(s);
  if (key.empty()) return FromStatus(c, s);
  Status a =
      AuditView(c, "review_reject", object, "refused: " + std::string(StatusCodeName(s.code())));
  if (!a.ok()) return FromStatus(c, a);
  return HttpResponse::Redirect(ReviewUrl(after, "error", key));
}

// --- The review API. ---------------------------------------------------------------------------

HttpResponse WebApp::ApiReviewNext(Context& c) {
  const std::string after_text = c.req.Query("after");
  if (!after_text.empty() && !AllDigits(after_text)) {
    return ApiError(400, "after: must be a case id");
  }
  auto next = ReviewNext(*c.conn->cases, CaseId{AfterOf(after_text)});
  if (!next.ok()) return FromStatus(c, next.status());
  auto counts = c.conn->users->CountCasesByState();
  if (!counts.ok()) return FromStatus(c, counts.status());
  int64_t waiting = 0;
  for (const StateCount& s : *counts) {
    if (s.state == CaseState::kAwaitingReview) waiting += s.count;
  }
  json hit = nullptr;
  if (next->has_value()) {
    const CaseFile& f = **next;
    const Case& k = f.c;
    Status a = AuditView(c, "view_case", "case:" + std::to_string(k.id.value), "api review");
    if (!a.ok()) return FromStatus(c, a);
    json evidence = json::array();
    for (const Evidence& e : f.evidence) {
      evidence.push_back(
          {{"kind", e.kind},
           {"ref", e.ref},
           {"camera_id", e.camera_id},
           {"detection_id", e.detection_id},
           {"observed_at", e.observed_at ? json(e.observed_at->ToRfc3339()) : json(nullptr)},
           {"confidence", e.confidence}});
    }
    hit = {{"id", k.id.value},
           {"number", CaseNumber(k.track, k.created_at.UtcDate().year(), k.id)},
           {"track", std::string(TrackName(k.track))},
           {"state", std::string(CaseStateName(k.state))},
           {"facts_at", k.facts_at.ToRfc3339()},
           {"zone_id", k.zone_id},
           {"plate", k.plate},
           {"country", k.country},
           {"flags", k.flags},
           {"warning", k.warning},
           {"evidence", std::move(evidence)}};
  }
  return HttpResponse::Json(200, json{{"waiting", waiting}, {"case", std::move(hit)}}.dump());
}

HttpResponse WebApp::ApiReviewAct(Context& c) {
  const auto id = PathCase(c.req);
  if (!id) return ApiError(404, "no such case");
  const json body = json::parse(c.req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    return ApiError(400, "the body must be a JSON object {\"action\": ...}");
  }
  const std::string action = JsonText(body, "action");
  ReviewStep step = ReviewStep::kAccept;
  if (action == "accept") {
    step = ReviewStep::kAccept;
  } else if (action == "correct") {
    step = ReviewStep::kCorrect;
  } else if (action == "reject") {
    step = ReviewStep::kReject;
  } else {
    return ApiError(400, "action: must be accept, correct or reject");
  }
  auto gas = LoadGasSettings(*c.conn->settings);
  if (!gas.ok()) return FromStatus(c, gas.status());
  auto actor = ActorFor(*c.conn->cases, c.who->user.login);
  if (!actor.ok()) return FromStatus(c, actor.status());
  const std::string object = "case:" + std::to_string(id->value);
  const std::string audit_action = "review_" + action;
  std::string outcome = action == "accept" ? "accepted" : action == "reject" ? "rejected" : "";
  Status s = c.conn->cases->Transact([&]() -> Status {
    Status r;
    switch (step) {
      case ReviewStep::kAccept:
        r = hh::ReviewAccept(*c.conn->cases, *gas, *id, *actor, clock_.Now());
        break;
      case ReviewStep::kCorrect: {
        auto o = hh::ReviewCorrect(*c.conn->cases, *gas, *id, JsonText(body, "plate"), *actor,
                                   clock_.Now());
        r = o.status();
        if (o.ok()) outcome = *o == CorrectionOutcome::kPermitted ? "permitted" : "corrected";
        break;
      }
      case ReviewStep::kReject:
        r = hh::ReviewReject(*c.conn->cases, *gas, *id, JsonText(body, "reason"), *actor,
                             clock_.Now());
        break;
    }
    if (!r.ok()) return r;
    return AuditView(c, audit_action, object, "api");
  });
  if (!s.ok()) {
    if (!ReviewErrorKey(s).empty()) {
      Status a = AuditView(c, audit_action, object,
                           "api; refused: " + std::string(StatusCodeName(s.code())));
      if (!a.ok()) return FromStatus(c, a);
    }
    return FromStatus(c, s);
  }
  auto after = c.conn->cases->GetCase(*id);
  if (!after.ok()) return FromStatus(c, after.status());
  return HttpResponse::Json(200, json{{"id", id->value},
                                      {"outcome", outcome},
                                      {"state", std::string(CaseStateName(after->state))}}
                                     .dump());
}

}  // namespace hh
