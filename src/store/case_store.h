// CaseStore: everything the GAS modules keep (users, the camera configuration, the read memory,
// pending reads, cases with their parties, evidence and timeline, register lookups, sanctions),
// as domain code sees it: an interface, so that the domain never knows which database holds it.
// The store owns the rows; callers get copies. Thread rules: an implementation belongs to one
// thread, like the connection under it. Transactions: each call is atomic; Transact runs a
// group of calls as one transaction (all or nothing), which is how every write that belongs
// together is made.
//
// Back ends: SqliteCaseStore (sqlite_case_store.h) today. A PostgreSQL back end is a
// PostgresCaseStore in src/store/postgres/ over libpqxx with the same migrations in
// PostgreSQL's dialect (COPY for the bulk paths); see settings_store.h.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/instant.h"
#include "core/money.h"
#include "core/status.h"
#include "gas/case.h"
#include "gas/procedure.h"
#include "gas/recidivism.h"

namespace hh {

struct User {
  int64_t id = 0;
  std::string login;
  std::string name;  // the full name the timeline shows (the "named officer")
  Role role = Role::kViewer;
  bool active = true;
};

// Rows of the camera configuration (SCREENING.md formats, validated on import).
struct CameraRow {
  std::string camera_id;
  std::string zone_id;
  bool entry = true;
  Instant active_from;
  std::optional<Instant> active_to;
  std::optional<Instant> warning_until;  // the camera's own warning period end, if any
};
struct ZoneRuleRow {
  std::string zone_id;
  std::string weekdays;         // "1234567"
  std::string restricted_from;  // "HH:MM"
  std::string restricted_to;    // "HH:MM" or "24:00"
};
struct PermitRow {
  std::string permit_id;
  std::string plate;  // normalised
  std::string zone_id;
  Instant valid_from;
  Instant valid_to;
  std::string category;
};

// A camera read inside its regularisation window: a candidate, kept until decided.
struct PendingRead {
  int64_t id = 0;
  std::string zone_id;
  std::string plate;
  std::string country;
  LocalDate local_day;
  std::string camera_id;
  std::string detection_id;
  Instant observed_at;
  std::string confidence;
  bool strong = false;
  Instant deadline;
  std::string image_ref;
};

// The officers' case filters (all optional; combined with AND) and keyset pagination.
// One line of the GAS register's statistics.
struct RegisterStatistic {
  int year = 0;
  std::string kind;  // "fine", "community_service", "traffic_fine"
  std::string article;
  int64_t decisions = 0;
  Money amount;  // the sum of the amounts decided
};

struct CaseFilter {
  std::optional<Track> track;
  std::optional<CaseState> state;
  std::optional<LocalDate> due_before;  // a deadline (state or decision limit) before this day
  std::string plate;                    // exact, normalised
  std::string name;                     // prefix of the addressee's name, any case (then
                                        // the page is in name order, else in id order, or in
                                        // deadline order for a deadline filter alone)
  // The cursor of the previous page (CasePage::next), empty for the first page.
  std::string after;
  int limit = 50;
};

struct CaseSummary {
  CaseId id;
  Track track = Track::kAutoluw;
  CaseState state = CaseState::kAwaitingReview;
  LocalDate facts_day;
  std::string plate;
  std::string name;  // the addressee's name, when known
  std::optional<LocalDate> due_on;
  uint32_t flags = 0;
  bool warning = false;
  std::optional<Money> amount;
  int year_opened = 0;
};

struct CasePage {
  std::vector<CaseSummary> cases;
  std::string next;  // the cursor for the next page; empty on the last page
};

// A camera case's grouping key, as intake looks it up.
struct CameraCaseKey {
  CaseId id;
  std::string zone_id;
  std::string plate;
  LocalDate day;
  CaseState state = CaseState::kAwaitingReview;
  uint32_t flags = 0;
  Instant facts_at;  // the case's first read
};

class CaseStore {
 public:
  virtual ~CaseStore() = default;

  // Runs `work` in one write transaction: committed when it returns OK, rolled back (nothing of
  // it remains) when it returns an error or throws. A Transact within one joins it: its error
  // must be passed up, so that the outer one rolls everything back.
  virtual Status Transact(const std::function<Status()>& work) = 0;
  // Runs `work`, which only reads, on one consistent snapshot of the database (what was
  // committed when it began; the writes of another connection's open transaction are not in
  // it). Not within a Transact of the same store.
  virtual Status ReadSnapshot(const std::function<Status()>& work) = 0;
  // Bulk writing within one long Transact (reconciling a statement file, importing camera
  // reads): after HoldWrites(), InsertCase, UpdateCaseProgress, AppendEvent, RecordSanction
  // and InsertEvidence of a case inserted while holding are kept in memory, and FlushWrites()
  // writes what is held with one statement of each kind; the caller flushes before it
  // commits. Reads do not see held writes. A held InsertCase returns the id the case will
  // have; a case that collides with one in the store fails the flush (AlreadyExists), as a
  // held case's read that is evidence of another case does. A held UpdateCaseProgress checks
  // the state it expects when it is flushed (FailedPrecondition then, for the batch).
  // StopHolding() drops whatever is still held (the work failed and is rolled back) and
  // writes directly again. Other writes are not held: UpdateCase and DeleteSanctions flush
  // first, and so do InsertParty, SetAddressee, DeleteCameraEvidence and LogLookup of a held
  // case. HoldWrites is Internal outside a transaction.
  // After an error from FlushWrites, part of the batch may be written: the caller rolls its
  // transaction back.
  virtual Status HoldWrites() = 0;
  virtual Status FlushWrites() = 0;
  virtual void StopHolding() = 0;

  // --- Users. AlreadyExists for a login in use.
  virtual Status AddUser(const User& user, Instant at) = 0;
  virtual Result<std::optional<User>> FindUser(std::string_view login) = 0;

  // --- Camera configuration: each Replace* swaps its whole table.
  virtual Status ReplaceCameras(std::span<const CameraRow> rows) = 0;
  virtual Status ReplaceZoneRules(std::span<const ZoneRuleRow> rows) = 0;
  virtual Status ReplacePermits(std::span<const PermitRow> rows) = 0;
  virtual Result<std::vector<CameraRow>> Cameras() = 0;
  virtual Result<std::vector<ZoneRuleRow>> ZoneRules() = 0;
  virtual Status ForEachPermit(const std::function<void(const PermitRow&)>& fn) = 0;
  virtual Result<std::vector<PermitRow>> PermitsForPlate(std::string_view plate) = 0;

  // --- The read memory (keyed hashes of imported reads, by UTC day).
  virtual Status ForEachReadKeyBlock(int32_t from_utc_day,
                                     const std::function<void(std::span<const uint64_t>)>& fn) = 0;
  virtual Status AppendReadKeys(int32_t utc_day, std::span<const uint64_t> keys) = 0;
  // Deletes the blocks of days before `utc_day`; returns how many keys went.
  virtual Result<int64_t> PurgeReadKeys(int32_t before_utc_day) = 0;

  // --- Pending reads. Adding a read already pending changes nothing.
  virtual Status AddPendingRead(const PendingRead& read) = 0;
  virtual Result<std::vector<PendingRead>> PendingReadsDue(Instant as_of) = 0;
  virtual Status DeletePendingRead(int64_t id) = 0;
  virtual Result<int64_t> CountPendingReads() = 0;

  // --- Cases.
  // Stores a new case (c.id is ignored) and returns its id. AlreadyExists when its camera key
  // or its source reference is taken. `wake_on`: as for UpdateCase.
  virtual Result<CaseId> InsertCase(const Case& c, std::optional<LocalDate> wake_on) = 0;
  // Writes every changeable field of `c` (state, flags, amount, plate, deadlines, the instant of
  // the facts (an earlier read that joins a camera case), ...) when the
  // stored case is still in `expected`; FailedPrecondition when it is not (someone acted first),
  // NotFound when there is no such case. `wake_on` is the next day the clock must look at it.
  // (The name the name filter searches is the addressee's, kept by InsertParty/SetAddressee.)
  virtual Status UpdateCase(const Case& c, CaseState expected,
                            std::optional<LocalDate> wake_on) = 0;
  // The same for what a move along the procedure changes only: state, amount, state deadline,
  // due day, alarms, wake-up day, updated_at (the bulk paths: payments, the clock).
  virtual Status UpdateCaseProgress(const Case& c, CaseState expected,
                                    std::optional<LocalDate> wake_on) = 0;
  virtual Result<Case> GetCase(CaseId id) = 0;
  virtual Result<CaseFile> GetCaseFile(CaseId id) = 0;
  // The parties of a case alone, and whether its timeline has an event `action` (the bulk
  // paths that need no whole file).
  virtual Result<std::vector<Party>> GetParties(CaseId id) = 0;
  virtual Result<bool> HasEvent(CaseId id, std::string_view action) = 0;
  // The same for many cases at once, one query each (reconciliation of a statement file): the
  // cases of `ids` in id order (unknown ids are left out), their parties by case id, and which of
  // them have an event `action`.
  virtual Result<std::vector<Case>> GetCases(std::span<const CaseId> ids) = 0;
  virtual Result<std::unordered_map<int64_t, std::vector<Party>>> GetPartiesOf(
      std::span<const CaseId> ids) = 0;
  virtual Result<std::unordered_set<int64_t>> CasesWithEvent(std::span<const CaseId> ids,
                                                             std::string_view action) = 0;
  virtual Result<std::optional<CaseId>> FindBySource(Track track, std::string_view source_ref) = 0;
  // The camera cases of local days [from, to].
  virtual Status ForEachCameraCase(LocalDate from, LocalDate to,
                                   const std::function<void(const CameraCaseKey&)>& fn) = 0;
  virtual Result<CasePage> ListCases(const CaseFilter& filter) = 0;
  // The first case awaiting review with id > after, in id order.
  virtual Result<std::optional<CaseId>> NextForReview(CaseId after) = 0;
  // Cases the clock must look at on `day` (wake_on <= day), in id order.
  virtual Result<std::vector<CaseId>> CasesToWake(LocalDate day) = 0;

  // Returns the party's id. Only one party of a case is the addressee: making one the addressee
  // clears the flag of the others.
  virtual Result<int64_t> InsertParty(CaseId id, const Party& party) = 0;
  virtual Status SetAddressee(CaseId id, int64_t party_id) = 0;
  // False (and nothing stored) when this camera read is already evidence of a case.
  virtual Result<bool> InsertEvidence(CaseId id, const Evidence& evidence) = 0;
  // Deletes the camera-read evidence of a case (a corrected plate with a permit: nothing of an
  // exempt vehicle is kept); returns how many went.
  virtual Result<int64_t> DeleteCameraEvidence(CaseId id) = 0;
  virtual Status AppendEvent(CaseId id, const CaseEvent& event) = 0;

  // --- Vehicle-register lookups (who, when, why, which register, what came of it).
  virtual Status LogLookup(CaseId id, Instant at, std::string_view user, std::string_view purpose,
                           std::string_view register_name, std::string_view outcome) = 0;

  // --- Sanctions for the recidivism check.
  virtual Status RecordSanction(CaseId id, std::string_view offender_key, std::string_view article,
                                LocalDate decided, std::string_view kind,
                                std::optional<Money> amount) = 0;
  virtual Result<std::vector<PriorSanction>> SanctionsOf(std::string_view offender_key) = 0;
  // Removes the sanctions of a case whose decision was annulled or withdrawn: they no longer
  // count for recidivism (recidivism.h).
  virtual Status DeleteSanctions(CaseId id) = 0;
  // Forgets every sanction decided before `day` (the register's retention); how many.
  virtual Result<int64_t> PurgeSanctionsBefore(LocalDate day) = 0;
  // Decisions per year, kind and article, in that order.
  virtual Result<std::vector<RegisterStatistic>> RegisterStatistics() = 0;
};

}  // namespace hh
