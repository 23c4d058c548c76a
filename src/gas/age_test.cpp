#include "gas/age.h"

#include <gtest/gtest.h>

namespace hh {
namespace {

LocalDate D(std::string_view s) { return *LocalDate::Parse(s); }

int Years(std::string_view birth, std::string_view on) { return *CompletedYears(D(birth), D(on)); }

TEST(Age, BirthdaysFourteenSixteenEighteen) {
  EXPECT_EQ(Years("2010-05-20", "2024-05-19"), 13);
  EXPECT_EQ(Years("2010-05-20", "2024-05-20"), 14);
  EXPECT_EQ(Years("2010-05-20", "2026-05-19"), 15);
  EXPECT_EQ(Years("2010-05-20", "2026-05-20"), 16);
  EXPECT_EQ(Years("2010-05-20", "2028-05-19"), 17);
  EXPECT_EQ(Years("2010-05-20", "2028-05-20"), 18);
  EXPECT_EQ(Years("2010-05-20", "2010-05-20"), 0);
  // Across a year end: born 31 December.
  EXPECT_EQ(Years("2009-12-31", "2027-12-30"), 17);
  EXPECT_EQ(Years("2009-12-31", "2027-12-31"), 18);
}

TEST(Age, TwentyNinthOfFebruaryTurnsOlderOnMarchFirstInCommonYears) {
  EXPECT_EQ(Years("2008-02-29", "2026-02-28"), 17);
  EXPECT_EQ(Years("2008-02-29", "2026-03-01"), 18);
  EXPECT_EQ(Years("2008-02-29", "2024-02-28"), 15);
  EXPECT_EQ(Years("2008-02-29", "2024-02-29"), 16);  // a leap year: the day itself
  EXPECT_EQ(Years("2012-02-29", "2026-02-28"), 13);
  EXPECT_EQ(Years("2012-02-29", "2026-03-01"), 14);
}

TEST(Age, BirthAfterTheFactsIsAnError) {
  Result<int> r = CompletedYears(D("2026-04-08"), D("2026-04-07"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
}

TEST(Age, MinorAndMinimumAgeAtTheFacts) {
  GasSettings sixteen;
  GasSettings fourteen;
  fourteen.minimum_age = 14;
  AgeAtFacts a = *AgeOnDateOfFacts(D("2012-02-29"), D("2026-02-28"), fourteen);
  EXPECT_EQ(a.years, 13);
  EXPECT_TRUE(a.minor);
  EXPECT_TRUE(a.below_minimum_age);
  a = *AgeOnDateOfFacts(D("2012-02-29"), D("2026-03-01"), fourteen);
  EXPECT_FALSE(a.below_minimum_age);
  EXPECT_TRUE(a.minor);
  a = *AgeOnDateOfFacts(D("2012-02-29"), D("2026-03-01"), sixteen);
  EXPECT_TRUE(a.below_minimum_age);
  a = *AgeOnDateOfFacts(D("2008-02-29"), D("2026-02-28"), sixteen);
  EXPECT_TRUE(a.minor);
  EXPECT_FALSE(a.below_minimum_age);
  a = *AgeOnDateOfFacts(D("2008-02-29"), D("2026-03-01"), sixteen);
  EXPECT_FALSE(a.minor);
  EXPECT_TRUE(IsMinor(17));
  EXPECT_FALSE(IsMinor(18));
  EXPECT_TRUE(IsBelowMinimumAge(15, sixteen));
  EXPECT_FALSE(IsBelowMinimumAge(16, sixteen));
  EXPECT_FALSE(IsBelowMinimumAge(14, fourteen));
  EXPECT_TRUE(IsBelowMinimumAge(13, fourteen));
}

}  // namespace
}  // namespace hh
