// For tests of acting on cases: D("2026-04-07") as a LocalDate, and ActInput built field by field,
// In().Reason("...").Posted("2026-04-07").Amount(35000), which reads better than designated
// initialisers and keeps g++ 12's -Wextra quiet. Test-only; values only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "cases/case_actions.h"

namespace hh::test_util {

inline LocalDate D(std::string_view iso) { return *LocalDate::Parse(iso); }

struct In : ActInput {
  In Reason(std::string r) const {
    In i = *this;
    i.reason = std::move(r);
    return i;
  }
  In Posted(std::string_view day) const {
    In i = *this;
    i.posted = D(day);
    return i;
  }
  In Amount(int64_t cents) const {
    In i = *this;
    i.amount = Money::FromCents(cents);
    return i;
  }
  In Hours(int hours) const {
    In i = *this;
    i.hours = hours;
    return i;
  }
};

}  // namespace hh::test_util
