// Age at the date of the facts, which decides everything age-dependent in GAS: whether GAS
// applies at all (the municipal minimum age), the minors' procedure and maximum (GAS.md 1.5,
// 6.2), and the exclusion of minors from traffic GAS (GAS.md 1.5). Pure functions over dates;
// thread-safe. A birth date is personal data: nothing here prints or logs one.
#pragma once

#include "core/instant.h"
#include "core/status.h"
#include "gas/settings.h"

namespace hh {

// Majority at 18: Burgerlijk Wetboek art. 388 ("de minderjarige is de persoon ... die de volle
// leeftijd van achttien jaar nog niet bereikt heeft").
inline constexpr int kAgeOfMajority = 18;

struct AgeAtFacts {
  int years = 0;                   // completed years on the day of the facts
  bool minor = false;              // years < 18
  bool below_minimum_age = false;  // years < the city's minimum age: no GAS at all
};

// Completed years on `on` for someone born on `birth`. A birthday is reached at the start of
// its day (on the 16th birthday the person is 16). Someone born on 29 February becomes a year
// older on 1 March in a common year (the birthday has not been reached while the calendar
// shows 28 February); Belgian law has no specific rule, and this is the later, so for a minor
// the more favourable, reading. InvalidArgument when birth is after `on`.
[[nodiscard]] Result<int> CompletedYears(LocalDate birth, LocalDate on);

// CompletedYears at the date of the facts, with the two questions the procedures ask.
// InvalidArgument when birth is after the facts.
[[nodiscard]] Result<AgeAtFacts> AgeOnDateOfFacts(LocalDate birth, LocalDate facts,
                                                  const GasSettings& settings);

inline bool IsMinor(int completed_years) { return completed_years < kAgeOfMajority; }
inline bool IsBelowMinimumAge(int completed_years, const GasSettings& settings) {
  return completed_years < settings.minimum_age;
}

}  // namespace hh
