#include "gas/age.h"

namespace hh {

Result<int> CompletedYears(LocalDate birth, LocalDate on) {
  if (birth > on) return InvalidArgument("birth date is after the date of the facts");
  int years = on.year() - birth.year();
  const bool birthday_reached =
      on.month() > birth.month() || (on.month() == birth.month() && on.day() >= birth.day());
  if (!birthday_reached) --years;
  return years;
}

Result<AgeAtFacts> AgeOnDateOfFacts(LocalDate birth, LocalDate facts, const GasSettings& settings) {
  Result<int> years = CompletedYears(birth, facts);
  if (!years.ok()) return years.status();
  return AgeAtFacts{*years, IsMinor(*years), IsBelowMinimumAge(*years, settings)};
}

}  // namespace hh
