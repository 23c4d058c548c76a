// Recidivism (GAS-wet art. 7, GAS.md 1.3 and 6.2): was the same regulation article already
// sanctioned in the 24 months before the new facts? The answer is a flag shown to the
// sanctioning officer, never applied to an amount by itself. Pure functions over values the
// caller owns (read from the GAS register); thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/instant.h"

namespace hh {

// GAS.md 1.3 (desdalex.be, art. 7 GAS-wet): "already sanctioned for the same offence in the 24
// months before the new finding".
inline constexpr int kRecidivismWindowMonths = 24;

// One earlier sanction decision of the same offender, as the GAS register holds it. Only
// decisions that imposed a sanction belong here (not dismissals or annulled decisions).
struct PriorSanction {
  std::string article;  // the regulation article, in the form the case store records it
  LocalDate decided;    // the date of the sanction decision
};

struct RecidivismFlag {
  bool flagged = false;
  int matching_decisions = 0;            // prior sanctions of the same article in the window
  std::optional<LocalDate> most_recent;  // the latest of them
};

// The window is the 24 months preceding the day of the new facts: a decision counts when
//   facts - 24 months <= decided < facts
// where "facts - 24 months" is the same day-of-month 24 months earlier (the last day of that
// month when it is shorter: facts 2028-02-29 -> 2026-02-28).
//  - Exactly 24 months before counts: "in de 24 maanden voorafgaand" is a period of 24 months
//    ending the day before the facts, which by Ger.W. art. 54 ("van de zoveelste tot de dag
//    voor de zoveelste") starts on the same day-of-month 24 months earlier.
//  - A decision on the day of the new facts does not count: "voorafgaand" means before, and a
//    decision taken that day cannot have been known to the offender when acting.
//  - Decisions after the facts never count.
// `article` is compared exactly (byte for byte): the caller normalises articles on entry.
RecidivismFlag CheckRecidivism(std::string_view article, LocalDate facts,
                               std::span<const PriorSanction> history);

// The first day of the window above (facts - 24 months), for display ("since dd/mm/jjjj").
LocalDate RecidivismWindowStart(LocalDate facts);

}  // namespace hh
