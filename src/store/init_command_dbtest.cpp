// `handhaving init` through the real executable (HH_BINARY): it creates the database, is
// idempotent, and maps failures to the documented exit codes. It lives here rather than beside
// src/cli/init_command.cpp because it needs a database, like the rest of store_dbtest.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/migrations.h"
#include "store/test_temp_dir.h"

namespace hh {
namespace {

struct CommandRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string Quote(const std::string& s) { return "'" + s + "'"; }

CommandRun RunInit(const TempDir& dir, const std::string& db_path) {
  const std::string out = dir.File("stdout");
  const std::string err = dir.File("stderr");
  const std::string cmd =
      Quote(HH_BINARY) + " init --db " + Quote(db_path) + " >" + Quote(out) + " 2>" + Quote(err);
  const int status = std::system(cmd.c_str());
  CommandRun r;
  EXPECT_TRUE(WIFEXITED(status)) << cmd;
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

bool HasLine(const std::string& text, const std::string& line) {
  std::stringstream ss(text);
  for (std::string l; std::getline(ss, l);) {
    if (l == line) return true;
  }
  return false;
}

TEST(InitCommandTest, TwiceCreatesThenAppliesNothing) {
  TempDir dir;
  const std::string path = dir.File("handhaving.db");
  const std::string version = "schema_version: " + std::to_string(EmbeddedMigrations().size());

  CommandRun first = RunInit(dir, path);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_TRUE(HasLine(first.out, "database: " + path)) << first.out;
  EXPECT_NE(first.out.find("applied: 0001_settings"), std::string::npos) << first.out;
  EXPECT_TRUE(HasLine(first.out, version)) << first.out;
  EXPECT_TRUE(std::filesystem::exists(path));

  CommandRun second = RunInit(dir, path);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_TRUE(HasLine(second.out, "applied: none (already up to date)")) << second.out;
  EXPECT_TRUE(HasLine(second.out, version)) << second.out;

  // The file is a migrated database, in WAL mode.
  Result<std::unique_ptr<Database>> db = Database::Open(path);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  Result<Statement> s = (*db)->Prepare("SELECT count(*) FROM schema_migrations");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_TRUE(*s->Step());
  EXPECT_EQ(s->ColumnInt64(0), static_cast<int64_t>(EmbeddedMigrations().size()));
}

TEST(InitCommandTest, UnwritablePathExitsUnavailable) {
  TempDir dir;
  const std::string file = dir.File("plain_file");
  std::ofstream(file) << "not a folder\n";
  CommandRun r = RunInit(dir, file + "/handhaving.db");
  EXPECT_EQ(r.exit_code, 4) << r.err;  // kExitUnavailable
  EXPECT_NE(r.err.find("handhaving.db"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(InitCommandTest, DatabaseOfANewerProgramExitsRejected) {
  TempDir dir;
  const std::string path = dir.File("handhaving.db");
  {
    Result<std::unique_ptr<Database>> db = Database::Open(path);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    std::vector<Migration> newer(EmbeddedMigrations().begin(), EmbeddedMigrations().end());
    newer.push_back({static_cast<int>(newer.size()) + 1, "from_the_future", "SELECT 1;"});
    ASSERT_TRUE(ApplyMigrations(**db, newer, Instant::FromUnix(0)).ok());
  }
  CommandRun r = RunInit(dir, path);
  EXPECT_EQ(r.exit_code, 5) << r.err;  // kExitRejected
  EXPECT_NE(r.err.find("newer version"), std::string::npos) << r.err;
}

TEST(InitCommandTest, MissingDbOptionIsAUsageError) {
  TempDir dir;
  const std::string cmd = Quote(HH_BINARY) + " init >/dev/null 2>&1";
  const int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2);  // kExitUsage
}

}  // namespace
}  // namespace hh
