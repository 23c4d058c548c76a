// Camera intake into the case store (issue 3, item 4): the camera configuration files replace
// their tables, and each detections file is screened by the same engine as `handhaving screen`
// (anpr/screening.h) in import mode. A violation becomes an AUTOLUW case awaiting review; a
// later read of the same plate, zone and local day joins that case as evidence; reads still in
// their regularisation window wait in the store and are decided by a later import or
// `handhaving process`. Exempt reads leave nothing but a keyed hash of their camera and
// detection id, kept for GasSettings::read_memory_days so that a repeated read is recognised.
// Each call is one transaction of the store: a refused file changes nothing.
// Thread rules: those of the stores given (one thread); the screening itself uses its threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "anpr/screening.h"
#include "core/instant.h"
#include "gas/settings.h"
#include "store/case_store.h"
#include "store/settings_store.h"

namespace hh {

// The regulation article of an AUTOLUW case: the C3 sign (no entry in both directions) of the
// low-traffic zone, fined under KB 9 maart 2014 (GAS.md 2.1, 3). The code and article cases
// record; [UNVERIFIED] exact article numbering: check against the city's police regulation.
inline constexpr std::string_view kAutoluwOffenceCode = "C3";
inline constexpr std::string_view kAutoluwArticle =
    "KB 9 maart 2014 (GAS C3/F103, automatisch werkend toestel); verkeersbord C3";

struct ConfigImportReport {
  uint64_t rows = 0;  // rows now in the table
};

// Replace the cameras (cameras.csv of SCREENING.md, with an optional column warning_until:
// an RFC 3339 instant ending the camera's own warning period), the zone rules or the permits.
// A bad row refuses the file whole (InvalidArgument naming file, line and field, as `screen`).
[[nodiscard]] Result<ConfigImportReport> ImportCameras(CaseStore& store, const std::string& file);
[[nodiscard]] Result<ConfigImportReport> ImportZones(CaseStore& store, const std::string& file);
[[nodiscard]] Result<ConfigImportReport> ImportPermits(CaseStore& store, const std::string& file);

// The screening configuration as the store holds it now. FailedPrecondition when no cameras
// were imported yet. Without `with_permits`, the permits are left to PermitsFromStore.
[[nodiscard]] Result<ScreeningConfig> ConfigFromStore(CaseStore& store, bool with_permits = true);
// The store's permits into cfg->permits, against cfg's zones.
[[nodiscard]] Status PermitsFromStore(CaseStore& store, ScreeningConfig* cfg);

struct DetectionImportOptions {
  std::optional<Instant> as_of;  // rule 7; none: every read is decided now
  std::optional<std::string> min_confidence;
  int threads = 2;
  size_t block_bytes = 4 << 20;
};

struct DetectionImportReport {
  ScreenStats stats;  // as `screen` counts them (repeated_reads includes known reads)
  std::vector<RejectedRow> rejects;
  uint64_t new_cases = 0;        // cases opened
  uint64_t warning_cases = 0;    // of which in a camera's warning period
  uint64_t joined_reads = 0;     // reads added as evidence to cases that existed
  uint64_t pending_added = 0;    // reads now waiting for their regularisation deadline
  uint64_t pending_decided = 0;  // waiting reads decided by this call (earlier imports')
  uint64_t pending_exempt = 0;   // of which a permit registered since covers
  uint64_t remembered_keys = 0;  // read keys stored
  uint64_t forgotten_keys = 0;   // read keys dropped for being older than the memory period
};

// Imports one detections file. Errors as ScreenDetections (an unreadable file, a header
// without a required column), FailedPrecondition without cameras; bad rows are rejects.
[[nodiscard]] Result<DetectionImportReport> ImportDetections(
    CaseStore& store, SettingsStore& settings_store, const GasSettings& settings,
    const std::string& file, const DetectionImportOptions& options, Instant now);

struct PendingDecision {
  uint64_t decided = 0;
  uint64_t exempt = 0;
  uint64_t new_cases = 0;
  uint64_t warning_cases = 0;  // of which in a camera's warning period
  uint64_t joined_reads = 0;
};

// Decides the waiting reads whose deadline is at or before `as_of` against the permits the
// store holds now (a permit registered after the fact exempts them), in the caller's
// transaction. `config` is ConfigFromStore's.
[[nodiscard]] Result<PendingDecision> DecidePendingReads(CaseStore& store,
                                                         const GasSettings& settings,
                                                         const ScreeningConfig& config,
                                                         Instant as_of, Instant now);

}  // namespace hh
