// Intake of human findings into the case store (issue 3, item 4): parking wardens' CSV files
// (intake/parking_csv.h) become PARKEREN cases, police and finding officers' nuisance reports
// (intake/overlast_json.h) become OVERLAST cases. A finding imported again (same finding id)
// changes nothing. Parking files keep their good rows and list the bad ones; nuisance files are
// refused whole at the first problem (the parser's rule, and GAS not applying to an offender
// below the city's minimum age). Each call is one transaction of the store; same thread rules.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/instant.h"
#include "core/status.h"
#include "gas/settings.h"
#include "intake/parking_csv.h"
#include "store/case_store.h"

namespace hh {

struct ParkingImportReport {
  uint64_t rows = 0;  // data rows of the file
  uint64_t new_cases = 0;
  uint64_t grouped = 0;           // findings added to an earlier finding's case (policy setting)
  uint64_t already_imported = 0;  // finding ids the store had
  uint64_t flagged = 0;           // new cases waiting for review (no photo)
  std::vector<RowError> errors;   // refused rows, in line order
};

[[nodiscard]] Result<ParkingImportReport> ImportParking(CaseStore& store,
                                                        const GasSettings& settings,
                                                        const std::string& file, Instant now);

struct OverlastImportReport {
  uint64_t findings = 0;
  uint64_t new_cases = 0;
  uint64_t already_imported = 0;
  uint64_t minors = 0;
  uint64_t recidivism = 0;  // new cases whose offender was sanctioned for the same article
                            // within 24 months (a flag for the officer)
};

[[nodiscard]] Result<OverlastImportReport> RegisterOverlast(CaseStore& store,
                                                            const GasSettings& settings,
                                                            const std::string& file, Instant now);

}  // namespace hh
