// End-to-end tests of `handhaving contract import|export` (issue 6): the real executable on a
// fresh database in a temporary folder. The decision written for the tests
// (src/contract/testdata) is imported, summarised and exported as JSON; a re-import replaces
// it; the seed (../shared) is imported when it is there; the refusals (a missing file, a text
// that is no contract, a missing word list, an empty database, an unknown format) are checked
// with their exit codes. The budget: a CSV of spending imported and the year's table shown; a
// CSV with a bad row refused whole. Bindings, evidence and answers to uncertain items: the live
// statuses of `contract indicators`, their survival of a re-import that moved an indicator, the
// roles that may edit, and the evaluation report as PDF (read back with pdftotext).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_test_util.h"
#include "store/test_temp_dir.h"

namespace hh {
namespace {

using clitest::HasLine;
using clitest::Outcome;
using clitest::Quote;
using clitest::ReadFile;

const char* kHeistrode = HH_SOURCE_DIR "/src/contract/testdata/heistrode_2020_2021.txt";
const char* kSeed = HH_SOURCE_DIR "/../shared/seed/000_11eaa67567343206.txt";

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

class ContractCliTest : public ::testing::Test {
 protected:
  Outcome Run(const std::vector<std::string>& args) {
    return clitest::RunHandhaving(dir_, args, "2026-03-20T10:00:00+01:00");
  }
  // Imports `decision` and adds the officer Olga (login "officer").
  void ImportWithOfficer(const char* decision) {
    ASSERT_EQ(Run({"contract", "import", decision, "--db", db_}).code, 0);
    ASSERT_EQ(Run({"users", "add", "--login", "officer", "--name", "Olga", "--role", "officer",
                   "--db", db_})
                  .code,
              0);
  }
  // The same, and the viewer Vic (login "view").
  void ImportWithOfficerAndViewer(const char* decision) {
    ASSERT_NO_FATAL_FAILURE(ImportWithOfficer(decision));
    ASSERT_EQ(
        Run({"users", "add", "--login", "view", "--name", "Vic", "--role", "viewer", "--db", db_})
            .code,
        0);
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

// The line of `contract indicators` for `key`, squeezed: "KEY STATUS VALUE KIND HOW TEXT".
std::string IndicatorLine(const std::string& out, const std::string& key) {
  std::stringstream ss(Squeezed(out));
  std::string l;
  while (std::getline(ss, l)) {
    if (l.rfind(key + " ", 0) == 0) return l;
  }
  return "";
}

TEST_F(ContractCliTest, BindingsEvidenceAndLiveStatuses) {
  ASSERT_NO_FATAL_FAILURE(ImportWithOfficerAndViewer(kHeistrode));
  auto bind = [&](const std::string& key, const std::string& measure, const std::string& user) {
    return Run({"contract", "bind", "--indicator", key, "--measure", measure, "--db", db_, "--user",
                user});
  };
  EXPECT_EQ(bind("I.1.1", "gas.cases.all", "officer").code, 0);
  EXPECT_EQ(bind("I.3.2", "gas.letters_sent", "officer").code, 0);
  EXPECT_EQ(bind("I.3.3", "gas.sanctions_decided", "officer").code, 0);
  // Refusals: a viewer (exit 6), an existence indicator (3), an unknown key or measure (4).
  EXPECT_EQ(bind("I.1.2", "gas.cases.all", "view").code, 6);
  Outcome existence = bind("I.1.3", "gas.cases.all", "officer");
  EXPECT_EQ(existence.code, 3);
  EXPECT_NE(existence.err.find("existence indicator"), std::string::npos) << existence.err;
  EXPECT_EQ(bind("I.9.1", "gas.cases.all", "officer").code, 4);
  EXPECT_EQ(bind("I.1.2", "gas.nothing", "officer").code, 4);

  std::ofstream(dir_.File("kaart.pdf")) << "%PDF-1.4 de overlastkaart";
  Outcome ev = Run({"contract", "evidence", "add", "--indicator", "I.1.3", "--year", "2021",
                    "--note", "Overlastkaart gepubliceerd", "--file", dir_.File("kaart.pdf"),
                    "--db", db_, "--user", "officer"});
  ASSERT_EQ(ev.code, 0) << ev.err;
  // The file's SHA-256 as sha256sum gives it.
  ASSERT_EQ(
      std::system(
          ("sha256sum " + Quote(dir_.File("kaart.pdf")) + " >" + Quote(dir_.File("sum"))).c_str()),
      0);
  EXPECT_TRUE(HasLine(ev.out, "sha256: " + ReadFile(dir_.File("sum")).substr(0, 64))) << ev.out;
  EXPECT_EQ(Run({"contract", "evidence", "add", "--indicator", "I.1.3", "--year", "2030", "--note",
                 "x", "--db", db_, "--user", "officer"})
                .code,
            3);  // outside the contract's period

  // Now is 20/03/2026: 2021 is over. No cases: the threshold I.1.1 (4 a year) ends not met at
  // 0; the count I.3.3 is met (reported); the existence I.1.3 with evidence is met, II.1.1.2
  // without is not met; I.1.2 is unbound: no data.
  Outcome ind = Run({"contract", "indicators", "--year", "2021", "--db", db_});
  ASSERT_EQ(ind.code, 0) << ind.err;
  EXPECT_EQ(IndicatorLine(ind.out, "I.1.1"),
            "I.1.1 not_met 0 threshold gas.cases.all Minimaal 4 buurtoverleggen per jaar")
      << ind.out;
  EXPECT_EQ(IndicatorLine(ind.out, "I.3.3"),
            "I.3.3 met 0 count gas.sanctions_decided Aantal toegekende premies")
      << ind.out;
  EXPECT_EQ(IndicatorLine(ind.out, "I.1.3"),
            "I.1.3 met - existence evidence:1 Bestaan van de overlastkaart")
      << ind.out;
  EXPECT_EQ(IndicatorLine(ind.out, "II.1.1.2"),
            "II.1.1.2 not_met - existence - Bestaan van de bewaakte stalling")
      << ind.out;
  EXPECT_EQ(IndicatorLine(ind.out, "I.1.2"),
            "I.1.2 no_data - count - Aantal meldingen van overlast")
      << ind.out;
  EXPECT_TRUE(HasLine(ind.out, "met: 2")) << ind.out;
  EXPECT_TRUE(HasLine(ind.out, "not_met: 4")) << ind.out;
  EXPECT_TRUE(HasLine(ind.out, "no_data: 4")) << ind.out;

  // A re-import of a decision in which objective I.3's first two indicators swapped places and
  // its third is gone: the binding of "Per kwartaal minstens 2 preventie-avonden" follows its
  // text to I.3.1; the one of "Aantal toegekende premies" is reported lost, applied to nothing.
  std::string text = ReadFile(kHeistrode);
  const std::string a = "Aantal gegeven adviezen aan huis.\n";
  const std::string b = "Per kwartaal minstens 2 preventie-avonden.\n";
  const std::string c = "Aantal toegekende premies\n";
  const size_t at = text.find(a + b + c);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, a.size() + b.size() + c.size(), b + a);
  std::ofstream(dir_.File("moved.txt")) << text;
  ASSERT_EQ(Run({"contract", "import", dir_.File("moved.txt"), "--db", db_}).code, 0);
  Outcome after = Run({"contract", "indicators", "--year", "2021", "--db", db_});
  ASSERT_EQ(after.code, 0) << after.err;
  EXPECT_EQ(IndicatorLine(after.out, "I.3.1"),
            "I.3.1 not_met 0 threshold gas.letters_sent Per kwartaal minstens 2 preventie-avonden.")
      << after.out;
  EXPECT_EQ(IndicatorLine(after.out, "I.3.2"),
            "I.3.2 no_data - count - Aantal gegeven adviezen aan huis.")
      << after.out;
  EXPECT_EQ(IndicatorLine(after.out, "I.3.3"), "") << after.out;
  EXPECT_NE(after.err.find("binding of indicator I.3.3 to gas.sanctions_decided: the indicator "
                           "is no longer in the contract"),
            std::string::npos)
      << after.err;
  // The evidence survived too.
  EXPECT_EQ(IndicatorLine(after.out, "I.1.3"),
            "I.1.3 met - existence evidence:1 Bestaan van de overlastkaart")
      << after.out;
}

TEST_F(ContractCliTest, UncertainItemsConfirmedAndCorrectedAcrossReimport) {
  if (!std::filesystem::exists(kSeed)) GTEST_SKIP() << kSeed << " is absent";
  ASSERT_NO_FATAL_FAILURE(ImportWithOfficer(kSeed));
  Outcome list = Run({"contract", "uncertain", "--db", db_});
  ASSERT_EQ(list.code, 0) << list.err;
  EXPECT_NE(list.out.find("2\tline 196\trubric heading numbered differently from its title"),
            std::string::npos)
      << list.out;
  // Item 1 is a councillor's name with OCR noise: not printed, the line points to it.
  EXPECT_EQ(list.out.find("Catherme"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("1\tline 5\tabstainer's name has OCR noise\t(withheld: personal data)"),
            std::string::npos)
      << list.out;
  EXPECT_EQ(Run({"contract", "confirm", "2", "--db", db_, "--user", "officer"}).code, 0);
  EXPECT_EQ(Run({"contract", "correct", "4", "minstens 1 testfase in 2019", "--db", db_, "--user",
                 "officer"})
                .code,
            0);
  EXPECT_EQ(Run({"contract", "confirm", "99", "--db", db_, "--user", "officer"}).code, 4);
  // A re-import keeps the answers (matched by what the item is and the text as read).
  ASSERT_EQ(Run({"contract", "import", kSeed, "--db", db_}).code, 0);
  Outcome again = Run({"contract", "uncertain", "--db", db_});
  std::stringstream ss(again.out);
  std::string l;
  std::vector<std::string> lines;
  while (std::getline(ss, l)) lines.push_back(l);
  ASSERT_EQ(lines.size(), 8u) << again.out;
  EXPECT_TRUE(lines[1].ends_with("\tconfirmed")) << lines[1];
  EXPECT_TRUE(lines[3].ends_with("\tcorrected: minstens 1 testfase in 2019")) << lines[3];
  EXPECT_TRUE(lines[0].ends_with("\topen")) << lines[0];
}

TEST_F(ContractCliTest, ReportPdfHoldsRubricsStatusesAndBudget) {
  ASSERT_NO_FATAL_FAILURE(ImportWithOfficer(kHeistrode));
  ASSERT_EQ(Run({"contract", "bind", "--indicator", "I.1.1", "--measure", "gas.cases.all", "--db",
                 db_, "--user", "officer"})
                .code,
            0);
  std::ofstream(dir_.File("budget.csv"))
      << "date,rubric,description,amount,supplier,document\n"
         "2021-02-01,I,Gemeenschapswachten januari,12000.00,Wachtdienst BV,BK-2021-014\n"
         "2021-03-15,II,Fietsgraveerpennen,40000.00,Graveer BV,F-2021-77\n";
  ASSERT_EQ(Run({"contract", "budget", "import", dir_.File("budget.csv"), "--db", db_}).code, 0);
  const std::string pdf = dir_.File("report.pdf");
  Outcome rep = Run({"contract", "report", "--db", db_, "--year", "2021", "--out", pdf});
  ASSERT_EQ(rep.code, 0) << rep.err;
  ASSERT_EQ(ReadFile(pdf).rfind("%PDF-", 0), 0u);
  const std::string txt = dir_.File("report.txt");
  ASSERT_EQ(std::system(("pdftotext -layout " + Quote(pdf) + " " + Quote(txt)).c_str()), 0);
  const std::string t = Squeezed(ReadFile(txt));
  EXPECT_NE(t.find("Rubriek I: Toelage veiligheids- en samenlevingscontract"), std::string::npos)
      << t;
  EXPECT_NE(t.find("Rubriek II: Bijkomende financiele hulp voor de aanpak van\nwoninginbraken"),
            std::string::npos)
      << t;
  // I.1.1 bound, 0 of 4 in a year that is over: not met, with its value.
  EXPECT_NE(t.find("I.1.1 Minimaal 4 buurtoverleggen per jaar (drempel 4 per jaar) niet gehaald"),
            std::string::npos)
      << t;
  EXPECT_NE(t.find("I € 145.230,50 € 12.000,00 € 133.230,50 onderbesteed"), std::string::npos) << t;
  EXPECT_NE(t.find("II € 38.000,00 € 40.000,00 -€ 2.000,00 overschreden"), std::string::npos) << t;
  EXPECT_NE(t.find("totaal € 183.230,50 € 52.000,00 € 131.230,50 onderbesteed"), std::string::npos)
      << t;
  EXPECT_NE(t.find("Open punten"), std::string::npos) << t;
}

TEST_F(ContractCliTest, AmendmentsReachExportIndicatorsAndReport) {
  ASSERT_NO_FATAL_FAILURE(ImportWithOfficerAndViewer(kHeistrode));
  // Bound before its text is amended: the binding follows the key.
  ASSERT_EQ(Run({"contract", "bind", "--indicator", "I.1.1", "--measure", "gas.cases.all", "--db",
                 db_, "--user", "officer"})
                .code,
            0);
  auto amend = [&](const std::string& path, const std::string& value, const std::string& user) {
    return Run({"contract", "amend", path, value, "--db", db_, "--user", user});
  };
  Outcome a = amend("rubric.I.annual_amount", "150.000,00", "officer");
  ASSERT_EQ(a.code, 0) << a.err;
  EXPECT_TRUE(HasLine(a.out, "as_imported: 145230.50")) << a.out;
  ASSERT_EQ(amend("indicator.I.1.1.text", "Minimaal 5 buurtoverleggen per jaar", "officer").code,
            0);
  ASSERT_EQ(amend("indicator.I.1.1.threshold", "5/year", "officer").code, 0);
  ASSERT_EQ(amend("procedure.3.deadline", "2021-06-30", "officer").code, 0);
  // Refusals: a viewer (6), a bad value (3, naming the path), a part that is not there (4).
  EXPECT_EQ(amend("rubric.I.title", "x", "view").code, 6);
  Outcome bad = amend("indicator.I.1.1.kind", "soms", "officer");
  EXPECT_EQ(bad.code, 3);
  EXPECT_NE(bad.err.find("indicator.I.1.1.kind"), std::string::npos) << bad.err;
  EXPECT_EQ(amend("rubric.IX.title", "x", "officer").code, 4);

  Outcome exp = Run({"contract", "export", "--db", db_});
  ASSERT_EQ(exp.code, 0) << exp.err;
  nlohmann::json j = nlohmann::json::parse(exp.out);
  EXPECT_EQ(j["rubrics"][0]["annual_amount"], "150000.00");
  EXPECT_EQ(j["objectives"][0]["strategic"][0]["indicators"][0]["text"],
            "Minimaal 5 buurtoverleggen per jaar");
  EXPECT_EQ(j["objectives"][0]["strategic"][0]["indicators"][0]["threshold"]["min"], 5);
  EXPECT_EQ(j["procedure"][2]["deadline"], "2021-06-30");
  Outcome raw = Run({"contract", "export", "--db", db_, "--as-imported"});
  ASSERT_EQ(raw.code, 0) << raw.err;
  nlohmann::json r = nlohmann::json::parse(raw.out);
  EXPECT_EQ(r["rubrics"][0]["annual_amount"], "145230.50");
  EXPECT_EQ(r["procedure"][2]["deadline"], "2021-05-15");

  Outcome list = Run({"contract", "amendments", "--db", db_});
  ASSERT_EQ(list.code, 0) << list.err;
  EXPECT_TRUE(HasLine(list.out,
                      "rubric.I.annual_amount\t145230.50\t150.000,00\tofficer\t"
                      "2026-03-20T09:00:00Z"))
      << list.out;
  EXPECT_TRUE(HasLine(list.out,
                      "indicator.I.1.1.threshold\t4/year\t5/year\tofficer\t"
                      "2026-03-20T09:00:00Z"))
      << list.out;

  // The indicators and the report read the amended contract; the binding still applies.
  Outcome ind = Run({"contract", "indicators", "--year", "2021", "--db", db_});
  ASSERT_EQ(ind.code, 0) << ind.err;
  EXPECT_NE(Squeezed(ind.out).find(
                "I.1.1 not_met 0 threshold gas.cases.all Minimaal 5 buurtoverleggen per jaar"),
            std::string::npos)
      << ind.out;
  EXPECT_EQ(ind.err.find("I.1.1"), std::string::npos) << ind.err;
  const std::string pdf = dir_.File("report.pdf");
  ASSERT_EQ(Run({"contract", "report", "--db", db_, "--year", "2021", "--out", pdf}).code, 0);
  const std::string txt = dir_.File("report.txt");
  ASSERT_EQ(std::system(("pdftotext -layout " + Quote(pdf) + " " + Quote(txt)).c_str()), 0);
  const std::string t = Squeezed(ReadFile(txt));
  EXPECT_NE(t.find("I.1.1 Minimaal 5 buurtoverleggen per jaar (drempel 5 per jaar) niet gehaald"),
            std::string::npos)
      << t;
  EXPECT_NE(t.find("I € 150.000,00"), std::string::npos) << t;

  // Undone: the part is as imported again.
  Outcome undo = Run(
      {"contract", "amend", "rubric.I.annual_amount", "--undo", "--db", db_, "--user", "officer"});
  ASSERT_EQ(undo.code, 0) << undo.err;
  EXPECT_TRUE(HasLine(undo.out, "value: 145230.50")) << undo.out;
  j = nlohmann::json::parse(Run({"contract", "export", "--db", db_}).out);
  EXPECT_EQ(j["rubrics"][0]["annual_amount"], "145230.50");
  EXPECT_EQ(Run({"contract", "amend", "rubric.I.annual_amount", "--undo", "--db", db_, "--user",
                 "officer"})
                .code,
            4);
}

}  // namespace
}  // namespace hh
