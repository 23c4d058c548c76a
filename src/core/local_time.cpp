#include "core/local_time.h"

#include <date/tz.h>

#include <chrono>
#include <stdexcept>
#include <string>

namespace hh {
namespace {
constexpr int64_t kSecondsPerDay = 86'400;
}

LocalTime LocalTime::Brussels() {
  auto r = ForZone("Europe/Brussels");
  if (!r.ok()) throw std::runtime_error(r.status().message());
  return *r;
}

Result<LocalTime> LocalTime::ForZone(std::string_view iana_name) {
  try {
    return LocalTime(date::locate_zone(iana_name));
  } catch (const std::exception& e) {
    return NotFound("time zone " + std::string(iana_name) +
                    " is not in the system time-zone database (install tzdata): " + e.what());
  }
}

void LocalTime::Load(int64_t unix_seconds) {
  date::sys_seconds t{std::chrono::seconds{unix_seconds}};
  date::sys_info info = zone_->get_info(t);
  begin_ = info.begin.time_since_epoch().count();
  end_ = info.end.time_since_epoch().count();
  offset_ = static_cast<int32_t>(info.offset.count());
}

int32_t LocalTime::OffsetSeconds(Instant t) {
  int64_t s = t.unix_seconds();
  if (s < begin_ || s >= end_) Load(s);
  return offset_;
}

LocalDateTime LocalTime::ToLocal(Instant t) {
  int64_t local = t.unix_seconds() + OffsetSeconds(t);
  int64_t day = local >= 0 ? local / kSecondsPerDay : (local - kSecondsPerDay + 1) / kSecondsPerDay;
  LocalDateTime out;
  out.date = LocalDate::FromDays(static_cast<int32_t>(day));
  out.seconds_of_day = static_cast<int32_t>(local - day * kSecondsPerDay);
  out.nanos = t.nanos();
  return out;
}

LocalDate LocalTime::LocalDay(Instant t) { return ToLocal(t).date; }

Instant LocalTime::FromLocal(LocalDate day, int32_t seconds_of_day) const {
  date::local_seconds local{
      std::chrono::seconds{static_cast<int64_t>(day.days()) * kSecondsPerDay + seconds_of_day}};
  date::local_info li = zone_->get_info(local);
  int64_t offset = li.first.offset.count();
  if (li.result == date::local_info::nonexistent) {
    // In the gap: the wall time is read with the offset in force before the change.
    offset = li.first.offset.count();
  }
  return Instant::FromUnix(local.time_since_epoch().count() - offset);
}

}  // namespace hh
