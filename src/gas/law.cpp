#include "gas/law.h"

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "gas/age.h"
#include "gas/civil_date.h"

namespace hh {
namespace {

// The last day of a rule still in force.
constexpr LocalDate kOpenEnded = LocalDate::FromDays(std::numeric_limits<int32_t>::max());

struct TrafficAmountRow {
  TrafficCategory category;
  LocalDate valid_from;         // first day of facts the row covers
  LocalDate valid_until;        // last day of facts the row covers (inclusive)
  std::optional<Money> amount;  // nullopt: the offence is out of GAS in this period
  std::string_view source;
  bool unverified = false;  // see the row's comment
};

// Traffic-GAS amounts, GAS.md 2.1 and 6.3. No automatic indexation; a change needs a KB
// amendment, which adds rows here (check the KB for later amendments: GAS.md 2.1).
constexpr std::array<TrafficAmountRow, 8> kTrafficAmounts = {{
    // KB 9 maart 2014 (BS 20 juni 2014), applicable from 2014-07-01. Amounts:
    // https://news.belgium.be/nl/gemeentelijke-administratieve-sancties-voor-overtredingen-inzake-stilstaan-en-parkeren
    {TrafficCategory::kCategory1, CivilDate(2014, 7, 1), CivilDate(2018, 8, 31),
     Money::FromEuro(55), "KB 9 maart 2014"},
    {TrafficCategory::kCategory2, CivilDate(2014, 7, 1), CivilDate(2018, 8, 31),
     Money::FromEuro(110), "KB 9 maart 2014"},
    {TrafficCategory::kCategory4, CivilDate(2014, 7, 1), CivilDate(2018, 8, 31),
     Money::FromEuro(330), "KB 9 maart 2014"},
    // Amendment of the KB in force 2018-09-01: category 1 and 2 raised about 5%, category 4
    // (level crossings) removed from GAS.
    // https://news.belgium.be/nl/wijziging-van-gas-boetes-voor-verkeersovertredingen ;
    // https://advocaten-leuven.be/opgepast-hogere-gas-boetes-verkeersovertredingen-vanaf-1-september/
    {TrafficCategory::kCategory1, CivilDate(2018, 9, 1), kOpenEnded, Money::FromEuro(58),
     "KB 9 maart 2014 as amended from 2018-09-01"},
    {TrafficCategory::kCategory2, CivilDate(2018, 9, 1), kOpenEnded, Money::FromEuro(116),
     "KB 9 maart 2014 as amended from 2018-09-01"},
    {TrafficCategory::kCategory4, CivilDate(2018, 9, 1), kOpenEnded, std::nullopt,
     "KB 9 maart 2014 as amended from 2018-09-01 (category 4 removed)"},
    // C3/F103 by automatic devices: in the KB from 2014-07-01 (https://vlex.be/vid/540330182);
    // EUR 58 as billed by Mechelen, Gent, Leuven, Blankenberge (https://www.mechelen.be/autoluw).
    // [UNVERIFIED] The sources are from after 2018; issue 3 and GAS.md give EUR 58 with no
    // earlier amount, so EUR 58 is applied from 2014-07-01. If C3/F103 was a category-1 offence
    // at EUR 55 before 2018-09-01, split this row at that date.
    {TrafficCategory::kCameraC3F103, CivilDate(2014, 7, 1), CivilDate(2018, 8, 31),
     Money::FromEuro(58), "KB 9 maart 2014 (C3/F103 by automatic device)", true},
    {TrafficCategory::kCameraC3F103, CivilDate(2018, 9, 1), kOpenEnded, Money::FromEuro(58),
     "KB 9 maart 2014 as amended from 2018-09-01 (C3/F103 by automatic device)"},
}};

struct OverlastMaximumRow {
  AgeGroup group;
  LocalDate valid_from;
  LocalDate valid_until;  // inclusive
  Money maximum;
  std::string_view source;
};

// OVERLAST maxima, GAS.md 1.3 and 6.2: GAS-wet 24 juni 2013 (BS 1 juli 2013), in force
// 2014-01-01; raised from EUR 250 / 125.
// https://www.politie.be/5368/vragen/gemeentelijke-administratieve-sancties-gas/welke-straf-kan-een-overtreder-krijgen
// ; https://www.malle.be/gas-boetes
constexpr std::array<OverlastMaximumRow, 2> kOverlastMaxima = {{
    {AgeGroup::kAdult, CivilDate(2014, 1, 1), kOpenEnded, Money::FromEuro(350),
     "GAS-wet 24 juni 2013"},
    {AgeGroup::kMinor, CivilDate(2014, 1, 1), kOpenEnded, Money::FromEuro(175),
     "GAS-wet 24 juni 2013"},
}};

// GAS.md 1.4.3 (politie.be, maaseik.be): an oral hearing only when the fine considered is above
// EUR 70; up to EUR 70 the procedure is written.
constexpr Money kHearingThreshold = Money::FromEuro(70);

template <typename Row, typename Key>
const Row* FindRow(const auto& table, Key key, LocalDate facts, Key Row::*field) {
  for (const Row& row : table) {
    if (row.*field == key && row.valid_from <= facts && facts <= row.valid_until) return &row;
  }
  return nullptr;
}

template <typename Row, typename Key>
LocalDate FirstValidFrom(const auto& table, Key key, Key Row::*field) {
  LocalDate first = kOpenEnded;
  for (const Row& row : table) {
    if (row.*field == key && row.valid_from < first) first = row.valid_from;
  }
  return first;
}

}  // namespace

std::string_view TrafficCategoryName(TrafficCategory category) {
  switch (category) {
    case TrafficCategory::kCategory1:
      return "category 1";
    case TrafficCategory::kCategory2:
      return "category 2";
    case TrafficCategory::kCategory4:
      return "category 4";
    case TrafficCategory::kCameraC3F103:
      return "C3/F103 camera";
  }
  return "unknown category";
}

Result<Money> TrafficAmount(TrafficCategory category, LocalDate facts) {
  const TrafficAmountRow* row =
      FindRow<TrafficAmountRow>(kTrafficAmounts, category, facts, &TrafficAmountRow::category);
  const std::string what = "traffic GAS " + std::string(TrafficCategoryName(category)) +
                           " for facts on " + facts.ToIsoString();
  if (row == nullptr) {
    const LocalDate first =
        FirstValidFrom<TrafficAmountRow>(kTrafficAmounts, category, &TrafficAmountRow::category);
    return NotFound("no amount for " + what + ": traffic GAS applies to facts from " +
                    first.ToIsoString() + " (KB 9 maart 2014)");
  }
  if (!row->amount) {
    return FailedPrecondition("no amount for " + what + ": the offence is not a GAS offence " +
                              "from " + row->valid_from.ToIsoString() + " (" +
                              std::string(row->source) + ")");
  }
  return *row->amount;
}

Result<Money> OverlastMaximum(AgeGroup group, LocalDate facts) {
  const OverlastMaximumRow* row =
      FindRow<OverlastMaximumRow>(kOverlastMaxima, group, facts, &OverlastMaximumRow::group);
  if (row == nullptr) {
    const LocalDate first =
        FirstValidFrom<OverlastMaximumRow>(kOverlastMaxima, group, &OverlastMaximumRow::group);
    return NotFound("no OVERLAST maximum for facts on " + facts.ToIsoString() +
                    ": the GAS-wet of 24 juni 2013 applies to facts from " + first.ToIsoString());
  }
  return row->maximum;
}

Result<Money> OverlastMaximumFor(LocalDate birth, LocalDate facts, const GasSettings& settings) {
  Result<AgeAtFacts> age = AgeOnDateOfFacts(birth, facts, settings);
  if (!age.ok()) return age.status();
  if (age->below_minimum_age) {
    return FailedPrecondition("the offender was below the municipal minimum age of " +
                              std::to_string(settings.minimum_age) +
                              " on the date of the facts: GAS does not apply");
  }
  return OverlastMaximum(age->minor ? AgeGroup::kMinor : AgeGroup::kAdult, facts);
}

bool MayRequestHearing(Money fine_considered) { return fine_considered > kHearingThreshold; }

std::vector<LawAmountRow> LawAmountTable() {
  std::vector<LawAmountRow> out;
  out.reserve(kTrafficAmounts.size() + kOverlastMaxima.size());
  auto until = [](LocalDate d) {
    return d == kOpenEnded ? std::optional<LocalDate>() : std::optional<LocalDate>(d);
  };
  for (const TrafficAmountRow& r : kTrafficAmounts) {
    out.push_back({"traffic", TrafficCategoryName(r.category), r.valid_from, until(r.valid_until),
                   r.amount, r.source, r.unverified});
  }
  for (const OverlastMaximumRow& r : kOverlastMaxima) {
    out.push_back({"overlast", r.group == AgeGroup::kAdult ? "adult" : "minor", r.valid_from,
                   until(r.valid_until), r.maximum, r.source, false});
  }
  return out;
}

}  // namespace hh
