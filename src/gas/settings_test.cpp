#include "gas/settings.h"

#include <gtest/gtest.h>

namespace hh {
namespace {

TEST(GasSettings, DefaultsAreValidAndDocumented) {
  GasSettings s;
  EXPECT_TRUE(ValidateSettings(s).ok());
  EXPECT_EQ(s.minimum_age, 16);
  EXPECT_EQ(s.deemed_notification_working_days, 3);
  EXPECT_EQ(s.decision_limit_start, DecisionLimitStart::kDateOfFacts);
  EXPECT_EQ(s.citizen_deadline_weekend_rule, WeekendRule::kShiftToNextWorkingDay);
  EXPECT_EQ(s.decision_limit_weekend_rule, WeekendRule::kNoShift);
  EXPECT_EQ(s.community_service_max_hours_minor, 15);
  EXPECT_EQ(s.community_service_max_hours_adult, 30);
  EXPECT_EQ(s.register_retention_years, 5);
}

TEST(GasSettings, MinimumAgeIsFourteenOrSixteen) {
  for (int age : {14, 16}) {
    GasSettings s;
    s.minimum_age = age;
    EXPECT_TRUE(ValidateSettings(s).ok()) << age;
  }
  for (int age : {0, 12, 15, 17, 18}) {
    GasSettings s;
    s.minimum_age = age;
    Status st = ValidateSettings(s);
    EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << age;
    EXPECT_NE(st.message().find("minimum_age"), std::string::npos);
  }
}

Status With(void (*edit)(GasSettings&)) {
  GasSettings s;
  edit(s);
  return ValidateSettings(s);
}

TEST(GasSettings, RejectsOutOfRangeFields) {
  EXPECT_FALSE(With([](GasSettings& s) { s.deemed_notification_working_days = 0; }).ok());
  EXPECT_TRUE(With([](GasSettings& s) { s.deemed_notification_working_days = 1; }).ok());
  EXPECT_FALSE(With([](GasSettings& s) { s.community_service_max_hours_minor = 16; }).ok());
  EXPECT_TRUE(With([](GasSettings& s) { s.community_service_max_hours_minor = 10; }).ok());
  EXPECT_FALSE(With([](GasSettings& s) { s.community_service_max_hours_minor = 0; }).ok());
  EXPECT_FALSE(With([](GasSettings& s) { s.community_service_max_hours_adult = 0; }).ok());
  EXPECT_FALSE(With([](GasSettings& s) { s.community_service_completion_months = 0; }).ok());
  EXPECT_FALSE(With([](GasSettings& s) { s.overlast_payment_months = 0; }).ok());
  // The register must outlive the 24-month recidivism window.
  EXPECT_FALSE(With([](GasSettings& s) { s.register_retention_years = 1; }).ok());
  EXPECT_TRUE(With([](GasSettings& s) { s.register_retention_years = 2; }).ok());
  EXPECT_FALSE(With([](GasSettings& s) { s.register_retention_years = -5; }).ok());
  EXPECT_FALSE(With([](GasSettings& s) {
                 s.decision_limit_weekend_rule = static_cast<WeekendRule>(7);
               }).ok());
  EXPECT_FALSE(With([](GasSettings& s) {
                 s.decision_limit_start = static_cast<DecisionLimitStart>(-1);
               }).ok());
  EXPECT_TRUE(With([](GasSettings& s) {
                s.decision_limit_start = DecisionLimitStart::kDateOfReceipt;
              }).ok());
}

}  // namespace
}  // namespace hh
