// SqliteContractStore: ContractStore (contract_store.h) over the contract_* tables of a SQLite
// Database (migration 0005_contract). It borrows the Database, which must outlive it and have
// been migrated (ApplyMigrations), and follows its thread rules: one thread.
#pragma once

#include "store/contract_store.h"
#include "store/database.h"

namespace hh {

class SqliteContractStore final : public ContractStore {
 public:
  explicit SqliteContractStore(Database& db) : db_(&db) {}

  Status ReplaceContract(const Contract& c, Instant imported_at) override;
  Result<Contract> LoadContract() override;
  Status AddSpending(const std::vector<Spending>& rows, std::string_view source_file,
                     std::string_view source_sha256, Instant imported_at) override;
  Result<std::vector<Spending>> SpendingBetween(LocalDate from, LocalDate to) override;
  Status Bind(const IndicatorBinding& b) override;
  Status Unbind(std::string_view key) override;
  Result<std::vector<IndicatorBinding>> Bindings() override;
  Result<int64_t> AddEvidence(const IndicatorEvidence& e, std::string_view content) override;
  Result<std::vector<IndicatorEvidence>> EvidenceOfYear(int year) override;
  Result<EvidenceFile> EvidenceFileOf(int64_t id) override;
  Status Resolve(const Resolution& r) override;
  Result<std::vector<Resolution>> Resolutions() override;
  Status SaveAmendment(const Amendment& a) override;
  Status RemoveAmendment(std::string_view path) override;
  Result<std::vector<Amendment>> Amendments() override;
  Status RetextIndicator(std::string_view key, std::string_view from, std::string_view to) override;
  Status Transact(const std::function<Status()>& work) override;

 private:
  Status Write(const Contract& c, Instant imported_at);
  Database* db_;
};

}  // namespace hh
