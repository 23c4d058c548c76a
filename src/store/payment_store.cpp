#include "store/payment_store.h"

#include <array>

namespace hh {
namespace {

// Every outcome, for the parser; the names are what payments.outcome holds (migration 0003).
constexpr std::array kOutcomes = {PaymentOutcome::kExact,      PaymentOutcome::kPartial,
                                  PaymentOutcome::kOverpaid,   PaymentOutcome::kDuplicate,
                                  PaymentOutcome::kAfterClose, PaymentOutcome::kUnmatched};

}  // namespace

std::string_view RequestStatusName(RequestStatus s) {
  switch (s) {
    case RequestStatus::kOpen:
      return "open";
    case RequestStatus::kPartial:
      return "partial";
    case RequestStatus::kPaid:
      return "paid";
    case RequestStatus::kCancelled:
      return "cancelled";
  }
  return "open";  // not reached: every enumerator is a case
}

std::string_view PaymentOutcomeName(PaymentOutcome o) {
  switch (o) {
    case PaymentOutcome::kExact:
      return "exact";
    case PaymentOutcome::kPartial:
      return "partial";
    case PaymentOutcome::kOverpaid:
      return "overpaid";
    case PaymentOutcome::kDuplicate:
      return "duplicate";
    case PaymentOutcome::kAfterClose:
      return "after_close";
    case PaymentOutcome::kUnmatched:
      return "unmatched";
  }
  return "unmatched";  // not reached: every enumerator is a case
}

std::optional<PaymentOutcome> ParsePaymentOutcome(std::string_view name) {
  for (PaymentOutcome o : kOutcomes) {
    if (PaymentOutcomeName(o) == name) return o;
  }
  return std::nullopt;
}

}  // namespace hh
