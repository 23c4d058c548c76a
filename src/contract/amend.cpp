#include "contract/amend.h"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>

namespace hh {
namespace {

// What a path's value is.
enum class Kind {
  kDate,            // YYYY-MM-DD
  kOptionalDate,    // YYYY-MM-DD or "none"
  kCount,           // a whole number >= 0
  kText,            // a ContractText, not empty
  kTextMayBeEmpty,  // a ContractText (the general objective)
  kAmount,          // a rubric's annual amount
  kIndicatorKind,   // existence | count | threshold
  kThreshold,       // "6/year" or "none"
};

// The part a path names in a contract: one of the pointers, by kind.
struct Target {
  Kind kind = Kind::kText;
  std::optional<LocalDate>* date = nullptr;
  int* count = nullptr;
  ContractText* text = nullptr;
  Rubric* rubric = nullptr;
  Indicator* indicator = nullptr;
};

bool Digits(std::string_view s) {
  return !s.empty() && s.size() <= 6 &&
         std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    size_t dot = path.find('.', start);
    out.push_back(path.substr(start, dot == std::string_view::npos ? dot : dot - start));
    if (dot == std::string_view::npos) return out;
    start = dot + 1;
  }
}

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::string Lower(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

Status NoForm(std::string_view path, std::string_view why) {
  return InvalidArgument(
      fmt::format("amendment {}: {} (see contract/amend.h for the paths)", path, why));
}

Status NoPart(std::string_view path, std::string_view what) {
  return NotFound(fmt::format("amendment {}: the contract has no {}", path, what));
}

// The position (1-based) in a list of `size` items.
Result<size_t> Position(std::string_view path, std::string_view token, size_t size,
                        std::string_view what) {
  if (!Digits(token)) return NoForm(path, fmt::format("{} must be a position such as 1", what));
  size_t n = static_cast<size_t>(std::stoul(std::string(token)));
  if (n < 1 || n > size) return NoPart(path, fmt::format("{} {}", what, token));
  return n - 1;
}

ObjectiveGroup* FindGroup(Contract& c, std::string_view rubric, std::optional<int> sector) {
  for (ObjectiveGroup& g : c.objectives) {
    if (g.rubric == rubric && g.sector == sector) return &g;
  }
  return nullptr;
}

StrategicObjective* FindStrategic(ObjectiveGroup& g, int number) {
  for (StrategicObjective& so : g.strategic) {
    if (so.number == number) return &so;
  }
  return nullptr;
}

std::string GroupName(std::string_view rubric, std::optional<int> sector) {
  if (sector) return fmt::format("{}.{}", rubric, *sector);
  return std::string(rubric);
}

// "objective.R[.S].N..." and "indicator.R[.S].N.I...": the group and strategic objective named
// by `digits` (S and N, or N alone; `with_objective` false for "objective.R[.S].general").
Result<ObjectiveGroup*> GroupOf(Contract& c, std::string_view path, std::string_view rubric,
                                const std::vector<std::string_view>& digits, bool sector_given) {
  std::optional<int> sector;
  if (sector_given) sector = std::stoi(std::string(digits[0]));
  ObjectiveGroup* g = FindGroup(c, rubric, sector);
  if (g == nullptr) {
    return NoPart(path, fmt::format("objective group {}", GroupName(rubric, sector)));
  }
  return g;
}

Result<StrategicObjective*> StrategicOf(ObjectiveGroup& g, std::string_view path,
                                        std::string_view number) {
  StrategicObjective* so = FindStrategic(g, std::stoi(std::string(number)));
  if (so == nullptr) {
    return NoPart(path,
                  fmt::format("strategic objective {}.{}", GroupName(g.rubric, g.sector), number));
  }
  return so;
}

Result<Target> Resolve(Contract& c, std::string_view path) {
  const std::vector<std::string_view> t = Split(path);
  const std::string_view head = t[0];
  Target out;
  if (head == "period" && t.size() == 2 && (t[1] == "from" || t[1] == "to")) {
    out.kind = Kind::kDate;
    out.date = t[1] == "from" ? &c.period_from : &c.period_to;
    return out;
  }
  if (head == "decision" && t.size() == 2) {
    if (t[1] == "date") {
      out.kind = Kind::kDate;
      out.date = &c.decision.date;
      return out;
    }
    out.kind = Kind::kCount;
    if (t[1] == "votes_for") out.count = &c.decision.votes_for;
    if (t[1] == "votes_against") out.count = &c.decision.votes_against;
    if (t[1] == "abstentions") out.count = &c.decision.abstentions;
    if (out.count != nullptr) return out;
    return NoForm(path, "decision has date, votes_for, votes_against, abstentions");
  }
  if (head == "party" && t.size() == 3 && t[2] == "name") {
    Result<size_t> i = Position(path, t[1], c.parties.size(), "party");
    if (!i.ok()) return i.status();
    out.text = &c.parties[*i].name;
    return out;
  }
  if (head == "rubric" && t.size() == 3 && (t[2] == "title" || t[2] == "annual_amount")) {
    for (Rubric& r : c.rubrics) {
      if (r.number != t[1]) continue;
      if (t[2] == "title") {
        out.text = &r.title;
      } else {
        out.kind = Kind::kAmount;
        out.rubric = &r;
      }
      return out;
    }
    return NoPart(path, fmt::format("rubric {}", t[1]));
  }
  if (head == "procedure" && t.size() == 3 && (t[2] == "step" || t[2] == "deadline")) {
    Result<size_t> i = Position(path, t[1], c.procedure.size(), "procedure step");
    if (!i.ok()) return i.status();
    if (t[2] == "step") {
      out.text = &c.procedure[*i].step;
    } else {
      out.kind = Kind::kOptionalDate;
      out.date = &c.procedure[*i].deadline;
    }
    return out;
  }
  if ((head == "objective" || head == "indicator") && t.size() >= 3) {
    const std::string_view rubric = t[1];
    if (rubric.empty() || Digits(rubric)) return NoForm(path, "a rubric such as II comes first");
    size_t i = 2;
    std::vector<std::string_view> digits;
    while (i < t.size() && Digits(t[i])) digits.push_back(t[i++]);
    if (i == t.size()) return NoForm(path, "the part's field is missing");
    const std::string_view field = t[i];
    const size_t rest = t.size() - i - 1;
    if (head == "indicator") {
      if (digits.size() < 2 || digits.size() > 3 || rest != 0 ||
          (field != "text" && field != "kind" && field != "threshold")) {
        return NoForm(path, "an indicator is indicator.R[.S].N.I.text|kind|threshold");
      }
      const bool sector = digits.size() == 3;
      Result<ObjectiveGroup*> g = GroupOf(c, path, rubric, digits, sector);
      if (!g.ok()) return g.status();
      Result<StrategicObjective*> so = StrategicOf(**g, path, digits[sector ? 1 : 0]);
      if (!so.ok()) return so.status();
      Result<size_t> n = Position(path, digits.back(), (*so)->indicators.size(), "indicator");
      if (!n.ok()) return n.status();
      Indicator& ind = (*so)->indicators[*n];
      if (field == "text") {
        out.text = &ind.text;
      } else {
        out.kind = field == "kind" ? Kind::kIndicatorKind : Kind::kThreshold;
        out.indicator = &ind;
      }
      return out;
    }
    if (field == "general") {
      if (digits.size() > 1 || rest != 0) return NoForm(path, "objective.R[.S].general");
      Result<ObjectiveGroup*> g = GroupOf(c, path, rubric, digits, digits.size() == 1);
      if (!g.ok()) return g.status();
      out.kind = Kind::kTextMayBeEmpty;
      out.text = &(*g)->general;
      return out;
    }
    const bool list = field == "operational" || field == "expected";
    if ((field != "title" && !list) || digits.empty() || digits.size() > 2 ||
        rest != (list ? 1u : 0u)) {
      return NoForm(path,
                    "an objective is objective.R[.S].general, objective.R[.S].N.title, "
                    "objective.R[.S].N.operational.I or objective.R[.S].N.expected.I");
    }
    const bool sector = digits.size() == 2;
    Result<ObjectiveGroup*> g = GroupOf(c, path, rubric, digits, sector);
    if (!g.ok()) return g.status();
    Result<StrategicObjective*> so = StrategicOf(**g, path, digits.back());
    if (!so.ok()) return so.status();
    if (field == "title") {
      out.text = &(*so)->title;
      return out;
    }
    std::vector<ContractText>& items =
        field == "operational" ? (*so)->operational : (*so)->expected_results;
    Result<size_t> n =
        Position(path, t.back(), items.size(),
                 field == "operational" ? "operational objective" : "expected result");
    if (!n.ok()) return n.status();
    out.text = &items[*n];
    return out;
  }
  return NoForm(path, "no such path");
}

// "268172.73", "268.172,73", "€ 268.172,73", "268.172,73 euro" (Money::ParseWritten): >= 0.
Result<Money> ParseAmount(std::string_view path, std::string_view value) {
  Result<Money> m = Money::ParseWritten(value);
  if (!m.ok() || m->cents() < 0) {
    return InvalidArgument(fmt::format(
        "amendment {}: \"{}\" is not an amount (such as 268172.73 or 268.172,73)", path, value));
  }
  return *m;
}

Result<std::optional<Threshold>> ParseThreshold(std::string_view path, std::string_view value) {
  const std::string v = Lower(Trim(value));
  if (v == "none") return std::optional<Threshold>();
  const size_t slash = v.find('/');
  const std::string min = slash == std::string::npos ? "" : Trim(v.substr(0, slash));
  const std::string per = slash == std::string::npos ? "" : Trim(v.substr(slash + 1));
  if (!Digits(min) || std::stoi(min) < 1 ||
      (per != "year" && per != "quarter" && per != "month" && per != "contract")) {
    return InvalidArgument(fmt::format(
        "amendment {}: the threshold \"{}\" must be a minimum per period, such as 6/year, "
        "4/quarter, 2/month or 1/contract, or none",
        path, value));
  }
  return std::optional<Threshold>(Threshold{std::stoi(min), per});
}

std::string DateValue(const std::optional<LocalDate>& d) {
  return d ? d->ToIsoString() : std::string("none");
}

std::string ThresholdValue(const std::optional<Threshold>& t) {
  return t ? fmt::format("{}/{}", t->min, t->per) : std::string("none");
}

std::string ValueOf(const Target& t) {
  switch (t.kind) {
    case Kind::kDate:
    case Kind::kOptionalDate:
      return DateValue(*t.date);
    case Kind::kCount:
      return std::to_string(*t.count);
    case Kind::kText:
    case Kind::kTextMayBeEmpty:
      return t.text->text;
    case Kind::kAmount:
      return t.rubric->annual_amount.ToDecimalString();
    case Kind::kIndicatorKind:
      return IndicatorKindName(t.indicator->kind);
    case Kind::kThreshold:
      return ThresholdValue(t.indicator->threshold);
  }
  return "";
}

}  // namespace

std::vector<AmendablePart> AmendableParts(const Contract& c) {
  std::vector<AmendablePart> out;
  auto text = [&out](std::string path, const ContractText& t) {
    out.push_back({std::move(path), t.text, t.original});
  };
  out.push_back({"period.from", DateValue(c.period_from), ""});
  out.push_back({"period.to", DateValue(c.period_to), ""});
  out.push_back({"decision.date", DateValue(c.decision.date), ""});
  out.push_back({"decision.votes_for", std::to_string(c.decision.votes_for), ""});
  out.push_back({"decision.votes_against", std::to_string(c.decision.votes_against), ""});
  out.push_back({"decision.abstentions", std::to_string(c.decision.abstentions), ""});
  for (size_t i = 0; i < c.parties.size(); ++i) {
    text(fmt::format("party.{}.name", i + 1), c.parties[i].name);
  }
  for (const Rubric& r : c.rubrics) {
    text("rubric." + r.number + ".title", r.title);
    out.push_back({"rubric." + r.number + ".annual_amount", r.annual_amount.ToDecimalString(), ""});
  }
  for (const ObjectiveGroup& g : c.objectives) {
    const std::string group = GroupName(g.rubric, g.sector);
    text("objective." + group + ".general", g.general);
    for (const StrategicObjective& so : g.strategic) {
      const std::string base = fmt::format("objective.{}.{}", group, so.number);
      text(base + ".title", so.title);
      for (size_t i = 0; i < so.operational.size(); ++i) {
        text(fmt::format("{}.operational.{}", base, i + 1), so.operational[i]);
      }
      for (size_t i = 0; i < so.expected_results.size(); ++i) {
        text(fmt::format("{}.expected.{}", base, i + 1), so.expected_results[i]);
      }
      for (size_t i = 0; i < so.indicators.size(); ++i) {
        const std::string key = fmt::format("indicator.{}.{}.{}", group, so.number, i + 1);
        const Indicator& ind = so.indicators[i];
        text(key + ".text", ind.text);
        out.push_back({key + ".kind", IndicatorKindName(ind.kind), ""});
        out.push_back({key + ".threshold", ThresholdValue(ind.threshold), ""});
      }
    }
  }
  for (size_t i = 0; i < c.procedure.size(); ++i) {
    text(fmt::format("procedure.{}.step", i + 1), c.procedure[i].step);
    out.push_back(
        {fmt::format("procedure.{}.deadline", i + 1), DateValue(c.procedure[i].deadline), ""});
  }
  return out;
}

Result<std::string> PartValue(const Contract& c, std::string_view path) {
  // Resolve only reads through the pointers here.
  Result<Target> t =
      Resolve(const_cast<Contract&>(c), path);  // NOLINT(cppcoreguidelines-pro-type-const-cast)
  if (!t.ok()) return t.status();
  return ValueOf(*t);
}

Status ApplyAmendment(Contract& c, std::string_view path, std::string_view value) {
  Result<Target> r = Resolve(c, path);
  if (!r.ok()) return r.status();
  const Target& t = *r;
  switch (t.kind) {
    case Kind::kDate:
    case Kind::kOptionalDate: {
      const std::string v = Trim(value);
      if (t.kind == Kind::kOptionalDate && Lower(v) == "none") {
        *t.date = std::nullopt;
        return Status::Ok();
      }
      Result<LocalDate> parsed = LocalDate::Parse(v);
      if (!parsed.ok()) {
        return InvalidArgument(fmt::format("amendment {}: \"{}\" is not a date (YYYY-MM-DD{})",
                                           path, value,
                                           t.kind == Kind::kOptionalDate ? " or none" : ""));
      }
      const bool from = t.date == &c.period_from;
      const bool to = t.date == &c.period_to;
      if ((from && c.period_to && *parsed > *c.period_to) ||
          (to && c.period_from && *parsed < *c.period_from)) {
        return InvalidArgument(
            fmt::format("amendment {}: {} would put the period's start after its end", path, v));
      }
      *t.date = *parsed;
      return Status::Ok();
    }
    case Kind::kCount: {
      const std::string v = Trim(value);
      if (!Digits(v)) {
        return InvalidArgument(
            fmt::format("amendment {}: \"{}\" is not a whole number of votes", path, value));
      }
      *t.count = std::stoi(v);
      return Status::Ok();
    }
    case Kind::kText:
    case Kind::kTextMayBeEmpty: {
      std::string v = Trim(value);
      if (v.empty() && t.kind == Kind::kText) {
        return InvalidArgument(fmt::format("amendment {}: the text is empty", path));
      }
      t.text->text = std::move(v);  // .original keeps the OCR's reading
      return Status::Ok();
    }
    case Kind::kAmount: {
      Result<Money> m = ParseAmount(path, value);
      if (!m.ok()) return m.status();
      t.rubric->annual_amount = *m;
      for (RubricYear& y : t.rubric->years) y.amount = *m;
      return Status::Ok();
    }
    case Kind::kIndicatorKind: {
      std::optional<IndicatorKind> k = IndicatorKindFromName(Lower(Trim(value)));
      if (!k) {
        return InvalidArgument(fmt::format(
            "amendment {}: the kind \"{}\" must be existence, count or threshold", path, value));
      }
      if (*k == IndicatorKind::kThreshold && !t.indicator->threshold) {
        return InvalidArgument(fmt::format(
            "amendment {}: a threshold indicator needs its threshold: amend {}threshold "
            "(such as 6/year) instead",
            path, path.substr(0, path.size() - std::string_view("kind").size())));
      }
      t.indicator->kind = *k;
      if (*k != IndicatorKind::kThreshold) t.indicator->threshold.reset();
      return Status::Ok();
    }
    case Kind::kThreshold: {
      Result<std::optional<Threshold>> th = ParseThreshold(path, value);
      if (!th.ok()) return th.status();
      t.indicator->threshold = *th;
      if (*th) {
        t.indicator->kind = IndicatorKind::kThreshold;
      } else if (t.indicator->kind == IndicatorKind::kThreshold) {
        t.indicator->kind = IndicatorKind::kCount;
      }
      return Status::Ok();
    }
  }
  return Status::Ok();
}

AmendedContract ApplyAmendments(const Contract& imported,
                                const std::vector<Amendment>& amendments) {
  AmendedContract out{imported, {}};
  std::vector<const Amendment*> order;
  order.reserve(amendments.size());
  for (const Amendment& a : amendments) order.push_back(&a);
  std::stable_sort(order.begin(), order.end(), [](const Amendment* x, const Amendment* y) {
    if (x->at != y->at) return x->at < y->at;
    return x->path < y->path;
  });
  for (const Amendment* a : order) {
    Status s = ApplyAmendment(out.contract, a->path, a->value);
    if (s.ok()) continue;
    std::string w = s.code() == StatusCode::kNotFound
                        ? fmt::format(
                              "amendment {} not applied: that part is not in the contract (a "
                              "re-import may have removed it); {}",
                              a->path, s.message())
                        : fmt::format("amendment {} not applied: {}", a->path, s.message());
    out.warnings.push_back(w);
    out.contract.warnings.push_back(std::move(w));
  }
  // The stated totals checked again against the amended rubric amounts: the import's total
  // warnings give way to those of the amended contract, in the first one's place.
  std::vector<std::string> before = TotalWarnings(imported);
  std::vector<std::string> after = TotalWarnings(out.contract);
  if (before != after) {
    std::vector<std::string>& w = out.contract.warnings;
    size_t place = w.size();
    for (const std::string& old : before) {
      auto it = std::find(w.begin(), w.end(), old);
      if (it == w.end()) continue;
      place = std::min(place, static_cast<size_t>(it - w.begin()));
      w.erase(it);
    }
    place = std::min(place, w.size());
    w.insert(w.begin() + static_cast<std::ptrdiff_t>(place), std::make_move_iterator(after.begin()),
             std::make_move_iterator(after.end()));
  }
  return out;
}

std::optional<std::string> IndicatorKeyOfTextPath(std::string_view path) {
  constexpr std::string_view kHead = "indicator.";
  constexpr std::string_view kTail = ".text";
  if (path.size() <= kHead.size() + kTail.size() || path.substr(0, kHead.size()) != kHead ||
      path.substr(path.size() - kTail.size()) != kTail) {
    return std::nullopt;
  }
  return std::string(path.substr(kHead.size(), path.size() - kHead.size() - kTail.size()));
}

}  // namespace hh
