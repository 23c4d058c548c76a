// The measures GAS registers for the contract's indicators (measures.h): names, labels and the
// store counts behind them. `gas` must outlive the registry's use.
#pragma once

#include "contract/measures.h"
#include "store/sqlite_gas_measures.h"

namespace hh {

// Registers, for days of a period:
//   gas.cases.<track>           cases of that track (overlast, parkeren, autoluw) by their facts
//   gas.cases.all               all cases
//   gas.cases.state.<state>     cases of any track now in that state (CaseStateName), by facts
//   gas.letters_sent            letters posted
//   gas.payments_received       credits booked (matched or not)
//   gas.payments_received_eur   their total, in whole euros (rounded down)
//   gas.sanctions_decided       sanctions in the register, by decision day
//   gas.reviews_done            camera hits accepted, corrected or rejected by a reviewer
[[nodiscard]] Status RegisterGasMeasures(MeasureRegistry& registry, GasMeasures& gas);

}  // namespace hh
