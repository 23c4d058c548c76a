// End-to-end tests of `handhaving contract import|export` (issue 6): the real executable on a
// fresh database in a temporary folder. The decision written for the tests
// (src/contract/testdata) is imported, summarised and exported as JSON; a re-import replaces
// it; the seed (../shared) is imported when it is there; the refusals (a missing file, a text
// that is no contract, a missing word list, an empty database, an unknown format) are checked
// with their exit codes. The budget: a CSV of spending imported and the year's table shown; a
// CSV with a bad row refused whole.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "store/test_temp_dir.h"

namespace hh {
namespace {

const char* kHeistrode = HH_SOURCE_DIR "/src/contract/testdata/heistrode_2020_2021.txt";
const char* kSeed = HH_SOURCE_DIR "/../shared/seed/000_11eaa67567343206.txt";

struct Outcome {
  int code = -1;
  std::string out;
  std::string err;
};

std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string Quote(const std::string& s) { return "'" + s + "'"; }

// The text with every run of whitespace made one space, line by line.
std::string Squeezed(const std::string& text) {
  std::string out;
  std::stringstream ss(text);
  std::string line;
  while (std::getline(ss, line)) {
    std::stringstream words(line);
    std::string w;
    std::string l;
    while (words >> w) l += (l.empty() ? "" : " ") + w;
    out += l + "\n";
  }
  return out;
}

bool HasLine(const std::string& text, const std::string& line) {
  std::stringstream ss(text);
  std::string l;
  while (std::getline(ss, l)) {
    if (l == line) return true;
  }
  return false;
}

class ContractCliTest : public ::testing::Test {
 protected:
  Outcome Run(const std::vector<std::string>& args) {
    std::string cmd = "HANDHAVING_NOW=2026-03-20T10:00:00+01:00 " + Quote(HH_BINARY);
    for (const std::string& a : args) cmd += " " + Quote(a);
    const std::string out = dir_.File("stdout");
    const std::string err = dir_.File("stderr");
    cmd += " >" + Quote(out) + " 2>" + Quote(err);
    const int status = std::system(cmd.c_str());
    Outcome o;
    if (WIFEXITED(status)) o.code = WEXITSTATUS(status);
    o.out = ReadFile(out);
    o.err = ReadFile(err);
    return o;
  }

  TempDir dir_;
  std::string db_ = dir_.File("hh.db");
};

TEST_F(ContractCliTest, ImportSummarisesAndExportGivesTheJson) {
  Outcome imp = Run({"contract", "import", kHeistrode, "--db", db_});
  ASSERT_EQ(imp.code, 0) << imp.err;
  // Counted by hand from the file: 2 rubrics; rubric I, rubric II sectors 1 and 2; strategic
  // objectives 1 and 3, 1, 2; 2+2+2+1 operational, 2+3+2+1 expected, 3+3+2+2 indicators of
  // which 3 thresholds.
  EXPECT_TRUE(HasLine(imp.out, "rubrics: 2")) << imp.out;
  EXPECT_TRUE(HasLine(imp.out, "objective_groups: 3")) << imp.out;
  EXPECT_TRUE(HasLine(imp.out, "strategic_objectives: 4")) << imp.out;
  EXPECT_TRUE(HasLine(imp.out, "operational_objectives: 7")) << imp.out;
  EXPECT_TRUE(HasLine(imp.out, "expected_results: 8")) << imp.out;
  EXPECT_TRUE(HasLine(imp.out, "indicators: 10")) << imp.out;
  EXPECT_TRUE(HasLine(imp.out, "thresholds: 3")) << imp.out;
  EXPECT_TRUE(HasLine(imp.out, "procedure_steps: 3")) << imp.out;
  EXPECT_TRUE(HasLine(imp.out, "warnings: 0")) << imp.out;
  EXPECT_TRUE(HasLine(imp.out, "uncertain: 0")) << imp.out;
  // No councillor's name reaches the output.
  EXPECT_EQ(imp.out.find("Lemmens"), std::string::npos);
  EXPECT_EQ(imp.err.find("Lemmens"), std::string::npos);

  Outcome exp = Run({"contract", "export", "--db", db_, "--format", "json"});
  ASSERT_EQ(exp.code, 0) << exp.err;
  nlohmann::json j = nlohmann::json::parse(exp.out);
  EXPECT_EQ(j["period"]["from"], "2020-01-01");
  EXPECT_EQ(j["decision"]["votes_for"], 25);
  EXPECT_EQ(j["rubrics"][0]["annual_amount"], "145230.50");
  EXPECT_EQ(j["objectives"][1]["strategic"][0]["indicators"][0]["threshold"]["min"], 500);
  EXPECT_EQ(j["procedure"][2]["deadline"], "2021-05-15");
  EXPECT_EQ(exp.out.find("Lemmens"), std::string::npos);
}

TEST_F(ContractCliTest, SeedImportWarnsOfTheTotal) {
  if (!std::filesystem::exists(kSeed)) GTEST_SKIP() << kSeed << " is absent";
  Outcome imp = Run({"contract", "import", kSeed, "--db", db_});
  ASSERT_EQ(imp.code, 0) << imp.err;
  EXPECT_TRUE(HasLine(imp.out, "rubrics: 3")) << imp.out;
  EXPECT_TRUE(HasLine(imp.out, "objective_groups: 4")) << imp.out;
  EXPECT_TRUE(HasLine(imp.out, "strategic_objectives: 8")) << imp.out;
  EXPECT_TRUE(HasLine(imp.out, "indicators: 41")) << imp.out;
  EXPECT_TRUE(HasLine(imp.out, "warnings: 3")) << imp.out;
  EXPECT_NE(imp.err.find("warning: line 94: the yearly total is written \"1.118.17,00\""),
            std::string::npos)
      << imp.err;
  // Re-import of another decision replaces the seed's contract.
  ASSERT_EQ(Run({"contract", "import", kHeistrode, "--db", db_}).code, 0);
  Outcome exp = Run({"contract", "export", "--db", db_});
  ASSERT_EQ(exp.code, 0) << exp.err;
  nlohmann::json j = nlohmann::json::parse(exp.out);
  EXPECT_EQ(j["rubrics"].size(), 2u);
  EXPECT_TRUE(j["warnings"].empty());
}

TEST_F(ContractCliTest, Refusals) {
  Outcome missing = Run({"contract", "import", dir_.File("nope.txt"), "--db", db_});
  EXPECT_EQ(missing.code, 4) << missing.err;  // kExitUnavailable
  EXPECT_NE(missing.err.find("nope.txt: cannot be read"), std::string::npos) << missing.err;

  std::ofstream(dir_.File("letter.txt")) << "Geachte,\nDit is geen overeenkomst.\n";
  Outcome not_contract = Run({"contract", "import", dir_.File("letter.txt"), "--db", db_});
  EXPECT_EQ(not_contract.code, 3) << not_contract.err;  // kExitInvalidInput
  EXPECT_NE(not_contract.err.find("letter.txt: no objectives found"), std::string::npos)
      << not_contract.err;

  Outcome no_words =
      Run({"contract", "import", kHeistrode, "--db", db_, "--wordlist", dir_.File("words")});
  EXPECT_EQ(no_words.code, 4) << no_words.err;

  Outcome empty = Run({"contract", "export", "--db", db_});
  EXPECT_EQ(empty.code, 4) << empty.err;  // NotFound
  EXPECT_NE(empty.err.find("no contract has been imported"), std::string::npos) << empty.err;

  Outcome format = Run({"contract", "export", "--db", db_, "--format", "xml"});
  EXPECT_EQ(format.code, 2) << format.err;  // kExitUsage
}

TEST_F(ContractCliTest, BudgetImportAndYearTable) {
  ASSERT_EQ(Run({"contract", "import", kHeistrode, "--db", db_}).code, 0);
  std::ofstream(dir_.File("budget.csv"))
      << "date,rubric,description,amount,supplier,document\n"
         "2021-02-01,I,Gemeenschapswachten januari,12000.00,Wachtdienst BV,BK-2021-014\n"
         "2021-03-15,II,Fietsgraveerpennen,40000.00,Graveer BV,F-2021-77\n"
         "2020-05-01,I,Overlastkaart,1500.00,Kaart NV,F-2020-3\n";
  Outcome imp = Run({"contract", "budget", "import", dir_.File("budget.csv"), "--db", db_});
  ASSERT_EQ(imp.code, 0) << imp.err;
  EXPECT_TRUE(HasLine(imp.out, "rows: 3")) << imp.out;
  EXPECT_TRUE(HasLine(imp.out, "total: € 53.500,00")) << imp.out;
  // The same file again is refused (exit 5): the table below counts its rows once.
  Outcome again = Run({"contract", "budget", "import", dir_.File("budget.csv"), "--db", db_});
  EXPECT_EQ(again.code, 5) << again.err;
  EXPECT_NE(again.err.find("imported before"), std::string::npos) << again.err;

  // A file with one bad row is refused whole: the table below is the one of the first file.
  std::ofstream(dir_.File("bad.csv")) << "date,rubric,description,amount,supplier,document\n"
                                         "2021-04-01,I,Goed,100.00,A,B\n"
                                         "2021-04-02,IV,Onbekend,100.00,A,B\n";
  Outcome bad = Run({"contract", "budget", "import", dir_.File("bad.csv"), "--db", db_});
  EXPECT_EQ(bad.code, 3) << bad.err;
  EXPECT_NE(bad.err.find("bad.csv: line 3, field rubric: \"IV\" is not a rubric of the contract "
                         "(I, II)"),
            std::string::npos)
      << bad.err;

  // 2021: rubric I 145.230,50 against 12.000 spent (8 %), rubric II 38.000 against 40.000
  // (105 %, over), the total 183.230,50 against 52.000 (28 %).
  Outcome table = Run({"contract", "budget", "--db", db_, "--year", "2021"});
  ASSERT_EQ(table.code, 0) << table.err;
  std::string t = Squeezed(table.out);
  EXPECT_TRUE(HasLine(t, "budget 2021")) << t;
  EXPECT_TRUE(HasLine(t, "I € 145.230,50 € 12.000,00 € 133.230,50 8 onderbesteed")) << t;
  EXPECT_TRUE(HasLine(t, "II € 38.000,00 € 40.000,00 -€ 2.000,00 105 overschreden")) << t;
  EXPECT_TRUE(HasLine(t, "totaal € 183.230,50 € 52.000,00 € 131.230,50 28 onderbesteed")) << t;
  // The supplier is not shown (it may be a person).
  EXPECT_EQ(table.out.find("Graveer"), std::string::npos);

  Outcome no_year = Run({"contract", "budget", "--db", db_});
  EXPECT_EQ(no_year.code, 2) << no_year.err;
}

}  // namespace
}  // namespace hh
