// LocalTime: conversion between Instants and the civil time of one time zone (Europe/Brussels
// for this product), read from the system time-zone database through Howard Hinnant's date
// library. A LocalTime caches the UTC-offset interval it last used, so a stream of instants
// converts in a few nanoseconds each; it is therefore NOT thread-safe: give each thread its own
// copy (copies are cheap and share the immutable zone).
#pragma once

#include <cstdint>
#include <string_view>

#include "core/instant.h"
#include "core/status.h"

namespace date {
class time_zone;
}

namespace hh {

struct LocalDateTime {
  LocalDate date;
  int32_t seconds_of_day = 0;  // 0..86399 in local wall-clock time
  int32_t nanos = 0;
  int iso_weekday() const { return date.iso_weekday(); }
};

class LocalTime {
 public:
  // The zone of this product's cities. Throws std::runtime_error only if the system time-zone
  // database lacks Europe/Brussels (an installation fault: package tzdata).
  static LocalTime Brussels();
  static Result<LocalTime> ForZone(std::string_view iana_name);

  // Offset from UTC in seconds at instant t (3600 for CET, 7200 for CEST).
  int32_t OffsetSeconds(Instant t);
  LocalDateTime ToLocal(Instant t);
  LocalDate LocalDay(Instant t);

  // The instant at which the local wall clock shows `seconds_of_day` on `day`. For a wall time
  // that occurs twice (the autumn change) the earlier is taken; for one that does not occur (the
  // spring gap) the instant is that of the same wall time before the gap, i.e. the clock shift
  // is applied forward. Deadlines in this product use 23:00, which always exists.
  Instant FromLocal(LocalDate day, int32_t seconds_of_day) const;

 private:
  explicit LocalTime(const date::time_zone* zone) : zone_(zone) {}
  void Load(int64_t unix_seconds);

  const date::time_zone* zone_;
  // The cached interval [begin_, end_) of constant offset.
  int64_t begin_ = 1;
  int64_t end_ = 0;
  int32_t offset_ = 0;
};

}  // namespace hh
