#include "intake/camera_import.h"

#include <fmt/core.h>

#include <algorithm>
#include <map>
#include <memory>
#include <unordered_map>

#include "anpr/read_key.h"
#include "cases/case_actions.h"
#include "core/phase_timer.h"
#include "core/plate.h"
#include "csv/csv_reader.h"
#include "gas/case.h"
#include "gas/law.h"

namespace hh {
namespace {

// Settings keys of the camera intake (not policy: the store's own state).
constexpr std::string_view kSecretKey = "anpr.read_key_secret";
constexpr std::string_view kNewestDayKey = "anpr.newest_read_utc_day";

constexpr int64_t kSecondsPerDay = 86'400;

std::string Hhmm(int32_t seconds) {
  return fmt::format("{:02d}:{:02d}", seconds / 3600, seconds % 3600 / 60);
}

// The column `name` of a header, or -1.
int ColumnOf(const CsvRecord& header, std::string_view name) {
  for (size_t i = 0; i < header.fields.size(); ++i) {
    if (header.fields[i] == name) return static_cast<int>(i);
  }
  return -1;
}

// The optional warning_until column of cameras.csv: camera id -> instant. The file was already
// validated by the screening loader (shape, ids); only this column is checked here.
Result<std::unordered_map<std::string, Instant>> WarningPeriods(const std::string& file) {
  std::unordered_map<std::string, Instant> out;
  auto reader = CsvReader::OpenFile(file);
  if (!reader.ok()) return reader.status();
  CsvRecord rec;
  if (!(*reader)->Next(&rec)) return out;
  const int id_col = ColumnOf(rec, "camera_id");
  const int col = ColumnOf(rec, "warning_until");
  if (col < 0 || id_col < 0) return out;
  while ((*reader)->Next(&rec)) {
    const std::string_view text = rec.fields[col];
    if (text.empty()) continue;
    Instant t;
    const char* why = nullptr;
    if (!Instant::TryParse(text, &t, &why)) {
      return InvalidArgument(file + ": line " + std::to_string(rec.line) +
                             ", field warning_until: \"" + std::string(text) +
                             "\" is not an RFC 3339 instant (" + why + ")");
    }
    out[std::string(rec.fields[id_col])] = t;
  }
  return out;
}

}  // namespace

Result<ConfigImportReport> ImportCameras(CaseStore& store, const std::string& file) {
  ScreeningConfig cfg;
  Status loaded = LoadCamerasFile(file, &cfg);
  if (!loaded.ok()) return loaded;
  auto warnings = WarningPeriods(file);
  if (!warnings.ok()) return warnings.status();
  std::vector<CameraRow> rows;
  rows.reserve(cfg.cameras.size());
  for (const Camera& c : cfg.cameras) {
    CameraRow r{c.id, cfg.zone_ids[c.zone], c.entry, c.active_from, c.active_to, std::nullopt};
    if (auto it = warnings->find(c.id); it != warnings->end()) r.warning_until = it->second;
    rows.push_back(std::move(r));
  }
  Status s = store.Transact([&] { return store.ReplaceCameras(rows); });
  if (!s.ok()) return s;
  return ConfigImportReport{rows.size()};
}

Result<ConfigImportReport> ImportZones(CaseStore& store, const std::string& file) {
  ScreeningConfig cfg;
  Status loaded = LoadZonesFile(file, &cfg);
  if (!loaded.ok()) return loaded;
  std::vector<ZoneRuleRow> rows;
  for (size_t z = 0; z < cfg.zone_ids.size(); ++z) {
    for (const ZoneRule& rule : cfg.zone_rules[z]) {
      std::string days;
      for (int d = 1; d <= 7; ++d) {
        if ((rule.weekdays & (1u << d)) != 0) days += static_cast<char>('0' + d);
      }
      rows.push_back({cfg.zone_ids[z], days, Hhmm(rule.from_s), Hhmm(rule.to_s)});
    }
  }
  Status s = store.Transact([&] { return store.ReplaceZoneRules(rows); });
  if (!s.ok()) return s;
  return ConfigImportReport{rows.size()};
}

Result<ConfigImportReport> ImportPermits(CaseStore& store, const std::string& file) {
  // Validate exactly as `screen` does (same messages), then read the rows themselves.
  PhaseTimer timer;
  ScreeningConfig cfg;
  Status loaded = LoadPermits(file, &cfg);
  if (!loaded.ok()) return loaded;
  timer.Mark("validated");
  auto reader = CsvReader::OpenFile(file);
  if (!reader.ok()) return reader.status();
  CsvRecord rec;
  if (!(*reader)->Next(&rec)) return InvalidArgument(file + ": line 1: the file is empty");
  const int c_id = ColumnOf(rec, "permit_id");
  const int c_plate = ColumnOf(rec, "plate");
  const int c_zone = ColumnOf(rec, "zone_id");
  const int c_from = ColumnOf(rec, "valid_from");
  const int c_to = ColumnOf(rec, "valid_to");
  const int c_cat = ColumnOf(rec, "category");
  std::vector<PermitRow> rows;
  rows.reserve(cfg.permits.permits());
  std::string plate;
  while ((*reader)->Next(&rec)) {
    PermitRow p;
    p.permit_id = std::string(rec.fields[c_id]);
    const std::string_view raw = rec.fields[c_plate];
    plate.resize(raw.size());
    plate.resize(NormalisePlateInto(raw, plate.data()));
    p.plate = plate;
    p.zone_id = std::string(rec.fields[c_zone]);
    const char* why = nullptr;
    if (!Instant::TryParse(rec.fields[c_from], &p.valid_from, &why) ||
        !Instant::TryParse(rec.fields[c_to], &p.valid_to, &why)) {
      return Internal(file + ": line " + std::to_string(rec.line) +
                      " passed validation but not "
                      "the second reading");
    }
    p.category = c_cat >= 0 ? std::string(rec.fields[c_cat]) : std::string();
    rows.push_back(std::move(p));
  }
  if (!(*reader)->io_status().ok())
    return Unavailable(file + ": " + (*reader)->io_status().message());
  timer.Mark("rows read");
  Status s = store.Transact([&] {
    Status replaced = store.ReplacePermits(rows);
    timer.Mark("rows written");
    return replaced;
  });
  if (!s.ok()) return s;
  timer.Mark("committed");
  return ConfigImportReport{rows.size()};
}

Status PermitsFromStore(CaseStore& store, ScreeningConfig* cfg) {
  Status s = store.ForEachPermit([&](const PermitRow& p) {
    const uint32_t* known = cfg->zone_index.Find(p.zone_id);
    const uint32_t zone = p.zone_id == "*"   ? PermitIndex::kAnyZone
                          : known != nullptr ? *known
                                             : PermitIndex::kNoZone;
    cfg->permits.Add(p.plate, zone, p.valid_from, p.valid_to);
  });
  if (!s.ok()) return s;
  cfg->permits.Build();
  return Status::Ok();
}

Result<ScreeningConfig> ConfigFromStore(CaseStore& store, bool with_permits) {
  ScreeningConfig cfg;
  auto cams = store.Cameras();
  if (!cams.ok()) return cams.status();
  if (cams->empty()) {
    return FailedPrecondition(
        "the store has no cameras: import them first "
        "(handhaving import cameras FILE --db DB)");
  }
  for (const CameraRow& r : *cams) {
    Camera c;
    c.id = r.camera_id;
    c.zone = cfg.InternZone(r.zone_id);
    c.entry = r.entry;
    c.active_from = r.active_from;
    c.active_to = r.active_to;
    cfg.camera_index.Insert(c.id, static_cast<uint32_t>(cfg.cameras.size()));
    cfg.cameras.push_back(std::move(c));
  }
  auto rules = store.ZoneRules();
  if (!rules.ok()) return rules.status();
  for (const ZoneRuleRow& r : *rules) {
    ZoneRule rule;
    for (char d : r.weekdays) rule.weekdays |= static_cast<uint8_t>(1u << (d - '0'));
    auto clock = [](const std::string& t) {
      return ((t[0] - '0') * 10 + (t[1] - '0')) * 3600 + ((t[3] - '0') * 10 + (t[4] - '0')) * 60;
    };
    if (r.restricted_from.size() != 5 || r.restricted_to.size() != 5) {
      return Internal("store: a zone rule has a bad time");
    }
    rule.from_s = clock(r.restricted_from);
    rule.to_s = clock(r.restricted_to);
    const uint32_t z = cfg.InternZone(r.zone_id);
    cfg.zone_rules[z].push_back(rule);
  }
  if (with_permits) {
    Status s = PermitsFromStore(store, &cfg);
    if (!s.ok()) return s;
  }
  return cfg;
}

namespace {

// A read to be decided into a case: from this import's candidates or from the pending reads.
struct Read {
  std::string zone_id;
  std::string plate;
  std::string country;
  LocalDate day;
  std::string camera_id;
  std::string detection_id;
  Instant at;
  std::string confidence;
  bool strong = false;
  std::string image_ref;
};

struct DecideCounts {
  uint64_t new_cases = 0;
  uint64_t warning_cases = 0;
  uint64_t joined = 0;
};

// Rule 5's order of reads: earliest first, ties by (camera_id, detection_id) bytes.
bool Before(const Read& a, const Read& b) {
  if (a.at != b.at) return a.at < b.at;
  if (a.camera_id != b.camera_id) return a.camera_id < b.camera_id;
  return a.detection_id < b.detection_id;
}

std::string GroupKey(std::string_view zone, std::string_view plate, LocalDate day) {
  std::string k;
  k.reserve(zone.size() + plate.size() + 16);
  k.append(zone);
  k += '\x1f';
  k.append(plate);
  k += '\x1f';
  k += std::to_string(day.days());
  return k;
}

// Whether the camera of `r` was in its warning period at the read.
bool InWarningPeriod(const CameraRow& cam, Instant at, const GasSettings& settings) {
  if (cam.warning_until) return at < *cam.warning_until;
  if (settings.camera_warning_days <= 0) return false;
  return at < cam.active_from.PlusSeconds(settings.camera_warning_days * kSecondsPerDay);
}

// Groups reads by (zone, plate, local day) and makes each group a case or evidence of the
// case that has its key (SCREENING.md rules 5 and 6, across imports).
Result<DecideCounts> DecideReads(CaseStore& store, const GasSettings& settings,
                                 std::vector<Read>& reads, Instant now) {
  DecideCounts counts;
  if (reads.empty()) return counts;
  PhaseTimer t2;
  std::sort(reads.begin(), reads.end(), [](const Read& a, const Read& b) {
    if (a.zone_id != b.zone_id) return a.zone_id < b.zone_id;
    if (a.plate != b.plate) return a.plate < b.plate;
    if (a.day != b.day) return a.day < b.day;
    return Before(a, b);
  });
  LocalDate lo = reads.front().day, hi = reads.front().day;
  for (const Read& r : reads) {
    lo = std::min(lo, r.day);
    hi = std::max(hi, r.day);
  }
  std::unordered_map<std::string, CameraCaseKey> existing;
  Status scan = store.ForEachCameraCase(lo, hi, [&](const CameraCaseKey& k) {
    existing.emplace(GroupKey(k.zone_id, k.plate, k.day), k);
  });
  if (!scan.ok()) return scan;
  t2.Mark("  decide: sorted and scanned");
  auto cams = store.Cameras();
  if (!cams.ok()) return cams.status();
  std::unordered_map<std::string, const CameraRow*> camera;
  for (const CameraRow& c : *cams) camera[c.camera_id] = &c;

  const Actor system = SystemActor();
  std::vector<Evidence> evidence;
  for (size_t begin = 0; begin < reads.size();) {
    size_t end = begin + 1;
    while (end < reads.size() && reads[end].zone_id == reads[begin].zone_id &&
           reads[end].plate == reads[begin].plate && reads[end].day == reads[begin].day) {
      ++end;
    }
    evidence.clear();
    const Read* first_strong = nullptr;
    for (size_t i = begin; i < end; ++i) {
      Read& r = reads[i];
      if (r.strong && first_strong == nullptr) first_strong = &r;
      // Moved: below, only a read's zone, plate, day, camera, instant and country are used.
      evidence.push_back({"camera_read", std::move(r.image_ref), r.camera_id,
                          std::move(r.detection_id), r.at, std::move(r.confidence)});
    }
    const Read& first = first_strong != nullptr ? *first_strong : reads[begin];
    // The map holds the store's cases only: each key is one group of the sorted reads, so a
    // case opened below is never looked up again in this call.
    auto found = existing.empty() ? existing.end()
                                  : existing.find(GroupKey(first.zone_id, first.plate, first.day));
    if (found != existing.end()) {
      // Rule 5/6 across files: the read joins the case as evidence.
      const CaseId id = found->second.id;
      uint64_t added = 0;
      for (const Evidence& e : evidence) {
        auto ok = store.InsertEvidence(id, e);
        if (!ok.ok()) return ok.status();
        added += *ok ? 1 : 0;
      }
      counts.joined += added;
      if (added > 0) {
        CaseEvent ev{now,
                     system.login,
                     system.name,
                     system.role,
                     "evidence_added",
                     std::nullopt,
                     std::nullopt,
                     "",
                     fmt::format("{} camera-lezing(en) toegevoegd", added)};
        Status s = store.AppendEvent(id, ev);
        if (!s.ok()) return s;
      }
      // The case's first read (rule 5) is its earliest strong read, or while it has none its
      // earliest read: a read that arrives later in the store may be earlier in time (a read
      // that waited for its deadline). The facts change only while nothing was sent.
      CameraCaseKey& key = found->second;
      const bool low = (key.flags & kFlagLowConfidence) != 0;
      const Read* candidate = first_strong != nullptr ? first_strong
                              : low                   ? &reads[begin]
                                                      : nullptr;
      const bool earlier = candidate != nullptr &&
                           ((low && first_strong != nullptr) || candidate->at < key.facts_at);
      if (earlier || (first_strong != nullptr && low)) {
        auto c = store.GetCase(id);
        if (!c.ok()) return c.status();
        if (first_strong != nullptr) c->flags &= ~static_cast<uint32_t>(kFlagLowConfidence);
        if (earlier &&
            (c->state == CaseState::kAwaitingReview || c->state == CaseState::kHolderLookup)) {
          c->facts_at = candidate->at;
        }
        c->updated_at = now;
        Status s = store.UpdateCase(*c, c->state, WakeOn(*c, settings));
        if (!s.ok()) return s;
        key.flags = c->flags;
        key.facts_at = c->facts_at;
      }
      begin = end;
      continue;
    }
    Case c;
    c.track = Track::kAutoluw;
    const bool review = settings.review_camera_cases || first_strong == nullptr;
    c.state = review ? CaseState::kAwaitingReview : CaseState::kHolderLookup;
    c.flags = first_strong == nullptr ? kFlagLowConfidence : kFlagNone;
    c.facts_at = first.at;
    c.facts_day = first.day;
    c.zone_id = first.zone_id;
    c.plate = first.plate;
    c.country = first.country;
    c.offence_code = std::string(kAutoluwOffenceCode);
    c.article = std::string(kAutoluwArticle);
    c.category = TrafficCategory::kCameraC3F103;
    auto amount = TrafficAmount(TrafficCategory::kCameraC3F103, first.day);
    if (amount.ok()) c.amount = *amount;
    auto cam = camera.find(first.camera_id);
    c.warning = cam != camera.end() && InWarningPeriod(*cam->second, first.at, settings);
    c.finding_officer = "camera " + first.camera_id;
    c.finding_officer_kind = "automatic_device";
    auto id = OpenCase(store, settings, c, {}, evidence, system, now,
                       fmt::format("{} camera-lezing(en){}", end - begin,
                                   c.warning ? ", waarschuwingsperiode" : ""));
    if (!id.ok()) return id.status();
    ++counts.new_cases;
    counts.warning_cases += c.warning ? 1 : 0;
    begin = end;
  }
  t2.Mark("  decide: loop");
  return counts;
}

}  // namespace

Result<PendingDecision> DecidePendingReads(CaseStore& store, const GasSettings& settings,
                                           const ScreeningConfig& config, Instant as_of,
                                           Instant now) {
  PendingDecision out;
  auto due = store.PendingReadsDue(as_of);
  if (!due.ok()) return due.status();
  std::vector<Read> reads;
  for (const PendingRead& p : *due) {
    ++out.decided;
    Status del = store.DeletePendingRead(p.id);
    if (!del.ok()) return del;
    // Rule 3 against the permits as they are now: a regularisation after the fact exempts.
    const uint32_t* zone = config.zone_index.Find(p.zone_id);
    if (zone != nullptr) {
      const char* record = config.permits.Find(PermitIndex::Hash(p.plate), p.plate);
      if (record != nullptr && PermitIndex::Covers(record, *zone, p.observed_at)) {
        ++out.exempt;
        continue;
      }
    }
    reads.push_back({p.zone_id, p.plate, p.country, p.local_day, p.camera_id, p.detection_id,
                     p.observed_at, p.confidence, p.strong, p.image_ref});
  }
  auto counts = DecideReads(store, settings, reads, now);
  if (!counts.ok()) return counts.status();
  out.new_cases = counts->new_cases;
  out.warning_cases = counts->warning_cases;
  out.joined_reads = counts->joined;
  return out;
}

Result<DetectionImportReport> ImportDetections(CaseStore& store, SettingsStore& settings_store,
                                               const GasSettings& settings, const std::string& file,
                                               const DetectionImportOptions& options, Instant now) {
  PhaseTimer timer;
  // The permits are read while the parser threads already read the file (below).
  auto config = ConfigFromStore(store, /*with_permits=*/false);
  if (!config.ok()) return config.status();
  timer.Mark("cameras and zones from store");

  ScreenOptions opt;
  opt.as_of = options.as_of;
  opt.threads = options.threads;
  opt.block_bytes = options.block_bytes;
  if (options.min_confidence) {
    if (Confidence::Parse(*options.min_confidence, &opt.min_confidence) !=
        Confidence::ParseError::kNone) {
      return InvalidArgument("--min-confidence \"" + *options.min_confidence +
                             "\": must be a decimal number in [0, 1]");
    }
  }
  ImportMode mode;
  // The secret is made (and stored) inside the import's transaction below when it is new; read
  // it first so the engine can use it.
  auto stored_secret = settings_store.Get(kSecretKey);
  if (!stored_secret.ok()) return stored_secret.status();
  const bool new_secret = !stored_secret->has_value();
  if (!new_secret) {
    auto secret = ReadKeySecretFromHex(**stored_secret);
    if (!secret.ok()) return Internal("store: setting anpr.read_key_secret is damaged");
    mode.secret = *secret;
  } else {
    mode.secret = NewReadKeySecret();
  }
  // The memory's horizon: read_memory_days before the newest read the store has seen.
  auto newest_text = settings_store.Get(kNewestDayKey);
  if (!newest_text.ok()) return newest_text.status();
  std::optional<int32_t> newest_day;
  if (newest_text->has_value()) newest_day = std::stoi(**newest_text);
  KnownReads known;
  if (newest_day) {
    const int32_t horizon = *newest_day - settings.read_memory_days;
    mode.not_before = Instant::FromUnix(int64_t{horizon} * kSecondsPerDay);
    Status loaded = store.ForEachReadKeyBlock(horizon, [&](std::span<const uint64_t> keys) {
      known.Reserve(known.size() + keys.size());
      for (uint64_t k : keys) known.Add(k);
    });
    if (!loaded.ok()) return loaded;
    mode.known = &known;
  }
  // A read after the importing clock (plus a day for cameras whose clock runs a little fast)
  // cannot have happened yet.
  mode.not_after = now.PlusSeconds(kSecondsPerDay);
  opt.import = mode;
  timer.Mark("read memory loaded");

  auto screened = ScreenDetectionsLoadingPermits(*config, file, opt,
                                                 [&] { return PermitsFromStore(store, &*config); });
  if (!screened.ok()) return screened.status();
  timer.Mark("permits read and screened");
  DetectionImportReport report;
  report.stats = screened->stats;
  report.rejects = std::move(screened->rejects);

  Status s = store.Transact([&]() -> Status {
    if (new_secret) {
      Status put = settings_store.Put(kSecretKey, ReadKeySecretToHex(mode.secret),
                                      "generated at the first camera import", "system", now);
      if (!put.ok()) return put;
    }
    // The read memory: one block per UTC day.
    std::vector<NewRead>& fresh = screened->new_reads;
    std::sort(fresh.begin(), fresh.end(),
              [](const NewRead& a, const NewRead& b) { return a.utc_day < b.utc_day; });
    std::vector<uint64_t> keys;
    int32_t max_day = newest_day.value_or(INT32_MIN);
    for (size_t i = 0; i < fresh.size();) {
      size_t j = i;
      keys.clear();
      while (j < fresh.size() && fresh[j].utc_day == fresh[i].utc_day)
        keys.push_back(fresh[j++].key);
      Status put = store.AppendReadKeys(fresh[i].utc_day, keys);
      if (!put.ok()) return put;
      report.remembered_keys += keys.size();
      // A read dated after tomorrow (a camera with a wrong clock) must not move the memory's
      // horizon into the future, or every later file would be too old.
      max_day = std::max(max_day, std::min(fresh[i].utc_day, now.UtcDate().days() + 1));
      i = j;
    }
    if (max_day != INT32_MIN) {
      Status put = settings_store.Put(kNewestDayKey, std::to_string(max_day),
                                      "the newest camera read imported", "system", now);
      if (!put.ok()) return put;
      auto purged = store.PurgeReadKeys(max_day - settings.read_memory_days);
      if (!purged.ok()) return purged.status();
      report.forgotten_keys = static_cast<uint64_t>(*purged);
    }
    timer.Mark("read memory stored");
    // Candidates: decided now, or waiting for their deadline.
    std::vector<Read> reads;
    reads.reserve(screened->candidates.size());
    for (CandidateRead& c : screened->candidates) {
      const Camera& cam = config->cameras[c.camera];
      if (c.pending) {
        PendingRead p;
        p.zone_id = config->zone_ids[c.zone];
        p.plate = std::move(c.plate);
        p.country = std::move(c.country);
        p.local_day = c.local_day;
        p.camera_id = cam.id;
        p.detection_id = std::move(c.detection_id);
        p.observed_at = c.observed_at;
        p.confidence = std::move(c.confidence);
        p.strong = c.strong;
        p.deadline = c.deadline;
        p.image_ref = std::move(c.image_ref);
        Status put = store.AddPendingRead(p);
        if (!put.ok()) return put;
        ++report.pending_added;
        continue;
      }
      reads.push_back({config->zone_ids[c.zone], std::move(c.plate), std::move(c.country),
                       c.local_day, cam.id, std::move(c.detection_id), c.observed_at,
                       std::move(c.confidence), c.strong, std::move(c.image_ref)});
    }
    // The new cases, their evidence and events are held and written with one statement of
    // each kind (CaseStore::HoldWrites): a statement per row cost more than the rows. Nothing
    // in DecideReads reads a case it opened; the reads of a case that existed flush first.
    struct Holding {
      CaseStore& store;
      ~Holding() { store.StopHolding(); }
    } holding{store};
    Status held = store.HoldWrites();
    if (!held.ok()) return held;
    auto counts = DecideReads(store, settings, reads, now);
    if (!counts.ok()) return counts.status();
    timer.Mark("cases decided");
    Status flushed = store.FlushWrites();
    if (!flushed.ok()) return flushed;
    store.StopHolding();
    timer.Mark("cases written");
    report.new_cases = counts->new_cases;
    report.warning_cases = counts->warning_cases;
    report.joined_reads = counts->joined;
    // Earlier imports' reads whose window has now closed.
    // Without --as-of every read is decided: the end of year 9999 stands for "any time".
    const Instant decide_until = options.as_of.value_or(Instant::FromUnix(253'402'300'799));
    auto pending = DecidePendingReads(store, settings, *config, decide_until, now);
    if (!pending.ok()) return pending.status();
    report.pending_decided = pending->decided;
    report.pending_exempt = pending->exempt;
    report.new_cases += pending->new_cases;
    report.warning_cases += pending->warning_cases;
    report.joined_reads += pending->joined_reads;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  timer.Mark("committed");
  return report;
}

}  // namespace hh
