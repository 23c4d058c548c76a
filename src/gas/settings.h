// GAS settings: the rules a city chooses (local policy) and the rules GAS.md marks [UNVERIFIED]
// (general knowledge not confirmed by a source; to be checked by the city's lawyer before
// go-live), each a field with its documented default. The caller owns a GasSettings value and
// passes it by const reference; it is a plain value, safe to share once built.
#pragma once

#include <string>

#include "core/status.h"

namespace hh {

// Whether a term whose last day is a Saturday, Sunday or legal holiday moves to the next
// working day (Gerechtelijk Wetboek art. 52 second paragraph and art. 53).
enum class WeekendRule {
  kShiftToNextWorkingDay,
  kNoShift,
};

// The day the 6-month decision limit of the OVERLAST procedure counts from.
enum class DecisionLimitStart {
  kDateOfFacts,    // Knokke-Heist, desdalex: the day of the finding (GAS.md 1.4.6)
  kDateOfReceipt,  // Maaseik: the day the finding or PV copy reaches the sanctioning officer
};

// The legal choices of GAS.md 1.5: a city applies GAS from 14 or from 16.
inline constexpr int kMinimumAgeLowest = 14;
inline constexpr int kMinimumAgeDefault = 16;

// Community service for minors is capped at 15 hours by law (GAS.md 1.3, geel.be): a city may
// cap it lower, not higher.
inline constexpr int kMinorCommunityServiceLegalMaxHours = 15;

struct GasSettings {
  // Local policy. GAS.md 1.5: "Municipalities choose 14 or 16 as the minimum age"; GAS.md 1.3:
  // the law *lets* a municipality apply GAS from 14 (the 16 that applies unless the council
  // lowers it; Lommel and Ghent keep 16). Default 16. Must be 14 or 16.
  int minimum_age = kMinimumAgeDefault;

  // [UNVERIFIED] GAS.md 1.4.8 and 6.2: a registered letter is deemed received on the 3rd working
  // day after posting (the Ger.W. art. 53bis logic). Default 3; at least 1.
  int deemed_notification_working_days = 3;

  // Legal setting. GAS.md 1.4.6 and 6.2: sources disagree; "default to the earlier one", which
  // is the date of the facts (a finding cannot reach the officer before it happened).
  DecisionLimitStart decision_limit_start = DecisionLimitStart::kDateOfFacts;

  // Legal setting (GAS.md is silent on weekends for every GAS term). Terms the citizen must
  // meet (defence, payment, reminder, new invitation, appeal, driver identification) follow the
  // general rule for procedural terms, Ger.W. art. 52-53: a last day on a Saturday, Sunday or
  // legal holiday moves to the next working day. Default kShiftToNextWorkingDay.
  WeekendRule citizen_deadline_weekend_rule = WeekendRule::kShiftToNextWorkingDay;

  // Legal setting. The 6-month limit binds the administration, and a decision sent late is
  // void; whether it moves off a weekend is not settled by any source in GAS.md, so the
  // conservative default is kNoShift (the limit never ends later than the calendar count).
  WeekendRule decision_limit_weekend_rule = WeekendRule::kNoShift;

  // Law. GAS.md 1.3 and 6.2 (geel.be): community service for minors at most 15 hours. Default
  // 15; 1..15 (a city may offer less).
  int community_service_max_hours_minor = kMinorCommunityServiceLegalMaxHours;

  // [UNVERIFIED] GAS.md 1.3 and 6.2: at most 30 hours for adults. Default 30; at least 1.
  int community_service_max_hours_adult = 30;

  // [UNVERIFIED] GAS.md 1.3: community service must be done within 6 months of the decision.
  // Default 6; at least 1.
  int community_service_completion_months = 6;

  // Local policy. GAS.md 6.2: an OVERLAST fine is payable within 1 month of the notification
  // of the decision ("municipal practice"; 1.4.8 "due within the month"). Default 1; at least 1.
  int overlast_payment_months = 1;

  // [UNVERIFIED] GAS.md 1.6 and 6.7 (art. 44 GAS-wet): the register keeps a decision 5 years and
  // then deletes it. Default 5; must cover the 24-month recidivism window (recidivism.h).
  int register_retention_years = 5;

  // [UNVERIFIED] GAS.md 2.2 asks "whether the 6-month limit also applies" to traffic GAS. The
  // conservative default applies it: a traffic case whose first invitation has not been sent
  // within 6 months of the facts expires rather than risk a void fine. Default true.
  bool traffic_decision_limit = true;

  // Local policy. GAS.md 6.4 and PEERS.md (Ghent, Antwerp): every camera case waits for a
  // person who checks the read against the image. Default true; false sends strong reads
  // straight to the holder lookup (low-confidence reads always wait).
  bool review_camera_cases = true;

  // Local policy. GAS.md 6.4 "warning-only period (first N weeks after a camera goes live)": a
  // read within this many days of its camera's active_from makes a warning case. A camera's
  // own warning_until (cameras.csv) overrides it. Default 0 (no warning period); at least 0.
  int camera_warning_days = 0;

  // Local policy. PEERS.md 1b (the Amsterdam "avalanche"): parking findings of one plate within
  // this many minutes of the first are grouped into one case before any letter. Default 0
  // (off: each finding is its own case); at least 0.
  int parking_grouping_minutes = 0;

  // Local policy. GAS.md 2.4: the countries whose registers the city may query (bilateral
  // agreements with the Netherlands and France; Ghent adds DE and UK). Plates of other
  // countries go to the foreign queue. Comma-separated ISO codes; BE is always queried.
  std::string foreign_agreements = "NL,FR";

  // Privacy (GAS.md 5 and 6.7): how long the keyed hashes of imported camera reads are kept to
  // recognise a repeated read; reads older than this before the newest read the store has
  // seen are refused (too_old). Default 35 days (the camerawet's 1 month plus the
  // regularisation window); 7..366.
  int read_memory_days = 35;

  // --- The city's details for letters and payments (issue 4). Set per city; the defaults are
  // Mechelen's demo values, clearly not a real account until the city sets its own.
  std::string city_name = "Stad Mechelen";
  // The sender block, lines separated by '|'.
  std::string city_sender = "Stad Mechelen|Dienst GAS|Grote Markt 21|2800 Mechelen";
  std::string city_place = "Mechelen";         // "Mechelen, 01/12/2026" above the letter
  std::string city_iban = "BE71096123456769";  // the collection account (a valid demo IBAN)
  std::string city_bic = "GKCCBEBB";
  std::string city_beneficiary = "Stad Mechelen GAS";  // the EPC QR's name (<= 70)
  // Where the EPC QR carries the structured reference (GAS.md 4.2, an open point to test
  // with the four big Belgian banking apps): "unstructured" (field 11 as +++...+++, which
  // every app shows to the payer) or "structured" (field 10, the 12 digits).
  std::string qr_ogm_field = "unstructured";
  // The folder of the letter templates (templates/letters/<language>/<kind>.txt); empty: the
  // templates installed with the program.
  std::string letter_templates_dir;
  // The address window of the city's envelopes, millimetres from the page's top-left corner
  // (see docs/letters.md for the default's source).
  int window_left_mm = 0;  // 0: the letter engine's documented default
  int window_top_mm = 0;
  int window_width_mm = 0;
  int window_height_mm = 0;
};

// OK when every field is within its documented range; otherwise InvalidArgument naming the
// first field that is not, with its value and the allowed range (none of these is personal).
[[nodiscard]] Status ValidateSettings(const GasSettings& settings);

}  // namespace hh
