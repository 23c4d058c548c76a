// The measure registry and the status of an indicator for a year, at the boundaries of the
// rules in measures.h (the first and last day of a year, the pace a threshold needs).
#include "contract/measures.h"

#include <gtest/gtest.h>

#include <string>

namespace hh {
namespace {

LocalDate D(const char* iso) { return *LocalDate::Parse(iso); }

TEST(MeasureRegistryTest, RegistersByNameAndCountsOverAPeriod) {
  MeasureRegistry r;
  // A measure that counts the days of its period, so the period it was given can be checked.
  ASSERT_TRUE(r.Register({"test.days", "Dagen", "Jours"}, [](Period p) -> Result<int64_t> {
                 return p.to.days() - p.from.days() + 1;
               }).ok());
  EXPECT_EQ(r.Register({"test.days", "x", "x"}, [](Period) -> Result<int64_t> { return 0; }).code(),
            StatusCode::kAlreadyExists);
  for (const char* bad : {"", "Test.days", "test..days", ".test", "test.", "test days"}) {
    EXPECT_EQ(r.Register({bad, "x", "x"}, [](Period) -> Result<int64_t> { return 0; }).code(),
              StatusCode::kInvalidArgument)
        << bad;
  }
  ASSERT_EQ(r.List().size(), 1U);
  EXPECT_EQ(r.Find("test.days")->label_nl, "Dagen");
  EXPECT_EQ(r.Find("test.nothing"), nullptr);
  EXPECT_EQ(*r.Value("test.days", Period::Year(2024)), 366);  // a leap year
  EXPECT_EQ(*r.Value("test.days", Period::Year(2019)), 365);
  EXPECT_EQ(*r.Value("test.days", {D("2019-03-01"), D("2019-03-01")}), 1);
  EXPECT_EQ(r.Value("test.days", {D("2019-03-02"), D("2019-03-01")}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(r.Value("test.nothing", Period::Year(2019)).status().code(), StatusCode::kNotFound);
}

TEST(EvaluateIndicatorTest, ThresholdAgainstThePaceOfTheYear) {
  // "Jaarlijks minstens 6 vergaderingen": 6 a year.
  IndicatorFacts f{IndicatorKind::kThreshold, 6, std::nullopt, false};
  EXPECT_EQ(EvaluateIndicator(f, 2019, D("2019-06-30")), IndicatorStatus::kNoData);  // unbound
  f.value = 6;
  EXPECT_EQ(EvaluateIndicator(f, 2019, D("2019-01-01")), IndicatorStatus::kMet);
  f.value = 5;
  EXPECT_EQ(EvaluateIndicator(f, 2019, D("2019-12-31")), IndicatorStatus::kAtRisk);  // last day
  EXPECT_EQ(EvaluateIndicator(f, 2019, D("2020-01-01")), IndicatorStatus::kNotMet);  // year over
  EXPECT_EQ(EvaluateIndicator(f, 2019, D("2018-12-31")), IndicatorStatus::kNoData);  // not begun
  // 3 of 6 is on pace up to day 182 of 365 (3 x 365 = 1095 >= 6 x 182 = 1092) and behind from
  // day 183 (6 x 183 = 1098): 2019-07-01 is day 182, 2019-07-02 day 183.
  f.value = 3;
  EXPECT_EQ(EvaluateIndicator(f, 2019, D("2019-07-01")), IndicatorStatus::kOnTrack);
  EXPECT_EQ(EvaluateIndicator(f, 2019, D("2019-07-02")), IndicatorStatus::kAtRisk);
  f.value = 0;
  EXPECT_EQ(EvaluateIndicator(f, 2019, D("2019-01-01")), IndicatorStatus::kAtRisk);
}

TEST(EvaluateIndicatorTest, ExistenceNeedsEvidenceAndCountNeedsAMeasure) {
  IndicatorFacts e{IndicatorKind::kExistence, std::nullopt, std::nullopt, false};
  EXPECT_EQ(EvaluateIndicator(e, 2019, D("2019-05-01")), IndicatorStatus::kNoData);
  EXPECT_EQ(EvaluateIndicator(e, 2019, D("2020-01-01")), IndicatorStatus::kNotMet);
  e.has_evidence = true;
  EXPECT_EQ(EvaluateIndicator(e, 2019, D("2019-05-01")), IndicatorStatus::kMet);
  IndicatorFacts c{IndicatorKind::kCount, std::nullopt, std::nullopt, false};
  EXPECT_EQ(EvaluateIndicator(c, 2019, D("2020-02-01")), IndicatorStatus::kNoData);
  c.value = 0;
  EXPECT_EQ(EvaluateIndicator(c, 2019, D("2020-02-01")), IndicatorStatus::kMet);
  EXPECT_EQ(IndicatorStatusName(IndicatorStatus::kAtRisk), "at_risk");
  EXPECT_EQ(IndicatorStatusLabelNl(IndicatorStatus::kNotMet), "niet gehaald");
}

}  // namespace
}  // namespace hh
