// Loading the small screening files: cameras.csv, zones.csv, permits.csv (SCREENING.md, "Input
// files"). These files are configuration: one bad row refuses the whole file, with an error that
// names the file, the line and the field, so that nothing is screened against a half-read list.
#include <string>

#include "anpr/screening.h"
#include "core/plate.h"
#include "csv/csv_reader.h"

namespace hh {
namespace {

// "cameras.csv: line 4, field direction: must be entry or exit"
Status RowError(const std::string& file, uint64_t line, std::string_view field,
                const std::string& what) {
  return InvalidArgument(file + ": line " + std::to_string(line) + ", field " +
                         std::string(field) + ": " + what);
}

// Opens a CSV file and locates the wanted columns in its header.
struct Table {
  std::unique_ptr<CsvReader> reader;
  std::vector<int> col;
  size_t header_size = 0;
};

Result<Table> OpenTable(const std::string& file, const std::vector<std::string_view>& wanted) {
  auto reader = CsvReader::OpenFile(file);
  if (!reader.ok()) return reader.status();
  Table t;
  t.reader = std::move(*reader);
  CsvRecord header;
  if (!t.reader->Next(&header)) {
    if (!t.reader->io_status().ok()) return Unavailable(file + ": " + t.reader->io_status().message());
    return InvalidArgument(file + ": line 1: the file is empty (a header row is required)");
  }
  if (header.error != nullptr) return RowError(file, header.line, "header", header.error);
  auto cols = LocateColumns(header, wanted);
  if (!cols.ok()) return InvalidArgument(file + ": " + cols.status().message());
  t.col = std::move(*cols);
  t.header_size = header.fields.size();
  return t;
}

// Checks the shape of a data row; returns a non-OK status naming the problem.
Status CheckRow(const std::string& file, const CsvRecord& rec, size_t header_size) {
  if (rec.error != nullptr) return RowError(file, rec.line, "row", rec.error);
  if (rec.fields.size() != header_size) {
    return RowError(file, rec.line, "row",
                    "expected " + std::to_string(header_size) + " fields, found " +
                        std::to_string(rec.fields.size()));
  }
  return Status::Ok();
}

Result<Instant> ParseInstantField(const std::string& file, uint64_t line, std::string_view field,
                                  std::string_view text) {
  Instant t;
  const char* why = nullptr;
  if (!Instant::TryParse(text, &t, &why)) {
    return RowError(file, line, field,
                    "\"" + std::string(text) + "\" is not an RFC 3339 instant (" + why + ")");
  }
  return t;
}

// "HH:MM" with 00 <= HH <= 23, or "24:00" when allowed; returns seconds of the day or -1.
int32_t ParseClock(std::string_view t, bool allow_24) {
  if (t.size() != 5 || t[2] != ':') return -1;
  for (int i : {0, 1, 3, 4}) {
    if (t[i] < '0' || t[i] > '9') return -1;
  }
  int h = (t[0] - '0') * 10 + (t[1] - '0');
  int m = (t[3] - '0') * 10 + (t[4] - '0');
  if (m > 59) return -1;
  if (h == 24 && m == 0 && allow_24) return 86'400;
  if (h > 23) return -1;
  return h * 3600 + m * 60;
}

Status LoadCameras(const std::string& file, ScreeningConfig* cfg) {
  auto table = OpenTable(file, {"camera_id", "zone_id", "direction", "active_from", "active_to"});
  if (!table.ok()) return table.status();
  const std::vector<int>& c = table->col;
  CsvRecord rec;
  while (table->reader->Next(&rec)) {
    Status shape = CheckRow(file, rec, table->header_size);
    if (!shape.ok()) return shape;
    Camera cam;
    cam.id = std::string(rec.fields[c[0]]);
    if (cam.id.empty()) return RowError(file, rec.line, "camera_id", "empty");
    std::string_view zone = rec.fields[c[1]];
    if (zone.empty()) return RowError(file, rec.line, "zone_id", "empty");
    std::string_view dir = rec.fields[c[2]];
    if (dir == "entry") {
      cam.entry = true;
    } else if (dir != "exit") {
      return RowError(file, rec.line, "direction",
                      "\"" + std::string(dir) + "\" must be entry or exit");
    }
    auto from = ParseInstantField(file, rec.line, "active_from", rec.fields[c[3]]);
    if (!from.ok()) return from.status();
    cam.active_from = *from;
    if (!rec.fields[c[4]].empty()) {
      auto to = ParseInstantField(file, rec.line, "active_to", rec.fields[c[4]]);
      if (!to.ok()) return to.status();
      if (*to < *from) return RowError(file, rec.line, "active_to", "before active_from");
      cam.active_to = *to;
    }
    cam.zone = cfg->InternZone(zone);
    auto [index, inserted] =
        cfg->camera_index.Insert(cam.id, static_cast<uint32_t>(cfg->cameras.size()));
    if (!inserted) {
      return RowError(file, rec.line, "camera_id", "\"" + cam.id + "\" appears more than once");
    }
    cfg->cameras.push_back(std::move(cam));
  }
  if (!table->reader->io_status().ok()) {
    return Unavailable(file + ": " + table->reader->io_status().message());
  }
  if (cfg->cameras.size() >= (1u << 24)) return InvalidArgument(file + ": too many cameras");
  return Status::Ok();
}

Status LoadZones(const std::string& file, ScreeningConfig* cfg) {
  auto table = OpenTable(file, {"zone_id", "weekdays", "restricted_from", "restricted_to"});
  if (!table.ok()) return table.status();
  const std::vector<int>& c = table->col;
  CsvRecord rec;
  while (table->reader->Next(&rec)) {
    Status shape = CheckRow(file, rec, table->header_size);
    if (!shape.ok()) return shape;
    std::string_view zone = rec.fields[c[0]];
    if (zone.empty()) return RowError(file, rec.line, "zone_id", "empty");
    ZoneRule rule;
    std::string_view days = rec.fields[c[1]];
    if (days.empty()) return RowError(file, rec.line, "weekdays", "empty");
    for (char d : days) {
      if (d < '1' || d > '7') {
        return RowError(file, rec.line, "weekdays",
                        "\"" + std::string(days) + "\" must be ISO weekday digits 1-7");
      }
      uint8_t bit = static_cast<uint8_t>(1u << (d - '0'));
      if (rule.weekdays & bit) {
        return RowError(file, rec.line, "weekdays",
                        "\"" + std::string(days) + "\" repeats a weekday");
      }
      rule.weekdays |= bit;
    }
    rule.from_s = ParseClock(rec.fields[c[2]], false);
    if (rule.from_s < 0) {
      return RowError(file, rec.line, "restricted_from",
                      "\"" + std::string(rec.fields[c[2]]) + "\" is not a time HH:MM (00:00-23:59)");
    }
    rule.to_s = ParseClock(rec.fields[c[3]], true);
    if (rule.to_s < 0) {
      return RowError(file, rec.line, "restricted_to",
                      "\"" + std::string(rec.fields[c[3]]) +
                          "\" is not a time HH:MM (00:00-23:59, or 24:00)");
    }
    if (rule.from_s >= rule.to_s) {
      return RowError(file, rec.line, "restricted_to", "must be later than restricted_from");
    }
    uint32_t z = cfg->InternZone(zone);
    cfg->zone_rules[z].push_back(rule);
  }
  if (!table->reader->io_status().ok()) {
    return Unavailable(file + ": " + table->reader->io_status().message());
  }
  return Status::Ok();
}

}  // namespace

Status LoadPermits(const std::string& file, ScreeningConfig* cfg) {
  auto table = OpenTable(file, {"permit_id", "plate", "zone_id", "valid_from", "valid_to", "category"});
  if (!table.ok()) return table.status();
  const std::vector<int>& c = table->col;
  // Sized for ~80-byte rows, so that a large permit list is not rehashed as it loads.
  StringMap<uint8_t> ids(table->reader->file_size() / 80 + 16);
  CsvRecord rec;
  std::string plate;
  std::string last_zone;  // most rows repeat the zone of the row before: skip the lookup
  uint32_t last_zone_index = PermitIndex::kAnyZone;
  while (table->reader->Next(&rec)) {
    Status shape = CheckRow(file, rec, table->header_size);
    if (!shape.ok()) return shape;
    std::string_view id = rec.fields[c[0]];
    if (id.empty()) return RowError(file, rec.line, "permit_id", "empty");
    if (!ids.Insert(id).second) {
      return RowError(file, rec.line, "permit_id", "\"" + std::string(id) + "\" appears more than once");
    }
    std::string_view raw = rec.fields[c[1]];
    plate.resize(raw.size());
    plate.resize(NormalisePlateInto(raw, plate.data()));
    if (plate.empty()) return RowError(file, rec.line, "plate", "no letter or digit in the plate");
    std::string_view zone = rec.fields[c[2]];
    if (zone.empty()) return RowError(file, rec.line, "zone_id", "empty (use * for every zone)");
    auto from = ParseInstantField(file, rec.line, "valid_from", rec.fields[c[3]]);
    if (!from.ok()) return from.status();
    auto to = ParseInstantField(file, rec.line, "valid_to", rec.fields[c[4]]);
    if (!to.ok()) return to.status();
    if (*to < *from) return RowError(file, rec.line, "valid_to", "before valid_from");
    if (zone != last_zone) {
      // A zone that no camera guards can never match a read: it needs no index of its own.
      // (Not interning it keeps the zone tables unchanged while screening threads read them.)
      last_zone = std::string(zone);
      const uint32_t* known = cfg->zone_index.Find(zone);
      last_zone_index = zone == "*" ? PermitIndex::kAnyZone : known ? *known : PermitIndex::kNoZone;
    }
    cfg->permits.Add(plate, last_zone_index, *from, *to);
  }
  if (!table->reader->io_status().ok()) {
    return Unavailable(file + ": " + table->reader->io_status().message());
  }
  cfg->permits.Build();
  return Status::Ok();
}

uint32_t ScreeningConfig::InternZone(std::string_view id) {
  auto [index, inserted] = zone_index.Insert(id, static_cast<uint32_t>(zone_ids.size()));
  if (inserted) {
    zone_ids.emplace_back(id);
    zone_rules.emplace_back();
  }
  return *index;
}

Status LoadCamerasAndZones(const ScreeningFiles& files, ScreeningConfig* cfg) {
  Status s = LoadCameras(files.cameras, cfg);
  if (!s.ok() || files.zones.empty()) return s;
  return LoadZones(files.zones, cfg);
}

Result<ScreeningConfig> LoadScreeningConfig(const ScreeningFiles& files) {
  ScreeningConfig cfg;
  Status s = LoadCamerasAndZones(files, &cfg);
  if (!s.ok()) return s;
  s = LoadPermits(files.permits, &cfg);
  if (!s.ok()) return s;
  return cfg;
}

}  // namespace hh
