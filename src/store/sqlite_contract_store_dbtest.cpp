// SqliteContractStore on a fresh, migrated SQLite file: a contract with every kind of part
// stored and loaded back equal; a re-import replaces it whole; a contract the schema refuses
// leaves the stored one as it was; loading an empty store is NotFound.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "store/migrations.h"
#include "store/sqlite_contract_store.h"
#include "store/test_db.h"
#include "store/test_temp_dir.h"

namespace hh {
namespace {

const Instant kNow = Instant::FromUnix(1'774'000'000);  // 2026-03-20T09:46:40Z

LocalDate D(const char* iso) { return *LocalDate::Parse(iso); }

ContractText T(const std::string& text, const std::string& original, int line) {
  return {text, original, line};
}

// A contract with every part filled, and the nulls (no sector, no threshold, no deadline).
Contract Sample() {
  Contract c;
  c.source_file = "besluit.txt";
  c.parties = {{"enerzijds", T("de Staat", "de Staat", 117)},
               {"anderzijds", T("de stad", "de stad", 124)}};
  c.period_from = D("2018-01-01");
  c.period_to = D("2019-12-31");
  c.decision = {D("2019-02-25"), 32, 1, 5, {"Ann Peeters", "Bob Claes"}};
  c.rubrics = {{"I",
                T("Toelage", "Toe!age", 30),
                Money::FromCents(26817273),
                {{2018, Money::FromCents(26817273)}, {2019, Money::FromCents(26817273)}}},
               {"II", T("Hulp", "Hulp", 31), Money::FromEuro(60000), {}}};
  StrategicObjective s2;
  s2.number = 2;
  s2.title = T("Reactie", "Reactie", 157);
  s2.operational = {T("Sancties", "Sanctles", 161), T("Workflow", "Workflow", 168)};
  s2.expected_results = {T("Een plan", "Een plan", 175)};
  s2.indicators = {{T("Bestaan van plan", "Bestaan van plan", 187), IndicatorKind::kExistence, {}},
                   {T("Jaarlijks minstens 6", "Jaarlijks minstens 6", 214),
                    IndicatorKind::kThreshold, Threshold{6, "year"}},
                   {T("Aantal dossiers", "Aantal dossiers", 508), IndicatorKind::kCount, {}}};
  StrategicObjective s4;
  s4.number = 4;
  s4.title = T("Coördineren", "Codrdineren", 218);
  c.objectives = {{"I", std::nullopt, T("Bestrijding", "Bestrijding", 154), {s2}},
                  {"II", 1, T("", "", 0), {s4, s2}}};
  c.procedure = {
      {T("Uiterlijk 18 februari 2019", "Uiterlijk 18 februari 2019", 72), D("2019-02-18")},
      {T("Na ontvangst", "Na ontvangst", 75), std::nullopt}};
  c.totals = {{94, Money::FromCents(111817000), "1.118.17,00", false},
              {138, Money::FromCents(32817273), "328.172,73", true}};
  c.warnings = {"line 94: the yearly total ...", "rubric II: no general objective found"};
  c.uncertain = {{"rubric heading missing", 248, "Algemene doelstelling", "rubric III"}};
  return c;
}

class ContractStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = OpenMigratedDb(dir_, kNow);
    ASSERT_NE(db_, nullptr);
    store_ = std::make_unique<SqliteContractStore>(*db_);
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<ContractStore> store_;
};

TEST_F(ContractStoreTest, EmptyStoreIsNotFound) {
  auto c = store_->LoadContract();
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kNotFound);
}

TEST_F(ContractStoreTest, RoundTrip) {
  Contract c = Sample();
  ASSERT_TRUE(store_->ReplaceContract(c, kNow).ok());
  auto back = store_->LoadContract();
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, c);
  // Spot checks, so that a failure says which part.
  EXPECT_EQ(back->objectives[1].strategic[1].indicators[1].threshold, (Threshold{6, "year"}));
  EXPECT_FALSE(back->objectives[0].sector.has_value());
  EXPECT_EQ(back->objectives[1].sector, 1);
  EXPECT_EQ(back->objectives[1].strategic[0].title.original, "Codrdineren");
  EXPECT_FALSE(back->procedure[1].deadline.has_value());
  EXPECT_EQ(back->rubrics[0].years.size(), 2u);
  EXPECT_EQ(back->totals, c.totals);
}

TEST_F(ContractStoreTest, ReimportReplacesEverything) {
  ASSERT_TRUE(store_->ReplaceContract(Sample(), kNow).ok());
  Contract small;
  small.source_file = "tweede.txt";
  small.rubrics = {{"I", T("Enige", "Enige", 1), Money::FromEuro(10), {}}};
  small.objectives = {{"I", std::nullopt, T("Doel", "Doel", 2), {}}};
  ASSERT_TRUE(store_->ReplaceContract(small, kNow).ok());
  auto back = store_->LoadContract();
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, small);
  // Nothing of the first contract is left behind.
  for (const char* table : {"contract_parties", "contract_rubric_years", "contract_indicators",
                            "contract_objective_items", "contract_uncertain"}) {
    auto st = db_->Prepare(std::string("SELECT count(*) FROM ") + table);
    ASSERT_TRUE(st.ok());
    ASSERT_TRUE(*st->Step());
    EXPECT_EQ(st->ColumnInt64(0), 0) << table;
  }
}

TEST_F(ContractStoreTest, RefusedContractLeavesTheStoredOne) {
  ASSERT_TRUE(store_->ReplaceContract(Sample(), kNow).ok());
  Contract bad = Sample();
  bad.objectives[1].rubric = "IX";  // a group of a rubric the contract does not list
  Status s = store_->ReplaceContract(bad, kNow);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  auto back = store_->LoadContract();
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, Sample());
}

TEST_F(ContractStoreTest, JoinsTheCallersTransaction) {
  {
    auto tx = Transaction::Begin(*db_);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(store_->ReplaceContract(Sample(), kNow).ok());
    // Rolled back: the transaction dies without a commit.
  }
  EXPECT_EQ(store_->LoadContract().status().code(), StatusCode::kNotFound);
}

TEST_F(ContractStoreTest, SpendingAddedAndReadByDays) {
  std::vector<Spending> rows = {
      {D("2019-03-01"), "I", "Loon", Money::FromEuro(900), "Stad", "BK-1", 2},
      {D("2018-12-31"), "II", "Brochure", Money::FromCents(12050), "", "", 3},
      {D("2019-01-01"), "I", "Creditnota", Money::FromEuro(-50), "A", "CN-1", 4},
  };
  ASSERT_TRUE(store_->AddSpending(rows, "budget.csv", "sha-a", kNow).ok());
  // The same file (by content) again: refused, nothing added twice.
  EXPECT_EQ(store_->AddSpending(rows, "copy.csv", "sha-a", kNow).code(),
            StatusCode::kAlreadyExists);
  auto y2019 = store_->SpendingBetween(D("2019-01-01"), D("2019-12-31"));
  ASSERT_TRUE(y2019.ok()) << y2019.status().ToString();
  EXPECT_EQ(*y2019, (std::vector<Spending>{rows[2], rows[0]}));
  auto all = store_->SpendingBetween(D("2018-01-01"), D("2019-12-31"));
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 3u);
  // A contract re-import leaves the spending.
  ASSERT_TRUE(store_->ReplaceContract(Sample(), kNow).ok());
  EXPECT_EQ(store_->SpendingBetween(D("2018-01-01"), D("2019-12-31"))->size(), 3u);
}

TEST_F(ContractStoreTest, SpendingIsAllOrNothing) {
  std::vector<Spending> rows = {
      {D("2019-03-01"), "I", "Goed", Money::FromEuro(1), "", "", 2},
      {D("2019-03-02"), "I", "Nul", Money(), "", "", 3},  // refused by the schema
  };
  Status s = store_->AddSpending(rows, "budget.csv", "sha-b", kNow);
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(store_->SpendingBetween(D("2019-01-01"), D("2019-12-31"))->empty());
  // Refused whole, the file is not recorded either: fixed, it imports.
  rows[1].amount = Money::FromEuro(2);
  EXPECT_TRUE(store_->AddSpending(rows, "budget.csv", "sha-b", kNow).ok());
  EXPECT_EQ(store_->SpendingBetween(D("2019-01-01"), D("2019-12-31"))->size(), 2u);
}

}  // namespace
}  // namespace hh

namespace hh {
namespace {

// Amendments (contract/amend.h, migration 0009): saved, replaced per path, listed in the order
// made, removed; a re-import of the contract leaves them.
TEST_F(ContractStoreTest, AmendmentsSavedReplacedListedRemoved) {
  ASSERT_TRUE(store_->ReplaceContract(Sample(), kNow).ok());
  const Instant later = Instant::FromUnix(1'774'000'060);
  ASSERT_TRUE(
      store_->SaveAmendment({"rubric.I.title", "Toelage I", later, "sa.peeters", "Toelage"}).ok());
  ASSERT_TRUE(store_->SaveAmendment({"period.to", "2020-12-31", kNow, "admin", "2019-12-31"}).ok());
  auto all = store_->Amendments();
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0], (Amendment{"period.to", "2020-12-31", kNow, "admin", "2019-12-31"}));
  EXPECT_EQ((*all)[1].path, "rubric.I.title");
  EXPECT_EQ((*all)[1].at, later);

  // Amending a path again replaces its value and its time (one current value per path): made
  // last, it is listed last; made at the same instant as another, the paths decide.
  const Instant latest = Instant::FromUnix(1'774'000'120);
  ASSERT_TRUE(
      store_->SaveAmendment({"period.to", "2021-12-31", latest, "sa.peeters", "2019-12-31"}).ok());
  all = store_->Amendments();
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].path, "rubric.I.title");
  EXPECT_EQ((*all)[1], (Amendment{"period.to", "2021-12-31", latest, "sa.peeters", "2019-12-31"}));
  ASSERT_TRUE(
      store_->SaveAmendment({"period.to", "2021-12-31", later, "sa.peeters", "2019-12-31"}).ok());
  EXPECT_EQ((*store_->Amendments())[0].path, "period.to");

  // A re-import leaves them.
  ASSERT_TRUE(store_->ReplaceContract(Sample(), later).ok());
  EXPECT_EQ(store_->Amendments()->size(), 2u);

  ASSERT_TRUE(store_->RemoveAmendment("period.to").ok());
  EXPECT_EQ(store_->RemoveAmendment("period.to").code(), StatusCode::kNotFound);
  all = store_->Amendments();
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].path, "rubric.I.title");
}

TEST_F(ContractStoreTest, RetextMovesBindingsAndEvidenceOfTheKeyOnly) {
  ASSERT_TRUE(store_->ReplaceContract(Sample(), kNow).ok());
  ASSERT_TRUE(store_->Bind({"I.2.2", "Jaarlijks minstens 6", "gas.letters", kNow, "admin"}).ok());
  ASSERT_TRUE(store_->Bind({"I.2.3", "Aantal dossiers", "gas.letters", kNow, "admin"}).ok());
  IndicatorEvidence e;
  e.key = "I.2.2";
  e.text = "Jaarlijks minstens 6";
  e.year = 2019;
  e.note = "verslag";
  e.added_at = kNow;
  e.added_by = "admin";
  ASSERT_TRUE(store_->AddEvidence(e, "").ok());
  ASSERT_TRUE(store_->RetextIndicator("I.2.2", "Jaarlijks minstens 6", "Minstens 6 per jaar").ok());
  auto b = store_->Bindings();
  ASSERT_EQ(b->size(), 2u);
  EXPECT_EQ((*b)[0].text, "Minstens 6 per jaar");
  EXPECT_EQ((*b)[1].text, "Aantal dossiers");
  auto ev = store_->EvidenceOfYear(2019);
  ASSERT_EQ(ev->size(), 1u);
  EXPECT_EQ((*ev)[0].text, "Minstens 6 per jaar");
}

TEST_F(ContractStoreTest, TransactKeepsAllOrNothing) {
  ASSERT_TRUE(store_->ReplaceContract(Sample(), kNow).ok());
  Status s = store_->Transact([&]() -> Status {
    if (Status w = store_->SaveAmendment({"period.to", "2020-12-31", kNow, "admin", ""}); !w.ok())
      return w;
    return Unavailable("then something failed");
  });
  EXPECT_EQ(s.code(), StatusCode::kUnavailable);
  EXPECT_TRUE(store_->Amendments()->empty());
  ASSERT_TRUE(store_
                  ->Transact([&] {
                    return store_->SaveAmendment({"period.to", "2020-12-31", kNow, "admin", ""});
                  })
                  .ok());
  EXPECT_EQ(store_->Amendments()->size(), 1u);
}

}  // namespace
}  // namespace hh
