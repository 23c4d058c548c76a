// The contract as JSON, in the shape issue 6 gives for `handhaving contract export --format
// json`: period, decision, rubrics, objectives, procedure, warnings. Pure functions over a
// Contract value; safe from any thread.
#pragma once

#include <string>

#include "contract/contract.h"

namespace hh {

// {"period":{"from","to"},"decision":{"date","votes_for","votes_against","abstentions"},
//  "rubrics":[{"number","title","annual_amount"}],
//  "objectives":[{"rubric","sector","general","strategic":[{"number","title","operational",
//    "expected_results","indicators":[{"text","kind","threshold"}]}]}],
//  "procedure":[{"step","deadline"}],"warnings":[...]}
// Texts are the corrected ones; amounts decimal strings ("268172.73"); dates YYYY-MM-DD or
// null when unknown; sector a number or null; threshold {"min":6,"per":"year"} or null. The
// abstainers' names are not exported (personal data). Bytes that are not UTF-8 are written as
// U+FFFD. Indented by two spaces, ending in "\n".
std::string ContractJson(const Contract& c);

}  // namespace hh
