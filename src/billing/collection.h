// Collection after the letters: payment plans (instalments) and the hand-over of enforceable
// cases to the bailiff (GAS.md 1.4.8, 2.2, 6.6). Reminders and "enforceable" themselves are
// deadline transitions that `handhaving process` takes. Same thread and transaction rules as
// the stores.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "cases/case_actions.h"
#include "core/instant.h"
#include "core/status.h"
#include "gas/settings.h"
#include "store/case_store.h"
#include "store/payment_store.h"

namespace hh {

// Splits the balance of the case's current request into `count` monthly instalments (2..24),
// the first due on `first_due`, the last taking the cents that do not divide. The request is due
// on the last instalment's day; the case's payment deadline becomes the first instalment's day,
// and each payment that covers an instalment moves it to the next one (reconcile.h), so a missed
// instalment lets the deadline pass and the clock sends the reminder for the whole balance,
// while a plan kept sends nothing. The timeline records the plan. FailedPrecondition when the
// case is not waiting for a payment or has a plan already; NotFound when it has no open request.
[[nodiscard]] Status CreatePaymentPlan(CaseStore& cases, PaymentStore& payments,
                                       const GasSettings& settings, CaseId id, int count,
                                       LocalDate first_due, const Actor& actor, Instant now);

// The day a payment plan holds the payer to next: the due day of the first instalment (in order)
// that what the request received under the plan does not cover. What it had received before the
// plan (its amount less the instalments' total) does not count towards them. None when `plan` is
// empty or wholly covered.
[[nodiscard]] std::optional<LocalDate> NextInstalmentDue(const PaymentRequest& request,
                                                         std::span<const Instalment> plan);

struct BailiffExport {
  int cases = 0;
  Money total;      // the balances handed over
  std::string csv;  // `;`-separated, for the bailiff (Belgian Excel opens it)
};

// Every enforceable case, as one CSV row each (the debtor's identity and address, the facts,
// the amount, what was paid, the balance, the reference, the letters' posting days), and each
// case moved to "handed to the bailiff" as `actor` (finance or the sanctioning officer), all in
// one transaction. The export holds personal data: the timeline of each case records it.
[[nodiscard]] Result<BailiffExport> ExportToBailiff(CaseStore& cases, PaymentStore& payments,
                                                    const GasSettings& settings, const Actor& actor,
                                                    Instant now);

}  // namespace hh
