// The contract's screens (issue 6): the objectives tree with each indicator's status for a
// year, binding an indicator to a measure, evidence (a note and a file), answering what the
// importer was unsure of, the budget table, and the evaluation report as HTML and PDF. Everyone
// logged in reads; administrators and sanctioning officers edit (the route table says so). All
// of it goes through contract/contract_service.h, as the CLI does; the report is the one data
// structure (contract/report.h) the PDF renders too. Every screen shows the contract with its
// amendments (contract/amend.h); /contract/amend lists every part and amends one.
#include <fmt/core.h>

#include <nlohmann/json.hpp>
#include <string>

#include "contract/amend.h"
#include "contract/contract_service.h"
#include "contract/gas_measures.h"
#include "contract/report_pdf.h"
#include "store/sqlite_contract_store.h"
#include "store/sqlite_gas_measures.h"
#include "web/app_internal.h"

namespace hh {

using namespace webapp;  // NOLINT(google-build-using-namespace): this file is its part

namespace {

using json = nlohmann::json;

bool CanEdit(const WebApp::Context& c) {
  return c.who && (c.who->user.role == Role::kAdministrator ||
                   c.who->user.role == Role::kSanctioningOfficer);
}

LocalDate TodayIn(Instant now) {
  LocalTime brussels = LocalTime::Brussels();
  return brussels.ToLocal(now).date;
}

// The year asked for (?year=, or the form field), else this year kept within the contract's
// period. InvalidArgument for a year that is not four digits.
Result<int> YearOf(const HttpRequest& req, const Contract& contract, LocalDate today) {
  std::string y = req.Query("year");
  if (y.empty()) y = req.Form("year");
  if (!y.empty()) {
    if (y.size() != 4 || !AllDigits(y)) return InvalidArgument("year: four digits, such as 2019");
    return std::stoi(y);
  }
  int year = today.year();
  if (contract.period_to && year > contract.period_to->year()) year = contract.period_to->year();
  if (contract.period_from && year < contract.period_from->year()) {
    year = contract.period_from->year();
  }
  return year;
}

const char* StatusKey(IndicatorStatus s) {
  switch (s) {
    case IndicatorStatus::kMet:
      return "contract_status_met";
    case IndicatorStatus::kOnTrack:
      return "contract_status_on_track";
    case IndicatorStatus::kAtRisk:
      return "contract_status_at_risk";
    case IndicatorStatus::kNotMet:
      return "contract_status_not_met";
    case IndicatorStatus::kNoData:
      return "contract_status_no_data";
  }
  return "contract_status_no_data";
}

const char* KindKey(IndicatorKind k) {
  switch (k) {
    case IndicatorKind::kExistence:
      return "contract_kind_existence";
    case IndicatorKind::kCount:
      return "contract_kind_count";
    case IndicatorKind::kThreshold:
      return "contract_kind_threshold";
  }
  return "contract_kind_existence";
}

const char* BudgetKey(const BudgetLine& b) {
  if (b.overspent) return "contract_budget_over";
  return b.spent < b.budget ? "contract_budget_under" : "contract_budget_on";
}

json ReportJson(const ContractReport& r) {
  json rubrics = json::array();
  for (const ReportRubric& rb : r.rubrics) {
    json groups = json::array();
    for (const ReportGroup& g : rb.groups) {
      json objectives = json::array();
      for (const ReportObjective& o : g.objectives) {
        json indicators = json::array();
        for (const ReportIndicator& i : o.indicators) {
          json evidence = json::array();
          for (const IndicatorEvidence& e : i.evidence) {
            evidence.push_back(
                {{"id", e.id},
                 {"note", e.note},
                 {"file_name", e.file_name.empty() ? json(nullptr) : json(e.file_name)},
                 {"sha256", e.sha256.empty() ? json(nullptr) : json(e.sha256)}});
          }
          indicators.push_back(
              {{"key", i.key},
               {"text", i.text},
               {"kind", IndicatorKindName(i.kind)},
               {"target_per_year", i.target_per_year ? json(*i.target_per_year) : json(nullptr)},
               {"measure", i.measure.empty() ? json(nullptr) : json(i.measure)},
               {"value", i.value ? json(*i.value) : json(nullptr)},
               {"status", std::string(IndicatorStatusName(i.status))},
               {"evidence", evidence}});
        }
        objectives.push_back(
            {{"number", o.number}, {"title", o.title}, {"indicators", indicators}});
      }
      groups.push_back({{"sector", g.sector ? json(*g.sector) : json(nullptr)},
                        {"general", g.general},
                        {"strategic", objectives}});
    }
    rubrics.push_back({{"number", rb.number},
                       {"title", rb.title},
                       {"amount", rb.amount.ToDecimalString()},
                       {"groups", groups}});
  }
  json budget = json::array();
  for (const BudgetLine& b : r.budget) {
    budget.push_back({{"rubric", b.rubric},
                      {"budget", b.budget.ToDecimalString()},
                      {"spent", b.spent.ToDecimalString()},
                      {"remaining", b.remaining.ToDecimalString()},
                      {"status", BudgetStatusName(b)}});
  }
  json open = json::array();
  for (const ReportUncertain& u : r.uncertain) {
    if (u.answer) continue;
    open.push_back({{"number", u.number},
                    {"what", u.item.what},
                    {"line", u.item.line},
                    {"original", u.withheld ? json(nullptr) : json(u.item.original)},
                    {"read_as", u.withheld ? json(nullptr) : json(u.item.corrected)}});
  }
  return {{"year", r.year},
          {"rubrics", rubrics},
          {"budget", budget},
          {"budget_total",
           {{"budget", r.budget_total.budget.ToDecimalString()},
            {"spent", r.budget_total.spent.ToDecimalString()},
            {"remaining", r.budget_total.remaining.ToDecimalString()},
            {"status", BudgetStatusName(r.budget_total)}}},
          {"counts",
           {{"met", r.counts[0]},
            {"on_track", r.counts[1]},
            {"at_risk", r.counts[2]},
            {"not_met", r.counts[3]},
            {"no_data", r.counts[4]}}},
          {"warnings", r.warnings},
          {"open_uncertain", open}};
}

// An amendment as the templates see it.
TemplateValue AmendmentValue(const Amendment& a, bool can_edit) {
  TemplateValue v;
  v["path"] = a.path;
  v["value"] = a.value;
  v["original"] = a.original;
  v["by"] = a.by;
  LocalTime brussels = LocalTime::Brussels();
  v["at"] = brussels.ToLocal(a.at).date.ToDutchString();
  v["can_edit"] = can_edit;
  return v;
}

}  // namespace

// The report as the templates see it: what /contract and /contract/report both show.
TemplateValue WebApp::ContractContext(Context& c, const ContractReport& r,
                                      const std::vector<MeasureInfo>& measures) {
  const bool edit = CanEdit(c);
  TemplateValue ctx = BaseContext(c, "contract_title");
  ctx["year"] = r.year;
  ctx["today"] = r.today.ToDutchString();
  ctx["can_edit"] = edit;
  ctx["period"] = r.period_from && r.period_to
                      ? r.period_from->ToDutchString() + " – " + r.period_to->ToDutchString()
                      : std::string();
  TemplateValue years = TemplateValue::List();
  if (r.period_from && r.period_to) {
    for (int y = r.period_from->year(); y <= r.period_to->year(); ++y) {
      TemplateValue item;
      item["year"] = y;
      item["selected"] = y == r.year;
      years.Push(std::move(item));
    }
  }
  ctx["years"] = std::move(years);
  TemplateValue counts = TemplateValue::List();
  for (int s = 0; s < 5; ++s) {
    TemplateValue item;
    item["label"] = tr_.Get(c.lang, StatusKey(static_cast<IndicatorStatus>(s)));
    item["status"] = std::string(IndicatorStatusName(static_cast<IndicatorStatus>(s)));
    item["count"] = r.counts[s];
    counts.Push(std::move(item));
  }
  ctx["counts"] = std::move(counts);
  TemplateValue rubrics = TemplateValue::List();
  for (const ReportRubric& rb : r.rubrics) {
    TemplateValue rv;
    rv["number"] = rb.number;
    rv["title"] = rb.title;
    rv["amount"] = rb.amount.ToDutchString();
    rv["amend_title"] = "rubric." + rb.number + ".title";
    rv["amend_amount"] = "rubric." + rb.number + ".annual_amount";
    TemplateValue groups = TemplateValue::List();
    for (const ReportGroup& g : rb.groups) {
      TemplateValue gv;
      const std::string group =
          g.sector ? fmt::format("{}.{}", rb.number, *g.sector) : std::string(rb.number);
      gv["amend_general"] = "objective." + group + ".general";
      gv["has_sector"] = g.sector.has_value();
      gv["sector"] = g.sector.value_or(0);
      gv["general"] = g.general;
      TemplateValue objectives = TemplateValue::List();
      for (const ReportObjective& o : g.objectives) {
        TemplateValue ov;
        ov["number"] = o.number;
        ov["title"] = o.title;
        ov["amend_title"] = fmt::format("objective.{}.{}.title", group, o.number);
        TemplateValue indicators = TemplateValue::List();
        for (const ReportIndicator& i : o.indicators) {
          TemplateValue iv;
          iv["key"] = i.key;
          iv["text"] = i.text;
          iv["amend_path"] = "indicator." + i.key;
          iv["kind_label"] = tr_.Get(c.lang, KindKey(i.kind));
          iv["target"] = i.target_per_year ? std::to_string(*i.target_per_year) : "";
          iv["measure"] = i.measure;
          iv["measure_label"] = i.measure_label.empty() ? i.measure : i.measure_label;
          iv["value"] = i.value ? std::to_string(*i.value) : "";
          iv["status"] = std::string(IndicatorStatusName(i.status));
          iv["status_label"] = tr_.Get(c.lang, StatusKey(i.status));
          iv["met"] = i.status == IndicatorStatus::kMet;
          iv["not_met"] = i.status == IndicatorStatus::kNotMet;
          iv["at_risk"] = i.status == IndicatorStatus::kAtRisk;
          iv["plain"] =
              i.status == IndicatorStatus::kOnTrack || i.status == IndicatorStatus::kNoData;
          iv["bindable"] = edit && i.kind != IndicatorKind::kExistence;
          iv["can_edit"] = edit;
          TemplateValue options = TemplateValue::List();
          if (edit && i.kind != IndicatorKind::kExistence) {
            for (const MeasureInfo& m : measures) {
              TemplateValue mv;
              mv["name"] = m.name;
              mv["label"] = c.lang == Lang::kFr ? m.label_fr : m.label_nl;
              mv["selected"] = m.name == i.measure;
              options.Push(std::move(mv));
            }
          }
          iv["measures"] = std::move(options);
          TemplateValue evidence = TemplateValue::List();
          for (const IndicatorEvidence& e : i.evidence) {
            TemplateValue ev;
            ev["id"] = e.id;
            ev["note"] = e.note;
            ev["has_file"] = !e.file_name.empty();
            ev["file_name"] = e.file_name;
            ev["sha256"] = e.sha256;
            ev["sha_short"] = e.sha256.substr(0, 12);
            ev["by"] = e.added_by;
            evidence.Push(std::move(ev));
          }
          iv["evidence"] = std::move(evidence);
          indicators.Push(std::move(iv));
        }
        ov["indicators"] = std::move(indicators);
        objectives.Push(std::move(ov));
      }
      gv["objectives"] = std::move(objectives);
      groups.Push(std::move(gv));
    }
    rv["groups"] = std::move(groups);
    rubrics.Push(std::move(rv));
  }
  ctx["rubrics"] = std::move(rubrics);
  auto budget_row = [&](const BudgetLine& b) {
    TemplateValue bv;
    bv["rubric"] = b.rubric == "totaal" ? tr_.Get(c.lang, "contract_budget_total") : b.rubric;
    bv["budget"] = b.budget.ToDutchString();
    bv["spent"] = b.spent.ToDutchString();
    bv["remaining"] = b.remaining.ToDutchString();
    bv["over"] = b.overspent;
    bv["status_label"] = tr_.Get(c.lang, BudgetKey(b));
    return bv;
  };
  TemplateValue budget = TemplateValue::List();
  for (const BudgetLine& b : r.budget) budget.Push(budget_row(b));
  ctx["budget"] = std::move(budget);
  ctx["budget_total"] = budget_row(r.budget_total);
  TemplateValue warnings = TemplateValue::List();
  for (const std::string& w : r.warnings) warnings.Push(w);
  ctx["warnings"] = std::move(warnings);
  TemplateValue uncertain = TemplateValue::List();
  TemplateValue resolved = TemplateValue::List();
  for (const ReportUncertain& u : r.uncertain) {
    TemplateValue uv;
    uv["number"] = u.number;  // as contract_service.h ResolveUncertain counts them
    uv["what"] = u.item.what;
    uv["line"] = u.item.line;
    uv["withheld"] = u.withheld;
    uv["original"] = u.item.original;
    uv["read_as"] = u.item.corrected;
    uv["can_edit"] = edit;
    if (!u.answer) {
      uncertain.Push(std::move(uv));
      continue;
    }
    uv["confirmed"] = u.answer->confirmed;
    uv["value"] = u.answer->value;
    uv["by"] = u.answer->by;
    resolved.Push(std::move(uv));
  }
  ctx["uncertain"] = std::move(uncertain);
  ctx["resolved"] = std::move(resolved);
  return ctx;
}

Result<ContractReport> WebApp::ContractReportFor(Context& c, int* year_out) {
  SqliteContractStore store(*c.conn->db);
  Result<Contract> contract = LoadAmendedContract(store);
  if (!contract.ok()) return contract.status();
  const LocalDate today = TodayIn(clock_.Now());
  Result<int> year = YearOf(c.req, *contract, today);
  if (!year.ok()) return year.status();
  if (year_out != nullptr) *year_out = *year;
  SqliteGasMeasures gas(*c.conn->db);
  return ContractReportOf(store, gas, *year, today);
}

HttpResponse WebApp::ContractPage(Context& c) {
  Result<ContractReport> r = ContractReportFor(c, nullptr);
  if (!r.ok() && r.status().code() == StatusCode::kNotFound) {
    TemplateValue ctx = BaseContext(c, "contract_title");
    ctx["none"] = true;
    return Page(c, 200, "contract", ctx);
  }
  if (!r.ok()) return FromStatus(c, r.status());
  SqliteGasMeasures gas(*c.conn->db);
  MeasureRegistry registry;
  if (Status s = RegisterGasMeasures(registry, gas); !s.ok()) return FromStatus(c, s);
  TemplateValue ctx = ContractContext(c, *r, registry.List());
  ctx["none"] = false;
  SqliteContractStore store(*c.conn->db);
  Result<std::vector<Amendment>> amendments = store.Amendments();
  if (!amendments.ok()) return FromStatus(c, amendments.status());
  TemplateValue list = TemplateValue::List();
  for (const Amendment& a : *amendments) list.Push(AmendmentValue(a, CanEdit(c)));
  ctx["amendments"] = std::move(list);
  ctx["notice"] = c.req.Query("done") == "1" ? tr_.Get(c.lang, "contract_saved") : "";
  return Page(c, 200, "contract", ctx);
}

HttpResponse WebApp::ContractReportPage(Context& c) {
  Result<ContractReport> r = ContractReportFor(c, nullptr);
  if (!r.ok()) return FromStatus(c, r.status());
  TemplateValue ctx = ContractContext(c, *r, {});
  ctx["can_edit"] = false;
  return Page(c, 200, "contract_report", ctx);
}

HttpResponse WebApp::ContractReportPdf(Context& c) {
  Result<ContractReport> r = ContractReportFor(c, nullptr);
  if (!r.ok()) return FromStatus(c, r.status());
  Result<std::string> pdf = hh::ContractReportPdf(*r);
  if (!pdf.ok()) return FromStatus(c, pdf.status());
  HttpResponse res;
  res.status = 200;
  res.content_type = "application/pdf";
  res.body = std::move(*pdf);
  res.SetHeader("Content-Disposition",
                fmt::format("attachment; filename=\"contract-evaluatie-{}.pdf\"", r->year));
  return res;
}

namespace {
// After a change: back to the contract page of the year, at the indicator when there is one.
HttpResponse BackTo(const std::string& year, const std::string& anchor) {
  std::string to = "/contract?done=1";
  if (year.size() == 4 && AllDigits(year)) to += "&year=" + year;
  if (!anchor.empty()) to += "#i-" + UrlEncode(anchor);
  return HttpResponse::Redirect(to);
}
}  // namespace

namespace {
// The year of a form or query when it is four digits, else "".
std::string YearParam(const std::string& y) { return y.size() == 4 && AllDigits(y) ? y : ""; }
}  // namespace

// The amendment page: with ?path=, the form for that part (its value now, as imported and as
// the OCR read it), or, for a path a re-import removed, its amendment to undo; without, every
// part of the contract with its value. `error` is what was wrong with a value just sent.
HttpResponse WebApp::ContractAmendForm(Context& c, const std::string& path, const std::string& sent,
                                       const std::string& error) {
  SqliteContractStore store(*c.conn->db);
  Result<Contract> imported = store.LoadContract();
  if (!imported.ok()) return FromStatus(c, imported.status());
  Result<std::vector<Amendment>> all = store.Amendments();
  if (!all.ok()) return FromStatus(c, all.status());
  const Contract amended = ApplyAmendments(*imported, *all).contract;
  TemplateValue ctx = BaseContext(c, "contract_amend_title");
  std::string year = YearParam(c.req.Query("year"));
  if (year.empty()) year = YearParam(c.req.Form("year"));
  ctx["year"] = year;
  const Amendment* current = nullptr;
  for (const Amendment& a : *all) {
    if (a.path == path) current = &a;
  }
  if (path.empty()) {
    ctx["list"] = true;
    TemplateValue parts = TemplateValue::List();
    for (const AmendablePart& p : AmendableParts(amended)) {
      TemplateValue pv;
      pv["path"] = p.path;
      pv["value"] = p.value;
      bool is_amended = false;
      for (const Amendment& a : *all) is_amended = is_amended || a.path == p.path;
      pv["amended"] = is_amended;
      parts.Push(std::move(pv));
    }
    ctx["parts"] = std::move(parts);
    return Page(c, 200, "contract_amend", ctx);
  }
  ctx["list"] = false;
  ctx["path"] = path;
  Result<std::string> now = PartValue(amended, path);
  if (!now.ok() && current == nullptr) return FromStatus(c, now.status());
  ctx["vanished"] = !now.ok();
  ctx["current"] = now.ok() ? *now : std::string();
  ctx["value"] = error.empty() ? (now.ok() ? *now : std::string()) : sent;
  Result<std::string> as_imported = PartValue(*imported, path);
  ctx["imported"] = as_imported.ok() ? *as_imported : std::string();
  std::string ocr;
  for (const AmendablePart& p : AmendableParts(*imported)) {
    if (p.path == path && !p.original.empty() && p.original != p.value) ocr = p.original;
  }
  ctx["ocr"] = ocr;
  ctx["amended"] = current != nullptr;
  ctx["amendment"] = current != nullptr ? AmendmentValue(*current, true) : TemplateValue(false);
  ctx["error"] = error;
  return Page(c, error.empty() ? 200 : 400, "contract_amend", ctx);
}

HttpResponse WebApp::ContractAmendPage(Context& c) {
  return ContractAmendForm(c, c.req.Query("path"), "", "");
}

HttpResponse WebApp::ContractAmend(Context& c) {
  const std::string path = c.req.Form("path");
  const std::string action = c.req.Form("action");
  const std::string value = c.req.Form("value");
  if (path.empty() || path.size() > 200 || (action != "amend" && action != "undo")) {
    return ErrorPage(c, 400, "error_bad_request");
  }
  SqliteContractStore store(*c.conn->db);
  Status s = action == "undo"
                 ? UndoAmendment(store, path)
                 : AmendContract(store, path, value, c.who->user.login, clock_.Now()).status();
  if (s.code() == StatusCode::kInvalidArgument) {
    return ContractAmendForm(c, path, value, s.message());
  }
  if (!s.ok()) return FromStatus(c, s);
  if (Status a = AuditView(c, action == "undo" ? "contract_amend_undo" : "contract_amend",
                           "contract:" + path, action == "undo" ? "" : value);
      !a.ok()) {
    return FromStatus(c, a);
  }
  return BackTo(c.req.Form("year"), "");
}

HttpResponse WebApp::ApiContractAmendments(Context& c) {
  SqliteContractStore store(*c.conn->db);
  Result<Contract> imported = store.LoadContract();
  if (!imported.ok()) return FromStatus(c, imported.status());
  Result<std::vector<Amendment>> all = store.Amendments();
  if (!all.ok()) return FromStatus(c, all.status());
  json list = json::array();
  for (const Amendment& a : *all) {
    list.push_back({{"path", a.path},
                    {"value", a.value},
                    {"original", a.original},
                    {"by", a.by},
                    {"at", a.at.ToUtcString()}});
  }
  return HttpResponse::Json(
      200, json{{"amendments", list}, {"warnings", ApplyAmendments(*imported, *all).warnings}}.dump(
               -1, ' ', false, json::error_handler_t::replace));
}

HttpResponse WebApp::ApiContractAmend(Context& c) {
  json body = json::parse(c.req.body, nullptr, false);
  if (!body.is_object() || !body.contains("path") || !body["path"].is_string() ||
      !body.contains("value") || (!body["value"].is_string() && !body["value"].is_null())) {
    return ApiError(400, "body: {\"path\": PATH, \"value\": VALUE, or null to undo}");
  }
  const std::string path = body["path"].get<std::string>();
  SqliteContractStore store(*c.conn->db);
  if (body["value"].is_null()) {
    if (Status s = UndoAmendment(store, path); !s.ok()) return FromStatus(c, s);
    if (Status a = AuditView(c, "contract_amend_undo", "contract:" + path, ""); !a.ok()) {
      return FromStatus(c, a);
    }
    return HttpResponse::Json(200, json{{"path", path}, {"value", nullptr}}.dump());
  }
  const std::string value = body["value"].get<std::string>();
  Result<Amendment> a = AmendContract(store, path, value, c.who->user.login, clock_.Now());
  if (!a.ok()) return FromStatus(c, a.status());
  if (Status s = AuditView(c, "contract_amend", "contract:" + path, value); !s.ok()) {
    return FromStatus(c, s);
  }
  return HttpResponse::Json(200,
                            json{{"path", path}, {"value", value}, {"original", a->original}}.dump(
                                -1, ' ', false, json::error_handler_t::replace));
}

// Binds `key` to `measure` (unbinds it when `measure` is empty) and audits the change: the
// form's and the API's one path.
Status WebApp::BindAudited(Context& c, const std::string& key, const std::string& measure) {
  SqliteContractStore store(*c.conn->db);
  SqliteGasMeasures gas(*c.conn->db);
  Status s = measure.empty()
                 ? store.Unbind(key)
                 : BindIndicator(store, gas, key, measure, c.who->user.login, clock_.Now());
  if (!s.ok()) return s;
  return AuditView(c, measure.empty() ? "contract_unbind" : "contract_bind", "indicator:" + key,
                   measure);
}

HttpResponse WebApp::ContractBind(Context& c) {
  const std::string key = c.req.Form("indicator");
  const std::string measure = c.req.Form("measure");
  if (key.empty()) return ErrorPage(c, 400, "error_bad_request");
  if (Status s = BindAudited(c, key, measure); !s.ok()) return FromStatus(c, s);
  return BackTo(c.req.Form("year"), key);
}

HttpResponse WebApp::ContractResolve(Context& c) {
  const std::string item = c.req.Form("item");
  if (!AllDigits(item) || item.size() > 6) return ErrorPage(c, 400, "error_bad_request");
  const std::string action = c.req.Form("action");
  std::string value = c.req.Form("value");
  if (action == "confirm") {
    value.clear();
  } else if (action != "correct" || value.empty()) {
    return ErrorPage(c, 400, "error_bad_request");
  }
  SqliteContractStore store(*c.conn->db);
  Status s = ResolveUncertain(store, std::stoi(item), value, c.who->user.login, clock_.Now());
  if (!s.ok()) return FromStatus(c, s);
  if (Status a = AuditView(c, value.empty() ? "contract_confirm" : "contract_correct",
                           "contract_uncertain:" + item, value);
      !a.ok()) {
    return FromStatus(c, a);
  }
  return BackTo(c.req.Form("year"), "");
}

HttpResponse WebApp::ContractEvidenceUpload(Context& c) {
  const std::string key = c.req.Form("indicator");
  const std::string year = c.req.Form("year");
  if (key.empty() || year.size() != 4 || !AllDigits(year)) {
    return ErrorPage(c, 400, "error_bad_request");
  }
  std::optional<FormPart> file = c.req.File("evidence");
  std::string name;
  std::string type;
  std::string data;
  if (file && !file->filename.empty()) {
    // Only the last path component of what the browser sent.
    name = file->filename.substr(file->filename.find_last_of("/\\") + 1);
    type = file->content_type;
    data = std::move(file->data);
  }
  SqliteContractStore store(*c.conn->db);
  Result<int64_t> id = AddIndicatorEvidence(store, key, std::stoi(year), c.req.Form("note"), name,
                                            type, data, c.who->user.login, clock_.Now());
  if (!id.ok()) return FromStatus(c, id.status());
  if (Status a = AuditView(
          c, "contract_evidence", "indicator:" + key,
          fmt::format("evidence {} year {}{}", *id, year, name.empty() ? "" : " file " + name));
      !a.ok()) {
    return FromStatus(c, a);
  }
  return BackTo(year, key);
}

HttpResponse WebApp::ContractEvidenceFile(Context& c) {
  const std::string id = c.req.Param("id");
  if (!AllDigits(id)) return ErrorPage(c, 404, "error_not_found");
  SqliteContractStore store(*c.conn->db);
  Result<ContractStore::EvidenceFile> f = store.EvidenceFileOf(std::stoll(id));
  if (!f.ok()) return FromStatus(c, f.status());
  // A document may name people: its download is audited like a view of a person's data.
  if (Status a = AuditView(c, "view_contract_evidence", "contract_evidence:" + id, f->file_name);
      !a.ok()) {
    return FromStatus(c, a);
  }
  HttpResponse res;
  res.status = 200;
  // Never rendered by the browser as this site's content: always a download.
  res.content_type = "application/octet-stream";
  res.body = std::move(f->content);
  std::string safe;
  for (char ch : f->file_name) safe += (ch == '"' || ch == '\\' || ch < ' ') ? '_' : ch;
  res.SetHeader("Content-Disposition", "attachment; filename=\"" + safe + "\"");
  return res;
}

HttpResponse WebApp::ApiContractReport(Context& c) {
  Result<ContractReport> r = ContractReportFor(c, nullptr);
  if (!r.ok()) return FromStatus(c, r.status());
  return HttpResponse::Json(200, ReportJson(*r).dump());
}

HttpResponse WebApp::ApiContractBind(Context& c) {
  json body = json::parse(c.req.body, nullptr, false);
  if (!body.is_object() || !body.contains("indicator") || !body["indicator"].is_string() ||
      (body.contains("measure") && !body["measure"].is_string() && !body["measure"].is_null())) {
    return ApiError(400, "body: {\"indicator\": KEY, \"measure\": NAME or null}");
  }
  const std::string key = body["indicator"].get<std::string>();
  std::string measure;
  if (body.contains("measure") && body["measure"].is_string()) {
    measure = body["measure"].get<std::string>();
  }
  if (Status s = BindAudited(c, key, measure); !s.ok()) return FromStatus(c, s);
  return HttpResponse::Json(
      200, json{{"indicator", key}, {"measure", measure.empty() ? json(nullptr) : json(measure)}}
               .dump());
}

}  // namespace hh
