#include "gas/recidivism.h"

#include "gas/civil_date.h"

namespace hh {

LocalDate RecidivismWindowStart(LocalDate facts) {
  return ShiftMonthsClamped(facts, -kRecidivismWindowMonths);
}

RecidivismFlag CheckRecidivism(std::string_view article, LocalDate facts,
                               std::span<const PriorSanction> history) {
  const LocalDate first = RecidivismWindowStart(facts);
  RecidivismFlag out;
  for (const PriorSanction& prior : history) {
    if (prior.article != article || prior.decided < first || prior.decided >= facts) continue;
    out.flagged = true;
    ++out.matching_decisions;
    if (!out.most_recent || prior.decided > *out.most_recent) out.most_recent = prior.decided;
  }
  return out;
}

}  // namespace hh
