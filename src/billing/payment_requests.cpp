#include "billing/payment_requests.h"

namespace hh {
namespace {

int TrackDigit(Track t) {
  switch (t) {
    case Track::kAutoluw:
      return 1;
    case Track::kParkeren:
      return 2;
    case Track::kOverlast:
      return 3;
  }
  return 9;
}

}  // namespace

Result<StructuredReference> RequestReference(Track track, int64_t id) {
  constexpr int64_t kIds = 1'000'000'000;  // nine digits per track
  if (id <= 0 || id >= kIds) {
    return InvalidArgument("payment request id " + std::to_string(id) +
                           " does not fit the nine digits of a structured reference");
  }
  return StructuredReference::FromBase(static_cast<uint64_t>(TrackDigit(track)) * kIds +
                                       static_cast<uint64_t>(id));
}

Result<PaymentRequest> OpenPaymentRequest(PaymentStore& store, const Case& c, Money amount,
                                          std::optional<LocalDate> due_on, Instant now) {
  if (amount <= Money()) return InvalidArgument("a payment request needs an amount above zero");
  auto id = store.NextRequestId();
  if (!id.ok()) return id.status();
  auto ref = RequestReference(c.track, *id);
  if (!ref.ok()) return ref.status();
  PaymentRequest r;
  r.id = *id;
  r.case_id = c.id;
  r.ogm = ref->digits();
  r.amount = amount;
  r.due_on = due_on;
  r.status = RequestStatus::kOpen;
  r.created_at = now;
  Status s = store.InsertRequest(r);
  if (!s.ok()) return s;
  return r;
}

Result<std::optional<PaymentRequest>> CurrentRequest(PaymentStore& store, CaseId id) {
  auto all = store.RequestsOfCase(id);
  if (!all.ok()) return all.status();
  std::optional<PaymentRequest> best;
  for (const PaymentRequest& r : *all) {
    if (r.status == RequestStatus::kCancelled) continue;
    if (!best || r.id > best->id) best = r;
  }
  return best;
}

}  // namespace hh
