// The counts GAS offers the contract's live indicators (contract/gas_measures.h binds them to
// names): cases by track or state with facts in a period, letters posted, payments booked,
// sanctions decided, camera hits reviewed. Each is one COUNT query over the store as it is now.
// Same thread rules as the Database it reads.
#pragma once

#include <cstdint>

#include "core/instant.h"
#include "core/money.h"
#include "core/status.h"
#include "gas/procedure.h"
#include "store/database.h"

namespace hh {

struct PaymentsCount {
  int64_t count = 0;
  Money total;
};

// The interface (a PostgreSQL store fills it the same way).
class GasMeasures {
 public:
  virtual ~GasMeasures() = default;
  // Days from..to, both included (facts_day, posted_on, booking_date, decided_on; review events
  // by their UTC day).
  virtual Result<int64_t> CasesOfTrack(Track track, LocalDate from, LocalDate to) = 0;
  virtual Result<int64_t> CasesInState(CaseState state, LocalDate from, LocalDate to) = 0;
  virtual Result<int64_t> LettersSent(LocalDate from, LocalDate to) = 0;
  virtual Result<PaymentsCount> PaymentsReceived(LocalDate from, LocalDate to) = 0;
  virtual Result<int64_t> SanctionsDecided(LocalDate from, LocalDate to) = 0;
  virtual Result<int64_t> ReviewsDone(LocalDate from, LocalDate to) = 0;
};

class SqliteGasMeasures final : public GasMeasures {
 public:
  explicit SqliteGasMeasures(Database& db) : db_(&db) {}

  Result<int64_t> CasesOfTrack(Track track, LocalDate from, LocalDate to) override;
  Result<int64_t> CasesInState(CaseState state, LocalDate from, LocalDate to) override;
  Result<int64_t> LettersSent(LocalDate from, LocalDate to) override;
  Result<PaymentsCount> PaymentsReceived(LocalDate from, LocalDate to) override;
  Result<int64_t> SanctionsDecided(LocalDate from, LocalDate to) override;
  Result<int64_t> ReviewsDone(LocalDate from, LocalDate to) override;

 private:
  Database* db_;
};

}  // namespace hh
