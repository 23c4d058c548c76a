#include "contract/contract_json.h"

#include <nlohmann/json.hpp>

namespace hh {
namespace {

nlohmann::json Date(const std::optional<LocalDate>& d) {
  return d ? nlohmann::json(d->ToIsoString()) : nlohmann::json(nullptr);
}

nlohmann::json Texts(const std::vector<ContractText>& v) {
  nlohmann::json a = nlohmann::json::array();
  for (const ContractText& t : v) a.push_back(t.text);
  return a;
}

}  // namespace

std::string ContractJson(const Contract& c) {
  nlohmann::ordered_json j;
  j["period"] = {{"from", Date(c.period_from)}, {"to", Date(c.period_to)}};
  j["decision"] = {{"date", Date(c.decision.date)},
                   {"votes_for", c.decision.votes_for},
                   {"votes_against", c.decision.votes_against},
                   {"abstentions", c.decision.abstentions}};
  nlohmann::ordered_json rubrics = nlohmann::ordered_json::array();
  for (const Rubric& r : c.rubrics) {
    rubrics.push_back({{"number", r.number},
                       {"title", r.title.text},
                       {"annual_amount", r.annual_amount.ToDecimalString()}});
  }
  j["rubrics"] = rubrics;
  nlohmann::ordered_json objectives = nlohmann::ordered_json::array();
  for (const ObjectiveGroup& g : c.objectives) {
    nlohmann::ordered_json strategic = nlohmann::ordered_json::array();
    for (const StrategicObjective& s : g.strategic) {
      nlohmann::ordered_json indicators = nlohmann::ordered_json::array();
      for (const Indicator& i : s.indicators) {
        nlohmann::ordered_json th = nullptr;
        if (i.threshold) th = {{"min", i.threshold->min}, {"per", i.threshold->per}};
        indicators.push_back(
            {{"text", i.text.text}, {"kind", IndicatorKindName(i.kind)}, {"threshold", th}});
      }
      strategic.push_back({{"number", s.number},
                           {"title", s.title.text},
                           {"operational", Texts(s.operational)},
                           {"expected_results", Texts(s.expected_results)},
                           {"indicators", indicators}});
    }
    objectives.push_back(
        {{"rubric", g.rubric},
         {"sector", g.sector ? nlohmann::ordered_json(*g.sector) : nlohmann::ordered_json(nullptr)},
         {"general", g.general.text},
         {"strategic", strategic}});
  }
  j["objectives"] = objectives;
  nlohmann::ordered_json procedure = nlohmann::ordered_json::array();
  for (const ProcedureStep& p : c.procedure) {
    procedure.push_back({{"step", p.step.text}, {"deadline", Date(p.deadline)}});
  }
  j["procedure"] = procedure;
  j["warnings"] = c.warnings;
  // OCR text may hold bytes that are not UTF-8: they become U+FFFD rather than an exception.
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace hh
