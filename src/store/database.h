// Database: one SQLite connection (WAL, foreign keys on, a busy timeout), with prepared
// statements and an RAII transaction guard, all reporting failures as Status. The Database owns
// its connection; a Statement or Transaction borrows it and must not outlive it.
// Thread rules: one connection per thread. A Database and everything made from it belong to the
// thread that uses them; other threads open their own Database on the same file (WAL lets
// readers run beside the one writer; writers wait up to the busy timeout for each other).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

// SQLite's handle types, so that users of this header need not see sqlite3.h.
struct sqlite3;
struct sqlite3_stmt;

namespace hh {

class RowBatch;

struct DatabaseOptions {
  // How long a statement waits for another connection's lock before failing with Unavailable.
  // Five seconds: a write transaction of this application is short (one request, or one batch
  // of an import), so a longer wait means something is stuck and the caller should hear of it.
  int busy_timeout_ms = 5000;
  // The page cache, in MiB (allocated as pages are used, up to this). 256 MiB holds the pages a
  // camera import of a few million reads, or a statement of 100,000 payments against as many
  // cases, touches, so they are read and written once, at the commit.
  int cache_mib = 256;
  // Sync the write-ahead log at every commit (PRAGMA synchronous = FULL): a commit survives a
  // power cut. False is for throw-away databases (benchmarks).
  bool durable_commits = true;
};

// The SQLite type of a column value in the current row.
enum class ColumnType { kInt64, kDouble, kText, kBlob, kNull };

// A prepared statement: bind parameters, step through rows, read columns. Move-only; finalized
// on destruction. Parameters are numbered from 1 (?1, ?2, ... as in the SQL); columns from 0.
//
// Binds do not return a Status: the first bind that fails (an index out of range, a value too
// big) is remembered and returned by the next Step() or Run(), which then do not execute.
class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  void BindInt64(int index, int64_t value);
  void BindDouble(int index, double value);
  // The text is copied: `value` may die after the call. It should be UTF-8.
  void BindText(int index, std::string_view value);
  // The bytes are copied. An empty blob is stored as a zero-length blob, not NULL.
  void BindBlob(int index, std::span<const std::byte> value);
  void BindNull(int index);
  // Binds a batch of rows for hh_rows(?index) (row_batch.h): not copied, so `rows` must live
  // and stay unchanged until the statement is reset or bound again.
  void BindRows(int index, const RowBatch& rows);

  // Runs the statement up to its next row. Returns true when a row is ready to read, false when
  // the statement is done (a later Step starts it again from the beginning, with the same
  // binds). Errors: a remembered bind error; InvalidArgument for a constraint violation, with
  // SQLite's message naming the constraint (e.g. "UNIQUE constraint failed: settings.key");
  // Unavailable for locking and I/O; Internal for misuse.
  Result<bool> Step();
  // Steps until the statement is done, discarding any rows. For INSERT, UPDATE, DELETE, DDL.
  Status Run();
  // Makes the statement ready to run again and clears its binds (all NULL) and any remembered
  // bind error.
  void Reset();

  // Reads of the current row: only valid after Step() returned true, until the next Step() or
  // Reset(). SQLite converts between types by its own rules (NULL reads as 0, 0.0, "" or an
  // empty blob); use Type() where NULL must be told apart.
  int ColumnCount() const;
  ColumnType Type(int column) const;
  int64_t ColumnInt64(int column) const;
  double ColumnDouble(int column) const;
  std::string ColumnText(int column) const;
  // The text without a copy: valid only until the next Step() or Reset().
  std::string_view ColumnView(int column) const;
  std::vector<std::byte> ColumnBlob(int column) const;

 private:
  friend class Database;
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  void Remember(int rc);

  sqlite3_stmt* stmt_ = nullptr;
  Status bind_error_;
  bool has_row_ = false;
};

class Database {
 public:
  // Opens the database file at `path`, creating it (not its folder) if it does not exist, and
  // sets journal_mode=WAL, foreign_keys=ON and the busy timeout. Unavailable when the file
  // cannot be created or opened read-write (a missing folder, no permission, a read-only file),
  // is not a SQLite database, or cannot use WAL. The path must name a file (not ":memory:").
  static Result<std::unique_ptr<Database>> Open(const std::string& path,
                                                const DatabaseOptions& options = {});

  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  // Closes the connection. Statements still alive keep it open until they are destroyed.
  ~Database();

  // Prepares exactly one SQL statement (trailing whitespace or comments allowed). Internal for
  // bad SQL or more than one statement: SQL is written by us, never by a user.
  Result<Statement> Prepare(std::string_view sql);
  // Runs a script of any number of statements without parameters (a migration). Errors are
  // mapped as for Statement::Step.
  Status Execute(std::string_view sql);

  // The rowid of the last row inserted on this connection, and the rows the last INSERT,
  // UPDATE or DELETE changed.
  int64_t LastInsertId() const;
  int64_t Changes() const;
  // Resets every statement of this connection that a caller left mid-way (a query stepped to
  // its first row only), so that the connection holds no read snapshot: a connection kept in a
  // pool calls it between uses, else it would go on reading the database as it was then (and
  // its next write would fail as busy). Never call it while a caller still reads a statement.
  void ResetStatements();

  // True while an explicit transaction (Transaction::Begin) is open.
  bool InTransaction() const;
  const std::string& path() const { return path_; }

 private:
  friend class Transaction;
  struct Profile;  // HH_SQL_PROFILE: see Open in database.cpp
  Database(sqlite3* db, std::string path);

  sqlite3* db_;
  std::string path_;
  std::unique_ptr<Profile> profile_;
};

// A transaction on one Database: Begin() it, do the work, Commit(). If it is destroyed without a
// successful Commit() (an early return, an exception, a failed commit) it rolls back, so nothing
// of the work remains. Transactions do not nest. Move-only; must not outlive its Database.
class Transaction {
 public:
  enum class Mode {
    // Takes the write lock at Begin (waiting up to the busy timeout): the mode for any
    // transaction that writes, because a deferred one that reads first and then writes fails
    // with Unavailable, without waiting, when another connection wrote in between.
    kImmediate,
    // Takes locks as statements need them: for transactions that only read (a consistent
    // snapshot across several queries).
    kDeferred,
  };

  // Internal when a transaction is already open on `db`; Unavailable when the lock cannot be
  // had within the busy timeout.
  static Result<Transaction> Begin(Database& db, Mode mode = Mode::kImmediate);

  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  // Makes the work durable. On failure (Unavailable: a lock, I/O, a full disk) the transaction
  // is still open and is rolled back on destruction. Internal when called twice.
  Status Commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_;  // null once committed or moved from
};

// The prepared statements of one connection, kept by the address of their SQL text (the
// embedded sql:: constants, which live as long as the program) and handed out reset, so that a
// store prepares each of its queries once. Same thread rules as the connection; it must not
// outlive it.
//
// A statement comes as a CachedStatement, which resets it when it goes out of scope: SQLite keeps
// a read snapshot open while a statement is stepped to a row and not reset (a one-row lookup, a
// page that stops after its rows), and with one open, this connection's next write would fail
// as busy, which waiting cannot cure, as soon as another connection (the server, a command) has
// committed since. So a store method that returns leaves no snapshot behind.
class CachedStatement {
 public:
  explicit CachedStatement(Statement* s) : s_(s) {}
  CachedStatement(CachedStatement&& o) noexcept : s_(std::exchange(o.s_, nullptr)) {}
  CachedStatement& operator=(CachedStatement&& o) noexcept {
    if (this != &o) {
      Release();
      s_ = std::exchange(o.s_, nullptr);
    }
    return *this;
  }
  CachedStatement(const CachedStatement&) = delete;
  CachedStatement& operator=(const CachedStatement&) = delete;
  ~CachedStatement() { Release(); }

  Statement* operator->() const { return s_; }
  Statement& operator*() const { return *s_; }
  operator Statement*() const { return s_; }  // NOLINT(google-explicit-constructor): a handle

 private:
  void Release() {
    if (s_ != nullptr) s_->Reset();
  }
  Statement* s_;
};

class StatementCache {
 public:
  explicit StatementCache(Database& db) : db_(&db) {}
  // The statement of `sql`, prepared on first use, reset and with its bindings kept; reset
  // again when the CachedStatement goes.
  Result<CachedStatement> Get(std::string_view sql);
  // Resets every statement (DDL needs no statement of the connection running).
  void ResetAll();

 private:
  Database* db_;
  std::map<const char*, std::unique_ptr<Statement>> cache_;
};

}  // namespace hh
