// The budget CSV (issue 6, part 5): good rows read, every bad row named by file, line and
// field with nothing taken, and the year's table against the rubrics' amounts.
#include "contract/budget.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hh {
namespace {

LocalDate D(const char* iso) { return *LocalDate::Parse(iso); }

// Two rubrics, yearly amounts for 2018 and 2019.
Contract TwoRubrics() {
  Contract c;
  c.period_from = D("2018-01-01");
  c.period_to = D("2019-12-31");
  c.rubrics = {{"I",
                {"Toelage", "Toelage", 1},
                Money::FromEuro(1000),
                {{2018, Money::FromEuro(1000)}, {2019, Money::FromEuro(1000)}}},
               {"II", {"Hulp", "Hulp", 2}, Money::FromEuro(300), {}}};
  return c;
}

TEST(BudgetCsvTest, ReadsGoodRows) {
  auto rows = ReadBudgetCsv(
      "date,rubric,description,amount,supplier,document\n"
      "2019-03-01,I,Loon stafmedewerker maart,900.00,Stad,BK-2019-001\n"
      "2019-04-02, II ,\"Brochure, druk\",\"120,50\",Drukkerij,F-77\n"
      "2019-05-01,I,Creditnota,-50.00,,\n",
      "budget.csv", TwoRubrics());
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].date, D("2019-03-01"));
  EXPECT_EQ((*rows)[0].amount, Money::FromEuro(900));
  EXPECT_EQ((*rows)[0].document, "BK-2019-001");
  EXPECT_EQ((*rows)[1].rubric, "II");
  EXPECT_EQ((*rows)[1].description, "Brochure, druk");
  EXPECT_EQ((*rows)[1].amount, Money::FromCents(12050));
  EXPECT_EQ((*rows)[1].line, 3);
  EXPECT_EQ((*rows)[2].amount, Money::FromEuro(-50));
  EXPECT_TRUE((*rows)[2].supplier.empty());
}

// What Belgian Excel saves: ';' between fields, decimal commas, dates dd/mm/jjjj.
TEST(BudgetCsvTest, SemicolonsAndBelgianDatesAsExcelSavesThem) {
  auto rows = ReadBudgetCsv(
      "date;rubric;description;amount;supplier;document\r\n"
      "01/03/2019;I;Loon stafmedewerker, maart;900,00;Stad;BK-2019-001\r\n"
      "2/4/2019;II;\"Brochure; druk\";120,50;Drukkerij;F-77\r\n"
      "15/04/2019;I;Camera's;€ 1.234,56;Leverancier;F-78\r\n",
      "budget.csv", TwoRubrics());
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[2].amount, Money::FromCents(123456));  // thousands dot, euro sign
  EXPECT_EQ((*rows)[0].date, D("2019-03-01"));
  EXPECT_EQ((*rows)[0].description, "Loon stafmedewerker, maart");
  EXPECT_EQ((*rows)[0].amount, Money::FromEuro(900));
  EXPECT_EQ((*rows)[1].date, D("2019-04-02"));
  EXPECT_EQ((*rows)[1].description, "Brochure; druk");
  EXPECT_EQ((*rows)[1].amount, Money::FromCents(12050));
  // Bad Belgian dates are named like the others.
  auto bad = ReadBudgetCsv(
      "date;rubric;description;amount;supplier;document\n"
      "31/02/2019;I;Geen dag;10,00;A;B\n"
      "03/2019;I;Geen dag;10,00;A;B\n"
      "1/3/19;I;Kort jaar;10,00;A;B\n",
      "budget.csv", TwoRubrics());
  ASSERT_FALSE(bad.ok());
  const std::string& m = bad.status().message();
  EXPECT_NE(m.find("budget.csv: 3 bad row(s), nothing imported"), std::string::npos) << m;
  EXPECT_NE(m.find("line 2, field date: \"31/02/2019\" must be a date YYYY-MM-DD or dd/mm/jjjj"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("line 3, field date: \"03/2019\""), std::string::npos) << m;
  EXPECT_NE(m.find("line 4, field date: \"1/3/19\""), std::string::npos) << m;
}

TEST(BudgetCsvTest, EveryBadRowNamedAndNothingTaken) {
  auto rows = ReadBudgetCsv(
      "date,rubric,description,amount,supplier,document\n"
      "2019-03-01,I,Goed,10.00,A,B\n"
      "2019-13-01,I,Slechte datum,10.00,A,B\n"
      "2019-03-01,IV,Onbekende rubriek,10.00,A,B\n"
      "2019-03-01,I,,10.00,A,B\n"
      "2019-03-01,I,Geen bedrag,tien,A,B\n"
      "2019-03-01,I,Nul,0.00,A,B\n"
      "2017-12-31,II,Voor de periode,5.00,A,B\n"
      "2019-03-01,I,Te kort\n",
      "budget.csv", TwoRubrics());
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().code(), StatusCode::kInvalidArgument);
  const std::string& m = rows.status().message();
  EXPECT_NE(m.find("budget.csv: 7 bad row(s), nothing imported"), std::string::npos) << m;
  for (const char* part :
       {"budget.csv: line 3, field date: \"2019-13-01\" must be a date YYYY-MM-DD",
        "budget.csv: line 4, field rubric: \"IV\" is not a rubric of the contract (I, II)",
        "budget.csv: line 5, field description: must not be empty",
        "budget.csv: line 6, field amount: \"tien\" must be an amount in euro",
        "budget.csv: line 7, field amount: must not be zero",
        "budget.csv: line 8, field date: 2017-12-31 is outside the contract's period",
        "budget.csv: line 9, field (row): 3 fields, expected 6"}) {
    EXPECT_NE(m.find(part), std::string::npos) << part << "\n" << m;
  }
  EXPECT_EQ(m.find("line 2,"), std::string::npos) << m;
}

TEST(BudgetCsvTest, HeaderIsRequired) {
  auto rows = ReadBudgetCsv("2019-03-01,I,Goed,10.00,A,B\n", "budget.csv", TwoRubrics());
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.status().message().find("budget.csv: line 1: the header must be date,rubric,"),
            std::string::npos);
  EXPECT_FALSE(ReadBudgetCsv("", "budget.csv", TwoRubrics()).ok());
}

TEST(BudgetTableTest, SpentAgainstTheRubricsAmounts) {
  std::vector<Spending> spent = {
      {D("2019-03-01"), "I", "a", Money::FromEuro(900), "", "", 2},
      {D("2019-06-01"), "I", "b", Money::FromEuro(250), "", "", 3},
      {D("2018-06-01"), "I", "c", Money::FromEuro(5000), "", "", 4},  // another year
      {D("2019-06-01"), "II", "d", Money::FromEuro(100), "", "", 5},
  };
  std::vector<BudgetLine> t = BudgetOfYear(TwoRubrics(), spent, 2019);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].rubric, "I");
  EXPECT_EQ(t[0].budget, Money::FromEuro(1000));
  EXPECT_EQ(t[0].spent, Money::FromEuro(1150));
  EXPECT_EQ(t[0].remaining, Money::FromEuro(-150));
  EXPECT_TRUE(t[0].overspent);
  EXPECT_EQ(t[1].rubric, "II");
  EXPECT_EQ(t[1].budget, Money::FromEuro(300));  // the annual amount: no years listed
  EXPECT_EQ(t[1].spent, Money::FromEuro(100));
  EXPECT_EQ(t[1].remaining, Money::FromEuro(200));
  EXPECT_FALSE(t[1].overspent);
  // A year outside the contract: no budget.
  std::vector<BudgetLine> later = BudgetOfYear(TwoRubrics(), spent, 2020);
  EXPECT_EQ(later[0].budget, Money());
  EXPECT_EQ(later[1].budget, Money());
  EXPECT_EQ(later[0].spent, Money());
}

}  // namespace
}  // namespace hh
