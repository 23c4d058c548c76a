// GAS amounts as data: the fixed traffic-GAS amounts (KB 9 maart 2014 and its amendment in
// force 2018-09-01) and the OVERLAST maxima (GAS-wet 24 juni 2013). Each is a row of a constexpr
// table in law.cpp with its validity dates and source; the date of the facts picks the row.
// The tables are immutable; every function here is pure and thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/instant.h"
#include "core/money.h"
#include "core/status.h"
#include "gas/settings.h"

namespace hh {

// The traffic-GAS offences with a fixed amount (GAS.md 2.1). There is no category 3 (it stays
// with the criminal courts).
enum class TrafficCategory {
  kCategory1,     // ignoring a stopping or parking ban
  kCategory2,     // parking on a motorway or where clearly dangerous (pavement, cycle path)
  kCategory4,     // stopping or parking on a level crossing (removed from GAS on 2018-09-01)
  kCameraC3F103,  // signs C3 / F103 recorded by an automatic device (camera)
};

std::string_view TrafficCategoryName(TrafficCategory category);

// The fixed amount of a traffic-GAS offence with facts on `facts`. The sanctioning officer cannot
// deviate from it and it is not indexed (GAS.md 2.1, 6.3).
//  - FailedPrecondition when the offence was taken out of GAS by then (category 4 on or after
//    2018-09-01): it has no GAS amount and cannot become a GAS case.
//  - NotFound when no amount applies on that day (facts before 2014-07-01, when traffic GAS did
//    not exist yet).
[[nodiscard]] Result<Money> TrafficAmount(TrafficCategory category, LocalDate facts);

enum class AgeGroup {
  kAdult,
  kMinor,  // under 18 at the date of the facts (age.h)
};

// The highest OVERLAST fine for facts on `facts` (GAS-wet 24 juni 2013: EUR 350 adults, EUR 175
// minors, for facts from 2014-01-01). NotFound for facts before 2014-01-01 (the old regime of
// NGW art. 119bis, EUR 250 / 125, is not modelled: such facts are long past the 6-month limit).
[[nodiscard]] Result<Money> OverlastMaximum(AgeGroup group, LocalDate facts);

// The OVERLAST maximum for an offender born on `birth`: FailedPrecondition when they were below
// the city's minimum age on the day of the facts (GAS does not apply), InvalidArgument when the
// birth date is after the facts, else OverlastMaximum of their age group.
[[nodiscard]] Result<Money> OverlastMaximumFor(LocalDate birth, LocalDate facts,
                                               const GasSettings& settings);

// Whether the offender may ask for an oral hearing: only when the fine considered is above
// EUR 70 (GAS.md 1.4.3; for traffic GAS in practice only category 2, GAS.md 2.2.3).
bool MayRequestHearing(Money fine_considered);

// One row of the amount tables above, as the settings screen shows them (read-only).
struct LawAmountRow {
  std::string_view table;  // "traffic" (fixed amounts) or "overlast" (maxima)
  std::string_view what;   // TrafficCategoryName, or "adult" / "minor"
  LocalDate valid_from;
  std::optional<LocalDate> valid_until;  // inclusive; nullopt while in force
  std::optional<Money> amount;           // nullopt: out of GAS in this period
  std::string_view source;
  bool unverified = false;  // the row's source is marked [UNVERIFIED] in law.cpp
};

// Every row of both tables, traffic first, in table order.
std::vector<LawAmountRow> LawAmountTable();

}  // namespace hh
