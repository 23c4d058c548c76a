// Amendments of the contract (amend.h): every kind of path over a hand-made contract, bad values
// named by path, kind and threshold kept consistent, text amendments keeping the OCR's reading,
// the order of application, and amendments whose part a re-import removed (warnings, applied
// nowhere else).
#include "contract/amend.h"

#include <gtest/gtest.h>

#include "contract/tracking.h"

namespace hh {
namespace {

ContractText T(const std::string& s, const std::string& original = "") {
  return {s, original.empty() ? s : original, 7};
}

LocalDate Day(int y, int m, int d) {
  LocalDate out;
  EXPECT_TRUE(LocalDate::FromYmd(y, m, d, &out));
  return out;
}

Contract Sample() {
  Contract c;
  c.period_from = Day(2018, 1, 1);
  c.period_to = Day(2019, 12, 31);
  c.decision.date = Day(2018, 6, 25);
  c.decision.votes_for = 32;
  c.decision.abstentions = 5;
  c.parties = {{"enerzijds", T("De Staat")}, {"anderzijds", T("De stad")}};
  c.rubrics = {{"I", T("Toelage"), Money::FromEuro(1000), {}},
               {"II",
                T("Bijkomende toelage", "Bijkomende toeiage"),
                Money::FromCents(26817273),
                {{2018, Money::FromCents(26817273)}, {2019, Money::FromCents(26817273)}}}};
  StrategicObjective a;
  a.number = 2;
  a.title = T("Overlast");
  a.operational = {T("Een"), T("Twee")};
  a.expected_results = {T("Resultaat")};
  a.indicators = {
      {T("Jaarlijks minstens 6 vergaderingen"), IndicatorKind::kThreshold, Threshold{6, "year"}},
      {T("Bestaan van een plan"), IndicatorKind::kExistence, std::nullopt}};
  StrategicObjective b;
  b.number = 4;
  b.title = T("Fietsen");
  b.operational = {T("Graveren")};
  b.expected_results = {T("Minder diefstal"), T("Meer aangiftes")};
  b.indicators = {{T("Aantal gegraveerde fietsen"), IndicatorKind::kCount, std::nullopt},
                  {T("Aantal acties", "Aantal actles"), IndicatorKind::kCount, std::nullopt}};
  c.objectives = {{"I", std::nullopt, T("Veilig"), {a}}, {"II", 1, T(""), {b}}};
  c.procedure = {{T("Ondertekening"), Day(2018, 9, 1)}, {T("Evaluatie"), std::nullopt}};
  c.warnings = {"a warning of the import"};
  return c;
}

Contract Amended(const std::string& path, const std::string& value) {
  Contract c = Sample();
  Status s = ApplyAmendment(c, path, value);
  EXPECT_TRUE(s.ok()) << path << ": " << s.message();
  return c;
}

TEST(AmendTest, DatesAndVotes) {
  EXPECT_EQ(Amended("period.from", "2018-02-01").period_from, Day(2018, 2, 1));
  EXPECT_EQ(Amended("period.to", " 2020-12-31 ").period_to, Day(2020, 12, 31));
  EXPECT_EQ(Amended("decision.date", "2018-06-26").decision.date, Day(2018, 6, 26));
  EXPECT_EQ(Amended("decision.votes_for", "31").decision.votes_for, 31);
  EXPECT_EQ(Amended("decision.votes_against", "1").decision.votes_against, 1);
  EXPECT_EQ(Amended("decision.abstentions", "0").decision.abstentions, 0);
}

TEST(AmendTest, TextsKeepTheOriginalBesideThem) {
  Contract c = Amended("rubric.II.title", "  Bijkomende toelage II ");
  EXPECT_EQ(c.rubrics[1].title.text, "Bijkomende toelage II");
  EXPECT_EQ(c.rubrics[1].title.original, "Bijkomende toeiage");
  EXPECT_EQ(c.rubrics[1].title.line, 7);
  EXPECT_EQ(Amended("party.2.name", "Stad Gent").parties[1].name.text, "Stad Gent");
  EXPECT_EQ(Amended("party.2.name", "Stad Gent").parties[1].name.original, "De stad");
  EXPECT_EQ(Amended("objective.I.general", "Veiliger").objectives[0].general.text, "Veiliger");
  EXPECT_EQ(Amended("objective.II.1.general", "Mobiel").objectives[1].general.text, "Mobiel");
  EXPECT_EQ(Amended("objective.II.1.general", "").objectives[1].general.text, "");
  EXPECT_EQ(Amended("objective.I.2.title", "Minder overlast").objectives[0].strategic[0].title.text,
            "Minder overlast");
  EXPECT_EQ(Amended("objective.II.1.4.title", "Fiets").objectives[1].strategic[0].title.text,
            "Fiets");
  EXPECT_EQ(
      Amended("objective.I.2.operational.2", "Drie").objectives[0].strategic[0].operational[1],
      (ContractText{"Drie", "Twee", 7}));
  EXPECT_EQ(Amended("objective.II.1.4.expected.2", "Aangiftes")
                .objectives[1]
                .strategic[0]
                .expected_results[1]
                .text,
            "Aangiftes");
  Contract i = Amended("indicator.II.1.4.2.text", "Aantal acties per jaar");
  EXPECT_EQ(i.objectives[1].strategic[0].indicators[1].text.text, "Aantal acties per jaar");
  EXPECT_EQ(i.objectives[1].strategic[0].indicators[1].text.original, "Aantal actles");
  EXPECT_EQ(Amended("procedure.2.step", "Eindevaluatie").procedure[1].step.text, "Eindevaluatie");
}

TEST(AmendTest, AmountsBelgianOrPlainAndTheWorkingYearsFollow) {
  for (const char* v :
       {"268172.74", "268.172,74", "€ 268.172,74", "268.172,74,- euro", "268172,74"}) {
    Contract c = Amended("rubric.II.annual_amount", v);
    EXPECT_EQ(c.rubrics[1].annual_amount, Money::FromCents(26817274)) << v;
    ASSERT_EQ(c.rubrics[1].years.size(), 2u);
    EXPECT_EQ(c.rubrics[1].years[1].amount, Money::FromCents(26817274)) << v;
  }
  EXPECT_EQ(Amended("rubric.I.annual_amount", "1.118.172").rubrics[0].annual_amount,
            Money::FromEuro(1118172));
  EXPECT_EQ(Amended("rubric.I.annual_amount", "60000").rubrics[0].annual_amount,
            Money::FromEuro(60000));
}

TEST(AmendTest, KindAndThresholdStayConsistent) {
  Contract c = Amended("indicator.II.1.4.1.threshold", "4/quarter");
  const Indicator& made = c.objectives[1].strategic[0].indicators[0];
  EXPECT_EQ(made.kind, IndicatorKind::kThreshold);
  EXPECT_EQ(made.threshold, (Threshold{4, "quarter"}));

  c = Amended("indicator.I.2.1.threshold", "none");
  EXPECT_EQ(c.objectives[0].strategic[0].indicators[0].kind, IndicatorKind::kCount);
  EXPECT_FALSE(c.objectives[0].strategic[0].indicators[0].threshold.has_value());

  c = Amended("indicator.I.2.1.kind", "existence");
  EXPECT_EQ(c.objectives[0].strategic[0].indicators[0].kind, IndicatorKind::kExistence);
  EXPECT_FALSE(c.objectives[0].strategic[0].indicators[0].threshold.has_value());

  // Threshold without a threshold: refused, and the contract is unchanged.
  c = Sample();
  Status s = ApplyAmendment(c, "indicator.II.1.4.1.kind", "threshold");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("indicator.II.1.4.1.threshold"), std::string::npos) << s.message();
  EXPECT_EQ(c, Sample());
  // Threshold kept when the kind is set to threshold again.
  c = Amended("indicator.I.2.1.kind", "threshold");
  EXPECT_EQ(c.objectives[0].strategic[0].indicators[0].threshold, (Threshold{6, "year"}));
}

TEST(AmendTest, ProcedureDeadlineOrNone) {
  EXPECT_EQ(Amended("procedure.2.deadline", "2019-03-31").procedure[1].deadline, Day(2019, 3, 31));
  EXPECT_FALSE(Amended("procedure.1.deadline", "none").procedure[0].deadline.has_value());
}

TEST(AmendTest, BadValuesNameThePathAndTheField) {
  struct Bad {
    const char* path;
    const char* value;
    const char* says;
  };
  for (const Bad& b : std::vector<Bad>{
           {"period.from", "01/02/2018", "not a date"},
           {"period.from", "2020-01-01", "start after its end"},
           {"period.to", "none", "not a date"},
           {"decision.votes_for", "-1", "whole number"},
           {"decision.votes_for", "twee", "whole number"},
           {"rubric.II.title", "  ", "empty"},
           {"rubric.II.annual_amount", "veel", "not an amount"},
           {"rubric.II.annual_amount", "-5", "not an amount"},
           {"rubric.II.annual_amount", "1.2.3", "not an amount"},
           {"indicator.I.2.1.kind", "drempel", "existence, count or threshold"},
           {"indicator.I.2.1.threshold", "6", "6/year"},
           {"indicator.I.2.1.threshold", "6/week", "6/year"},
           {"indicator.I.2.1.threshold", "0/year", "6/year"},
           {"procedure.1.deadline", "soon", "not a date"},
       }) {
    Contract c = Sample();
    Status s = ApplyAmendment(c, b.path, b.value);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << b.path << " " << b.value;
    EXPECT_NE(s.message().find(b.path), std::string::npos) << s.message();
    EXPECT_NE(s.message().find(b.says), std::string::npos) << s.message();
    EXPECT_EQ(c, Sample()) << b.path;
  }
}

TEST(AmendTest, PathsOfNoFormAndPartsThatAreNotThere) {
  for (const char* p : {"", "period", "period.start", "decision.votes", "rubric.II.name",
                        "objective.II.1.4", "objective.II.1.4.operational", "objective.2.title",
                        "indicator.II.1.4.2.colour", "procedure.x.step", "warnings.1"}) {
    Contract c = Sample();
    EXPECT_EQ(ApplyAmendment(c, p, "x").code(), StatusCode::kInvalidArgument) << p;
  }
  // II.1.4 is indicator 4 of objective 1 of rubric II without sector: there is no such group.
  for (const char* p :
       {"rubric.III.title", "objective.II.2.general", "indicator.II.1.4.text",
        "objective.II.1.5.title", "objective.I.2.operational.3", "objective.I.2.operational.0",
        "indicator.II.1.4.3.text", "indicator.I.3.1.kind", "procedure.3.step", "party.3.name"}) {
    Contract c = Sample();
    Status s = ApplyAmendment(c, p, "x");
    EXPECT_EQ(s.code(), StatusCode::kNotFound) << p << ": " << s.message();
    EXPECT_NE(s.message().find(p), std::string::npos) << s.message();
  }
}

TEST(AmendTest, PartValuesAndTheListOfParts) {
  const Contract c = Sample();
  EXPECT_EQ(*PartValue(c, "period.from"), "2018-01-01");
  EXPECT_EQ(*PartValue(c, "rubric.II.annual_amount"), "268172.73");
  EXPECT_EQ(*PartValue(c, "indicator.I.2.1.threshold"), "6/year");
  EXPECT_EQ(*PartValue(c, "indicator.I.2.2.threshold"), "none");
  EXPECT_EQ(*PartValue(c, "indicator.I.2.2.kind"), "existence");
  EXPECT_EQ(*PartValue(c, "procedure.2.deadline"), "none");
  EXPECT_EQ(PartValue(c, "rubric.IV.title").status().code(), StatusCode::kNotFound);

  std::vector<AmendablePart> parts = AmendableParts(c);
  // 6 of period and decision, 2 parties, 2 x 2 of rubrics, 2 generals, 2 titles, 3 operational,
  // 3 expected, 4 indicators x 3, 2 steps x 2.
  EXPECT_EQ(parts.size(), 6u + 2 + 4 + 2 + 2 + 3 + 3 + 12 + 4);
  for (const AmendablePart& p : parts) {
    Contract copy = c;
    // Every listed path resolves, and amending it with its own value changes nothing of the
    // values (a text's original stays).
    Result<std::string> v = PartValue(c, p.path);
    ASSERT_TRUE(v.ok()) << p.path;
    EXPECT_EQ(*v, p.value) << p.path;
    if (p.path == "objective.II.1.general") continue;  // empty: stays empty
    EXPECT_TRUE(ApplyAmendment(copy, p.path, p.value).ok()) << p.path;
    EXPECT_EQ(copy, c) << p.path;
  }
  EXPECT_EQ(parts[10].path, "rubric.II.title");
  EXPECT_EQ(parts[10].original, "Bijkomende toeiage");
}

TEST(AmendTest, AppliedInTheOrderMadeAndVanishedPathsReported) {
  const Contract imported = Sample();
  Instant t0 = *Instant::Parse("2024-01-01T10:00:00Z");
  Instant t1 = *Instant::Parse("2024-01-01T11:00:00Z");
  std::vector<Amendment> all = {
      // Made later: the kind drops the threshold set before it.
      {"indicator.II.1.4.1.kind", "count", t1, "sa.peeters", "count"},
      {"indicator.II.1.4.1.threshold", "6/year", t0, "sa.peeters", "none"},
      {"objective.II.1.4.title", "Fietsdiefstal", t0, "sa.peeters", "Fietsen"},
      // Its objective group was dropped by a re-import: reported, applied nowhere.
      {"objective.III.2.title", "Weg", t0, "sa.peeters", "Iets"},
      {"rubric.II.annual_amount", "veel", t0, "sa.peeters", "1.00"},
  };
  AmendedContract a = ApplyAmendments(imported, all);
  const Indicator& ind = a.contract.objectives[1].strategic[0].indicators[0];
  EXPECT_EQ(ind.kind, IndicatorKind::kCount);
  EXPECT_FALSE(ind.threshold.has_value());
  EXPECT_EQ(a.contract.objectives[1].strategic[0].title.text, "Fietsdiefstal");
  ASSERT_EQ(a.warnings.size(), 2u);
  EXPECT_NE(a.warnings[0].find("objective.III.2.title"), std::string::npos) << a.warnings[0];
  EXPECT_NE(a.warnings[0].find("not in the contract"), std::string::npos) << a.warnings[0];
  EXPECT_NE(a.warnings[1].find("rubric.II.annual_amount"), std::string::npos) << a.warnings[1];
  ASSERT_EQ(a.contract.warnings.size(), 3u);
  EXPECT_EQ(a.contract.warnings[0], "a warning of the import");
  EXPECT_EQ(a.contract.warnings[1], a.warnings[0]);
  // Nothing else changed: everything but the title, indicator and warnings is as imported.
  Contract expected = imported;
  expected.objectives[1].strategic[0].title.text = "Fietsdiefstal";
  expected.warnings = a.contract.warnings;
  EXPECT_EQ(a.contract, expected);

  // The other order: the threshold, made later, wins.
  std::swap(all[0].at, all[1].at);
  a = ApplyAmendments(imported, all);
  EXPECT_EQ(a.contract.objectives[1].strategic[0].indicators[0].threshold, (Threshold{6, "year"}));
}

TEST(AmendTest, AnAmendedIndicatorTextKeepsItsKey) {
  Contract c = Amended("indicator.II.1.4.2.text", "Aantal acties per jaar");
  // The key follows the position, not the text; a binding that carries the new text resolves.
  EXPECT_EQ(ResolveKeyed(c, "II.1.4.2", "Aantal acties per jaar")->key, "II.1.4.2");
  EXPECT_EQ(*IndicatorKeyOfTextPath("indicator.II.1.4.2.text"), "II.1.4.2");
  EXPECT_FALSE(IndicatorKeyOfTextPath("indicator.II.1.4.2.kind").has_value());
  EXPECT_FALSE(IndicatorKeyOfTextPath("rubric.II.title").has_value());
}

// The decision's stated totals are checked again against the amended rubric amounts: a total
// that the amendment makes right loses its warning, one it makes wrong gains one, and a
// malformed one's warning names the new sum, each in the import's warning's place.
TEST(AmendTest, StatedTotalsAreCheckedAgainstTheAmendedRubricAmounts) {
  Contract imported = Sample();  // rubrics I EUR 1.000,00 and II EUR 268.172,73
  imported.totals = {{12, Money::FromCents(26917273), "269.172,73", true}};
  ASSERT_TRUE(TotalWarnings(imported).empty());
  Instant t0 = *Instant::Parse("2024-01-01T10:00:00Z");
  AmendedContract a =
      ApplyAmendments(imported, {{"rubric.I.annual_amount", "2000.00", t0, "sa.peeters", ""}});
  ASSERT_EQ(a.contract.warnings.size(), 2u);
  EXPECT_EQ(a.contract.warnings[0], "a warning of the import");
  EXPECT_EQ(a.contract.warnings[1],
            "line 12: the yearly total € 269.172,73 is not the sum of the rubrics, € 270.172,73");
  EXPECT_TRUE(a.warnings.empty());  // not an amendment that failed

  // Wrong as imported, right once amended: the warning goes, the others keep their order.
  imported.totals = {{12, Money::FromCents(27017273), "270.172,73", true}};
  const std::vector<std::string> before = TotalWarnings(imported);
  ASSERT_EQ(before.size(), 1u);
  imported.warnings = {"first", before[0], "last"};
  a = ApplyAmendments(imported, {{"rubric.I.annual_amount", "2000.00", t0, "sa.peeters", ""}});
  EXPECT_EQ(a.contract.warnings, (std::vector<std::string>{"first", "last"}));

  // Malformed: still a warning, with the amended sum, in the same place.
  imported.totals = {{12, Money::FromCents(111817000), "1.118.17,00,-", false}};
  imported.warnings = {"first", TotalWarnings(imported)[0], "last"};
  a = ApplyAmendments(imported, {{"rubric.I.annual_amount", "2000.00", t0, "sa.peeters", ""}});
  ASSERT_EQ(a.contract.warnings.size(), 3u);
  EXPECT_EQ(a.contract.warnings[1],
            "line 12: the yearly total is written \"1.118.17,00,-\", which is not a well-formed "
            "amount (read as € 1.118.170,00), and is not the sum of the rubrics, € 270.172,73");
  EXPECT_EQ(a.contract.warnings[2], "last");

  // No amendment of an amount: the warnings stay exactly as imported.
  a = ApplyAmendments(imported,
                      {{"objective.II.1.4.title", "Fietsdiefstal", t0, "sa.peeters", ""}});
  EXPECT_EQ(a.contract.warnings, imported.warnings);
}

}  // namespace
}  // namespace hh
