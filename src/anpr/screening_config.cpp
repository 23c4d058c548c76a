// Loading the small screening files: cameras.csv, zones.csv, permits.csv (SCREENING.md, "Input
// files"). These files are configuration: one bad row refuses the whole file, with an error that
// names the file, the line and the field, so that nothing is screened against a half-read list.
#include <algorithm>
#include <exception>
#include <string>
#include <thread>

#include "anpr/screening.h"
#include "core/plate.h"
#include "core/radix_sort.h"
#include "csv/csv_reader.h"

namespace hh {
namespace {

// "cameras.csv: line 4, field direction: must be entry or exit"
Status RowError(const std::string& file, uint64_t line, std::string_view field,
                const std::string& what) {
  return InvalidArgument(file + ": line " + std::to_string(line) + ", field " + std::string(field) +
                         ": " + what);
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
    if (!t.reader->io_status().ok())
      return Unavailable(file + ": " + t.reader->io_status().message());
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

// Calls row(record, columns) for every data row of a configuration file, after checking its
// shape; stops at the first non-OK status (a configuration file is refused whole).
template <typename F>
Status ForEachRow(const std::string& file, const std::vector<std::string_view>& wanted, F row) {
  auto table = OpenTable(file, wanted);
  if (!table.ok()) return table.status();
  CsvRecord rec;
  while (table->reader->Next(&rec)) {
    Status s = CheckRow(file, rec, table->header_size);
    if (s.ok()) s = row(rec, table->col);
    if (!s.ok()) return s;
  }
  if (!table->reader->io_status().ok()) {
    return Unavailable(file + ": " + table->reader->io_status().message());
  }
  return Status::Ok();
}

// The message for an instant field that does not parse; `why` is Instant::TryParse's reason.
std::string InstantError(std::string_view text, const char* why) {
  return "\"" + std::string(text) + "\" is not an RFC 3339 instant (" + why + ")";
}

Result<Instant> ParseInstantField(const std::string& file, uint64_t line, std::string_view field,
                                  std::string_view text) {
  Instant t;
  const char* why = nullptr;
  if (!Instant::TryParse(text, &t, &why)) {
    return RowError(file, line, field, InstantError(text, why));
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
  Status loaded = ForEachRow(
      file, {"camera_id", "zone_id", "direction", "active_from", "active_to"},
      [&](const CsvRecord& rec, const std::vector<int>& c) -> Status {
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
        return Status::Ok();
      });
  if (!loaded.ok()) return loaded;
  if (cfg->cameras.size() >= (1u << 24)) return InvalidArgument(file + ": too many cameras");
  return Status::Ok();
}

Status LoadZones(const std::string& file, ScreeningConfig* cfg) {
  return ForEachRow(
      file, {"zone_id", "weekdays", "restricted_from", "restricted_to"},
      [&](const CsvRecord& rec, const std::vector<int>& c) -> Status {
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
          return RowError(
              file, rec.line, "restricted_from",
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
        return Status::Ok();
      });
}

}  // namespace

namespace {

// One part of permits.csv, parsed on its own thread. Lines are relative to the part's start
// until the parts are joined.
struct PermitPart {
  uint64_t begin = 0;
  uint64_t limit = UINT64_MAX;
  uint64_t end_offset = 0;
  uint64_t lines = 0;
  PermitIndex::Builder permits;
  HugeVector<KeyedIndex> ids;      // (hash of permit_id, index into id_lines/id_spans)
  std::vector<uint64_t> id_lines;  // the row's line
  std::vector<std::pair<uint32_t, uint32_t>> id_spans;  // permit_id in id_text
  std::string id_text;
  // The first bad row, if any (parsing stops there).
  uint64_t error_line = 0;
  std::string error_field;
  std::string error_what;
  Status io;
};

void ParsePermitPart(const std::string& file, const std::vector<int>& c, size_t header_size,
                     const ScreeningConfig& cfg, PermitPart* part) {
  auto reader = CsvReader::OpenFileRange(file, part->begin, part->limit, 0);
  if (!reader.ok()) {
    part->io = reader.status();
    return;
  }
  auto fail = [&](uint64_t line, std::string field, std::string what) {
    part->error_line = line;
    part->error_field = std::move(field);
    part->error_what = std::move(what);
  };
  // Reserve for rows of 40 bytes or more (permit rows are ~80), so vectors never regrow: the
  // page faults of regrowing cost more than the parsing.
  const size_t rows =
      static_cast<size_t>((std::min(part->limit, (*reader)->file_size()) - part->begin) / 40 + 16);
  part->permits.Reserve(rows);
  part->ids.reserve(rows);
  part->id_lines.reserve(rows);
  part->id_spans.reserve(rows);
  part->id_text.reserve(rows * 8);
  CsvRecord rec;
  std::string plate;
  std::string last_zone;  // most rows repeat the zone of the row before: skip the lookup
  uint32_t last_zone_index = PermitIndex::kAnyZone;
  while ((*reader)->Next(&rec)) {
    if (rec.error != nullptr) return fail(rec.line, "row", rec.error);
    if (rec.fields.size() != header_size) {
      return fail(rec.line, "row",
                  "expected " + std::to_string(header_size) + " fields, found " +
                      std::to_string(rec.fields.size()));
    }
    std::string_view id = rec.fields[c[0]];
    if (id.empty()) return fail(rec.line, "permit_id", "empty");
    part->ids.push_back(
        {HashBytes(id.data(), id.size()), static_cast<uint32_t>(part->id_lines.size())});
    part->id_lines.push_back(rec.line);
    part->id_spans.emplace_back(static_cast<uint32_t>(part->id_text.size()),
                                static_cast<uint32_t>(id.size()));
    part->id_text.append(id);
    std::string_view raw = rec.fields[c[1]];
    plate.resize(raw.size());
    plate.resize(NormalisePlateInto(raw, plate.data()));
    if (plate.empty()) return fail(rec.line, "plate", "no letter or digit in the plate");
    std::string_view zone = rec.fields[c[2]];
    if (zone.empty()) return fail(rec.line, "zone_id", "empty (use * for every zone)");
    Instant from, to;
    const char* why = nullptr;
    if (!Instant::TryParse(rec.fields[c[3]], &from, &why)) {
      return fail(rec.line, "valid_from", InstantError(rec.fields[c[3]], why));
    }
    if (!Instant::TryParse(rec.fields[c[4]], &to, &why)) {
      return fail(rec.line, "valid_to", InstantError(rec.fields[c[4]], why));
    }
    if (to < from) return fail(rec.line, "valid_to", "before valid_from");
    if (zone != last_zone) {
      // A zone that no camera guards can never match a read: it needs no index of its own.
      // (Not interning it keeps the zone tables unchanged while screening threads read them.)
      last_zone = std::string(zone);
      const uint32_t* known = cfg.zone_index.Find(zone);
      last_zone_index = zone == "*" ? PermitIndex::kAnyZone : known ? *known : PermitIndex::kNoZone;
    }
    part->permits.Add(plate, last_zone_index, from, to);
  }
  part->io = (*reader)->io_status();
  part->end_offset = (*reader)->next_offset();
  part->lines = (*reader)->next_line();
}

// The line of the first row whose permit_id an earlier row already has, or 0; *dup gets the id.
// Looks at the first `count` parts, whose id_lines must be absolute.
uint64_t FirstDuplicateId(const std::vector<PermitPart>& parts, size_t count, std::string* dup) {
  // Global index = base of its part + index in the part.
  std::vector<uint32_t> bases;
  HugeVector<KeyedIndex> ids;
  size_t total = 0;
  for (size_t n = 0; n < count; ++n) total += parts[n].ids.size();
  ids.reserve(total);
  for (size_t n = 0; n < count; ++n) {
    const uint32_t base = static_cast<uint32_t>(ids.size());
    bases.push_back(base);
    for (KeyedIndex k : parts[n].ids) ids.push_back({k.key, base + k.index});
  }
  auto row = [&](uint32_t g) {
    size_t n =
        static_cast<size_t>(std::upper_bound(bases.begin(), bases.end(), g) - bases.begin()) - 1;
    const PermitPart& p = parts[n];
    const uint32_t i = g - bases[n];
    return std::pair<uint64_t, std::string_view>(
        p.id_lines[i],
        std::string_view(p.id_text).substr(p.id_spans[i].first, p.id_spans[i].second));
  };
  GroupByKey(ids);  // stable: equal ids stay in file order
  uint64_t first = 0;
  for (size_t i = 0; i < ids.size();) {
    size_t j = i + 1;
    while (j < ids.size() && ids[j].key == ids[i].key) ++j;
    for (size_t a = i + 1; a < j; ++a) {
      const auto later = row(ids[a].index);
      for (size_t b = i; b < a; ++b) {
        if (later.second == row(ids[b].index).second) {
          if (first == 0 || later.first < first) {
            first = later.first;
            *dup = std::string(later.second);
          }
          break;
        }
      }
    }
    i = j;
  }
  return first;
}

// A second thread for one task. Join() rethrows what the task threw; the destructor joins too
// (without rethrowing), so no exception on the calling thread leaves the task running.
class TaskThread {
 public:
  TaskThread() = default;
  TaskThread(const TaskThread&) = delete;
  TaskThread& operator=(const TaskThread&) = delete;
  ~TaskThread() {
    if (thread_.joinable()) thread_.join();
  }
  template <typename F>
  void Start(F task) {
    thread_ = std::thread([this, task] {
      try {
        task();
      } catch (...) {
        thrown_ = std::current_exception();
      }
    });
  }
  void Join() {
    if (thread_.joinable()) thread_.join();
    if (thrown_) std::rethrow_exception(thrown_);
  }

 private:
  std::thread thread_;
  std::exception_ptr thrown_;
};

// Files smaller than this are read by one thread.
constexpr uint64_t kParallelPermitBytes = 1 << 20;

}  // namespace

Status LoadPermits(const std::string& file, ScreeningConfig* cfg) {
  auto table =
      OpenTable(file, {"permit_id", "plate", "zone_id", "valid_from", "valid_to", "category"});
  if (!table.ok()) return table.status();
  const uint64_t start = table->reader->next_offset();
  const uint64_t first_line = table->reader->next_line();
  const uint64_t size = table->reader->file_size();
  table->reader.reset();

  // Two parts read in parallel: the first on this thread, the second on another.
  std::vector<uint64_t> cuts{start};
  if (size - start >= kParallelPermitBytes) {
    auto cut = CutAtLineBreaks(file, start, size, static_cast<size_t>((size - start) / 2));
    if (!cut.ok()) return cut.status();
    cuts.assign(cut->begin(), cut->begin() + std::min<size_t>(cut->size(), 2));
  }
  std::vector<PermitPart> parts(cuts.size());
  for (size_t i = 0; i < parts.size(); ++i) {
    parts[i].begin = cuts[i];
    parts[i].limit = i + 1 < cuts.size() ? cuts[i + 1] : UINT64_MAX;
  }
  const std::vector<int>& c = table->col;
  {
    TaskThread second;
    if (parts.size() == 2) {
      second.Start([&] { ParsePermitPart(file, c, table->header_size, *cfg, &parts[1]); });
    }
    ParsePermitPart(file, c, table->header_size, *cfg, &parts[0]);
    second.Join();
  }

  uint64_t line = first_line;
  uint64_t expected = start;
  for (size_t i = 0; i < parts.size(); ++i) {
    PermitPart& p = parts[i];
    if (!p.io.ok()) return Unavailable(file + ": " + p.io.message());
    if (p.begin != expected) {
      // The cut fell inside a quoted field: read the part again from the true start.
      const uint64_t limit = p.limit;
      p = PermitPart();
      p.begin = expected;
      p.limit = limit;
      ParsePermitPart(file, c, table->header_size, *cfg, &p);
      if (!p.io.ok()) return Unavailable(file + ": " + p.io.message());
    }
    for (uint64_t& l : p.id_lines) l += line;
    if (p.error_line != 0) {
      p.error_line += line;
      // The first bad row: a part after it holds nothing that matters.
      std::string dup;
      uint64_t dup_line = FirstDuplicateId(parts, i + 1, &dup);
      if (dup_line != 0 && dup_line <= p.error_line) {
        return RowError(file, dup_line, "permit_id", "\"" + dup + "\" appears more than once");
      }
      return RowError(file, p.error_line, p.error_field, p.error_what);
    }
    line += p.lines;
    expected = p.end_offset;
  }
  // Permit ids must be unique; the check runs beside the index build.
  std::string dup;
  uint64_t dup_line = 0;
  PermitIndex index;
  {
    TaskThread check;
    check.Start([&] { dup_line = FirstDuplicateId(parts, parts.size(), &dup); });
    std::vector<PermitIndex::Builder> builders;
    builders.reserve(parts.size());
    for (PermitPart& p : parts) builders.push_back(std::move(p.permits));
    index.Build(builders);
    check.Join();
  }
  if (dup_line != 0)
    return RowError(file, dup_line, "permit_id", "\"" + dup + "\" appears more than once");
  cfg->permits = std::move(index);
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

Status LoadCamerasFile(const std::string& file, ScreeningConfig* cfg) {
  return LoadCameras(file, cfg);
}
Status LoadZonesFile(const std::string& file, ScreeningConfig* cfg) { return LoadZones(file, cfg); }

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
