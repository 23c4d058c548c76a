// The contract's amendments through the service (contract_service.h) on a fresh, migrated SQLite
// file: AmendContract checks against the contract as amended and records the value as imported;
// LoadAmendedContract and the report read the amended contract; a binding made before an
// indicator's text was amended follows its key (and back on undo); a re-import that drops a part
// leaves its amendment reported, applied nowhere.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "contract/contract_service.h"
#include "store/migrations.h"
#include "store/sqlite_contract_store.h"
#include "store/sqlite_gas_measures.h"
#include "store/test_db.h"
#include "store/test_temp_dir.h"

namespace hh {
namespace {

const Instant kT0 = *Instant::Parse("2019-05-01T08:00:00Z");
const Instant kT1 = *Instant::Parse("2019-05-01T09:00:00Z");
const Instant kT2 = *Instant::Parse("2019-05-01T10:00:00Z");

ContractText T(const std::string& s) { return {s, s, 3}; }

Contract Sample() {
  Contract c;
  c.source_file = "besluit.txt";
  c.period_from = *LocalDate::Parse("2019-01-01");
  c.period_to = *LocalDate::Parse("2019-12-31");
  c.rubrics = {{"I", T("Toelage"), Money::FromEuro(1000), {}}};
  StrategicObjective so;
  so.number = 2;
  so.title = T("Overlast");
  so.indicators = {{T("Aantal brieven"), IndicatorKind::kCount, std::nullopt},
                   {T("Aantal dossiers"), IndicatorKind::kCount, std::nullopt}};
  c.objectives = {{"I", std::nullopt, T("Veilig"), {so}}};
  return c;
}

class AmendServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = OpenMigratedDb(dir_, kT0);
    ASSERT_NE(db_, nullptr);
    store_ = std::make_unique<SqliteContractStore>(*db_);
    gas_ = std::make_unique<SqliteGasMeasures>(*db_);
    ASSERT_TRUE(store_->ReplaceContract(Sample(), kT0).ok());
  }

  ReportIndicator Indicator(const ContractReport& r, const std::string& key) {
    for (const ReportRubric& rb : r.rubrics) {
      for (const ReportGroup& g : rb.groups) {
        for (const ReportObjective& o : g.objectives) {
          for (const ReportIndicator& i : o.indicators) {
            if (i.key == key) return i;
          }
        }
      }
    }
    ADD_FAILURE() << "no indicator " << key;
    return {};
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<SqliteContractStore> store_;
  std::unique_ptr<SqliteGasMeasures> gas_;
};

TEST_F(AmendServiceTest, AmendedContractIsWhatPeopleRead) {
  auto a = AmendContract(*store_, "rubric.I.annual_amount", "1.250,50", "sa.peeters", kT1);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->original, "1000.00");
  EXPECT_EQ(a->value, "1.250,50");
  auto c = LoadAmendedContract(*store_);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->rubrics[0].annual_amount, Money::FromCents(125050));
  // The imported contract is as it was read.
  EXPECT_EQ(store_->LoadContract()->rubrics[0].annual_amount, Money::FromEuro(1000));
  auto r = ContractReportOf(*store_, *gas_, 2019, *LocalDate::Parse("2019-06-01"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->rubrics[0].amount, Money::FromCents(125050));

  // A bad value names the path; nothing is stored.
  auto bad = AmendContract(*store_, "indicator.I.2.1.threshold", "veel", "sa.peeters", kT1);
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("indicator.I.2.1.threshold"), std::string::npos);
  EXPECT_EQ(AmendContract(*store_, "rubric.II.title", "x", "sa.peeters", kT1).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(store_->Amendments()->size(), 1u);

  ASSERT_TRUE(UndoAmendment(*store_, "rubric.I.annual_amount").ok());
  EXPECT_EQ(LoadAmendedContract(*store_)->rubrics[0].annual_amount, Money::FromEuro(1000));
  EXPECT_EQ(UndoAmendment(*store_, "rubric.I.annual_amount").code(), StatusCode::kNotFound);
}

TEST_F(AmendServiceTest, ABindingFollowsItsIndicatorsAmendedText) {
  ASSERT_TRUE(BindIndicator(*store_, *gas_, "I.2.1", "gas.letters_sent", "admin", kT0).ok());
  ASSERT_TRUE(
      AmendContract(*store_, "indicator.I.2.1.text", "Verstuurde brieven", "admin", kT1).ok());
  auto r = ContractReportOf(*store_, *gas_, 2019, *LocalDate::Parse("2019-06-01"));
  ASSERT_TRUE(r.ok());
  ReportIndicator i = Indicator(*r, "I.2.1");
  EXPECT_EQ(i.text, "Verstuurde brieven");
  EXPECT_EQ(i.measure, "gas.letters_sent");
  for (const std::string& w : r->warnings) EXPECT_EQ(w.find("I.2.1"), std::string::npos) << w;

  // Amended again, then undone: the binding goes along each time.
  ASSERT_TRUE(AmendContract(*store_, "indicator.I.2.1.text", "Brieven", "admin", kT2).ok());
  EXPECT_EQ((*store_->Bindings())[0].text, "Brieven");
  ASSERT_TRUE(UndoAmendment(*store_, "indicator.I.2.1.text").ok());
  EXPECT_EQ((*store_->Bindings())[0].text, "Aantal brieven");
  r = ContractReportOf(*store_, *gas_, 2019, *LocalDate::Parse("2019-06-01"));
  EXPECT_EQ(Indicator(*r, "I.2.1").measure, "gas.letters_sent");
}

TEST_F(AmendServiceTest, AReimportThatDropsThePartReportsTheAmendment) {
  ASSERT_TRUE(AmendContract(*store_, "indicator.I.2.2.text", "Dossiers", "admin", kT1).ok());
  ASSERT_TRUE(AmendContract(*store_, "objective.I.2.title", "Minder overlast", "admin", kT1).ok());
  Contract fewer = Sample();
  fewer.objectives[0].strategic[0].indicators.pop_back();
  ASSERT_TRUE(store_->ReplaceContract(fewer, kT2).ok());
  auto c = LoadAmendedContract(*store_);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->objectives[0].strategic[0].title.text, "Minder overlast");
  ASSERT_EQ(c->objectives[0].strategic[0].indicators.size(), 1u);
  EXPECT_EQ(c->objectives[0].strategic[0].indicators[0].text.text, "Aantal brieven");
  ASSERT_EQ(c->warnings.size(), 1u);
  EXPECT_NE(c->warnings[0].find("indicator.I.2.2.text"), std::string::npos) << c->warnings[0];
}

}  // namespace
}  // namespace hh
