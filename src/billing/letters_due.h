// Which letter an action owes, and the path that takes the action and owes the letter in one
// transaction (`cases act`, `letters run`, the web later). A posted letter starts the legal
// deadlines (GAS.md 6.5), so an action that needs a posting day (gas/procedure.h kNeedsPosting)
// queues its letter with that day; `letters run` renders what is queued.
#pragma once

#include <string_view>

#include "cases/case_actions.h"
#include "store/case_store.h"
#include "store/payment_store.h"

namespace hh {

// The letter kind (letters/letter_template.h names) action `action` owes on `track`, or ""
// when it owes none (or none the program writes yet, such as the parents' letter).
std::string_view LetterKindForAction(std::string_view action, Track track);

// Act (cases/case_actions.h, every check included) and queue the letter it owes with the
// posting day it counted from, in one transaction.
[[nodiscard]] Status ActWithLetter(CaseStore& cases, PaymentStore& payments,
                                   const GasSettings& settings, CaseId id, std::string_view action,
                                   const Actor& actor, const ActInput& input, Instant now);

}  // namespace hh
