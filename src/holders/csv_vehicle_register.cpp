// Loading register.csv (see csv_vehicle_register.h). The file is reference data: one bad row
// refuses it whole, with an error that names the file, the line and the field, as the screening
// configuration loaders do (anpr/screening_config.cpp). Values of personal fields (plate, name,
// address, birth date, company number) never appear in a message.
#include "holders/csv_vehicle_register.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <utility>

#include "csv/csv_reader.h"

namespace hh {
namespace {

// The columns, in the order Load indexes them.
enum Column {
  kPlate,
  kCountry,
  kValidFrom,
  kValidTo,
  kHolderKind,
  kName,
  kStreet,
  kHouseNumber,
  kPostalCode,
  kCity,
  kBirthDate,
  kCompanyNumber,
  kLanguage,
};

const std::vector<std::string_view>& Columns() {
  static const std::vector<std::string_view> kColumns = {
      "plate",      "country",        "valid_from",   "valid_to",    "holder_kind",
      "name",       "street",         "house_number", "postal_code", "city",
      "birth_date", "company_number", "language"};
  return kColumns;
}

// The language of a holder whose row leaves it empty: the city's own, Dutch (a Flemish city, in
// the Dutch-language region; issue 3's register format).
constexpr std::string_view kDefaultLanguage = "nl";

// "register.csv: line 7, field valid_to: must be later than valid_from"
Status RowError(const std::string& file, uint64_t line, std::string_view field,
                std::string_view what) {
  return InvalidArgument(fmt::format("{}: line {}, field {}: {}", file, line, field, what));
}

// An instant field that is present; *error is set when it does not parse.
bool ParseInstantField(const std::string& file, uint64_t line, std::string_view field,
                       std::string_view text, Instant* out, Status* error) {
  if (text.empty()) {
    *error = RowError(file, line, field, "empty");
    return false;
  }
  const char* why = nullptr;
  if (!Instant::TryParse(text, out, &why)) {
    *error = RowError(file, line, field,
                      fmt::format("\"{}\" is not an RFC 3339 instant ({})", text, why));
    return false;
  }
  return true;
}

struct ParsedRow {
  std::string key;  // country + normalised plate
  Instant from;
  std::optional<Instant> to;
  Holder holder;
};

// Parses and checks one data row whose shape (field count, quoting) is already checked.
Result<ParsedRow> ParseRow(const std::string& file, const CsvRecord& rec,
                           const std::vector<int>& col) {
  auto field = [&](Column c) { return rec.fields[static_cast<size_t>(col[c])]; };
  const uint64_t line = rec.line;
  ParsedRow row;

  auto plate = Plate::Parse(field(kPlate));
  if (!plate.ok()) return RowError(file, line, "plate", "no letter or digit in the plate");
  std::string_view country_text = field(kCountry);
  if (country_text.empty()) return RowError(file, line, "country", "empty");
  auto country = NormaliseCountryCode(country_text);
  if (!country) {
    return RowError(file, line, "country",
                    fmt::format("\"{}\" must be two letters (ISO 3166-1 alpha-2)", country_text));
  }
  row.key = *country + plate->normalised();

  Status error;
  if (!ParseInstantField(file, line, "valid_from", field(kValidFrom), &row.from, &error)) {
    return error;
  }
  if (!field(kValidTo).empty()) {
    Instant to;
    if (!ParseInstantField(file, line, "valid_to", field(kValidTo), &to, &error)) return error;
    if (to <= row.from) return RowError(file, line, "valid_to", "must be later than valid_from");
    row.to = to;
  }

  Holder& h = row.holder;
  std::string_view kind = field(kHolderKind);
  if (kind == HolderKindName(HolderKind::kPerson)) {
    h.kind = HolderKind::kPerson;
  } else if (kind == HolderKindName(HolderKind::kCompany)) {
    h.kind = HolderKind::kCompany;
  } else {
    return RowError(file, line, "holder_kind",
                    fmt::format("\"{}\" must be person or company", kind));
  }
  h.name = std::string(field(kName));
  if (h.name.find_first_not_of(" \t") == std::string::npos) {
    return RowError(file, line, "name", "empty");
  }
  h.address.street = std::string(field(kStreet));
  h.address.house_number = std::string(field(kHouseNumber));
  h.address.postal_code = std::string(field(kPostalCode));
  h.address.city = std::string(field(kCity));

  std::string_view birth = field(kBirthDate);
  std::string_view number = field(kCompanyNumber);
  if (h.kind == HolderKind::kPerson) {
    if (birth.empty()) return RowError(file, line, "birth_date", "empty (required for a person)");
    auto date = LocalDate::Parse(birth);
    if (!date.ok()) return RowError(file, line, "birth_date", "is not a date YYYY-MM-DD");
    h.birth_date = *date;
    if (!number.empty())
      return RowError(file, line, "company_number", "must be empty for a person");
  } else {
    if (number.empty()) {
      return RowError(file, line, "company_number", "empty (required for a company)");
    }
    auto normalised = NormaliseCompanyNumber(number);
    if (!normalised) {
      return RowError(file, line, "company_number", "must be 10 digits (dots and spaces allowed)");
    }
    h.company_number = std::move(*normalised);
    if (!birth.empty()) return RowError(file, line, "birth_date", "must be empty for a company");
  }

  std::string_view language = field(kLanguage);
  if (language.empty()) language = kDefaultLanguage;
  if (!IsLetterLanguage(language)) {
    return RowError(file, line, "language",
                    fmt::format("\"{}\" must be nl, fr, de or en (or empty for nl)", language));
  }
  h.language = std::string(language);
  return row;
}

}  // namespace

Result<std::unique_ptr<CsvVehicleRegister>> CsvVehicleRegister::Load(const std::string& path) {
  auto reader = CsvReader::OpenFile(path);
  if (!reader.ok()) return reader.status();
  CsvRecord rec;
  if (!(*reader)->Next(&rec)) {
    if (!(*reader)->io_status().ok()) {
      return Unavailable(path + ": " + (*reader)->io_status().message());
    }
    return InvalidArgument(path + ": line 1: the file is empty (a header row is required)");
  }
  if (rec.error != nullptr) return RowError(path, rec.line, "header", rec.error);
  auto located = LocateColumns(rec, Columns());
  if (!located.ok()) return InvalidArgument(path + ": " + located.status().message());
  const std::vector<int> col = std::move(*located);
  const size_t header_size = rec.fields.size();

  std::unique_ptr<CsvVehicleRegister> reg(new CsvVehicleRegister(path));
  while ((*reader)->Next(&rec)) {
    if (rec.error != nullptr) return RowError(path, rec.line, "row", rec.error);
    if (rec.fields.size() != header_size) {
      return RowError(path, rec.line, "row",
                      fmt::format("expected {} fields, found {}", header_size, rec.fields.size()));
    }
    auto row = ParseRow(path, rec, col);
    if (!row.ok()) return row.status();
    reg->index_[row->key].push_back(
        Registration{row->from, row->to, std::move(row->holder), rec.line});
    ++reg->rows_;
  }
  if (!(*reader)->io_status().ok()) {
    return Unavailable(path + ": " + (*reader)->io_status().message());
  }

  // Sort each plate's registrations by start and refuse overlaps. Sorted by start, periods are
  // disjoint exactly when each one ends at or before the next one starts. Of all overlapping
  // pairs the one whose later line comes first in the file is reported (whatever the hash order).
  struct Overlap {
    uint64_t line = 0;   // the later line of the pair: the one reported
    uint64_t other = 0;  // the earlier line
    std::string_view field;
  } first;
  for (auto& [key, regs] : reg->index_) {
    std::sort(regs.begin(), regs.end(), [](const Registration& a, const Registration& b) {
      return a.from != b.from ? a.from < b.from : a.line < b.line;
    });
    for (size_t i = 1; i < regs.size(); ++i) {
      const Registration& a = regs[i - 1];
      const Registration& b = regs[i];
      if (a.to && *a.to <= b.from) continue;
      // b starts inside a's period: b's valid_from is wrong, or a's valid_to is.
      Overlap o = b.line > a.line ? Overlap{b.line, a.line, "valid_from"}
                                  : Overlap{a.line, b.line, "valid_to"};
      if (first.line == 0 || o.line < first.line) first = o;
    }
  }
  if (first.line != 0) {
    return RowError(
        path, first.line, first.field,
        fmt::format("the period overlaps that of line {} for the same plate and country",
                    first.other));
  }
  return reg;
}

Result<std::optional<Holder>> CsvVehicleRegister::Lookup(const RegisterQuery& query) {
  auto country = NormaliseCountryCode(query.country);
  if (!country) return std::optional<Holder>();
  auto it = index_.find(*country + query.plate.normalised());
  if (it == index_.end()) return std::optional<Holder>();
  const std::vector<Registration>& regs = it->second;
  // The last registration that starts at or before `at`; periods do not overlap, so it is the
  // only candidate.
  auto after =
      std::upper_bound(regs.begin(), regs.end(), query.at,
                       [](const Instant& at, const Registration& r) { return at < r.from; });
  if (after == regs.begin()) return std::optional<Holder>();
  const Registration& r = *(after - 1);
  if (r.to && query.at >= *r.to) return std::optional<Holder>();
  return std::optional<Holder>(r.holder);
}

std::string CsvVehicleRegister::Name() const { return "csv:" + path_; }

}  // namespace hh
