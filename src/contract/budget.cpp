#include "contract/budget.h"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>

#include "csv/csv_reader.h"

namespace hh {
namespace {

// At most this many bad rows are named in the refusal: enough to fix a file in one go,
// without burying the message.
constexpr int kMaxErrorsNamed = 20;

std::string Trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

std::string Lowered(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// YYYY-MM-DD, or dd/mm/jjjj as Belgian Excel writes a date (d/m/jjjj too).
Result<LocalDate> ParseDay(const std::string& text) {
  const size_t a = text.find('/');
  const size_t b = a == std::string::npos ? a : text.find('/', a + 1);
  if (b == std::string::npos) return LocalDate::Parse(text);
  auto number = [&](size_t from, size_t to, size_t min, size_t max) -> int {
    if (to - from < min || to - from > max) return -1;
    int v = 0;
    for (size_t i = from; i < to; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(text[i]))) return -1;
      v = v * 10 + (text[i] - '0');
    }
    return v;
  };
  const int d = number(0, a, 1, 2);
  const int m = number(a + 1, b, 1, 2);
  const int y = number(b + 1, text.size(), 4, 4);
  LocalDate out;
  if (d < 0 || m < 0 || y < 0 || !LocalDate::FromYmd(y, m, d, &out)) {
    return InvalidArgument("not a date");
  }
  return out;
}

}  // namespace

Result<std::vector<Spending>> ReadBudgetCsv(std::string_view bytes, std::string_view file_name,
                                            const Contract& contract) {
  const std::string file(file_name);
  const std::string_view first_line = bytes.substr(0, bytes.find('\n'));
  const char separator = first_line.find(';') != std::string_view::npos ? ';' : ',';
  std::unique_ptr<CsvReader> reader = CsvReader::FromString(std::string(bytes), separator);
  CsvRecord rec;
  if (!reader->Next(&rec)) return InvalidArgument(file + ": empty file (no header)");
  static const std::vector<std::string> kColumns = {"date",   "rubric",   "description",
                                                    "amount", "supplier", "document"};
  bool header_ok = rec.error == nullptr && rec.fields.size() == kColumns.size();
  for (size_t i = 0; header_ok && i < kColumns.size(); ++i) {
    header_ok = Lowered(Trimmed(rec.fields[i])) == kColumns[i];
  }
  if (!header_ok) {
    return InvalidArgument(fmt::format("{}: line {}: the header must be {} (or the same with ';')",
                                       file, rec.line, kBudgetCsvHeader));
  }
  std::string rubric_list;
  for (const Rubric& r : contract.rubrics) {
    rubric_list += (rubric_list.empty() ? "" : ", ") + r.number;
  }
  std::vector<Spending> rows;
  std::vector<std::string> errors;
  int bad = 0;
  auto fail = [&](uint64_t line, const char* field, const std::string& why) {
    ++bad;
    if (static_cast<int>(errors.size()) < kMaxErrorsNamed) {
      errors.push_back(fmt::format("{}: line {}, field {}: {}", file, line, field, why));
    }
  };
  while (reader->Next(&rec)) {
    if (rec.error != nullptr) {
      fail(rec.line, "(row)", rec.error);
      continue;
    }
    if (rec.fields.size() != kColumns.size()) {
      fail(rec.line, "(row)",
           fmt::format("{} fields, expected {}", rec.fields.size(), kColumns.size()));
      continue;
    }
    Spending s;
    s.line = static_cast<int>(rec.line);
    bool ok = true;
    std::string date = Trimmed(rec.fields[0]);
    Result<LocalDate> d = ParseDay(date);
    if (!d.ok()) {
      fail(rec.line, "date", "\"" + date + "\" must be a date YYYY-MM-DD or dd/mm/jjjj");
      ok = false;
    } else if ((contract.period_from && *d < *contract.period_from) ||
               (contract.period_to && *d > *contract.period_to)) {
      fail(rec.line, "date",
           fmt::format("{} is outside the contract's period {} .. {}", date,
                       contract.period_from ? contract.period_from->ToIsoString() : "",
                       contract.period_to ? contract.period_to->ToIsoString() : ""));
      ok = false;
    } else {
      s.date = *d;
    }
    s.rubric = Trimmed(rec.fields[1]);
    bool known = std::any_of(contract.rubrics.begin(), contract.rubrics.end(),
                             [&](const Rubric& r) { return r.number == s.rubric; });
    if (!known) {
      fail(rec.line, "rubric",
           fmt::format("\"{}\" is not a rubric of the contract ({})", s.rubric, rubric_list));
      ok = false;
    }
    s.description = Trimmed(rec.fields[2]);
    if (s.description.empty()) {
      fail(rec.line, "description", "must not be empty");
      ok = false;
    }
    std::string amount = Trimmed(rec.fields[3]);
    Result<Money> m = Money::ParseWritten(amount);
    if (!m.ok()) {
      fail(rec.line, "amount",
           "\"" + amount + "\" must be an amount in euro such as 1234.56, 1234,56 or 1.234,56");
      ok = false;
    } else if (m->cents() == 0) {
      fail(rec.line, "amount", "must not be zero");
      ok = false;
    } else {
      s.amount = *m;
    }
    s.supplier = Trimmed(rec.fields[4]);
    s.document = Trimmed(rec.fields[5]);
    if (ok) rows.push_back(std::move(s));
  }
  if (!reader->io_status().ok()) return reader->io_status();
  if (bad > 0) {
    std::string msg = fmt::format("{}: {} bad row(s), nothing imported", file, bad);
    for (const std::string& e : errors) msg += "\n" + e;
    if (bad > kMaxErrorsNamed) msg += fmt::format("\n... and {} more", bad - kMaxErrorsNamed);
    return InvalidArgument(msg);
  }
  return rows;
}

std::vector<BudgetLine> BudgetOfYear(const Contract& contract, const std::vector<Spending>& spent,
                                     int year) {
  std::vector<BudgetLine> out;
  auto line_of = [&out](const std::string& rubric) -> BudgetLine& {
    for (BudgetLine& b : out) {
      if (b.rubric == rubric) return b;
    }
    out.push_back({rubric, Money(), Money(), Money(), false});
    return out.back();
  };
  bool in_period = (!contract.period_from || contract.period_from->year() <= year) &&
                   (!contract.period_to || contract.period_to->year() >= year);
  for (const Rubric& r : contract.rubrics) {
    BudgetLine& b = line_of(r.number);
    if (r.years.empty()) {
      if (in_period) b.budget = r.annual_amount;
    } else {
      for (const RubricYear& y : r.years) {
        if (y.year == year) b.budget = y.amount;
      }
    }
  }
  for (const Spending& s : spent) {
    if (s.date.year() == year) line_of(s.rubric).spent += s.amount;
  }
  for (BudgetLine& b : out) {
    b.remaining = b.budget - b.spent;
    b.overspent = b.spent > b.budget;
  }
  return out;
}

}  // namespace hh
