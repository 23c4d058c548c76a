#include "gas/settings.h"

#include <string>
#include <string_view>

#include "gas/civil_date.h"
#include "gas/recidivism.h"

namespace hh {
namespace {

Status OutOfRange(std::string_view field, int value, std::string_view allowed) {
  return InvalidArgument("gas settings: " + std::string(field) + " is " + std::to_string(value) +
                         "; " + std::string(allowed));
}

bool IsKnown(WeekendRule r) {
  return r == WeekendRule::kShiftToNextWorkingDay || r == WeekendRule::kNoShift;
}

bool IsKnown(DecisionLimitStart s) {
  return s == DecisionLimitStart::kDateOfFacts || s == DecisionLimitStart::kDateOfReceipt;
}

}  // namespace

Status ValidateSettings(const GasSettings& s) {
  if (s.minimum_age != kMinimumAgeLowest && s.minimum_age != kMinimumAgeDefault) {
    return OutOfRange("minimum_age", s.minimum_age, "must be 14 or 16 (GAS.md 1.5)");
  }
  if (s.deemed_notification_working_days < 1) {
    return OutOfRange("deemed_notification_working_days", s.deemed_notification_working_days,
                      "must be at least 1");
  }
  if (!IsKnown(s.decision_limit_start)) {
    return OutOfRange("decision_limit_start", static_cast<int>(s.decision_limit_start),
                      "must be date of facts or date of receipt");
  }
  if (!IsKnown(s.citizen_deadline_weekend_rule)) {
    return OutOfRange("citizen_deadline_weekend_rule",
                      static_cast<int>(s.citizen_deadline_weekend_rule),
                      "must be shift to next working day or no shift");
  }
  if (!IsKnown(s.decision_limit_weekend_rule)) {
    return OutOfRange("decision_limit_weekend_rule",
                      static_cast<int>(s.decision_limit_weekend_rule),
                      "must be shift to next working day or no shift");
  }
  if (s.community_service_max_hours_minor < 1 ||
      s.community_service_max_hours_minor > kMinorCommunityServiceLegalMaxHours) {
    return OutOfRange("community_service_max_hours_minor", s.community_service_max_hours_minor,
                      "must be 1..15 (the legal cap for minors, GAS.md 1.3)");
  }
  if (s.qr_ogm_field != "unstructured" && s.qr_ogm_field != "structured") {
    return InvalidArgument("setting qr_ogm_field: \"" + s.qr_ogm_field +
                           "\" must be unstructured or structured");
  }
  for (int mm : {s.window_left_mm, s.window_top_mm, s.window_width_mm, s.window_height_mm}) {
    if (mm < 0 || mm > 297) {
      return OutOfRange("window position", mm, "must be 0..297 millimetres (0: the default)");
    }
  }
  if (s.city_beneficiary.empty() || s.city_beneficiary.size() > 70) {
    return InvalidArgument("setting city_beneficiary must be 1..70 characters (EPC QR name)");
  }
  if (s.community_service_max_hours_adult < 1) {
    return OutOfRange("community_service_max_hours_adult", s.community_service_max_hours_adult,
                      "must be at least 1");
  }
  if (s.community_service_completion_months < 1) {
    return OutOfRange("community_service_completion_months", s.community_service_completion_months,
                      "must be at least 1");
  }
  if (s.overlast_payment_months < 1) {
    return OutOfRange("overlast_payment_months", s.overlast_payment_months, "must be at least 1");
  }
  // The register is what the recidivism check reads: it must keep decisions at least as long
  // as the recidivism window looks back.
  constexpr int kMinRetentionYears =
      (kRecidivismWindowMonths + kMonthsPerYear - 1) / kMonthsPerYear;
  if (s.register_retention_years < kMinRetentionYears) {
    return OutOfRange("register_retention_years", s.register_retention_years,
                      "must cover the 24-month recidivism window (at least 2)");
  }
  if (s.camera_warning_days < 0) {
    return OutOfRange("camera_warning_days", s.camera_warning_days, "must be at least 0");
  }
  if (s.parking_grouping_minutes < 0) {
    return OutOfRange("parking_grouping_minutes", s.parking_grouping_minutes, "must be at least 0");
  }
  if (s.read_memory_days < 7 || s.read_memory_days > 366) {
    return OutOfRange("read_memory_days", s.read_memory_days, "must be 7..366");
  }
  return Status::Ok();
}

}  // namespace hh
