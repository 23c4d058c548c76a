// The screening engine: SCREENING.md rules 1-8. Parser threads turn blocks of the detections file
// into classified reads (rules 1-4, 7 and 8, which depend on one row alone); the blocks are then
// consumed one at a time in file order, by whichever thread is free, for what depends on order:
// the de-duplication of (camera_id, detection_id) and the grouping into violations and review
// items (rules 5 and 6). Import mode's work sits behind tests of one pointer in the parser and a
// template parameter of the consumer's loop, so plain screening does none of it.
//
// Blocks are cut at line breaks without knowing whether a line break sits inside a quoted field;
// consumption checks that each block starts exactly where the previous one really ended and
// re-parses a block itself when it does not, so the split never changes the result.
#include "anpr/screening.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <mutex>
#include <thread>

#include "anpr/read_id_set.h"
#include "core/calendar.h"
#include "core/local_time.h"
#include "core/parallel.h"
#include "core/plate.h"
#include "csv/csv_reader.h"

namespace hh {

namespace {

// Rule 7: the regularisation deadline is 23:00 local time on the first working day after the
// read's local day.
constexpr int32_t kDeadlineSecondsOfDay = 23 * 3600;

}  // namespace

ScreenOptions::ScreenOptions() {
  // Rule 5: the default minimum confidence is 0.90.
  Confidence::Parse("0.90", &min_confidence);
}

Instant RegularisationDeadline(LocalDate local_day, const LocalTime& brussels) {
  const LocalDate due = WorkingDayCalendar::Belgium().NextWorkingDayAfter(local_day);
  return brussels.FromLocal(due, kDeadlineSecondsOfDay);
}

namespace {

enum Outcome : uint8_t {
  kExitCamera,
  kCameraInactive,
  kOutsideZoneHours,
  kRelevant,  // after phase 1 only: relevant, exemption not yet checked
  kExempt,
  kPending,
  kStrong,  // confidence >= min: a violation
  kWeak,    // confidence < min: review, unless its group has a violation
};

// The detections columns, by position in the file's header.
struct Columns {
  int camera, detection, observed, plate, country, confidence, image;
  size_t count;
};

// A valid row, classified: what the consumer needs of every read (kept small: there are
// millions). In the block's arena at `off`: the detection id, then for relevant reads the group
// key: zone (4 bytes), local day (4 bytes), normalised plate.
struct BlockRead {
  uint64_t pair_hash;  // ReadIdSet::Hash(camera, detection id)
  uint32_t off;
  uint32_t id_len;
  uint32_t camera;
  uint8_t outcome;
  uint32_t relevant;  // for reads that passed rule 2: index into Block::relevant
};

// The rest of a read that passed rule 2 (a third of them, or less).
struct RelevantRead {
  Instant at;
  uint64_t key_hash;  // phase 1: PermitIndex::Hash(plate); phase 2: HashBytes(group key)
  uint32_t read;      // index into Block::reads
  int32_t day;
  uint16_t plate_len;
  bool strong;
};

// Import mode only, one per BlockRead.
struct ImportRead {
  uint64_t key;  // ReadKey(secret, camera_id, detection_id)
  int32_t utc_day;
};

// Import mode only, one per RelevantRead: what a CandidateRead needs beyond the group key. The
// texts lie in Block::import_text from `off`: country, confidence, image_ref.
struct ImportExtra {
  Instant deadline;  // rule 7; set in phase 2 for reads that are not exempt
  uint32_t off;
  uint32_t country_len;
  uint32_t confidence_len;
  uint32_t image_len;
};

struct Block {
  uint64_t begin = 0;
  uint64_t limit = UINT64_MAX;
  uint64_t end_offset = 0;  // where the reader stopped: the start of the next block's first record
  uint64_t lines = 0;       // lines consumed, from begin to end_offset
  uint64_t rows = 0;
  HugeVector<BlockRead> reads;
  HugeVector<RelevantRead> relevant;  // phase 2's work
  std::string arena;
  std::vector<RejectedRow> rejects;  // lines relative to begin (0-based)
  Status status;
  HugeVector<ImportRead> import_reads;   // import mode: parallel to reads
  HugeVector<ImportExtra> import_extra;  // import mode: parallel to relevant
  std::string import_text;               // import mode: the texts of import_extra

  // Empties the block for another range, keeping the buffers' capacity.
  void Reset(uint64_t b, uint64_t l) {
    begin = b;
    limit = l;
    end_offset = lines = rows = 0;
    reads.clear();
    relevant.clear();
    arena.clear();
    rejects.clear();
    status = Status::Ok();
    import_reads.clear();
    import_extra.clear();
    import_text.clear();
  }
};

// Classifies the rows of one block: phase 1 parses each row alone (rules 1, 2, 4, 8); phase 2
// checks the relevant reads against the permits in a batch with prefetching (rule 3), then the
// deadline (rule 7) and the confidence (rules 5, 6). In import mode phase 1 also rejects rows
// before the horizon (too_old) and keeps each read's key and a relevant read's texts, and phase
// 2 each relevant read's deadline.
class Classifier {
 public:
  // await_permits: called before phase 2; returns false when the run is abandoned.
  Classifier(const ScreeningConfig& cfg, const ScreenOptions& opt, const Columns& col,
             std::function<bool()> await_permits = nullptr)
      : cfg_(cfg),
        opt_(opt),
        col_(col),
        import_(opt.import ? &*opt.import : nullptr),
        tz_(LocalTime::Brussels()),
        await_permits_(std::move(await_permits)) {}

  void Parse(const std::string& path, Block* b) {
    auto reader = CsvReader::OpenFileRange(path, b->begin, b->limit, 0, std::move(buffer_));
    if (!reader.ok()) {
      b->status = reader.status();
      return;
    }
    CsvRecord rec;
    while ((*reader)->Next(&rec)) Row(rec, b);
    b->status = (*reader)->io_status();
    b->end_offset = (*reader)->next_offset();
    b->lines = (*reader)->next_line();
    buffer_ = (*reader)->ReleaseBuffer();
    if (await_permits_ && !await_permits_()) return;
    CheckPermits(b);
  }

 private:
  void Reject(Block* b, uint64_t line, const char* code, const std::string& detail) {
    b->rejects.push_back({line, std::string(code) + ": " + detail});
  }

  void Row(const CsvRecord& rec, Block* b) {
    ++b->rows;
    const auto& f = rec.fields;
    // Rule 8: invalid rows are rejected with their line; the rest of the file goes on.
    if (rec.error != nullptr) return Reject(b, rec.line, "bad_quoting", rec.error);
    if (f.size() != col_.count) {
      return Reject(
          b, rec.line, "column_count",
          "expected " + std::to_string(col_.count) + " fields, found " + std::to_string(f.size()));
    }
    std::string_view camera_id = f[col_.camera];
    int64_t cam_index = cfg_.camera_index.IndexOf(camera_id);
    if (cam_index < 0) {
      return Reject(b, rec.line, "unknown_camera",
                    "camera_id \"" + std::string(camera_id) + "\" is not in the cameras file");
    }
    const uint32_t camera = cfg_.camera_index.ValueAt(static_cast<size_t>(cam_index));
    Instant at;
    const char* why = nullptr;
    if (!Instant::TryParse(f[col_.observed], &at, &why)) {
      return Reject(b, rec.line, "bad_instant",
                    "observed_at \"" + std::string(f[col_.observed]) + "\": " + why);
    }
    // Rule 1: plate normalisation.
    std::string_view raw_plate = f[col_.plate];
    if (plate_buf_.size() < raw_plate.size()) plate_buf_.resize(raw_plate.size());
    const size_t plate_len = NormalisePlateInto(raw_plate, plate_buf_.data());
    if (plate_len == 0) {
      return Reject(b, rec.line, "empty_plate",
                    "plate \"" + std::string(raw_plate) + "\" has no letter or digit");
    }
    if (plate_len > UINT16_MAX) {
      return Reject(b, rec.line, "bad_plate", "plate longer than 65535 characters");
    }
    Confidence conf;
    switch (Confidence::Parse(f[col_.confidence], &conf)) {
      case Confidence::ParseError::kNone:
        break;
      case Confidence::ParseError::kNotANumber:
        return Reject(
            b, rec.line, "bad_confidence",
            "confidence \"" + std::string(f[col_.confidence]) + "\" is not a decimal number");
      case Confidence::ParseError::kOutOfRange:
        return Reject(b, rec.line, "bad_confidence",
                      "confidence \"" + std::string(f[col_.confidence]) + "\" is outside [0, 1]");
    }
    if (import_ != nullptr && import_->not_before && at < *import_->not_before) {
      std::string detail = "observed_at \"" + std::string(f[col_.observed]) +
                           "\" is before the store's read memory horizon ";
      import_->not_before->AppendUtc(detail);
      return Reject(b, rec.line, "too_old", detail);
    }
    if (import_ != nullptr && import_->not_after && at > *import_->not_after) {
      std::string detail = "observed_at \"" + std::string(f[col_.observed]) +
                           "\" is after the importing clock's limit ";
      import_->not_after->AppendUtc(detail);
      return Reject(b, rec.line, "future_read", detail + " (is the camera's clock wrong?)");
    }
    const std::string_view detection_id = f[col_.detection];
    const Camera& cam = cfg_.cameras[camera];

    BlockRead r;
    r.pair_hash = ReadIdSet::Hash(camera, detection_id);
    r.off = static_cast<uint32_t>(b->arena.size());
    r.id_len = static_cast<uint32_t>(detection_id.size());
    r.camera = camera;
    r.relevant = 0;
    int32_t day = 0;
    r.outcome = Relevance(cam, at, &day);
    b->arena.append(detection_id);
    if (r.outcome == kRelevant) {
      const std::string_view plate(plate_buf_.data(), plate_len);
      RelevantRead rr;
      rr.at = at;
      rr.key_hash = PermitIndex::Hash(plate);
      rr.read = static_cast<uint32_t>(b->reads.size());
      rr.day = day;
      rr.plate_len = static_cast<uint16_t>(plate_len);
      rr.strong = conf >= opt_.min_confidence;  // rules 5 and 6
      b->arena.append(reinterpret_cast<const char*>(&cam.zone), 4);
      b->arena.append(reinterpret_cast<const char*>(&day), 4);
      b->arena.append(plate);
      r.relevant = static_cast<uint32_t>(b->relevant.size());
      b->relevant.push_back(rr);
    }
    b->reads.push_back(r);
    if (import_ != nullptr) KeepForImport(f, camera_id, detection_id, at, r.outcome, b);
  }

  // Import mode: the read's key and UTC day; for a relevant read also its texts.
  void KeepForImport(const std::vector<std::string_view>& f, std::string_view camera_id,
                     std::string_view detection_id, Instant at, uint8_t outcome, Block* b) {
    b->import_reads.push_back(
        {ReadKey(import_->secret, camera_id, detection_id), at.UtcDate().days()});
    if (outcome != kRelevant) return;
    const std::string_view country = f[col_.country];
    const std::string_view confidence = f[col_.confidence];
    const std::string_view image = f[col_.image];
    ImportExtra x{};
    x.off = static_cast<uint32_t>(b->import_text.size());
    x.country_len = static_cast<uint32_t>(country.size());
    x.confidence_len = static_cast<uint32_t>(confidence.size());
    x.image_len = static_cast<uint32_t>(image.size());
    b->import_text.append(country).append(confidence).append(image);
    b->import_extra.push_back(x);
  }

  // Rule 2: relevant reads come from an entry camera, active at observed_at ([from, to)),
  // while its zone's restriction applies. Rule 4: the local day, for relevant reads.
  Outcome Relevance(const Camera& cam, Instant at, int32_t* day) {
    if (!cam.entry) return kExitCamera;
    if (at < cam.active_from || (cam.active_to && at >= *cam.active_to)) return kCameraInactive;
    const LocalDateTime local = tz_.ToLocal(at);
    *day = local.date.days();
    const std::vector<ZoneRule>& rules = cfg_.zone_rules[cam.zone];
    if (rules.empty()) return kRelevant;
    const uint8_t bit = static_cast<uint8_t>(1u << local.iso_weekday());
    for (const ZoneRule& z : rules) {
      if ((z.weekdays & bit) && local.seconds_of_day >= z.from_s && local.seconds_of_day < z.to_s) {
        return kRelevant;
      }
    }
    return kOutsideZoneHours;
  }

  void CheckPermits(Block* b) {
    const PermitIndex& permits = cfg_.permits;
    HugeVector<RelevantRead>& rel = b->relevant;
    const size_t n = rel.size();
    // A three-step pipeline hides both cache misses of a lookup: at read k the slot of read k
    // is fetched, the record of read k - kStep (its slot now cached) is fetched, and read
    // k - 2 * kStep (slot and record cached) is looked up for real.
    constexpr size_t kStep = 32;
    found_.resize(n);
    for (size_t k = 0; k < n + 2 * kStep; ++k) {
      if (k < n) permits.PrefetchSlot(rel[k].key_hash);
      if (k >= kStep && k - kStep < n) {
        PermitIndex::PrefetchRecord(permits.Candidate(rel[k - kStep].key_hash));
      }
      if (k >= 2 * kStep) {
        const size_t j = k - 2 * kStep;
        found_[j] = permits.Find(rel[j].key_hash, PlateOf(*b, rel[j]));
      }
    }
    for (size_t j = 0; j < n; ++j) {
      RelevantRead& rr = rel[j];
      BlockRead& r = b->reads[rr.read];
      // Rule 3: exempt when a permit for this plate covers this zone (or '*') at observed_at.
      if (found_[j] != nullptr &&
          PermitIndex::Covers(found_[j], cfg_.cameras[r.camera].zone, rr.at)) {
        r.outcome = kExempt;
        continue;
      }
      if (import_ != nullptr) b->import_extra[j].deadline = Deadline(LocalDate::FromDays(rr.day));
      // Rule 7: with --as-of, only reads whose deadline has passed are decided.
      if (opt_.as_of && Deadline(LocalDate::FromDays(rr.day)) > *opt_.as_of) {
        r.outcome = kPending;
        continue;
      }
      r.outcome = rr.strong ? kStrong : kWeak;
      rr.key_hash = HashBytes(b->arena.data() + r.off + r.id_len, 8 + rr.plate_len);
    }
  }

  // The normalised plate of a relevant read (the end of its group key in the arena).
  static std::string_view PlateOf(const Block& b, const RelevantRead& rr) {
    const BlockRead& r = b.reads[rr.read];
    return std::string_view(b.arena.data() + r.off + r.id_len + 8, rr.plate_len);
  }

  // RegularisationDeadline, remembered for the last day asked (reads come roughly in time order).
  Instant Deadline(LocalDate day) {
    if (day.days() != deadline_day_) {
      deadline_day_ = day.days();
      deadline_ = RegularisationDeadline(day, tz_);
    }
    return deadline_;
  }

  const ScreeningConfig& cfg_;
  const ScreenOptions& opt_;
  const Columns& col_;
  const ImportMode* import_;  // null: plain screening
  LocalTime tz_;
  std::string plate_buf_ = std::string(64, '\0');
  std::function<bool()> await_permits_;
  std::string buffer_;  // the CSV reader's buffer, kept from block to block
  std::vector<const char*> found_;
  int32_t deadline_day_ = INT32_MIN;
  Instant deadline_;
};

// The first read of a group so far: earliest observed_at, then smallest (camera_id,
// detection_id) byte by byte (rule 5).
struct FirstRead {
  Instant at;
  uint32_t camera = 0;
  uint32_t id_off = 0;
  uint32_t id_len = 0;
  bool set = false;
};

struct Group {
  uint64_t count = 0;
  FirstRead strong;
  FirstRead weak;
};

// The in-order half: de-duplication (the first valid row of a (camera_id, detection_id) pair is
// the read) and grouping by (zone, plate, local day). In import mode, reads the store knows are
// repeated reads before anything else, and the new reads and candidates are collected.
class Consumer {
 public:
  Consumer(const ScreeningConfig& cfg, const ImportMode* import, size_t expected_reads)
      : cfg_(cfg),
        import_(import),
        known_(import != nullptr ? import->known : nullptr),
        seen_(expected_reads),
        groups_(expected_reads / 8 + 16) {}

  void Consume(const Block& b, uint64_t first_line, ScreenResult* out) {
    out->stats.rows += b.rows;
    for (const RejectedRow& r : b.rejects) out->rejects.push_back({first_line + r.line, r.reason});
    if (import_ != nullptr) {
      ConsumeReads<true>(b, out);
    } else {
      ConsumeReads<false>(b, out);
    }
  }

  template <bool kImport>
  void ConsumeReads(const Block& b, ScreenResult* out) {
    ScreenStats& s = out->stats;
    const size_t n = b.reads.size();
    constexpr size_t kAhead = 16;  // prefetch distance: enough reads to cover a cache miss
    for (size_t i = 0; i < std::min(n, kAhead); ++i) {
      seen_.Prefetch(b.reads[i].pair_hash);
      if constexpr (kImport) {
        if (known_ != nullptr) known_->Prefetch(b.import_reads[i].key);
      }
    }
    for (size_t i = 0; i < n; ++i) {
      if (i + kAhead < n) {
        seen_.Prefetch(b.reads[i + kAhead].pair_hash);
        if constexpr (kImport) {
          if (known_ != nullptr) known_->Prefetch(b.import_reads[i + kAhead].key);
        }
      }
      const BlockRead& r = b.reads[i];
      if constexpr (kImport) {
        // Imported before (an earlier file): the same read again (SCREENING.md, detection_id).
        if (known_ != nullptr && known_->Contains(b.import_reads[i].key)) {
          ++s.repeated_reads;
          continue;
        }
      }
      std::string_view id(b.arena.data() + r.off, r.id_len);
      if (!seen_.Insert(r.pair_hash, r.camera, id)) {
        ++s.repeated_reads;
        continue;
      }
      ++s.reads;
      if constexpr (kImport) {
        out->new_reads.push_back({b.import_reads[i].key, b.import_reads[i].utc_day});
      }
      switch (r.outcome) {
        case kExitCamera:
          ++s.dropped_exit_camera;
          continue;
        case kCameraInactive:
          ++s.dropped_camera_inactive;
          continue;
        case kOutsideZoneHours:
          ++s.dropped_outside_zone_hours;
          continue;
        case kExempt:
          ++s.exempt;
          continue;
        case kPending:
          ++s.pending;
          if constexpr (kImport) AddCandidate(b, i, out);
          continue;
        default:
          break;
      }
      const RelevantRead& rr = b.relevant[r.relevant];
      std::string_view key(b.arena.data() + r.off + r.id_len, 8 + rr.plate_len);
      Group& g = *groups_.InsertHashed(key, rr.key_hash).first;
      ++g.count;
      FirstRead& first = r.outcome == kStrong ? g.strong : g.weak;  // rule 6
      if (!first.set || Earlier(rr.at, r.camera, id, first)) {
        first.at = rr.at;
        first.camera = r.camera;
        first.id_off = static_cast<uint32_t>(ids_.size());
        first.id_len = r.id_len;
        first.set = true;
        ids_.append(id);
      }
      if constexpr (kImport) AddCandidate(b, i, out);
    }
  }

  void Finish(ScreenResult* out) {
    // Zones sort by their id's bytes.
    std::vector<uint32_t> rank(cfg_.zone_ids.size());
    {
      std::vector<uint32_t> order(cfg_.zone_ids.size());
      for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
      std::sort(order.begin(), order.end(),
                [&](uint32_t a, uint32_t b) { return cfg_.zone_ids[a] < cfg_.zone_ids[b]; });
      for (uint32_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
    }
    // Sort small keys, not rows: zone rank, then the plate's first 8 bytes as a big-endian
    // number (plates are A-Z0-9, so zero padding sorts a shorter plate first, as bytes do),
    // then the whole plate, then the day.
    struct SortKey {
      uint32_t rank;
      int32_t day;
      uint64_t prefix;
      std::string_view plate;
      uint32_t group;
    };
    std::vector<SortKey> keys;
    keys.reserve(groups_.size());
    for (size_t i = 0; i < groups_.size(); ++i) {
      const std::string_view key = groups_.KeyAt(i);
      uint32_t zone;
      int32_t day;
      std::memcpy(&zone, key.data(), 4);
      std::memcpy(&day, key.data() + 4, 4);
      const std::string_view plate = key.substr(8);
      uint64_t prefix = 0;
      for (size_t b = 0; b < 8; ++b) {
        prefix = prefix << 8 | (b < plate.size() ? static_cast<unsigned char>(plate[b]) : 0u);
      }
      keys.push_back({rank[zone], day, prefix, plate, static_cast<uint32_t>(i)});
    }
    std::sort(keys.begin(), keys.end(), [](const SortKey& a, const SortKey& b) {
      if (a.rank != b.rank) return a.rank < b.rank;
      if (a.prefix != b.prefix) return a.prefix < b.prefix;
      if (a.plate != b.plate) return a.plate < b.plate;
      return a.day < b.day;
    });
    // Each row's place is known from a running count, so two threads fill the rows.
    // Rule 6: a group with a strong read is a violation (its low reads join it as evidence);
    // otherwise it is a review item.
    std::vector<uint32_t> place(keys.size());
    size_t violations = 0, review = 0;
    for (size_t i = 0; i < keys.size(); ++i) {
      place[i] = static_cast<uint32_t>(groups_.ValueAt(keys[i].group).strong.set ? violations++
                                                                                 : review++);
    }
    out->violations.resize(violations);
    out->review.resize(review);
    ForHalves(keys.size(), [&](size_t begin, size_t end) {
      for (size_t i = begin; i < end; ++i) {
        const SortKey& k = keys[i];
        const Group& g = groups_.ValueAt(k.group);
        const FirstRead& first = g.strong.set ? g.strong : g.weak;
        ScreenedGroup& row = (g.strong.set ? out->violations : out->review)[place[i]];
        std::memcpy(&row.zone, groups_.KeyAt(k.group).data(), 4);
        row.local_day = LocalDate::FromDays(k.day);
        row.plate = std::string(k.plate);
        row.first_camera = first.camera;
        row.first_detection_id = ids_.substr(first.id_off, first.id_len);
        row.first_observed_at = first.at;
        row.read_count = g.count;
      }
    });
    out->stats.violations = out->violations.size();
    out->stats.review_items = out->review.size();
    out->stats.rejects = out->rejects.size();
  }

 private:
  // Import mode: the candidate of read i of b (a relevant read that is not exempt).
  void AddCandidate(const Block& b, size_t i, ScreenResult* out) const {
    const BlockRead& r = b.reads[i];
    const RelevantRead& rr = b.relevant[r.relevant];
    const ImportExtra& x = b.import_extra[r.relevant];
    const char* text = b.import_text.data() + x.off;
    CandidateRead& c = out->candidates.emplace_back();
    c.zone = cfg_.cameras[r.camera].zone;
    c.camera = r.camera;
    c.plate.assign(b.arena.data() + r.off + r.id_len + 8, rr.plate_len);
    c.country.assign(text, x.country_len);
    c.local_day = LocalDate::FromDays(rr.day);
    c.detection_id.assign(b.arena.data() + r.off, r.id_len);
    c.observed_at = rr.at;
    c.confidence.assign(text + x.country_len, x.confidence_len);
    c.strong = rr.strong;
    c.pending = r.outcome == kPending;
    c.deadline = x.deadline;
    c.image_ref.assign(text + x.country_len + x.confidence_len, x.image_len);
    c.key = b.import_reads[i].key;
  }

  bool Earlier(Instant at, uint32_t camera, std::string_view id, const FirstRead& f) const {
    if (at != f.at) return at < f.at;
    if (camera != f.camera) return cfg_.cameras[camera].id < cfg_.cameras[f.camera].id;
    return id < std::string_view(ids_.data() + f.id_off, f.id_len);
  }

  const ScreeningConfig& cfg_;
  const ImportMode* import_;  // null: plain screening
  const KnownReads* known_;   // null: none known (or plain screening)
  ReadIdSet seen_;
  StringMap<Group> groups_;
  std::string ids_;  // detection ids of first reads
};

// The engine. When load_permits is set, the permits are not loaded yet: the calling thread loads
// them (it may read but not change config's other parts) while the parser threads run phase 1,
// and phase 2 waits for them.
Result<ScreenResult> Run(const ScreeningConfig& config, const std::string& path,
                         const ScreenOptions& options,
                         const std::function<Status()>& load_permits) {
  auto reader = CsvReader::OpenFile(path);
  if (!reader.ok()) return reader.status();
  CsvRecord header;
  if (!(*reader)->Next(&header)) {
    if (!(*reader)->io_status().ok())
      return Unavailable(path + ": " + (*reader)->io_status().message());
    return InvalidArgument(path + ": line 1: the file is empty (a header row is required)");
  }
  if (header.error != nullptr) {
    return InvalidArgument(path + ": line " + std::to_string(header.line) +
                           ", field header: " + header.error);
  }
  auto cols = LocateColumns(header, {"camera_id", "detection_id", "observed_at", "plate", "country",
                                     "confidence", "image_ref"});
  if (!cols.ok()) return InvalidArgument(path + ": " + cols.status().message());
  const Columns col{(*cols)[0], (*cols)[1], (*cols)[2], (*cols)[3],
                    (*cols)[4], (*cols)[5], (*cols)[6], header.fields.size()};
  const uint64_t data_start = (*reader)->next_offset();
  const uint64_t first_data_line = (*reader)->next_line();
  const uint64_t size = (*reader)->file_size();
  reader->reset();

  auto cut = CutAtLineBreaks(path, data_start, size, std::max<size_t>(options.block_bytes, 1));
  if (!cut.ok()) return cut.status();
  const std::vector<uint64_t>& cuts = *cut;
  const size_t n = cuts.size();
  auto limit_of = [&](size_t k) { return k + 1 < n ? cuts[k + 1] : UINT64_MAX; };

  // Parser threads take blocks in order, at most `window` ahead of the consumption, so memory
  // stays bounded; block k lives in slots[k % window], whose buffers are reused. Blocks are
  // consumed strictly in file order by whichever thread is free when the next one is ready (a
  // parser after its block, or the calling thread): one at a time, so the consumer state needs
  // no lock of its own, and no core idles while a parser waits for the consumer or the reverse.
  const size_t threads = static_cast<size_t>(std::max(1, options.threads));
  const size_t window = threads * 2;
  std::vector<Block> slots(window);
  std::mutex mu;
  std::condition_variable cv;
  std::vector<char> done(n, 0);
  size_t next_block = 0;
  size_t consumed = 0;     // blocks consumed so far (the next to consume is this one)
  bool consuming = false;  // a thread is consuming block `consumed` now
  bool consumer_ready = false;
  bool permits_ready = !load_permits;
  bool abandon = false;
  std::exception_ptr thrown;  // the first exception of any thread
  // Ends the run early: no new blocks, nobody waits for permits. Call with mu held.
  auto stop = [&] {
    abandon = true;
    permits_ready = true;
    next_block = n;
  };
  // Phase 2 of a block starts once the permits are there.
  auto await_permits = [&]() -> bool {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return permits_ready; });
    return !abandon;
  };
  auto can_consume = [&] {
    return consumer_ready && !consuming && !abandon && consumed < n && done[consumed] != 0;
  };

  // The consumer state: touched only by the thread that holds `consuming`.
  ScreenResult result;
  Status failure;
  std::unique_ptr<Consumer> consumer;
  Block redo;
  uint64_t expected = data_start;
  uint64_t line = first_data_line;
  // Consumes block k (its slot is final, or is re-parsed from where the previous block ended).
  auto consume = [&](size_t k, Classifier& classifier) {
    Block* b = &slots[k % window];
    if (b->begin != expected && expected < b->limit) {
      // The cut fell inside a quoted field: parse from where the previous block really ended.
      redo.Reset(expected, b->limit);
      classifier.Parse(path, &redo);
      b = &redo;
    }
    if (b->begin == expected && failure.ok()) {
      if (!b->status.ok()) failure = b->status;
      consumer->Consume(*b, line, &result);
      line += b->lines;
      expected = b->end_offset;
    }
    // else: the previous block's last record ran past this whole block; nothing here is new.
    if (options.progress) options.progress(std::min(expected, size), size);
  };
  // Consumes every block that is ready, in order, unless another thread is at it.
  auto consume_ready = [&](std::unique_lock<std::mutex>& lock, Classifier& classifier) {
    while (can_consume()) {
      consuming = true;
      const size_t k = consumed;
      lock.unlock();
      consume(k, classifier);
      lock.lock();
      consuming = false;
      consumed = k + 1;
      cv.notify_all();
    }
  };
  auto fail = [&] {
    {
      std::lock_guard<std::mutex> lock(mu);
      if (!thrown) thrown = std::current_exception();
      stop();
    }
    cv.notify_all();
  };

  auto work = [&] {
    // Exceptions (infrastructure failures, see CONTRIBUTING.md) travel to the calling thread.
    try {
      Classifier classifier(config, options, col, await_permits);
      std::unique_lock<std::mutex> lock(mu);
      for (;;) {
        cv.wait(lock,
                [&] { return next_block >= n || next_block < consumed + window || can_consume(); });
        consume_ready(lock, classifier);
        if (next_block >= n) return;
        if (next_block >= consumed + window) continue;
        const size_t k = next_block++;
        lock.unlock();
        Block& b = slots[k % window];  // block k - window was consumed: the slot is free
        b.Reset(cuts[k], limit_of(k));
        classifier.Parse(path, &b);
        lock.lock();
        done[k] = 1;
        cv.notify_all();
      }
    } catch (...) {
      fail();
    }
  };
  std::vector<std::thread> pool;
  auto finish_threads = [&] {
    {
      std::lock_guard<std::mutex> lock(mu);
      if (next_block < n || !permits_ready) stop();
    }
    cv.notify_all();
    for (std::thread& t : pool) {
      if (t.joinable()) t.join();
    }
  };

  try {
    for (size_t t = 0; t < threads; ++t) pool.emplace_back(work);
    Classifier own(config, options, col);  // for this thread's turns at consuming
    if (load_permits) {
      Status loaded = load_permits();
      if (!loaded.ok()) {
        finish_threads();
        return loaded;
      }
      {
        std::lock_guard<std::mutex> lock(mu);
        permits_ready = true;
      }
      cv.notify_all();
    }
    // About 80 bytes a detection row; the sets grow if the guess is low.
    consumer = std::make_unique<Consumer>(config, options.import ? &*options.import : nullptr,
                                          static_cast<size_t>(size / 80));
    {
      std::unique_lock<std::mutex> lock(mu);
      consumer_ready = true;
      cv.notify_all();
      for (;;) {
        cv.wait(lock, [&] { return consumed >= n || thrown || can_consume(); });
        if (thrown || consumed >= n) break;
        consume_ready(lock, own);
      }
      // Everything consumed, or a thread failed: in both cases nothing more is to be done.
      if (thrown) stop();
    }
    finish_threads();
    if (thrown) std::rethrow_exception(thrown);
    if (!failure.ok()) return Unavailable(path + ": " + failure.message());
    consumer->Finish(&result);
  } catch (...) {
    finish_threads();  // never leave a thread running behind an exception
    throw;
  }
  return result;
}

}  // namespace

Result<ScreenResult> ScreenDetections(const ScreeningConfig& config, const std::string& path,
                                      const ScreenOptions& options) {
  return Run(config, path, options, nullptr);
}

Result<ScreenResult> ScreenDetectionsLoadingPermits(const ScreeningConfig& config,
                                                    const std::string& path,
                                                    const ScreenOptions& options,
                                                    const std::function<Status()>& load_permits) {
  return Run(config, path, options, load_permits);
}

Result<ScreenResult> ScreenFiles(const ScreeningFiles& files, const ScreenOptions& options,
                                 ScreeningConfig* config) {
  Status s = LoadCamerasAndZones(files, config);
  if (!s.ok()) return s;
  return Run(*config, files.detections, options,
             [&] { return LoadPermits(files.permits, config); });
}

std::string FormatGroupsCsv(const ScreeningConfig& config, const std::vector<ScreenedGroup>& rows) {
  // Zone and camera ids repeat on every row: quote them once.
  std::vector<std::string> zones(config.zone_ids.size());
  for (size_t i = 0; i < zones.size(); ++i) AppendCsvField(zones[i], config.zone_ids[i]);
  std::vector<std::string> cameras(config.cameras.size());
  for (size_t i = 0; i < cameras.size(); ++i) AppendCsvField(cameras[i], config.cameras[i].id);
  auto format = [&](size_t begin, size_t end, std::string& out) {
    out.reserve(out.size() + (end - begin) * 80);
    char count[24];
    for (size_t i = begin; i < end; ++i) {
      const ScreenedGroup& g = rows[i];
      out += zones[g.zone];
      out.push_back(',');
      out += g.plate;  // normalised: A-Z and 0-9 only, never quoted
      out.push_back(',');
      g.local_day.AppendIso(out);
      out.push_back(',');
      out += cameras[g.first_camera];
      out.push_back(',');
      AppendCsvField(out, g.first_detection_id);
      out.push_back(',');
      g.first_observed_at.AppendUtc(out);
      out.push_back(',');
      out.append(count, static_cast<size_t>(
                            std::to_chars(count, count + sizeof count, g.read_count).ptr - count));
      out.push_back('\n');
    }
  };
  std::string halves[2];
  halves[0] =
      "zone_id,plate,local_day,first_camera_id,first_detection_id,first_observed_at,read_count\n";
  // ForHalves gives the first half (or everything) a begin of 0.
  ForHalves(rows.size(),
            [&](size_t begin, size_t end) { format(begin, end, halves[begin == 0 ? 0 : 1]); });
  halves[0] += halves[1];
  return std::move(halves[0]);
}

std::string FormatRejectsCsv(const std::vector<RejectedRow>& rejects) {
  std::string out = "line,reason\n";
  for (const RejectedRow& r : rejects) {
    out += std::to_string(r.line);
    out.push_back(',');
    AppendCsvField(out, r.reason);
    out.push_back('\n');
  }
  return out;
}

}  // namespace hh
