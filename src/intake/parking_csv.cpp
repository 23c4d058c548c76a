#include "intake/parking_csv.h"

#include <optional>
#include <unordered_map>
#include <utility>

#include "csv/csv_reader.h"

namespace hh {
namespace {

// Indexes into kParkingColumns.
enum Column {
  kFindingId,
  kFoundAt,
  kPlate,
  kCountry,
  kStreet,
  kHouseNumber,
  kPostalCode,
  kOffenceCode,
  kCategory,
  kOfficerId,
  kPhotoRefs,
  kRemarks,
  kColumnCount,
};
static_assert(std::size(kParkingColumns) == kColumnCount);

std::string_view Trim(std::string_view s) {
  constexpr std::string_view kSpace = " \t\r\n\f\v";
  const size_t first = s.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

bool IsAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string AsciiUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// Belgian postal codes are four digits from 1000 (Brussels) to 9999 (bpost's numbering; the
// first digit names the province, never 0).
bool IsBelgianPostalCode(std::string_view s) {
  return s.size() == 4 && s[0] >= '1' && s[0] <= '9' && IsDigit(s[1]) && IsDigit(s[2]) &&
         IsDigit(s[3]);
}

// "parking.csv: line 4, field category: ..."
std::string Message(const std::string& file, uint64_t line, std::string_view field,
                    std::string_view what) {
  std::string m = file;
  m += ": line ";
  m += std::to_string(line);
  m += ", field ";
  m += field;
  m += ": ";
  m += what;
  return m;
}

std::string Quoted(std::string_view value) { return "\"" + std::string(value) + "\""; }

// Parses one data row whose shape (quoting, field count) is right. On a bad field returns
// nullopt and fills *error.
std::optional<ParkingFinding> ParseRow(const std::string& file, const CsvRecord& rec,
                                       const std::vector<int>& col, RowError* error) {
  auto field = [&](Column c) { return rec.fields[static_cast<size_t>(col[c])]; };
  auto fail = [&](Column c, std::string_view what) {
    const std::string_view name = kParkingColumns[c];
    *error = RowError{rec.line, std::string(name), Message(file, rec.line, name, what)};
    return std::nullopt;
  };

  const std::string_view id = Trim(field(kFindingId));
  if (id.empty()) return fail(kFindingId, "empty");

  Instant found_at;
  const char* why = nullptr;
  if (!Instant::TryParse(field(kFoundAt), &found_at, &why)) {
    return fail(kFoundAt,
                Quoted(field(kFoundAt)) + " is not an RFC 3339 instant (" + std::string(why) + ")");
  }

  auto plate = Plate::Parse(field(kPlate));
  if (!plate.ok()) return fail(kPlate, "no letter or digit in the plate");

  const std::string_view country = Trim(field(kCountry));
  if (country.empty()) return fail(kCountry, "empty");
  if (country.size() != 2 || !IsAsciiLetter(country[0]) || !IsAsciiLetter(country[1])) {
    return fail(kCountry, Quoted(country) + " must be two letters (ISO 3166-1 alpha-2)");
  }

  // The place of the facts: an address, so its value is never quoted.
  const std::string_view street = Trim(field(kStreet));
  if (street.empty()) return fail(kStreet, "empty");
  const std::string_view house_number = Trim(field(kHouseNumber));
  const std::string_view postal_code = Trim(field(kPostalCode));
  if (postal_code.empty()) return fail(kPostalCode, "empty");
  if (!IsBelgianPostalCode(postal_code)) {
    return fail(kPostalCode, "must be a Belgian postal code (4 digits, 1000-9999)");
  }

  const std::string_view offence = Trim(field(kOffenceCode));
  if (offence.empty()) return fail(kOffenceCode, "empty");
  for (char c : offence) {
    if (c < ' ' || c > '~') return fail(kOffenceCode, Quoted(offence) + " must be printable ASCII");
  }

  // KB 9 maart 2014 as amended from 2018-09-01 (GAS.md 2.1): categories 1 and 2. There is no
  // category 3, and category 4 (level crossings) is no longer GAS, so intake refuses it even
  // for older facts (such facts are long past every GAS deadline).
  const std::string_view category_text = Trim(field(kCategory));
  TrafficCategory category = TrafficCategory::kCategory1;
  if (category_text == "1") {
    category = TrafficCategory::kCategory1;
  } else if (category_text == "2") {
    category = TrafficCategory::kCategory2;
  } else if (category_text == "4") {
    return fail(kCategory,
                "\"4\" must be 1 or 2 (category 4, level crossings, left GAS on 2018-09-01)");
  } else {
    return fail(kCategory, Quoted(category_text) + " must be 1 or 2");
  }

  const std::string_view officer = Trim(field(kOfficerId));
  if (officer.empty()) return fail(kOfficerId, "empty");

  std::vector<std::string> photos;
  std::string_view refs = field(kPhotoRefs);
  while (true) {
    const size_t semi = refs.find(';');
    const std::string_view item = Trim(refs.substr(0, semi));
    if (!item.empty()) photos.emplace_back(item);
    if (semi == std::string_view::npos) break;
    refs.remove_prefix(semi + 1);
  }

  return ParkingFinding{
      .line = rec.line,
      .finding_id = std::string(id),
      .found_at = found_at,
      .plate = std::move(*plate),
      .country = AsciiUpper(country),
      .street = std::string(street),
      .house_number = std::string(house_number),
      .postal_code = std::string(postal_code),
      .offence_code = AsciiUpper(offence),
      .category = category,
      .officer_id = std::string(officer),
      .photo_refs = std::move(photos),
      .remarks = std::string(Trim(field(kRemarks))),
  };
}

}  // namespace

namespace {
Result<ParkingFile> ReadParking(CsvReader& reader, const std::string& path);
}  // namespace

Result<ParkingFile> ReadParkingCsv(const std::string& path) {
  auto opened = CsvReader::OpenFile(path);
  // CsvReader says NotFound for a missing file; for intake every unopenable file is Unavailable.
  if (!opened.ok()) return Unavailable(opened.status().message());
  return ReadParking(**opened, path);
}

Result<ParkingFile> ParseParkingCsv(std::string text, const std::string& name) {
  return ReadParking(*CsvReader::FromString(std::move(text)), name);
}

namespace {
Result<ParkingFile> ReadParking(CsvReader& reader, const std::string& path) {
  CsvRecord header;
  if (!reader.Next(&header)) {
    if (!reader.io_status().ok()) return Unavailable(path + ": " + reader.io_status().message());
    return InvalidArgument(path + ": line 1: the file is empty (a header row is required)");
  }
  if (header.error != nullptr) {
    return InvalidArgument(Message(path, header.line, "header", header.error));
  }
  auto located = LocateColumns(header, std::vector<std::string_view>(std::begin(kParkingColumns),
                                                                     std::end(kParkingColumns)));
  if (!located.ok()) return InvalidArgument(path + ": " + located.status().message());
  const std::vector<int>& col = *located;
  const size_t header_size = header.fields.size();

  ParkingFile out;
  std::unordered_map<std::string, uint64_t> first_line_of_id;  // kept rows only
  CsvRecord rec;
  while (reader.Next(&rec)) {
    ++out.rows;
    if (rec.error != nullptr) {
      out.errors.push_back({rec.line, "row", Message(path, rec.line, "row", rec.error)});
      continue;
    }
    if (rec.fields.size() != header_size) {
      out.errors.push_back({rec.line, "row",
                            Message(path, rec.line, "row",
                                    "expected " + std::to_string(header_size) + " fields, found " +
                                        std::to_string(rec.fields.size()))});
      continue;
    }
    RowError error{};
    std::optional<ParkingFinding> finding = ParseRow(path, rec, col, &error);
    if (!finding) {
      out.errors.push_back(std::move(error));
      continue;
    }
    auto [it, inserted] = first_line_of_id.emplace(finding->finding_id, rec.line);
    if (!inserted) {
      out.errors.push_back(
          {rec.line, "finding_id",
           Message(path, rec.line, "finding_id",
                   Quoted(finding->finding_id) + " appears more than once (first on line " +
                       std::to_string(it->second) + ")")});
      continue;
    }
    out.findings.push_back(std::move(*finding));
  }
  if (!reader.io_status().ok()) return Unavailable(path + ": " + reader.io_status().message());
  return out;
}
}  // namespace

}  // namespace hh
