#include "core/instant.h"

#include <gtest/gtest.h>

namespace hh {
namespace {

int64_t Secs(std::string_view s) {
  auto r = Instant::Parse(s);
  EXPECT_TRUE(r.ok()) << s << ": " << r.status().message();
  return r.ok() ? r->unix_seconds() : 0;
}

bool Rejected(std::string_view s) { return !Instant::Parse(s).ok(); }

TEST(Instant, ParsesUtcAndOffsets) {
  EXPECT_EQ(Secs("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(Secs("2026-03-26T00:00:01+01:00"), Secs("2026-03-25T23:00:01Z"));
  EXPECT_EQ(Secs("2026-03-26T00:00:01-05:30"), Secs("2026-03-26T05:30:01Z"));
  EXPECT_EQ(Secs("2026-03-26t10:00:00z"), Secs("2026-03-26T10:00:00Z"));
  EXPECT_EQ(Secs("2026-03-26T10:00:00-00:00"), Secs("2026-03-26T10:00:00Z"));
  EXPECT_EQ(Secs("2024-02-29T12:00:00Z"), 1709208000);
  EXPECT_EQ(Secs("1969-12-31T23:59:59Z"), -1);
}

TEST(Instant, KeepsFractionsToTheNanosecond) {
  auto a = Instant::Parse("2026-03-26T10:00:00.5Z");
  auto b = Instant::Parse("2026-03-26T10:00:00.25Z");
  auto c = Instant::Parse("2026-03-26T10:00:00.1234567891Z");
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(a->nanos(), 500'000'000);
  EXPECT_EQ(b->nanos(), 250'000'000);
  EXPECT_EQ(c->nanos(), 123'456'789);  // digits past the ninth are truncated
  EXPECT_LT(*b, *a);
  EXPECT_EQ(a->ToUtcString(), "2026-03-26T10:00:00Z");
  EXPECT_EQ(a->ToRfc3339(), "2026-03-26T10:00:00.5Z");
  // Fraction with a negative offset: same instant as in UTC.
  EXPECT_EQ(*Instant::Parse("2026-03-26T05:00:00.5-05:00"), *a);
}

TEST(Instant, RejectsWhatIsNotARealInstant) {
  EXPECT_TRUE(Rejected("2026-02-30T10:00:00Z"));  // 30 February
  EXPECT_TRUE(Rejected("2026-02-29T10:00:00Z"));  // not a leap year
  EXPECT_FALSE(Rejected("2028-02-29T10:00:00Z"));
  EXPECT_TRUE(Rejected("2100-02-29T10:00:00Z"));  // century, not leap
  EXPECT_FALSE(Rejected("2000-02-29T10:00:00Z"));
  EXPECT_TRUE(Rejected("2026-04-31T10:00:00Z"));
  EXPECT_TRUE(Rejected("2026-13-01T10:00:00Z"));
  EXPECT_TRUE(Rejected("2026-00-01T10:00:00Z"));
  EXPECT_TRUE(Rejected("2026-01-00T10:00:00Z"));
  EXPECT_TRUE(Rejected("2026-03-26T24:00:00Z"));  // hour 24
  EXPECT_TRUE(Rejected("2026-03-26T25:00:00Z"));
  EXPECT_TRUE(Rejected("2026-03-26T10:60:00Z"));
  EXPECT_TRUE(Rejected("2026-03-26T10:00:61Z"));
  EXPECT_TRUE(Rejected("2026-03-26T10:00:60Z"));   // not a leap-second day
  EXPECT_TRUE(Rejected("2026-03-26T10:00:00"));    // no offset
  EXPECT_TRUE(Rejected("2026-03-26 10:00:00Z"));   // space for T
  EXPECT_TRUE(Rejected("2026-03-26T10:00Z"));      // no seconds
  EXPECT_TRUE(Rejected("2026-03-26T10:00:00.Z"));  // empty fraction
  EXPECT_TRUE(Rejected("2026-03-26T10:00:00+0100"));
  EXPECT_TRUE(Rejected("2026-03-26T10:00:00+24:00"));
  EXPECT_TRUE(Rejected("2026-03-26T10:00:00+01:60"));
  EXPECT_TRUE(Rejected("2026-03-26T10:00:00Z "));
  EXPECT_TRUE(Rejected(" 2026-03-26T10:00:00Z"));
  EXPECT_TRUE(Rejected("2026-3-26T10:00:00Z"));
  EXPECT_TRUE(Rejected(""));
  EXPECT_TRUE(Rejected("26/03/2026 10:00"));
}

TEST(Instant, TheRememberedDateNeverLetsABadOneThrough) {
  // The parser remembers the last good date of its thread; what follows must still be checked.
  EXPECT_TRUE(Instant::Parse("2026-03-26T10:00:00Z").ok());
  EXPECT_TRUE(Rejected("2026-03-26T24:00:00Z"));
  EXPECT_TRUE(Rejected("2026-03-26T10:00:00"));
  EXPECT_EQ(Secs("2026-03-26T10:00:01+01:00"), Secs("2026-03-26T09:00:01Z"));
  EXPECT_TRUE(Rejected("2026-02-30T10:00:00Z"));
  EXPECT_TRUE(Rejected(std::string(10, '\0') + "T10:00:00Z"));
  EXPECT_EQ(Secs("2026-03-27T00:00:00Z") - Secs("2026-03-26T00:00:00Z"), 86400);
}

TEST(Instant, AcceptsOnlyRealLeapSeconds) {
  auto leap = Instant::Parse("2016-12-31T23:59:60Z");
  ASSERT_TRUE(leap.ok());
  EXPECT_GT(*leap, *Instant::Parse("2016-12-31T23:59:59.5Z"));
  EXPECT_LT(*leap, *Instant::Parse("2017-01-01T00:00:00Z"));
  // The same leap second written with an offset.
  EXPECT_TRUE(Instant::Parse("2016-12-31T15:59:60-08:00").ok());
  EXPECT_FALSE(Instant::Parse("2017-12-31T23:59:60Z").ok());
  EXPECT_FALSE(Instant::Parse("2016-12-31T22:59:60Z").ok());
}

TEST(Instant, FormatsUtc) {
  EXPECT_EQ(Instant::FromUnix(0).ToUtcString(), "1970-01-01T00:00:00Z");
  EXPECT_EQ(Instant::FromUnix(-1).ToUtcString(), "1969-12-31T23:59:59Z");
  EXPECT_EQ(Instant::Parse("2026-10-25T02:30:00+01:00")->ToUtcString(), "2026-10-25T01:30:00Z");
  EXPECT_EQ(Instant::FromUnix(10, -1).ToRfc3339(), "1970-01-01T00:00:09.999999999Z");
}

TEST(LocalDate, ParsesFormatsAndCountsWeekdays) {
  auto d = LocalDate::Parse("2026-03-29");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->year(), 2026);
  EXPECT_EQ(d->month(), 3);
  EXPECT_EQ(d->day(), 29);
  EXPECT_EQ(d->iso_weekday(), 7);  // a Sunday
  EXPECT_EQ(d->ToIsoString(), "2026-03-29");
  EXPECT_EQ(d->ToDutchString(), "29/03/2026");
  EXPECT_EQ(LocalDate::FromDays(0).iso_weekday(), 4);  // 1970-01-01 was a Thursday
  EXPECT_FALSE(LocalDate::Parse("2026-02-29").ok());
  EXPECT_FALSE(LocalDate::Parse("2026-3-29").ok());
  EXPECT_EQ(d->AddDays(3).ToIsoString(), "2026-04-01");
}

}  // namespace
}  // namespace hh
