// Payment requests: what a case asks to be paid, under a structured reference of its own
// (GAS.md 6.6). The reference is derived from the request's id, so it is unique by construction
// and tells a person at a glance which track it belongs to. Same thread and transaction rules as
// the stores.
#pragma once

#include <optional>

#include "core/instant.h"
#include "core/money.h"
#include "core/status.h"
#include "gas/case.h"
#include "payref/structured_reference.h"
#include "store/payment_store.h"

namespace hh {

// The reference of request `id` on `track`: the first digit is the track (1 AUTOLUW,
// 2 PARKEREN, 3 OVERLAST), the next nine the id. InvalidArgument when id >= 10^9.
Result<StructuredReference> RequestReference(Track track, int64_t id);

// A new open request for `amount` with its reference, due on `due_on`. In the caller's
// transaction.
Result<PaymentRequest> OpenPaymentRequest(PaymentStore& store, const Case& c, Money amount,
                                          std::optional<LocalDate> due_on, Instant now);

// The case's current request: the newest one not cancelled, or nullopt.
Result<std::optional<PaymentRequest>> CurrentRequest(PaymentStore& store, CaseId id);

inline Money Balance(const PaymentRequest& r) { return r.amount - r.paid; }

}  // namespace hh
