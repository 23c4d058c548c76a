// ContractStore: the security and society contract (contract/contract.h) as the program keeps
// it, one per database: an import replaces the whole of it, and loading gives it back as it was
// stored; and the spending charged to its rubrics (contract/budget.h). An interface, so that domain
// code does not know which database holds it; the store owns the rows, callers get copies. Thread
// rules: an implementation belongs to one thread, like the connection under it. Transactions: each
// call is atomic; when the caller has a transaction open on the same connection, the call is part
// of it.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "contract/amend.h"
#include "contract/budget.h"
#include "contract/contract.h"
#include "contract/tracking.h"
#include "core/instant.h"
#include "core/status.h"

namespace hh {

class ContractStore {
 public:
  virtual ~ContractStore() = default;

  // Stores `c`, deleting the contract stored before (with everything of it, the indicators'
  // statuses too), in one transaction: either all of `c` is stored or nothing changes.
  // `imported_at` records when. InvalidArgument when `c` breaks the schema's rules (an
  // objective group of a rubric that `c` does not list, two rubrics with one number);
  // Unavailable when the store cannot be written.
  virtual Status ReplaceContract(const Contract& c, Instant imported_at) = 0;

  // The stored contract; NotFound when none was imported. Unavailable when it cannot be read.
  virtual Result<Contract> LoadContract() = 0;

  // Adds `rows`, read from `source_file` whose content has SHA-256 `source_sha256` (hex), in one
  // transaction: all of them or none. AlreadyExists (nothing added) when a file of that content
  // was imported before. The contract's re-import does not touch them. Unavailable when the
  // store cannot be written.
  virtual Status AddSpending(const std::vector<Spending>& rows, std::string_view source_file,
                             std::string_view source_sha256, Instant imported_at) = 0;
  // The spending of the days from .. to (inclusive), by day, then in the order added.
  virtual Result<std::vector<Spending>> SpendingBetween(LocalDate from, LocalDate to) = 0;

  // What people add (contract/tracking.h, migration 0006), kept by indicator key so that a
  // re-import leaves it. The caller checks keys and measures against the contract and registry.
  // Binds (or re-binds) b.key to b.measure.
  virtual Status Bind(const IndicatorBinding& b) = 0;
  // NotFound when the key is not bound.
  virtual Status Unbind(std::string_view key) = 0;
  virtual Result<std::vector<IndicatorBinding>> Bindings() = 0;
  // Adds `e` with the file's bytes `content` (none when e.file_name is empty; e.sha256 is the
  // caller's hex SHA-256 of `content`, its size is taken from `content`) and returns its id.
  virtual Result<int64_t> AddEvidence(const IndicatorEvidence& e, std::string_view content) = 0;
  // The evidence of a year, without the files' bytes.
  virtual Result<std::vector<IndicatorEvidence>> EvidenceOfYear(int year) = 0;
  struct EvidenceFile {
    std::string file_name;
    std::string content_type;
    std::string content;
  };
  // NotFound when evidence `id` has no file.
  virtual Result<EvidenceFile> EvidenceFileOf(int64_t id) = 0;
  // Records (or replaces) the answer to an uncertain item.
  virtual Status Resolve(const Resolution& r) = 0;
  virtual Result<std::vector<Resolution>> Resolutions() = 0;

  // A person's amendments of the imported contract (contract/amend.h, migration 0009), kept by
  // path so that a re-import leaves them. The caller checks paths and values. Saves (or
  // replaces) the amendment of a.path.
  virtual Status SaveAmendment(const Amendment& a) = 0;
  // NotFound when `path` is not amended.
  virtual Status RemoveAmendment(std::string_view path) = 0;
  // In the order they were made (amended_at, then path).
  virtual Result<std::vector<Amendment>> Amendments() = 0;
  // An indicator's text was amended from `from` to `to`: the bindings and evidence of `key`
  // kept with `from` now carry `to`, so that they follow the key (tracking.h ResolveKeyed).
  virtual Status RetextIndicator(std::string_view key, std::string_view from,
                                 std::string_view to) = 0;
  // Runs `work` in one transaction (joining the caller's when one is open on the connection):
  // everything it wrote stays when it returns Ok, nothing when it returns an error.
  virtual Status Transact(const std::function<Status()>& work) = 0;
};

}  // namespace hh
