// Fuzz target for the intake readers of people's files: the parking wardens' CSV and the
// nuisance reports' JSON (src/intake). The first input byte picks the reader. Properties checked
// (each abort() is a finding):
//  - reading never crashes, reads out of bounds (ASan), overflows (UBSan) or loops;
//  - parking: every data row is a finding or an error, errors name a line that exists, in order;
//    every finding has an id, a plate and a category 1 or 2;
//  - nuisance: a refusal says where (the file name starts its message); an accepted file's
//    findings have distinct ids and start on lines that exist, in increasing order, and a person
//    offender has a birth date.
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>

#include "intake/overlast_json.h"
#include "intake/parking_csv.h"

namespace {

uint64_t LinesIn(const std::string& text) {
  uint64_t n = 1;
  for (char c : text) n += c == '\n' ? 1 : 0;
  return n;
}

void Parking(const std::string& text) {
  auto r = hh::ParseParkingCsv(text, "fuzz.csv");
  if (!r.ok()) {
    if (r.status().message().rfind("fuzz.csv", 0) != 0) std::abort();
    return;
  }
  if (r->findings.size() + r->errors.size() != r->rows) std::abort();
  const uint64_t lines = LinesIn(text);
  uint64_t last = 0;
  for (const hh::RowError& e : r->errors) {
    if (e.line < 2 || e.line > lines || e.line < last) std::abort();
    last = e.line;
  }
  for (const hh::ParkingFinding& f : r->findings) {
    if (f.finding_id.empty() || f.plate.normalised().empty() || f.line < 2 || f.line > lines) {
      std::abort();
    }
    if (f.category != hh::TrafficCategory::kCategory1 &&
        f.category != hh::TrafficCategory::kCategory2) {
      std::abort();
    }
  }
}

void Overlast(const std::string& text) {
  auto r = hh::ParseOverlastJson(text, "fuzz.json");
  if (!r.ok()) {
    if (r.status().message().rfind("fuzz.json", 0) != 0) std::abort();
    return;
  }
  const uint64_t lines = LinesIn(text);
  std::set<std::string> ids;
  uint64_t last = 0;
  for (const hh::OverlastFinding& f : *r) {
    if (!ids.insert(f.finding_id).second || f.line < 1 || f.line > lines || f.line < last) {
      std::abort();
    }
    last = f.line;
    if (!f.offender.company && !f.offender.birth_date) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] % 2 == 0) {
    Parking(text);
  } else {
    Overlast(text);
  }
  return 0;
}
