#include "core/local_time.h"

#include <gtest/gtest.h>

namespace hh {
namespace {

Instant I(std::string_view s) { return *Instant::Parse(s); }

std::string Local(std::string_view utc) {
  LocalTime tz = LocalTime::Brussels();
  LocalDateTime l = tz.ToLocal(I(utc));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s %02d:%02d:%02d", l.date.ToIsoString().c_str(),
                l.seconds_of_day / 3600, l.seconds_of_day / 60 % 60, l.seconds_of_day % 60);
  return buf;
}

TEST(LocalTime, WinterAndSummerOffsets) {
  LocalTime tz = LocalTime::Brussels();
  EXPECT_EQ(tz.OffsetSeconds(I("2026-01-15T12:00:00Z")), 3600);
  EXPECT_EQ(tz.OffsetSeconds(I("2026-07-15T12:00:00Z")), 7200);
}

TEST(LocalTime, SpringForwardIsExact) {
  // 2026-03-29: 02:00 CET becomes 03:00 CEST at 01:00Z.
  EXPECT_EQ(Local("2026-03-29T00:59:59Z"), "2026-03-29 01:59:59");
  EXPECT_EQ(Local("2026-03-29T01:00:00Z"), "2026-03-29 03:00:00");
  EXPECT_EQ(Local("2026-03-28T23:30:00Z"), "2026-03-29 00:30:00");
  EXPECT_EQ(Local("2026-03-28T22:59:59Z"), "2026-03-28 23:59:59");
}

TEST(LocalTime, FallBackIsExact) {
  // 2026-10-25: 03:00 CEST becomes 02:00 CET at 01:00Z; 02:30 local happens twice.
  EXPECT_EQ(Local("2026-10-25T00:30:00Z"), "2026-10-25 02:30:00");
  EXPECT_EQ(Local("2026-10-25T01:30:00Z"), "2026-10-25 02:30:00");
  EXPECT_EQ(Local("2026-10-24T22:00:00Z"), "2026-10-25 00:00:00");
  EXPECT_EQ(Local("2026-10-25T22:59:59Z"), "2026-10-25 23:59:59");
  EXPECT_EQ(Local("2026-10-25T23:00:00Z"), "2026-10-26 00:00:00");
}

TEST(LocalTime, CacheDoesNotLeakAcrossIntervals) {
  LocalTime tz = LocalTime::Brussels();
  // Alternate between summer and winter instants on one converter.
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(tz.OffsetSeconds(I("2026-07-01T00:00:00Z")), 7200);
    EXPECT_EQ(tz.OffsetSeconds(I("2026-12-01T00:00:00Z")), 3600);
    EXPECT_EQ(tz.OffsetSeconds(I("2025-10-26T00:59:59Z")), 7200);
    EXPECT_EQ(tz.OffsetSeconds(I("2025-10-26T01:00:00Z")), 3600);
  }
}

TEST(LocalTime, FromLocal) {
  LocalTime tz = LocalTime::Brussels();
  LocalDate d = *LocalDate::Parse("2026-04-07");
  EXPECT_EQ(tz.FromLocal(d, 23 * 3600).ToUtcString(), "2026-04-07T21:00:00Z");
  EXPECT_EQ(tz.FromLocal(*LocalDate::Parse("2026-01-05"), 23 * 3600).ToUtcString(),
            "2026-01-05T22:00:00Z");
  // Ambiguous 02:30 on the autumn day: the earlier (CEST) instant.
  EXPECT_EQ(tz.FromLocal(*LocalDate::Parse("2026-10-25"), 2 * 3600 + 1800).ToUtcString(),
            "2026-10-25T00:30:00Z");
  // Non-existent 02:30 on the spring day: read with the offset before the gap.
  EXPECT_EQ(tz.FromLocal(*LocalDate::Parse("2026-03-29"), 2 * 3600 + 1800).ToUtcString(),
            "2026-03-29T01:30:00Z");
}

TEST(LocalTime, UnknownZoneIsNotFound) {
  auto r = LocalTime::ForZone("Europe/Atlantis");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace hh
