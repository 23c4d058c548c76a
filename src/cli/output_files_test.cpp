#include "cli/output_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace hh {
namespace {

std::string Slurp(const fs::path& p) {
  std::ifstream f(p);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

TEST(OutputFiles, CreatesFolderAndWritesEveryFile) {
  fs::path dir = fs::temp_directory_path() / ("hh_out_" + std::to_string(::getpid())) / "a" / "b";
  ASSERT_TRUE(WriteOutputFiles(dir.string(), {{"x.csv", "1\n"}, {"y.csv", "2\n"}}).ok());
  EXPECT_EQ(Slurp(dir / "x.csv"), "1\n");
  EXPECT_EQ(Slurp(dir / "y.csv"), "2\n");
  // No temporary file is left behind.
  int count = 0;
  for (const auto& e : fs::directory_iterator(dir)) count += e.is_regular_file();
  EXPECT_EQ(count, 2);
  fs::remove_all(dir.parent_path().parent_path());
}

TEST(OutputFiles, FailureLeavesOlderFilesUntouched) {
  fs::path dir = fs::temp_directory_path() / ("hh_out2_" + std::to_string(::getpid()));
  ASSERT_TRUE(WriteOutputFiles(dir.string(), {{"x.csv", "old\n"}}).ok());
  // A folder in the way of the second file makes the write fail after the first was written.
  fs::create_directories(dir / ".y.csv.tmp");
  Status s = WriteOutputFiles(dir.string(), {{"x.csv", "new\n"}, {"y.csv", "2\n"}});
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kUnavailable);
  EXPECT_EQ(Slurp(dir / "x.csv"), "old\n");
  EXPECT_FALSE(fs::exists(dir / ".x.csv.tmp"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace hh
