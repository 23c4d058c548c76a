// SqliteCaseStore: CaseStore (case_store.h) over the tables of migration 0002_cases of a SQLite
// Database. It borrows the Database, which must outlive it and have been migrated
// (ApplyMigrations), and follows its thread rules: one thread. Prepared statements are made
// once and kept, so the bulk paths of intake cost one step per row.
#pragma once

#include <map>
#include <memory>

#include "store/case_store.h"
#include "store/database.h"

namespace hh {

class SqliteCaseStore final : public CaseStore {
 public:
  explicit SqliteCaseStore(Database& db);
  ~SqliteCaseStore() override;
  SqliteCaseStore(const SqliteCaseStore&) = delete;
  SqliteCaseStore& operator=(const SqliteCaseStore&) = delete;

  Status Transact(const std::function<Status()>& work) override;
  Status ReadSnapshot(const std::function<Status()>& work) override;
  Status HoldWrites() override;
  Status FlushWrites() override;
  void StopHolding() override;

  Status AddUser(const User& user, Instant at) override;
  Result<std::optional<User>> FindUser(std::string_view login) override;

  Status ReplaceCameras(std::span<const CameraRow> rows) override;
  Status ReplaceZoneRules(std::span<const ZoneRuleRow> rows) override;
  Status ReplacePermits(std::span<const PermitRow> rows) override;
  Result<std::vector<CameraRow>> Cameras() override;
  Result<std::vector<ZoneRuleRow>> ZoneRules() override;
  Status ForEachPermit(const std::function<void(const PermitRow&)>& fn) override;
  Result<std::vector<PermitRow>> PermitsForPlate(std::string_view plate) override;

  Status ForEachReadKeyBlock(int32_t from_utc_day,
                             const std::function<void(std::span<const uint64_t>)>& fn) override;
  Status AppendReadKeys(int32_t utc_day, std::span<const uint64_t> keys) override;
  Result<int64_t> PurgeReadKeys(int32_t before_utc_day) override;

  Status AddPendingRead(const PendingRead& read) override;
  Result<std::vector<PendingRead>> PendingReadsDue(Instant as_of) override;
  Status DeletePendingRead(int64_t id) override;
  Result<int64_t> CountPendingReads() override;

  Result<CaseId> InsertCase(const Case& c, std::optional<LocalDate> wake_on) override;
  Status UpdateCase(const Case& c, CaseState expected, std::optional<LocalDate> wake_on) override;
  Status UpdateCaseProgress(const Case& c, CaseState expected,
                            std::optional<LocalDate> wake_on) override;
  Result<Case> GetCase(CaseId id) override;
  Result<CaseFile> GetCaseFile(CaseId id) override;
  Result<std::vector<Party>> GetParties(CaseId id) override;
  Result<bool> HasEvent(CaseId id, std::string_view action) override;
  Result<std::vector<Case>> GetCases(std::span<const CaseId> ids) override;
  Result<std::unordered_map<int64_t, std::vector<Party>>> GetPartiesOf(
      std::span<const CaseId> ids) override;
  Result<std::unordered_set<int64_t>> CasesWithEvent(std::span<const CaseId> ids,
                                                     std::string_view action) override;
  Result<std::optional<CaseId>> FindBySource(Track track, std::string_view source_ref) override;
  Status ForEachCameraCase(LocalDate from, LocalDate to,
                           const std::function<void(const CameraCaseKey&)>& fn) override;
  Result<CasePage> ListCases(const CaseFilter& filter) override;
  Result<std::optional<CaseId>> NextForReview(CaseId after) override;
  Result<std::vector<CaseId>> CasesToWake(LocalDate day) override;

  Result<int64_t> InsertParty(CaseId id, const Party& party) override;
  Status SetAddressee(CaseId id, int64_t party_id) override;
  Result<bool> InsertEvidence(CaseId id, const Evidence& evidence) override;
  Result<int64_t> DeleteCameraEvidence(CaseId id) override;
  Status AppendEvent(CaseId id, const CaseEvent& event) override;

  Status LogLookup(CaseId id, Instant at, std::string_view user, std::string_view purpose,
                   std::string_view register_name, std::string_view outcome) override;

  Status RecordSanction(CaseId id, std::string_view offender_key, std::string_view article,
                        LocalDate decided, std::string_view kind,
                        std::optional<Money> amount) override;
  Result<std::vector<PriorSanction>> SanctionsOf(std::string_view offender_key) override;
  Status DeleteSanctions(CaseId id) override;
  Result<int64_t> PurgeSanctionsBefore(LocalDate day) override;
  Result<std::vector<RegisterStatistic>> RegisterStatistics() override;

 private:
  // The prepared statement for `sql` (one of the sql::k* constants), made on first use and
  // reset before it is returned.
  Result<CachedStatement> Stmt(std::string_view sql);
  Status RefreshNameKey(CaseId id);
  // Flushes what is held when `id` is a case inserted while holding (not in the table yet):
  // the writes that name a case directly come after it.
  Status FlushIfHeld(CaseId id);

  struct Held;  // the writes kept between HoldWrites and FlushWrites

  Database* db_;
  StatementCache cache_;
  std::unique_ptr<Held> held_;  // null unless holding
};

}  // namespace hh
