#include "gas/law.h"

#include <gtest/gtest.h>

#include "gas/civil_date.h"

namespace hh {
namespace {

LocalDate D(std::string_view s) { return *LocalDate::Parse(s); }

Money Euro(int64_t e) { return Money::FromEuro(e); }

TEST(CivilDate, MatchesTheRuntimeParser) {
  EXPECT_EQ(CivilDate(1970, 1, 1), D("1970-01-01"));
  EXPECT_EQ(CivilDate(2014, 7, 1), D("2014-07-01"));
  EXPECT_EQ(CivilDate(2000, 2, 29), D("2000-02-29"));
  EXPECT_EQ(CivilDate(1969, 12, 31), D("1969-12-31"));
  EXPECT_EQ(CivilDate(2100, 3, 1), D("2100-03-01"));
  EXPECT_EQ(DaysInMonth(2100, 2), 28);
  EXPECT_EQ(DaysInMonth(2000, 2), 29);
  EXPECT_EQ(ShiftMonthsClamped(D("2026-01-31"), 1), D("2026-02-28"));
  EXPECT_EQ(ShiftMonthsClamped(D("2028-02-29"), -24), D("2026-02-28"));
  EXPECT_EQ(ShiftMonthsClamped(D("2026-01-15"), -1), D("2025-12-15"));
  EXPECT_EQ(ShiftMonthsClamped(D("2026-03-31"), -13), D("2025-02-28"));
}

TEST(TrafficAmount, AmendmentOf2018SeptemberFirst) {
  EXPECT_EQ(*TrafficAmount(TrafficCategory::kCategory1, D("2018-08-31")), Euro(55));
  EXPECT_EQ(*TrafficAmount(TrafficCategory::kCategory1, D("2018-09-01")), Euro(58));
  EXPECT_EQ(*TrafficAmount(TrafficCategory::kCategory2, D("2018-08-31")), Euro(110));
  EXPECT_EQ(*TrafficAmount(TrafficCategory::kCategory2, D("2018-09-01")), Euro(116));
  EXPECT_EQ(*TrafficAmount(TrafficCategory::kCategory4, D("2018-08-31")), Euro(330));
  EXPECT_EQ(*TrafficAmount(TrafficCategory::kCameraC3F103, D("2018-08-31")), Euro(58));
  EXPECT_EQ(*TrafficAmount(TrafficCategory::kCameraC3F103, D("2018-09-01")), Euro(58));
}

TEST(TrafficAmount, CategoryFourHasNoAmountAfterItsRemoval) {
  for (const char* day : {"2018-09-01", "2026-04-07"}) {
    Result<Money> r = TrafficAmount(TrafficCategory::kCategory4, D(day));
    ASSERT_FALSE(r.ok()) << day;
    EXPECT_EQ(r.status().code(), StatusCode::kFailedPrecondition);
    EXPECT_NE(r.status().message().find("category 4"), std::string::npos);
    EXPECT_NE(r.status().message().find("2018-09-01"), std::string::npos);
  }
}

TEST(TrafficAmount, NothingBeforeJulyFirst2014) {
  for (TrafficCategory c : {TrafficCategory::kCategory1, TrafficCategory::kCategory2,
                            TrafficCategory::kCategory4, TrafficCategory::kCameraC3F103}) {
    Result<Money> before = TrafficAmount(c, D("2014-06-30"));
    ASSERT_FALSE(before.ok()) << TrafficCategoryName(c);
    EXPECT_EQ(before.status().code(), StatusCode::kNotFound);
    EXPECT_NE(before.status().message().find("2014-07-01"), std::string::npos);
    EXPECT_TRUE(TrafficAmount(c, D("2014-07-01")).ok()) << TrafficCategoryName(c);
  }
  EXPECT_EQ(*TrafficAmount(TrafficCategory::kCategory1, D("2014-07-01")), Euro(55));
  EXPECT_EQ(*TrafficAmount(TrafficCategory::kCategory4, D("2014-07-01")), Euro(330));
}

TEST(OverlastMaximum, ByAgeGroupFromTheLawOf2013) {
  EXPECT_EQ(*OverlastMaximum(AgeGroup::kAdult, D("2014-01-01")), Euro(350));
  EXPECT_EQ(*OverlastMaximum(AgeGroup::kMinor, D("2026-04-07")), Euro(175));
  Result<Money> old = OverlastMaximum(AgeGroup::kAdult, D("2013-12-31"));
  ASSERT_FALSE(old.ok());
  EXPECT_EQ(old.status().code(), StatusCode::kNotFound);
}

TEST(OverlastMaximum, FromBirthDateAndMinimumAge) {
  GasSettings s;  // minimum age 16
  // Born 2010-05-20: 15 on 2026-05-19, 16 on 2026-05-20, 18 on 2028-05-20.
  Result<Money> young = OverlastMaximumFor(D("2010-05-20"), D("2026-05-19"), s);
  ASSERT_FALSE(young.ok());
  EXPECT_EQ(young.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(*OverlastMaximumFor(D("2010-05-20"), D("2026-05-20"), s), Euro(175));
  EXPECT_EQ(*OverlastMaximumFor(D("2010-05-20"), D("2028-05-19"), s), Euro(175));
  EXPECT_EQ(*OverlastMaximumFor(D("2010-05-20"), D("2028-05-20"), s), Euro(350));
  s.minimum_age = 14;
  EXPECT_EQ(*OverlastMaximumFor(D("2010-05-20"), D("2026-05-19"), s), Euro(175));
  EXPECT_EQ(OverlastMaximumFor(D("2026-05-21"), D("2026-05-20"), s).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(Hearing, OnlyAboveSeventyEuro) {
  EXPECT_FALSE(MayRequestHearing(Euro(58)));
  EXPECT_FALSE(MayRequestHearing(Euro(70)));
  EXPECT_TRUE(MayRequestHearing(Money::FromCents(7001)));
  EXPECT_TRUE(MayRequestHearing(Euro(116)));
}

}  // namespace
}  // namespace hh
