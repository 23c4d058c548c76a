// Fuzz target for the CSV reader and the field parsers screening applies to every row.
// Properties checked (each abort() is a finding):
//  - reading never crashes, reads out of bounds (ASan) or loops;
//  - lines never decrease and each record starts at or after the previous one;
//  - a record read without a quoting error, written back with AppendCsvField and read again,
//    gives the same fields (the writer and the reader agree);
//  - the field parsers (Instant, Confidence, plate) accept or refuse without crashing, and an
//    accepted instant formats and re-parses to the same second.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "anpr/confidence.h"
#include "core/instant.h"
#include "core/plate.h"
#include "csv/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto reader = hh::CsvReader::FromString(text);
  hh::CsvRecord rec;
  uint64_t last_line = 0;
  uint64_t last_offset = 0;
  std::string plate(size + 1, '\0');
  while (reader->Next(&rec)) {
    if (rec.line < last_line || rec.offset < last_offset) std::abort();
    last_line = rec.line;
    last_offset = rec.offset;
    for (std::string_view f : rec.fields) {
      hh::Instant t;
      const char* why = nullptr;
      if (hh::Instant::TryParse(f, &t, &why)) {
        auto again = hh::Instant::Parse(t.ToUtcString());
        if (!again.ok() || again->unix_seconds() != t.unix_seconds()) std::abort();
      }
      hh::Confidence c;
      (void)hh::Confidence::Parse(f, &c);
      if (hh::NormalisePlateInto(f, plate.data()) > f.size()) std::abort();
    }
    if (rec.error != nullptr) continue;
    // Round trip. A record of one empty field would write an empty line, which is no record.
    if (rec.fields.size() == 1 && rec.fields[0].empty()) continue;
    std::vector<std::string> fields(rec.fields.begin(), rec.fields.end());
    std::string line;
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i) line += ',';
      hh::AppendCsvField(line, fields[i]);
    }
    line += '\n';
    auto again = hh::CsvReader::FromString(line);
    hh::CsvRecord back;
    // A leading byte-order mark in the first field is taken as a BOM when it starts the text.
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) continue;
    if (!again->Next(&back) || back.error != nullptr || back.fields.size() != fields.size())
      std::abort();
    for (size_t i = 0; i < fields.size(); ++i) {
      if (back.fields[i] != fields[i]) std::abort();
    }
  }
  return 0;
}
