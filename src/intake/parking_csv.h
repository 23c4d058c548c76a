// Parking wardens' findings (GAS-4, stopping and parking): reading the CSV file a warden's device
// exports into value types. A pure parser: it reads one file, owns nothing beyond the returned
// value, and stores nothing; one call belongs to one thread (calls on different files may run in
// parallel). A bad row is reported and skipped; the other rows are kept (see ReadParkingCsv).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/instant.h"
#include "core/plate.h"
#include "core/status.h"
#include "gas/law.h"

namespace hh {

// One row of the file. Text fields are trimmed of surrounding ASCII white space.
struct ParkingFinding {
  uint64_t line;             // physical line on which the row starts (the header is line 1)
  std::string finding_id;    // non-empty, unique within the file
  Instant found_at;          // RFC 3339, strict (no surrounding spaces), as Instant::Parse
  Plate plate;               // normalised (Plate::Parse); personal data
  std::string country;       // ISO 3166-1 alpha-2 code: two ASCII letters, upper-cased
  std::string street;        // the place of the facts; non-empty
  std::string house_number;  // may be empty
  std::string postal_code;   // Belgian: four digits, 1000-9999
  std::string offence_code;  // non-empty printable ASCII, upper-cased ("22BIS-4A")
  TrafficCategory category;  // kCategory1 or kCategory2 only
  std::string officer_id;    // non-empty
  std::vector<std::string> photo_refs;  // split on ';', trimmed, empty items dropped; may be empty
  std::string remarks;                  // may be empty
};

// A row that was not kept. `message` is complete: "FILE: line N, field F: what" (for a row whose
// shape is wrong, F is "row"). It never holds a plate.
struct RowError {
  uint64_t line;
  std::string field;
  std::string message;
};

struct ParkingFile {
  std::vector<ParkingFinding> findings;  // the good rows, in file order
  std::vector<RowError> errors;          // the bad rows, in file order (one error per row)
  uint64_t rows = 0;                     // data rows read (findings + errors; empty lines are none)
};

// The columns ReadParkingCsv needs, found by name in the header (exact bytes, any order; other
// columns are ignored).
inline constexpr std::string_view kParkingColumns[] = {
    "finding_id",  "found_at",     "plate",    "country",    "street",     "house_number",
    "postal_code", "offence_code", "category", "officer_id", "photo_refs", "remarks"};

// Reads a parking-findings CSV (RFC 4180 as csv/csv_reader.h reads it: a UTF-8 byte-order mark
// is skipped, LF or CRLF, quoted fields may span lines, empty lines are no rows).
//  - Unavailable when the file cannot be opened or read (the message names the path).
//  - InvalidArgument for an empty file or a header without one of kParkingColumns (or with one
//    twice): "FILE: line 1, field plate: column missing from the header".
// Otherwise every data row becomes a finding or an error. A row is checked field by field in
// the order of ParkingFinding and gets the first problem found: bad quoting or a field count
// unlike the header's (field "row"), then each field; last, a finding_id that an earlier kept
// row already has (the earlier row stays, the later one is the error; a rejected row claims no
// id). Messages quote the value of non-personal fields (ids, instant, country, codes), never a
// plate or an address.
[[nodiscard]] Result<ParkingFile> ReadParkingCsv(const std::string& path);

// The same for a file's text already in memory (`name` stands for the path in messages): for
// uploads and the fuzzer.
[[nodiscard]] Result<ParkingFile> ParseParkingCsv(std::string text, const std::string& name);

}  // namespace hh
