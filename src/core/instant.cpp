#include "core/instant.h"

#include <date/date.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace hh {
namespace {

constexpr int64_t kSecondsPerDay = 86'400;

// Days on which IERS inserted a leap second at 23:59:60 UTC (Bulletin C; none since 2016).
// Source: IERS Bulletin C 52 and earlier, https://hpiers.obspm.fr/iers/bul/bulc/Leap_Second.dat
constexpr std::array<int32_t, 27> kLeapSecondDays = [] {
  constexpr int ymd[27][3] = {{1972, 6, 30},  {1972, 12, 31}, {1973, 12, 31}, {1974, 12, 31},
                              {1975, 12, 31}, {1976, 12, 31}, {1977, 12, 31}, {1978, 12, 31},
                              {1979, 12, 31}, {1981, 6, 30},  {1982, 6, 30},  {1983, 6, 30},
                              {1985, 6, 30},  {1987, 12, 31}, {1989, 12, 31}, {1990, 12, 31},
                              {1992, 6, 30},  {1993, 6, 30},  {1994, 6, 30},  {1995, 12, 31},
                              {1997, 6, 30},  {1998, 12, 31}, {2005, 12, 31}, {2008, 12, 31},
                              {2012, 6, 30},  {2015, 6, 30},  {2016, 12, 31}};
  std::array<int32_t, 27> days{};
  for (int i = 0; i < 27; ++i) {
    days[i] =
        date::sys_days{date::year{ymd[i][0]} / ymd[i][1] / ymd[i][2]}.time_since_epoch().count();
  }
  return days;
}();

inline bool Digit(char c) { return c >= '0' && c <= '9'; }

// Reads n digits at p; returns -1 if any is not a digit.
inline int Digits(const char* p, int n) {
  int v = 0;
  for (int i = 0; i < n; ++i) {
    if (!Digit(p[i])) return -1;
    v = v * 10 + (p[i] - '0');
  }
  return v;
}

inline int32_t DaysFromCivil(int y, unsigned m, unsigned d) {
  return date::sys_days{date::year{y} / date::month{m} / date::day{d}}.time_since_epoch().count();
}

inline void Append2(std::string& out, unsigned v) {
  out.push_back(static_cast<char>('0' + v / 10));
  out.push_back(static_cast<char>('0' + v % 10));
}

}  // namespace

bool LocalDate::FromYmd(int y, int m, int d, LocalDate* out) {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                           date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return false;
  *out = LocalDate(date::sys_days{ymd}.time_since_epoch().count());
  return true;
}

Result<LocalDate> LocalDate::Parse(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') {
    return InvalidArgument("not a date of the form YYYY-MM-DD");
  }
  int y = Digits(t.data(), 4), m = Digits(t.data() + 5, 2), d = Digits(t.data() + 8, 2);
  LocalDate out;
  if (y < 0 || m < 0 || d < 0 || !FromYmd(y, m, d, &out)) {
    return InvalidArgument("not a real calendar date");
  }
  return out;
}

int LocalDate::year() const {
  return static_cast<int>(date::year_month_day{date::sys_days{date::days{days_}}}.year());
}
int LocalDate::month() const {
  return static_cast<int>(
      static_cast<unsigned>(date::year_month_day{date::sys_days{date::days{days_}}}.month()));
}
int LocalDate::day() const {
  return static_cast<int>(
      static_cast<unsigned>(date::year_month_day{date::sys_days{date::days{days_}}}.day()));
}
int LocalDate::iso_weekday() const {
  return static_cast<int>(date::weekday{date::sys_days{date::days{days_}}}.iso_encoding());
}

void LocalDate::AppendIso(std::string& out) const {
  date::year_month_day ymd{date::sys_days{date::days{days_}}};
  int y = static_cast<int>(ymd.year());
  if (y < 0 || y > 9999) {
    out += std::to_string(y);
  } else {
    Append2(out, static_cast<unsigned>(y / 100));
    Append2(out, static_cast<unsigned>(y % 100));
  }
  out.push_back('-');
  Append2(out, static_cast<unsigned>(ymd.month()));
  out.push_back('-');
  Append2(out, static_cast<unsigned>(ymd.day()));
}

std::string LocalDate::ToIsoString() const {
  std::string s;
  AppendIso(s);
  return s;
}

std::string LocalDate::ToDutchString() const {
  std::string s;
  Append2(s, static_cast<unsigned>(day()));
  s.push_back('/');
  Append2(s, static_cast<unsigned>(month()));
  s.push_back('/');
  int y = year();
  Append2(s, static_cast<unsigned>(y / 100));
  Append2(s, static_cast<unsigned>(y % 100));
  return s;
}

bool Instant::TryParse(std::string_view t, Instant* out, const char** why) {
  // YYYY-MM-DDThh:mm:ss is 19 characters; the shortest valid form adds 'Z'.
  if (t.size() < 19) {
    *why = "too short for an RFC 3339 date-time (YYYY-MM-DDThh:mm:ssZ)";
    return false;
  }
  const char* p = t.data();
  // Streams of reads repeat the same date: the last valid date of this thread is remembered.
  thread_local char cached_date[10];
  thread_local int64_t cached_days = 0;
  thread_local bool cached = false;
  const bool same_date = cached && std::memcmp(p, cached_date, 10) == 0;
  int y = 0, mo = 0, d = 0;
  if (!same_date) {
    y = Digits(p, 4), mo = Digits(p + 5, 2), d = Digits(p + 8, 2);
    if (y < 0 || mo < 0 || d < 0 || p[4] != '-' || p[7] != '-') {
      *why = "date is not YYYY-MM-DD";
      return false;
    }
  }
  if (p[10] != 'T' && p[10] != 't') {
    *why = "date and time must be separated by 'T'";
    return false;
  }
  int h = Digits(p + 11, 2), mi = Digits(p + 14, 2), s = Digits(p + 17, 2);
  if (h < 0 || mi < 0 || s < 0 || p[13] != ':' || p[16] != ':') {
    *why = "time is not hh:mm:ss";
    return false;
  }
  if (!same_date) {
    if (mo < 1 || mo > 12) {
      *why = "month out of range";
      return false;
    }
    if (d < 1 || !date::year_month_day{date::year{y}, date::month{static_cast<unsigned>(mo)},
                                       date::day{static_cast<unsigned>(d)}}
                      .ok()) {
      *why = "no such day in that month";
      return false;
    }
  }
  if (h > 23) {
    *why = "hour out of range (00-23)";
    return false;
  }
  if (mi > 59) {
    *why = "minute out of range (00-59)";
    return false;
  }
  if (s > 60) {
    *why = "second out of range (00-59, 60 only for a leap second)";
    return false;
  }
  size_t i = 19;
  int32_t nanos = 0;
  if (i < t.size() && t[i] == '.') {
    ++i;
    size_t start = i;
    int scale = 100'000'000;
    while (i < t.size() && Digit(t[i])) {
      if (scale > 0) {
        nanos += (t[i] - '0') * scale;
        scale /= 10;
      }
      ++i;
    }
    if (i == start) {
      *why = "a '.' must be followed by fraction digits";
      return false;
    }
  }
  if (i >= t.size()) {
    *why = "missing time zone offset ('Z' or +hh:mm)";
    return false;
  }
  int offset_minutes = 0;
  char z = t[i];
  if (z == 'Z' || z == 'z') {
    ++i;
  } else if (z == '+' || z == '-') {
    if (t.size() - i < 6) {
      *why = "offset is not +hh:mm or -hh:mm";
      return false;
    }
    int oh = Digits(p + i + 1, 2), om = Digits(p + i + 4, 2);
    if (oh < 0 || om < 0 || p[i + 3] != ':') {
      *why = "offset is not +hh:mm or -hh:mm";
      return false;
    }
    if (oh > 23 || om > 59) {
      *why = "offset out of range";
      return false;
    }
    offset_minutes = (oh * 60 + om) * (z == '-' ? -1 : 1);
    i += 6;
  } else {
    *why = "missing time zone offset ('Z' or +hh:mm)";
    return false;
  }
  if (i != t.size()) {
    *why = "unexpected characters after the offset";
    return false;
  }
  int64_t days;
  if (same_date) {
    days = cached_days;
  } else {
    days = DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
    std::memcpy(cached_date, p, 10);
    cached_days = days;
    cached = true;
  }
  int64_t secs = days * kSecondsPerDay + int64_t{h} * 3600 + int64_t{mi} * 60 + std::min(s, 59) -
                 static_cast<int64_t>(offset_minutes) * 60;
  if (s == 60) {
    // Valid only as 23:59:60 UTC on a day IERS inserted a leap second.
    int64_t utc_day =
        secs >= 0 ? secs / kSecondsPerDay : (secs - kSecondsPerDay + 1) / kSecondsPerDay;
    bool leap =
        secs - utc_day * kSecondsPerDay == kSecondsPerDay - 1 &&
        std::find(kLeapSecondDays.begin(), kLeapSecondDays.end(), utc_day) != kLeapSecondDays.end();
    if (!leap) {
      *why = "second 60 is only valid for an inserted leap second";
      return false;
    }
    nanos = 999'999'999;
  }
  *out = Instant(secs, nanos);
  return true;
}

Result<Instant> Instant::Parse(std::string_view text) {
  Instant out;
  const char* why = nullptr;
  if (!TryParse(text, &out, &why)) return InvalidArgument(why);
  return out;
}

LocalDate Instant::UtcDate() const {
  int64_t d =
      seconds_ >= 0 ? seconds_ / kSecondsPerDay : (seconds_ - kSecondsPerDay + 1) / kSecondsPerDay;
  return LocalDate::FromDays(static_cast<int32_t>(d));
}

void Instant::AppendUtc(std::string& out) const {
  LocalDate day = UtcDate();
  int64_t sod = seconds_ - static_cast<int64_t>(day.days()) * kSecondsPerDay;
  day.AppendIso(out);
  out.push_back('T');
  Append2(out, static_cast<unsigned>(sod / 3600));
  out.push_back(':');
  Append2(out, static_cast<unsigned>(sod / 60 % 60));
  out.push_back(':');
  Append2(out, static_cast<unsigned>(sod % 60));
  out.push_back('Z');
}

std::string Instant::ToUtcString() const {
  std::string s;
  s.reserve(20);
  AppendUtc(s);
  return s;
}

std::string Instant::ToRfc3339() const {
  std::string s = ToUtcString();
  if (nanos_ != 0) {
    s.pop_back();
    std::string frac = std::to_string(nanos_);
    s += '.';
    s.append(9 - frac.size(), '0');
    s += frac;
    while (s.back() == '0') s.pop_back();
    s += 'Z';
  }
  return s;
}

}  // namespace hh
