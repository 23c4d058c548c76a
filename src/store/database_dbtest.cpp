// Database, Statement and Transaction on fresh SQLite files: the connection settings, typed binds
// and reads, transactions, and how SQLite's errors become Status codes.
#include <fmt/core.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/row_batch.h"
#include "store/test_temp_dir.h"

namespace hh {
namespace {

std::unique_ptr<Database> OpenOrDie(const std::string& path, const DatabaseOptions& options = {}) {
  Result<std::unique_ptr<Database>> db = Database::Open(path, options);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return db.ok() ? std::move(*db) : nullptr;
}

void Exec(Database& db, std::string_view sql) {
  Status s = db.Execute(sql);
  ASSERT_TRUE(s.ok()) << s.ToString();
}

// The first column of the first row of `sql`, as text ("" when there is no row).
std::string QueryText(Database& db, std::string_view sql) {
  Result<Statement> stmt = db.Prepare(sql);
  EXPECT_TRUE(stmt.ok()) << stmt.status().ToString();
  if (!stmt.ok()) return "";
  Result<bool> row = stmt->Step();
  EXPECT_TRUE(row.ok()) << row.status().ToString();
  return row.ok() && *row ? stmt->ColumnText(0) : "";
}

int64_t Count(Database& db, std::string_view table) {
  return std::stoll(QueryText(db, "SELECT count(*) FROM " + std::string(table)));
}

TEST(DatabaseTest, OpenCreatesTheFileWithWalForeignKeysAndBusyTimeout) {
  TempDir dir;
  const std::string path = dir.File("hh.db");
  ASSERT_FALSE(std::filesystem::exists(path));
  auto db = OpenOrDie(path);
  ASSERT_TRUE(db);
  EXPECT_TRUE(std::filesystem::exists(path));
  EXPECT_EQ(db->path(), path);
  EXPECT_EQ(QueryText(*db, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(QueryText(*db, "PRAGMA foreign_keys"), "1");
  EXPECT_EQ(QueryText(*db, "PRAGMA busy_timeout"), "5000");

  auto other = OpenOrDie(dir.File("other.db"), DatabaseOptions{.busy_timeout_ms = 1234});
  ASSERT_TRUE(other);
  EXPECT_EQ(QueryText(*other, "PRAGMA busy_timeout"), "1234");
}

TEST(DatabaseTest, ForeignKeysAreEnforced) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("hh.db"));
  ASSERT_TRUE(db);
  Exec(*db,
       "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
       "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES "
       "parent (id));");
  Status s = db->Execute("INSERT INTO child (id, parent_id) VALUES (1, 42)");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << s.ToString();
  EXPECT_NE(s.message().find("FOREIGN KEY constraint failed"), std::string::npos) << s.message();
  EXPECT_EQ(Count(*db, "child"), 0);
}

TEST(DatabaseTest, ConstraintViolationIsInvalidArgumentNamingTheConstraint) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("hh.db"));
  ASSERT_TRUE(db);
  Exec(*db,
       "CREATE TABLE t (k TEXT PRIMARY KEY, n INTEGER NOT NULL "
       "CONSTRAINT n_positive CHECK (n > 0))");
  Exec(*db, "INSERT INTO t (k, n) VALUES ('a', 1)");

  struct Case {
    const char* sql;
    const char* message;
  };
  for (const Case& c : {
           Case{"INSERT INTO t (k, n) VALUES ('a', 2)", "UNIQUE constraint failed: t.k"},
           Case{"INSERT INTO t (k, n) VALUES ('b', 0)", "CHECK constraint failed: n_positive"},
           Case{"INSERT INTO t (k, n) VALUES ('c', NULL)", "NOT NULL constraint failed: t.n"},
       }) {
    Result<Statement> insert = db->Prepare(c.sql);
    ASSERT_TRUE(insert.ok()) << insert.status().ToString();
    Status s = insert->Run();
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << c.sql << ": " << s.ToString();
    EXPECT_NE(s.message().find(c.message), std::string::npos) << c.sql << ": " << s.message();
  }
  EXPECT_EQ(Count(*db, "t"), 1);
}

TEST(DatabaseTest, TypedBindsAndReadsRoundTrip) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("hh.db"));
  ASSERT_TRUE(db);
  Exec(*db, "CREATE TABLE v (i INTEGER, d REAL, t TEXT, b BLOB, n TEXT)");
  const std::string text("caf\xc3\xa9 \"'; --\0end", 16);
  const std::vector<std::byte> blob = {std::byte{0}, std::byte{0xff}, std::byte{0x27},
                                       std::byte{0}};
  const int64_t values[] = {std::numeric_limits<int64_t>::min(), -1, 0,
                            std::numeric_limits<int64_t>::max()};

  Result<Statement> insert =
      db->Prepare("INSERT INTO v (i, d, t, b, n) VALUES (?1, ?2, ?3, ?4, ?5)");
  ASSERT_TRUE(insert.ok()) << insert.status().ToString();
  for (int64_t i : values) {
    insert->Reset();
    insert->BindInt64(1, i);
    insert->BindDouble(2, 0.1 * static_cast<double>(i % 7));
    insert->BindText(3, text);
    insert->BindBlob(4, blob);
    insert->BindNull(5);
    ASSERT_TRUE(insert->Run().ok());
  }

  Result<Statement> select = db->Prepare("SELECT i, d, t, b, n FROM v ORDER BY i");
  ASSERT_TRUE(select.ok()) << select.status().ToString();
  EXPECT_EQ(select->ColumnCount(), 5);
  for (int64_t i : values) {
    Result<bool> row = select->Step();
    ASSERT_TRUE(row.ok() && *row) << row.status().ToString();
    EXPECT_EQ(select->Type(0), ColumnType::kInt64);
    EXPECT_EQ(select->ColumnInt64(0), i);
    EXPECT_EQ(select->Type(1), ColumnType::kDouble);
    EXPECT_EQ(select->ColumnDouble(1), 0.1 * static_cast<double>(i % 7));
    EXPECT_EQ(select->Type(2), ColumnType::kText);
    EXPECT_EQ(select->ColumnText(2), text);
    EXPECT_EQ(select->Type(3), ColumnType::kBlob);
    EXPECT_EQ(select->ColumnBlob(3), blob);
    EXPECT_EQ(select->Type(4), ColumnType::kNull);
    EXPECT_EQ(select->ColumnText(4), "");
  }
  Result<bool> done = select->Step();
  ASSERT_TRUE(done.ok());
  EXPECT_FALSE(*done);
  // A finished statement runs again from the start.
  Result<bool> again = select->Step();
  ASSERT_TRUE(again.ok() && *again);
  EXPECT_EQ(select->ColumnInt64(0), values[0]);
}

// hh_rows (row_batch.h): a bound batch reads back as rows of its values, with their types, in
// the order added; columns past the batch's width are NULL, an empty batch has no rows, and the
// function without its batch is refused at prepare.
TEST(DatabaseTest, RowBatchReadsBackAsTheTableValuedFunctionHhRows) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("hh.db"));
  ASSERT_TRUE(db);
  RowBatch batch(3);
  batch.Int(7);
  batch.Text("één");
  batch.Null();
  batch.OptInt(std::nullopt);
  batch.OptText(std::string("twee"));
  batch.Int(-1);
  EXPECT_EQ(batch.rows(), 2u);
  Result<Statement> st = db->Prepare(
      "SELECT typeof(c0), c0, typeof(c1), c1, typeof(c2), c2, typeof(c3) "
      "FROM hh_rows(?1)");
  ASSERT_TRUE(st.ok()) << st.status().ToString();
  st->BindRows(1, batch);
  std::vector<std::string> rows;
  for (;;) {
    Result<bool> row = st->Step();
    ASSERT_TRUE(row.ok()) << row.status().ToString();
    if (!*row) break;
    std::string line;
    for (int i = 0; i < st->ColumnCount(); ++i) line += st->ColumnText(i) + "|";
    rows.push_back(line);
  }
  EXPECT_EQ(rows, (std::vector<std::string>{"integer|7|text|één|null||null|",
                                            "null||text|twee|integer|-1|null|"}));

  RowBatch empty(2);
  st->Reset();
  st->BindRows(1, empty);
  Result<bool> none = st->Step();
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(*none);

  // Inserted set-wise, the rows keep their order in the table's ids.
  Exec(*db, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
  Result<Statement> ins = db->Prepare("INSERT INTO t (v) SELECT c1 FROM hh_rows(?1)");
  ASSERT_TRUE(ins.ok()) << ins.status().ToString();
  ins->BindRows(1, batch);
  ASSERT_TRUE(ins->Run().ok());
  EXPECT_EQ(QueryText(*db, "SELECT group_concat(id || '=' || v, ',') FROM t"), "1=één,2=twee");

  EXPECT_FALSE(db->Prepare("SELECT c0 FROM hh_rows").ok());  // no batch: no plan
}

// A large batch (150,000 cells, about 2 MB of text and one value of 3 MB) reads back whole, in
// order; after Clear() it holds only what came after.
TEST(DatabaseTest, LargeRowBatchAndOneAfterClearReadBackWhole) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("hh.db"));
  ASSERT_TRUE(db);
  Exec(*db, "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, v TEXT, w TEXT)");
  Result<Statement> ins = db->Prepare("INSERT INTO t (n, v, w) SELECT c0, c1, c2 FROM hh_rows(?1)");
  ASSERT_TRUE(ins.ok()) << ins.status().ToString();
  auto text = [](int i) { return fmt::format("row {:06d} {}", i, std::string(i % 50, 'x')); };
  const std::string big(3 << 20, 'b');
  RowBatch batch(3);
  constexpr int kRows = 50'000;  // 150,000 cells, about 2.2 MB of text
  for (int i = 0; i < kRows; ++i) {
    batch.Int(i);
    batch.Text(text(i));
    if (i == 20'000) {
      batch.Text(big);
    } else {
      batch.Null();
    }
  }
  ASSERT_EQ(batch.rows(), static_cast<size_t>(kRows));
  ins->BindRows(1, batch);
  ASSERT_TRUE(ins->Run().ok());
  EXPECT_EQ(QueryText(*db,
                      "SELECT count(*) FROM t WHERE v = 'row ' || printf('%06d', n) || ' ' "
                      "|| substr(printf('%.50c', 'x'), 1, n % 50)"),
            std::to_string(kRows));
  EXPECT_EQ(QueryText(*db, "SELECT group_concat(n) FROM t WHERE w IS NOT NULL"), "20000");
  EXPECT_EQ(QueryText(*db,
                      "SELECT length(w) = 3145728 AND w NOT GLOB '*[^b]*' FROM t "
                      "WHERE n = 20000"),
            "1");
  EXPECT_EQ(QueryText(*db, "SELECT v FROM t WHERE n = 49999"), text(49'999));

  batch.Clear();
  EXPECT_TRUE(batch.empty());
  batch.Int(-5);
  batch.Text("na clear");
  batch.Null();
  Exec(*db, "DELETE FROM t");
  ins->Reset();
  ins->BindRows(1, batch);
  ASSERT_TRUE(ins->Run().ok());
  EXPECT_EQ(QueryText(*db, "SELECT group_concat(n || ':' || v || ':' || ifnull(w, '-')) FROM t"),
            "-5:na clear:-");
}

TEST(DatabaseTest, EmptyBlobIsNotNull) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("hh.db"));
  ASSERT_TRUE(db);
  Result<Statement> select = db->Prepare("SELECT ?1, length(?1)");
  ASSERT_TRUE(select.ok());
  select->BindBlob(1, {});
  Result<bool> row = select->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ(select->Type(0), ColumnType::kBlob);
  EXPECT_EQ(select->ColumnInt64(1), 0);
  EXPECT_TRUE(select->ColumnBlob(0).empty());
}

TEST(DatabaseTest, BindErrorIsReturnedByStepUntilReset) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("hh.db"));
  ASSERT_TRUE(db);
  Exec(*db, "CREATE TABLE t (x INTEGER)");
  Result<Statement> insert = db->Prepare("INSERT INTO t (x) VALUES (?1)");
  ASSERT_TRUE(insert.ok());
  insert->BindInt64(2, 7);  // there is no ?2
  insert->BindInt64(1, 7);
  Status s = insert->Run();
  EXPECT_EQ(s.code(), StatusCode::kInternal) << s.ToString();
  EXPECT_EQ(Count(*db, "t"), 0) << "a statement with a bad bind must not run";
  insert->Reset();
  insert->BindInt64(1, 7);
  EXPECT_TRUE(insert->Run().ok());
  EXPECT_EQ(Count(*db, "t"), 1);
}

TEST(DatabaseTest, PrepareTakesExactlyOneStatement) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("hh.db"));
  ASSERT_TRUE(db);
  EXPECT_TRUE(db->Prepare("SELECT 1; -- a comment\n").ok());
  EXPECT_EQ(db->Prepare("SELECT 1; SELECT 2").status().code(), StatusCode::kInternal);
  EXPECT_EQ(db->Prepare("SELEKT 1").status().code(), StatusCode::kInternal);
  EXPECT_EQ(db->Prepare("SELECT * FROM no_such_table").status().code(), StatusCode::kInternal);
  EXPECT_EQ(db->Prepare("  -- nothing\n").status().code(), StatusCode::kInternal);
}

TEST(DatabaseTest, TransactionNotCommittedLeavesNothing) {
  TempDir dir;
  const std::string path = dir.File("hh.db");
  auto db = OpenOrDie(path);
  ASSERT_TRUE(db);
  Exec(*db, "CREATE TABLE t (x INTEGER)");
  {
    Result<Transaction> tx = Transaction::Begin(*db);
    ASSERT_TRUE(tx.ok()) << tx.status().ToString();
    EXPECT_TRUE(db->InTransaction());
    Exec(*db, "INSERT INTO t (x) VALUES (1)");
    Exec(*db, "INSERT INTO t (x) VALUES (2)");
    EXPECT_EQ(Count(*db, "t"), 2);
  }  // no Commit
  EXPECT_FALSE(db->InTransaction());
  EXPECT_EQ(Count(*db, "t"), 0);
  auto reopened = OpenOrDie(path);
  ASSERT_TRUE(reopened);
  EXPECT_EQ(Count(*reopened, "t"), 0);
}

TEST(DatabaseTest, CommittedTransactionIsSeenByAnotherConnection) {
  TempDir dir;
  const std::string path = dir.File("hh.db");
  auto db = OpenOrDie(path);
  ASSERT_TRUE(db);
  Exec(*db, "CREATE TABLE t (x INTEGER)");
  auto reader = OpenOrDie(path);
  ASSERT_TRUE(reader);
  {
    Result<Transaction> tx = Transaction::Begin(*db);
    ASSERT_TRUE(tx.ok());
    Exec(*db, "INSERT INTO t (x) VALUES (1)");
    EXPECT_EQ(Count(*reader, "t"), 0) << "uncommitted work must not be visible";
    Status s = tx->Commit();
    ASSERT_TRUE(s.ok()) << s.ToString();
    EXPECT_EQ(tx->Commit().code(), StatusCode::kInternal);
  }
  EXPECT_EQ(Count(*db, "t"), 1);
  EXPECT_EQ(Count(*reader, "t"), 1);
}

// A statement left at its first row keeps its connection on that snapshot: it does not see
// another connection's later write, and its own write fails as busy, until ResetStatements.
TEST(DatabaseTest, ResetStatementsLetsAConnectionSeeLaterWrites) {
  TempDir dir;
  auto a = OpenOrDie(dir.File("t.db"));
  auto b = OpenOrDie(dir.File("t.db"));
  ASSERT_TRUE(a && b);
  Exec(*a, "CREATE TABLE t (v INTEGER)");
  Exec(*a, "INSERT INTO t VALUES (1)");
  Result<Statement> pending = a->Prepare("SELECT v FROM t");
  ASSERT_TRUE(pending.ok());
  ASSERT_TRUE(*pending->Step());  // one row read, the statement left mid-way
  Exec(*b, "INSERT INTO t VALUES (2)");
  EXPECT_EQ(QueryText(*a, "SELECT count(*) FROM t"), "1");  // the old snapshot
  a->ResetStatements();
  EXPECT_EQ(QueryText(*a, "SELECT count(*) FROM t"), "2");
  Exec(*a, "INSERT INTO t VALUES (3)");
  EXPECT_EQ(QueryText(*b, "SELECT count(*) FROM t"), "3");
}

TEST(DatabaseTest, TransactionsDoNotNest) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("hh.db"));
  ASSERT_TRUE(db);
  Result<Transaction> outer = Transaction::Begin(*db);
  ASSERT_TRUE(outer.ok());
  Result<Transaction> inner = Transaction::Begin(*db, Transaction::Mode::kDeferred);
  EXPECT_EQ(inner.status().code(), StatusCode::kInternal);
  EXPECT_TRUE(db->InTransaction());
}

TEST(DatabaseTest, WriteLockHeldElsewhereIsUnavailableAfterTheBusyTimeout) {
  TempDir dir;
  const std::string path = dir.File("hh.db");
  auto writer = OpenOrDie(path);
  ASSERT_TRUE(writer);
  Exec(*writer, "CREATE TABLE t (x INTEGER)");
  auto other = OpenOrDie(path, DatabaseOptions{.busy_timeout_ms = 50});
  ASSERT_TRUE(other);
  Result<Transaction> holding = Transaction::Begin(*writer);
  ASSERT_TRUE(holding.ok());

  Result<Transaction> blocked = Transaction::Begin(*other);
  EXPECT_EQ(blocked.status().code(), StatusCode::kUnavailable) << blocked.status().ToString();
  Status s = other->Execute("INSERT INTO t (x) VALUES (1)");
  EXPECT_EQ(s.code(), StatusCode::kUnavailable) << s.ToString();
  // WAL: a reader is not blocked by the writer.
  EXPECT_EQ(Count(*other, "t"), 0);
}

TEST(DatabaseTest, UnwritablePathIsUnavailable) {
  TempDir dir;
  const std::string file = dir.File("plain_file");
  std::ofstream(file) << "not a folder\n";
  // Under a regular file (fails even for root), and in a folder that does not exist.
  for (const std::string& path : {file + "/hh.db", dir.File("missing/hh.db")}) {
    Result<std::unique_ptr<Database>> db = Database::Open(path);
    EXPECT_EQ(db.status().code(), StatusCode::kUnavailable) << path;
    EXPECT_NE(db.status().message().find(path), std::string::npos) << db.status().message();
  }
  EXPECT_EQ(Database::Open("").status().code(), StatusCode::kInvalidArgument);
}

TEST(DatabaseTest, ReadOnlyFileIsUnavailable) {
  // SQLite quietly opens a file it may not write read-only; Open must refuse it instead.
  if (::geteuid() == 0) GTEST_SKIP() << "root may write any file";
  TempDir dir;
  const std::string path = dir.File("hh.db");
  ASSERT_TRUE(OpenOrDie(path));
  std::filesystem::permissions(path, std::filesystem::perms::owner_read);
  Result<std::unique_ptr<Database>> db = Database::Open(path);
  EXPECT_EQ(db.status().code(), StatusCode::kUnavailable) << db.status().ToString();
}

TEST(DatabaseTest, FileThatIsNotADatabaseIsUnavailable) {
  TempDir dir;
  const std::string path = dir.File("notes.txt");
  std::ofstream(path) << std::string(4096, 'x');
  Result<std::unique_ptr<Database>> db = Database::Open(path);
  EXPECT_EQ(db.status().code(), StatusCode::kUnavailable) << db.status().ToString();
}

// HH_SQL_PROFILE (a developer's tool): the closing connection prints each statement's SQL with
// its runs, largest time first, and never a bound value.
TEST(DatabaseTest, SqlProfilePrintsEachStatementWithItsRunsWithoutValues) {
  TempDir dir;
  ::setenv("HH_SQL_PROFILE", "1", 1);
  testing::internal::CaptureStderr();
  {
    std::unique_ptr<Database> db = OpenOrDie(dir.File("profile.db"));
    ASSERT_NE(db, nullptr);
    Exec(*db, "CREATE TABLE t (v TEXT)");
    Result<Statement> insert = db->Prepare("INSERT INTO t (v) VALUES (?1)");
    ASSERT_TRUE(insert.ok()) << insert.status().ToString();
    for (int i = 0; i < 3; ++i) {
      insert->BindText(1, "secret-value");
      ASSERT_TRUE(insert->Run().ok());
    }
  }
  const std::string printed = testing::internal::GetCapturedStderr();
  ::unsetenv("HH_SQL_PROFILE");
  EXPECT_NE(printed.find("HH_SQL_PROFILE " + dir.File("profile.db")), std::string::npos) << printed;
  EXPECT_NE(printed.find("3 runs  INSERT INTO t (v) VALUES (?1)"), std::string::npos) << printed;
  EXPECT_NE(printed.find("1 runs  CREATE TABLE t (v TEXT)"), std::string::npos) << printed;
  EXPECT_EQ(printed.find("secret-value"), std::string::npos) << printed;
  // Without the variable nothing is printed.
  testing::internal::CaptureStderr();
  { std::unique_ptr<Database> db = OpenOrDie(dir.File("quiet.db")); }
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
}

}  // namespace
}  // namespace hh
