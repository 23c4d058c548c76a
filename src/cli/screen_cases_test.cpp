// Data-driven tests of `handhaving screen`: every folder under tests/cases/screening/ holds the
// input files of one case and the outputs expected by hand from SCREENING.md (see the README in
// tests/cases/screening/). Each case runs the real executable twice: with the normal block size,
// and with one-byte blocks so that every line break is a cut between parser threads.
#include "screen_cases.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string ReadFile(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string line;
  while (std::getline(ss, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

std::string Quote(const std::string& s) { return "'" + s + "'"; }

fs::path CasesDir() { return fs::path(HH_SOURCE_DIR) / "tests" / "cases" / "screening"; }

// The cases on disk now.
std::vector<std::string> CasesOnDisk() {
  std::vector<std::string> names;
  if (!fs::exists(CasesDir())) return names;
  for (const auto& e : fs::directory_iterator(CasesDir())) {
    if (e.is_directory()) names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// The cases CMake saw (screen_cases.h), which become the tests.
std::vector<std::string> CaseNames() {
  std::vector<std::string> names(std::begin(kScreenCases), std::end(kScreenCases));
  std::sort(names.begin(), names.end());
  return names;
}

// "line,reason" rows of our rejects.csv reduced to "line,code" (the code is the reason up to ':').
std::vector<std::string> RejectCodes(const std::string& csv) {
  std::vector<std::string> out;
  std::vector<std::string> lines = Lines(csv);
  for (size_t i = 1; i < lines.size(); ++i) {
    std::string l = lines[i];
    size_t comma = l.find(',');
    std::string reason = l.substr(comma + 1);
    if (!reason.empty() && reason[0] == '"') reason = reason.substr(1);
    out.push_back(l.substr(0, comma) + "," + reason.substr(0, reason.find(':')));
  }
  return out;
}

class ScreenCase : public ::testing::TestWithParam<std::tuple<std::string, int>> {};

TEST_P(ScreenCase, MatchesHandWrittenExpectation) {
  const auto& [name, block_bytes] = GetParam();
  const fs::path dir = CasesDir() / name;
  const fs::path out =
      fs::temp_directory_path() /
      ("hh_screen_" + name + "_" + std::to_string(block_bytes) + "_" + std::to_string(::getpid()));
  fs::remove_all(out);
  fs::create_directories(out);
  const fs::path result = out / "result";
  std::string cmd = Quote(HH_BINARY) + " screen --quiet --cameras " +
                    Quote((dir / "cameras.csv").string()) + " --permits " +
                    Quote((dir / "permits.csv").string()) + " --detections " +
                    Quote((dir / "detections.csv").string()) + " --out " + Quote(result.string());
  if (fs::exists(dir / "zones.csv")) cmd += " --zones " + Quote((dir / "zones.csv").string());
  if (fs::exists(dir / "args")) {
    std::string args = ReadFile(dir / "args");
    while (!args.empty() && (args.back() == '\n' || args.back() == '\r')) args.pop_back();
    cmd += " " + args;
  }
  if (block_bytes > 0) cmd += " --block-bytes " + std::to_string(block_bytes);
  cmd += " >" + Quote((out / "stdout").string()) + " 2>" + Quote((out / "stderr").string());
  int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status)) << cmd;
  const int code = WEXITSTATUS(status);
  const std::string out_text = ReadFile(out / "stdout");
  const std::string err_text = ReadFile(out / "stderr");
  const fs::path exp = dir / "expected";

  if (fs::exists(exp / "exit_code")) {
    EXPECT_EQ(code, std::stoi(ReadFile(exp / "exit_code"))) << err_text;
    for (const std::string& want : Lines(ReadFile(exp / "stderr_contains"))) {
      EXPECT_NE(err_text.find(want), std::string::npos)
          << "stderr lacks \"" << want << "\": " << err_text;
    }
    EXPECT_FALSE(fs::exists(result) && !fs::is_empty(result)) << "a refused run wrote output files";
  } else {
    ASSERT_EQ(code, 0) << err_text;
    for (const char* f : {"violations.csv", "review.csv"}) {
      EXPECT_EQ(ReadFile(result / f), ReadFile(exp / f)) << name << ": " << f;
    }
    EXPECT_EQ(RejectCodes(ReadFile(result / "rejects.csv")),
              RejectCodes(ReadFile(exp / "rejects.csv")))
        << name << ": rejects.csv\n"
        << ReadFile(result / "rejects.csv");
    if (fs::exists(exp / "summary.txt")) {
      std::vector<std::string> have = Lines(out_text);
      for (const std::string& want : Lines(ReadFile(exp / "summary.txt"))) {
        EXPECT_NE(std::find(have.begin(), have.end(), want), have.end())
            << name << ": summary lacks \"" << want << "\"\n"
            << out_text;
      }
    }
  }
  fs::remove_all(out);
}

INSTANTIATE_TEST_SUITE_P(Cases, ScreenCase,
                         ::testing::Combine(::testing::ValuesIn(CaseNames()),
                                            ::testing::Values(0, 1)),
                         [](const auto& info) {
                           return std::get<0>(info.param) +
                                  (std::get<1>(info.param) ? "_tiny_blocks" : "");
                         });

TEST(ScreenCases, EveryCaseFolderIsATest) {
  EXPECT_GE(CaseNames().size(), 15u) << CasesDir();
  EXPECT_EQ(CaseNames(), CasesOnDisk()) << "a case folder lacks detections.csv, or CMake has not "
                                           "seen a new case: build again";
}

}  // namespace
