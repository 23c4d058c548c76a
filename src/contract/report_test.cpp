// Indicator keys and their resolution after a re-import (tracking.h), and the year's report
// (report.h) over a hand-made contract and a registry of fixed counts: statuses from bindings
// and evidence, lost bindings as warnings, thresholds per quarter as yearly minimums, the
// budget total, answered and open uncertain items.
#include "contract/report.h"

#include <gtest/gtest.h>

namespace hh {
namespace {

ContractText T(const std::string& s) { return {s, s, 1}; }

Indicator Ind(const std::string& text, IndicatorKind kind,
              std::optional<Threshold> t = std::nullopt) {
  return {T(text), kind, t};
}

Contract Sample() {
  Contract c;
  LocalDate from;
  LocalDate to;
  EXPECT_TRUE(LocalDate::FromYmd(2020, 1, 1, &from) && LocalDate::FromYmd(2021, 12, 31, &to));
  c.period_from = from;
  c.period_to = to;
  c.rubrics = {{"I", T("Toelage"), Money::FromEuro(1000), {}},
               {"II", T("Bijkomend"), Money::FromEuro(500), {}}};
  StrategicObjective a;
  a.number = 2;
  a.title = T("Overlast");
  a.indicators = {
      Ind("Jaarlijks minstens 6 vergaderingen", IndicatorKind::kThreshold, Threshold{6, "year"}),
      Ind("Bestaan van een plan", IndicatorKind::kExistence),
      Ind("Per kwartaal minstens 1 avond", IndicatorKind::kThreshold, Threshold{1, "quarter"})};
  StrategicObjective b;
  b.number = 1;
  b.title = T("Fietsen");
  b.indicators = {Ind("Aantal gegraveerde fietsen", IndicatorKind::kCount)};
  c.objectives = {{"I", std::nullopt, T("Veilig"), {a}}, {"II", 3, T(""), {b}}};
  c.uncertain = {{"rubric heading missing", 10, "x", "II"},
                 {"threshold", 12, "y", "min 1"},
                 {"abstainer's name has OCR noise", 3, "Jan Janssens", ""}};
  c.warnings = {"a warning of the import"};
  return c;
}

TEST(IndicatorKeyTest, RubricSectorObjectivePosition) {
  const Contract c = Sample();
  std::vector<IndicatorRef> all = ListIndicators(c);
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].key, "I.2.1");
  EXPECT_EQ(all[2].key, "I.2.3");
  EXPECT_EQ(all[3].key, "II.3.1.1");
  EXPECT_FALSE(FindIndicator(c, "I.2.4").has_value());
}

TEST(IndicatorKeyTest, TheTextFollowsAMoveAndRefusesAnotherIndicator) {
  Contract c = Sample();
  EXPECT_EQ(ResolveKeyed(c, "I.2.1", "Jaarlijks minstens 6 vergaderingen")->key, "I.2.1");
  // The first two swap places: the text is found at I.2.2.
  std::swap(c.objectives[0].strategic[0].indicators[0], c.objectives[0].strategic[0].indicators[1]);
  EXPECT_EQ(ResolveKeyed(c, "I.2.1", "Jaarlijks minstens 6 vergaderingen")->key, "I.2.2");
  // Gone from its objective: lost, though I.2.1 still exists.
  EXPECT_FALSE(ResolveKeyed(c, "I.2.1", "Iets anders").has_value());
  // The same text twice: no way to tell which.
  c.objectives[0].strategic[0].indicators[2].text = T("Jaarlijks minstens 6 vergaderingen");
  EXPECT_FALSE(ResolveKeyed(c, "I.2.1", "Jaarlijks minstens 6 vergaderingen").has_value());
}

TEST(ContractReportTest, StatusesBudgetAndOpenItems) {
  const Contract c = Sample();
  MeasureRegistry reg;
  ASSERT_TRUE(reg.Register({"t.four", "vier", "quatre"}, [](Period) { return int64_t{4}; }).ok());
  ASSERT_TRUE(reg.Register({"t.two", "twee", "deux"}, [](Period) { return int64_t{2}; }).ok());
  ReportInputs in;
  in.contract = &c;
  const Instant at = Instant::FromUnix(1'600'000'000);
  in.bindings = {{"I.2.1", "Jaarlijks minstens 6 vergaderingen", "t.four", at, "olga"},
                 {"I.2.3", "Per kwartaal minstens 1 avond", "t.two", at, "olga"},
                 {"II.3.1.1", "Aantal gegraveerde fietsen", "t.two", at, "olga"},
                 {"I.2.9", "Verdwenen indicator", "t.two", at, "olga"}};
  IndicatorEvidence e;
  e.key = "I.2.2";
  e.text = "Bestaan van een plan";
  e.year = 2021;
  e.note = "Plan goedgekeurd";
  in.evidence = {e};
  in.resolutions = {{"threshold", "y", false, "min 1 per jaar", at, "olga"}};
  LocalDate day;
  ASSERT_TRUE(LocalDate::FromYmd(2021, 3, 1, &day));
  in.spending = {{day, "I", "wachten", Money::FromEuro(1200), "", "", 2},
                 {day, "II", "pennen", Money::FromEuro(100), "", "", 3}};
  LocalDate today;
  ASSERT_TRUE(LocalDate::FromYmd(2021, 7, 2, &today));  // day 183 of 365
  auto r = BuildContractReport(in, reg, 2021, today);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->rubrics.size(), 2u);
  const auto& ind = r->rubrics[0].groups[0].objectives[0].indicators;
  // 4 of 6 by day 183: ahead of 6 x 183 / 365 = 3.0, on track.
  EXPECT_EQ(ind[0].value, 4);
  EXPECT_EQ(ind[0].status, IndicatorStatus::kOnTrack);
  EXPECT_EQ(ind[0].measure_label, "vier");
  EXPECT_EQ(ind[1].status, IndicatorStatus::kMet);  // evidence
  ASSERT_EQ(ind[1].evidence.size(), 1u);
  // 1 a quarter is 4 a year; 2 by day 183 is behind 4 x 183 / 365 = 2.005: at risk.
  EXPECT_EQ(ind[2].target_per_year, 4);
  EXPECT_EQ(ind[2].status, IndicatorStatus::kAtRisk);
  EXPECT_EQ(r->rubrics[1].groups[0].objectives[0].indicators[0].status, IndicatorStatus::kMet);
  EXPECT_EQ(r->counts[static_cast<int>(IndicatorStatus::kMet)], 2);
  // The lost binding is a warning after the import's own.
  ASSERT_EQ(r->warnings.size(), 2u);
  EXPECT_EQ(r->warnings[0], "a warning of the import");
  EXPECT_NE(r->warnings[1].find("binding of indicator I.2.9 to t.two"), std::string::npos);
  // Budget: I 1000 - 1200 over, II 500 - 100 under; total 1500 - 1300.
  ASSERT_EQ(r->budget.size(), 2u);
  EXPECT_TRUE(r->budget[0].overspent);
  EXPECT_STREQ(BudgetStatusName(r->budget[1]), "under");
  EXPECT_EQ(r->budget_total.remaining, Money::FromEuro(200));
  // One item answered, one open.
  EXPECT_EQ(r->open_uncertain, 2);
  ASSERT_EQ(r->uncertain.size(), 3u);
  EXPECT_EQ(r->uncertain[0].item.what, "rubric heading missing");
  EXPECT_FALSE(r->uncertain[0].answer.has_value());
  ASSERT_TRUE(r->uncertain[1].answer.has_value());
  EXPECT_EQ(r->uncertain[1].answer->value, "min 1 per jaar");
  // A councillor's name is withheld.
  EXPECT_TRUE(r->uncertain[2].withheld);
  EXPECT_EQ(r->uncertain[2].item.original, "");
  EXPECT_EQ(r->uncertain[2].number, 3);

  // The year after the contract's end: the same bindings; a year not begun is no data.
  auto next = BuildContractReport(in, reg, 2022, today);
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->counts[static_cast<int>(IndicatorStatus::kNoData)], 4);
  EXPECT_FALSE(BuildContractReport(in, reg, 12, today).ok());
}

}  // namespace
}  // namespace hh
