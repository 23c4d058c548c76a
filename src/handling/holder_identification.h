// Holder identification (issue 3, item 6; GAS.md 2.3, 2.4, 6.3): for every reviewed traffic
// case, who held the plate at the instant of the facts, asked of a VehicleRegister
// (holders/vehicle_register.h) and logged with user, purpose and case. Persons of age get the
// payment invitation (or a warning in a camera's warning period), companies the 15-day
// request to name the driver, minors are out of traffic GAS, foreign plates without an
// agreement wait in their queue. A company's named driver re-addresses the case, keeping the
// holder on it. Each case is one transaction of the store; same thread rules.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "cases/case_actions.h"
#include "core/status.h"
#include "gas/case.h"
#include "gas/settings.h"
#include "holders/vehicle_register.h"
#include "store/case_store.h"

namespace hh {

// GAS.md 2.4 and 6.7: the purpose every lookup logs (the legal basis of the DIV access, KB
// 20 juli 2001 art. 6: prosecuting offences).
inline constexpr std::string_view kLookupPurpose =
    "GAS-verkeer: identificatie van de houder (KB 20 juli 2001, art. 6)";

struct LookupReport {
  uint64_t cases = 0;  // cases that were waiting for a lookup
  uint64_t persons = 0;
  uint64_t warnings = 0;  // persons in a camera's warning period
  uint64_t companies = 0;
  uint64_t minors = 0;
  uint64_t foreign = 0;
  uint64_t unknown = 0;
};

// Looks up the holder of every case in state holder_lookup (at most `limit`; 0: all). The
// actor must be a reviewer, sanctioning officer or administrator (PermissionDenied).
// Unavailable when the register cannot be reached (the cases done so far stay done).
[[nodiscard]] Result<LookupReport> IdentifyHolders(CaseStore& store, VehicleRegister& reg,
                                                   const GasSettings& settings, const Actor& actor,
                                                   Instant now, uint64_t limit = 0);

// A company holder named the driver: the driver (a person, of age on the day of the facts)
// becomes the addressee and the case goes on to the invitation; the holder stays linked.
// FailedPrecondition when the case does not wait for the driver's name, or the driver is a
// minor (traffic GAS is for adults and legal persons only).
[[nodiscard]] Status NameDriver(CaseStore& store, const GasSettings& settings, CaseId id,
                                const Party& driver, const Actor& actor, Instant now);

}  // namespace hh
