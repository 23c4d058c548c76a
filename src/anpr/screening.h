// Camera screening of a low-traffic zone (shared/anpr/SCREENING.md): from the cameras, zone
// hours, permits and one file of camera reads to the violations, the review items and the
// rejected rows. The rules live in screening.cpp, each marked with its rule number.
//
// Data ownership: the three small files become an immutable ScreeningConfig; ScreenDetections
// streams the detections file through parser threads (each with its own CSV reader and time-zone
// cache) and one in-order consumer that owns the de-duplication set and the groups, so the result
// is the same for any number of threads or block size. ScreenFiles does both and overlaps the
// permits' loading with the first pass over the detections.
// Privacy (rule 3): exempt reads are counted and forgotten; no plate of theirs is kept.
// Import mode (ScreenOptions::import) also returns each new read's key and the reads a case store
// needs (CandidateRead), so that reads can be imported into a store across several files.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "anpr/confidence.h"
#include "anpr/permit_index.h"
#include "anpr/read_key.h"
#include "core/instant.h"
#include "core/local_time.h"
#include "core/status.h"
#include "core/string_map.h"

namespace hh {

// A zone restriction row: ISO weekdays as a bit mask (bit 1 = Monday .. bit 7 = Sunday) and the
// local times [from, to) in seconds of the day (to may be 86400 for "24:00").
struct ZoneRule {
  uint8_t weekdays = 0;
  int32_t from_s = 0;
  int32_t to_s = 0;
};

struct Camera {
  std::string id;
  uint32_t zone = 0;
  bool entry = false;
  Instant active_from;
  std::optional<Instant> active_to;  // none: still active
};

struct ScreeningConfig {
  std::vector<std::string> zone_ids;              // zone index -> id
  std::vector<std::vector<ZoneRule>> zone_rules;  // empty: restricted at all times
  StringMap<uint32_t> zone_index{64};
  std::vector<Camera> cameras;
  StringMap<uint32_t> camera_index{256};
  PermitIndex permits;

  uint32_t InternZone(std::string_view id);
};

struct ScreeningFiles {
  std::string cameras;
  std::string permits;
  std::string detections;
  std::string zones;  // empty: no zones file (every zone restricted at all times)
};

// Reads cameras, zones and permits. Any bad row makes the whole load fail with an
// InvalidArgument that names the file, the line and the field.
Result<ScreeningConfig> LoadScreeningConfig(const ScreeningFiles& files);
// The two halves of LoadScreeningConfig. LoadPermits reads cfg's zones but does not change them.
Status LoadCamerasAndZones(const ScreeningFiles& files, ScreeningConfig* cfg);
Status LoadPermits(const std::string& file, ScreeningConfig* cfg);
// One file each (for imports that replace one table at a time). LoadZones needs no cameras.
Status LoadCamerasFile(const std::string& file, ScreeningConfig* cfg);
Status LoadZonesFile(const std::string& file, ScreeningConfig* cfg);

// Rule 7: the regularisation deadline of a read on `local_day` (rule 4): 23:00 Europe/Brussels
// on the first working day after it (Monday to Friday except Belgian public holidays).
// `brussels` is the caller's converter (not thread-safe: one per thread).
Instant RegularisationDeadline(LocalDate local_day, const LocalTime& brussels);

// Screening for an import into a case store that remembers the reads it imported before.
struct ImportMode {
  ReadKeySecret secret{};             // the store's ReadKey secret
  const KnownReads* known = nullptr;  // reads imported before: they count as repeated_reads and
                                      // produce nothing; not owned, must outlive the run
  std::optional<Instant> not_before;  // valid rows with observed_at < not_before (the store's
                                      // read memory horizon) are rejected as too_old
  std::optional<Instant> not_after;   // valid rows with observed_at > not_after (after the
                                      // importing clock, with a margin) are rejected as
                                      // future_read: a camera with a wrong clock
};

struct ScreenOptions {
  std::optional<Instant> as_of;  // rule 7: decide only reads whose deadline is <= as_of
  Confidence min_confidence;     // rule 5; ScreenOptions() sets the spec's 0.90
  int threads = 2;               // parser threads (the consumer is the calling thread)
  size_t block_bytes = 4 << 20;  // bytes of detections per parser task
  // Called now and then with (bytes done, bytes in all); for a progress line.
  std::function<void(uint64_t, uint64_t)> progress;
  std::optional<ImportMode> import;  // none: plain screening (new_reads, candidates stay empty)

  ScreenOptions();
};

struct ScreenStats {
  uint64_t rows = 0;            // data rows (empty lines are no rows)
  uint64_t rejects = 0;         // rows written to rejects.csv
  uint64_t reads = 0;           // distinct valid reads
  uint64_t repeated_reads = 0;  // valid rows whose (camera, detection id) was already seen (in
                                // import mode also: whose read is in ImportMode::known)
  uint64_t dropped_exit_camera = 0;
  uint64_t dropped_camera_inactive = 0;
  uint64_t dropped_outside_zone_hours = 0;
  uint64_t exempt = 0;
  uint64_t pending = 0;  // reads still inside their regularisation window (--as-of)
  uint64_t violations = 0;
  uint64_t review_items = 0;
};

// One row of violations.csv or review.csv.
struct ScreenedGroup {
  uint32_t zone = 0;
  std::string plate;
  LocalDate local_day;
  uint32_t first_camera = 0;
  std::string first_detection_id;
  Instant first_observed_at;
  uint64_t read_count = 0;
};

struct RejectedRow {
  uint64_t line;
  std::string reason;  // "code: detail", code one of bad_quoting, column_count, unknown_camera,
                       // bad_instant, empty_plate, bad_plate (too long), bad_confidence and, in
                       // import mode only, too_old and future_read (the first that applies, in
                       // this order)
};

// Import mode: a distinct valid read that the store did not know, whatever its outcome.
struct NewRead {
  uint64_t key;     // ReadKey(secret, camera_id, detection_id)
  int32_t utc_day;  // observed_at.UtcDate().days(): for the store to forget keys in time
};

// Import mode: a new read that is a violation (strong), a review read (weak), or pending (rule
// 7: its deadline is after as_of, so it is not decided yet). Weak reads of a group that has a
// violation are candidates too (they join it as evidence, rule 6).
struct CandidateRead {
  uint32_t zone = 0;  // indices into ScreeningConfig
  uint32_t camera = 0;
  std::string plate;    // normalised (rule 1)
  std::string country;  // as in the file (may be empty)
  LocalDate local_day;  // rule 4
  std::string detection_id;
  Instant observed_at;
  std::string confidence;  // the exact text of the field
  bool strong = false;     // confidence >= min_confidence
  bool pending = false;    // rule 7 deadline after as_of: not decided yet
  Instant deadline;        // rule 7 regularisation deadline of this read
  std::string image_ref;
  uint64_t key = 0;  // ReadKey of the read
};

struct ScreenResult {
  ScreenStats stats;
  std::vector<ScreenedGroup> violations;  // sorted by zone id, plate, local day (bytes)
  std::vector<ScreenedGroup> review;      // same order
  std::vector<RejectedRow> rejects;       // in line order
  // Import mode only (empty otherwise), in file order.
  std::vector<NewRead> new_reads;         // one per distinct valid read not in `known`
  std::vector<CandidateRead> candidates;  // the new reads that are strong, weak or pending
};

// Screens the detections file. A detections file whose header lacks a column, or that cannot
// be read, fails as a whole; bad rows are returned as rejects and the rest is processed.
Result<ScreenResult> ScreenDetections(const ScreeningConfig& config, const std::string& path,
                                      const ScreenOptions& options);
// As ScreenDetections, but config's permits are not loaded yet: load_permits fills them (on the
// calling thread, reading config's zones but changing nothing else) while the parser threads
// already read the file; the reads are decided once it returned. Its error is the result.
Result<ScreenResult> ScreenDetectionsLoadingPermits(const ScreeningConfig& config,
                                                    const std::string& path,
                                                    const ScreenOptions& options,
                                                    const std::function<Status()>& load_permits);
// Loads the configuration files into *config and screens files.detections, reading the permits
// while the parser threads already read detections. Errors as LoadScreeningConfig and
// ScreenDetections; nothing is returned but the error if any file is bad.
Result<ScreenResult> ScreenFiles(const ScreeningFiles& files, const ScreenOptions& options,
                                 ScreeningConfig* config);

// The three output files, byte for byte as SCREENING.md says (rejects: header "line,reason").
std::string FormatGroupsCsv(const ScreeningConfig& config, const std::vector<ScreenedGroup>& rows);
std::string FormatRejectsCsv(const std::vector<RejectedRow>& rejects);

}  // namespace hh
