#include "gas/recidivism.h"

#include <gtest/gtest.h>

#include <vector>

namespace hh {
namespace {

LocalDate D(std::string_view s) { return *LocalDate::Parse(s); }

constexpr std::string_view kArticle = "art. 12 APV";

RecidivismFlag Check(std::string_view facts, std::vector<PriorSanction> history) {
  return CheckRecidivism(kArticle, D(facts), history);
}

TEST(Recidivism, ExactlyTwentyFourMonthsBeforeCounts) {
  EXPECT_EQ(RecidivismWindowStart(D("2026-03-15")), D("2024-03-15"));
  EXPECT_TRUE(Check("2026-03-15", {{std::string(kArticle), D("2024-03-15")}}).flagged);
  EXPECT_FALSE(Check("2026-03-15", {{std::string(kArticle), D("2024-03-14")}}).flagged);
}

TEST(Recidivism, OnlyDecisionsBeforeTheDayOfTheFacts) {
  EXPECT_TRUE(Check("2026-03-15", {{std::string(kArticle), D("2026-03-14")}}).flagged);
  EXPECT_FALSE(Check("2026-03-15", {{std::string(kArticle), D("2026-03-15")}}).flagged);
  EXPECT_FALSE(Check("2026-03-15", {{std::string(kArticle), D("2026-05-01")}}).flagged);
}

TEST(Recidivism, SameArticleOnly) {
  EXPECT_FALSE(Check("2026-03-15", {{"art. 13 APV", D("2025-06-01")}}).flagged);
  EXPECT_FALSE(Check("2026-03-15", {}).flagged);
}

TEST(Recidivism, CountsAndMostRecent) {
  RecidivismFlag f = Check("2026-03-15", {{std::string(kArticle), D("2025-01-10")},
                                          {"art. 13 APV", D("2026-01-01")},
                                          {std::string(kArticle), D("2025-11-30")},
                                          {std::string(kArticle), D("2023-01-01")}});
  EXPECT_TRUE(f.flagged);
  EXPECT_EQ(f.matching_decisions, 2);
  ASSERT_TRUE(f.most_recent.has_value());
  EXPECT_EQ(*f.most_recent, D("2025-11-30"));
  EXPECT_FALSE(Check("2026-03-15", {}).most_recent.has_value());
}

TEST(Recidivism, MonthEndsAndLeapDays) {
  // Facts 28 February 2026: the window starts 28 February 2024 (the 29th is inside too).
  EXPECT_FALSE(Check("2026-02-28", {{std::string(kArticle), D("2024-02-27")}}).flagged);
  EXPECT_TRUE(Check("2026-02-28", {{std::string(kArticle), D("2024-02-28")}}).flagged);
  EXPECT_TRUE(Check("2026-02-28", {{std::string(kArticle), D("2024-02-29")}}).flagged);
  // Facts 29 February 2028: 24 months earlier has no 29th; the window starts 28 February 2026.
  EXPECT_EQ(RecidivismWindowStart(D("2028-02-29")), D("2026-02-28"));
  EXPECT_TRUE(Check("2028-02-29", {{std::string(kArticle), D("2026-02-28")}}).flagged);
  EXPECT_FALSE(Check("2028-02-29", {{std::string(kArticle), D("2026-02-27")}}).flagged);
  // Facts 31 March 2026: from 31 March 2024.
  EXPECT_TRUE(Check("2026-03-31", {{std::string(kArticle), D("2024-03-31")}}).flagged);
  EXPECT_FALSE(Check("2026-03-31", {{std::string(kArticle), D("2024-03-30")}}).flagged);
}

}  // namespace
}  // namespace hh
