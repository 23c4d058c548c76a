#include "store/database.h"

#include <fmt/core.h>
#include <sqlite3.h>

#include <algorithm>
#include <cassert>
#include <climits>
#include <cstdlib>
#include <map>
#include <utility>
#include <vector>

#include "store/row_batch.h"

namespace hh {
namespace {

// The file a connection works on, for messages ("" for a connection that has none).
std::string FileOf(sqlite3* db) {
  const char* name = db ? sqlite3_db_filename(db, "main") : nullptr;
  return name ? name : "";
}

// Maps a SQLite result code to the canonical codes (CONTRIBUTING.md, "Error policy"). The message
// names the database file and carries SQLite's own text, which names a violated constraint
// ("UNIQUE constraint failed: settings.key") but never the values involved.
Status FromSqlite(int rc, sqlite3* db, std::string_view what = {}) {
  std::string message = FileOf(db);
  if (!message.empty()) message += ": ";
  if (!what.empty()) {
    message += what;
    message += ": ";
  }
  message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  switch (rc & 0xff) {  // the primary code of an extended one
    case SQLITE_CONSTRAINT:
    case SQLITE_TOOBIG:
      return InvalidArgument(std::move(message));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_PROTOCOL:
    case SQLITE_NOLFS:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_NOMEM:
    case SQLITE_INTERRUPT:
      return Unavailable(std::move(message));
    default:  // SQLITE_ERROR (bad SQL, no such table), SQLITE_MISUSE, SQLITE_RANGE, ...
      return Internal(std::move(message));
  }
}

struct Finalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using StmtPtr = std::unique_ptr<sqlite3_stmt, Finalizer>;

int SqlLength(std::string_view sql) {
  assert(sql.size() <= static_cast<size_t>(INT_MAX));
  return static_cast<int>(sql.size());
}

// Runs every statement of `sql` to completion on `db`.
Status ExecuteScript(sqlite3* db, std::string_view sql) {
  const char* next = sql.data();
  const char* const end = sql.data() + sql.size();
  while (next < end) {
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v2(db, next, SqlLength({next, static_cast<size_t>(end - next)}), &raw,
                                &tail);
    StmtPtr stmt(raw);
    if (rc != SQLITE_OK) return FromSqlite(rc, db);
    if (!stmt) break;  // only whitespace or comments were left
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) return FromSqlite(rc, db);
    next = tail;
  }
  return Status::Ok();
}

// The single text value of a statement that returns one row (a PRAGMA).
Result<std::string> QueryText(sqlite3* db, const char* sql) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db, sql, -1, &raw, nullptr);
  StmtPtr stmt(raw);
  if (rc != SQLITE_OK) return FromSqlite(rc, db);
  rc = sqlite3_step(stmt.get());
  if (rc != SQLITE_ROW) {
    if (rc == SQLITE_DONE) return Internal(FileOf(db) + ": no result from " + sql);
    return FromSqlite(rc, db);
  }
  const unsigned char* text = sqlite3_column_text(stmt.get(), 0);
  return std::string(text ? reinterpret_cast<const char*>(text) : "");
}

}  // namespace

// ---------------------------------------------------------------------------------- Statement

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)),
      bind_error_(std::move(other.bind_error_)),
      has_row_(std::exchange(other.has_row_, false)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    bind_error_ = std::move(other.bind_error_);
    has_row_ = std::exchange(other.has_row_, false);
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::Remember(int rc) {
  if (rc != SQLITE_OK && bind_error_.ok()) {
    bind_error_ = FromSqlite(rc, sqlite3_db_handle(stmt_), "bind");
  }
}

void Statement::BindInt64(int index, int64_t value) {
  Remember(sqlite3_bind_int64(stmt_, index, value));
}

void Statement::BindDouble(int index, double value) {
  Remember(sqlite3_bind_double(stmt_, index, value));
}

void Statement::BindText(int index, std::string_view value) {
  Remember(
      sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}

void Statement::BindBlob(int index, std::span<const std::byte> value) {
  if (value.empty()) {
    Remember(sqlite3_bind_zeroblob(stmt_, index, 0));
  } else {
    Remember(sqlite3_bind_blob64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT));
  }
}

void Statement::BindNull(int index) { Remember(sqlite3_bind_null(stmt_, index)); }

Result<bool> Statement::Step() {
  has_row_ = false;
  if (!bind_error_.ok()) return bind_error_;
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) {
    has_row_ = true;
    return true;
  }
  if (rc == SQLITE_DONE) {
    // Release the statement's hold on the database now: a statement left mid-way would keep
    // its read snapshot (and so stop WAL checkpoints) for as long as it lives.
    sqlite3_reset(stmt_);
    return false;
  }
  Status s = FromSqlite(rc, sqlite3_db_handle(stmt_));
  sqlite3_reset(stmt_);
  return s;
}

Status Statement::Run() {
  for (;;) {
    Result<bool> row = Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
  }
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = Status::Ok();
  has_row_ = false;
}

int Statement::ColumnCount() const { return sqlite3_column_count(stmt_); }

ColumnType Statement::Type(int column) const {
  assert(has_row_ && column >= 0 && column < ColumnCount());
  switch (sqlite3_column_type(stmt_, column)) {
    case SQLITE_INTEGER:
      return ColumnType::kInt64;
    case SQLITE_FLOAT:
      return ColumnType::kDouble;
    case SQLITE_TEXT:
      return ColumnType::kText;
    case SQLITE_BLOB:
      return ColumnType::kBlob;
    default:
      return ColumnType::kNull;
  }
}

int64_t Statement::ColumnInt64(int column) const {
  assert(has_row_ && column >= 0 && column < ColumnCount());
  return sqlite3_column_int64(stmt_, column);
}

double Statement::ColumnDouble(int column) const {
  assert(has_row_ && column >= 0 && column < ColumnCount());
  return sqlite3_column_double(stmt_, column);
}

std::string Statement::ColumnText(int column) const { return std::string(ColumnView(column)); }

std::string_view Statement::ColumnView(int column) const {
  assert(has_row_ && column >= 0 && column < ColumnCount());
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  const int n = sqlite3_column_bytes(stmt_, column);  // after _text, as SQLite requires
  if (!text) return {};
  return {reinterpret_cast<const char*>(text), static_cast<size_t>(n)};
}

std::vector<std::byte> Statement::ColumnBlob(int column) const {
  assert(has_row_ && column >= 0 && column < ColumnCount());
  const auto* bytes = static_cast<const std::byte*>(sqlite3_column_blob(stmt_, column));
  const int n = sqlite3_column_bytes(stmt_, column);  // after _blob, as SQLite requires
  if (!bytes) return {};
  return {bytes, bytes + n};
}

// ----------------------------------------------------------------------------------- Database

// A developer's tool, off unless the environment sets HH_SQL_PROFILE: the time SQLite spent in
// each statement (from its first step to its reset), summed by SQL text and printed on stderr,
// largest first, when the connection closes. Only the SQL is printed, never a bound value.
struct Database::Profile {
  struct Line {
    int64_t ns = 0;
    int64_t runs = 0;
  };
  std::map<std::string, Line> lines;

  static int Trace(unsigned type, void* self, void* stmt, void* ns) {
    if (type != SQLITE_TRACE_PROFILE) return 0;
    const char* sql = sqlite3_sql(static_cast<sqlite3_stmt*>(stmt));
    Line& line = static_cast<Profile*>(self)->lines[sql ? sql : "?"];
    line.ns += *static_cast<const sqlite3_int64*>(ns);
    ++line.runs;
    return 0;
  }

  void Print(const std::string& path) const {
    std::vector<std::pair<std::string, Line>> sorted(lines.begin(), lines.end());
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return a.second.ns > b.second.ns; });
    int64_t total = 0;
    for (const auto& [sql, line] : sorted) total += line.ns;
    fmt::print(stderr, "HH_SQL_PROFILE {}: {:.3f} s in SQLite\n", path, total / 1e9);
    for (const auto& [sql, line] : sorted) {
      std::string one_line = sql;
      std::replace(one_line.begin(), one_line.end(), '\n', ' ');
      if (one_line.size() > 160) one_line.resize(160);
      fmt::print(stderr, "  {:8.3f} s {:9} runs  {}\n", line.ns / 1e9, line.runs, one_line);
    }
  }
};

Database::Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {
  const char* env = std::getenv("HH_SQL_PROFILE");
  if (env == nullptr || *env == '\0' || db_ == nullptr) return;
  profile_ = std::make_unique<Profile>();
  sqlite3_trace_v2(db_, SQLITE_TRACE_PROFILE, &Profile::Trace, profile_.get());
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path,
                                                 const DatabaseOptions& options) {
  if (path.empty()) return InvalidArgument("database path is empty");
  // Once per process, before SQLite initialises: no memory statistics (each allocation would
  // take a global mutex to count itself; SQLite's own advice for speed). Nothing reads them.
  static const bool configured = [] {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
  }();
  (void)configured;
  sqlite3* raw = nullptr;
  // NOMUTEX: SQLite's own per-connection mutex is not needed, as a connection belongs to one
  // thread (see the header).
  const int rc =
      sqlite3_open_v2(path.c_str(), &raw,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  // From here the Database owns the handle (SQLite gives one even when the open fails).
  std::unique_ptr<Database> db(new Database(raw, path));
  if (rc != SQLITE_OK) {
    return Unavailable(
        path + ": cannot open the database: " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  }
  sqlite3_extended_result_codes(raw, 1);
  if (RegisterRowBatchModule(raw) != SQLITE_OK) {
    return Internal(path + ": cannot register the hh_rows module: " + sqlite3_errmsg(raw));
  }
  if (sqlite3_db_readonly(raw, "main") == 1) {
    return Unavailable(path + ": cannot open the database for writing (no permission?)");
  }
  // The busy timeout first, so that switching to WAL waits for another connection's lock.
  sqlite3_busy_timeout(raw, options.busy_timeout_ms);
  Status s = ExecuteScript(raw, "PRAGMA foreign_keys = ON");
  if (!s.ok()) return s;
  Result<std::string> fk = QueryText(raw, "PRAGMA foreign_keys");
  if (!fk.ok()) return fk.status();
  if (*fk != "1") return Internal(path + ": this SQLite cannot enforce foreign keys");
  // WAL: readers do not block the writer nor it them, and a commit is one append.
  Result<std::string> mode = QueryText(raw, "PRAGMA journal_mode = WAL");
  if (!mode.ok()) return mode.status();
  if (*mode != "wal") {
    return Unavailable(path + ": cannot use write-ahead logging (journal mode is \"" + *mode +
                       "\")");
  }
  // A page cache of cache_mib (negative cache_size: KiB), so that a bulk import's B-tree pages
  // stay in memory until the commit instead of spilling to the WAL halfway.
  s = ExecuteScript(raw, "PRAGMA cache_size = -" + std::to_string(options.cache_mib * 1024));
  if (!s.ok()) return s;
  // With WAL, synchronous=FULL syncs the log at every commit; NORMAL syncs it at checkpoints
  // only (SQLite's recommended setting for WAL: no corruption on power loss, but the last
  // commits before it may be lost). Kept FULL by default: a letter's posting day or a payment
  // must survive a power cut once the command said it was done.
  s = ExecuteScript(
      raw, options.durable_commits ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
  if (!s.ok()) return s;
  // Statement journals and temporary indexes in memory: every insert within a long
  // transaction (a statement import, a letter run) would otherwise write a temporary file.
  s = ExecuteScript(raw, "PRAGMA temp_store = MEMORY");
  if (!s.ok()) return s;
  return db;
}

Database::~Database() {
  if (profile_) {
    sqlite3_trace_v2(db_, 0, nullptr, nullptr);
    profile_->Print(path_);
  }
  sqlite3_close_v2(db_);
}

Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), SqlLength(sql), &raw, &tail);
  Statement stmt(raw);
  if (rc != SQLITE_OK) return FromSqlite(rc, db_, "prepare");
  if (!raw) return Internal(path_ + ": prepare: no SQL statement in \"" + std::string(sql) + "\"");
  // Anything after the first statement must be whitespace or comments.
  const std::string_view rest(tail, static_cast<size_t>(sql.data() + sql.size() - tail));
  sqlite3_stmt* extra = nullptr;
  rc = sqlite3_prepare_v2(db_, rest.data(), SqlLength(rest), &extra, nullptr);
  StmtPtr extra_owner(extra);
  if (rc != SQLITE_OK || extra) {
    return Internal(path_ + ": prepare: more than one SQL statement in \"" + std::string(sql) +
                    "\"");
  }
  return stmt;
}

Status Database::Execute(std::string_view sql) { return ExecuteScript(db_, sql); }

bool Database::InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

// -------------------------------------------------------------------------------- Transaction

Result<Transaction> Transaction::Begin(Database& db, Mode mode) {
  if (db.InTransaction()) return Internal(db.path() + ": a transaction is already open");
  Status s = db.Execute(mode == Mode::kImmediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
  if (!s.ok()) return s;
  return Transaction(&db);
}

Transaction::Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Transaction::~Transaction() {
  // SQLite itself rolls back on some errors (a full disk, I/O): then there is nothing to undo.
  if (db_ && db_->InTransaction()) {
    // Nothing can be reported from a destructor; a failed ROLLBACK leaves the transaction to be
    // rolled back when the connection closes.
    (void)db_->Execute("ROLLBACK");
  }
}

Status Transaction::Commit() {
  if (!db_) return Internal("commit of a transaction that is not open");
  if (!db_->InTransaction()) {
    return Internal(db_->path() + ": commit after SQLite rolled the transaction back on an error");
  }
  Status s = db_->Execute("COMMIT");
  if (s.ok()) db_ = nullptr;
  return s;
}

int64_t Database::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
int64_t Database::Changes() const { return sqlite3_changes64(db_); }

void Database::ResetStatements() {
  for (sqlite3_stmt* s = sqlite3_next_stmt(db_, nullptr); s != nullptr;
       s = sqlite3_next_stmt(db_, s)) {
    if (sqlite3_stmt_busy(s) != 0) sqlite3_reset(s);
  }
}

// ----------------------------------------------------------------------------- StatementCache

Result<CachedStatement> StatementCache::Get(std::string_view sql) {
  auto it = cache_.find(sql.data());
  if (it == cache_.end()) {
    Result<Statement> st = db_->Prepare(sql);
    if (!st.ok()) return st.status();
    it = cache_.emplace(sql.data(), std::make_unique<Statement>(std::move(*st))).first;
  }
  it->second->Reset();
  return CachedStatement(it->second.get());
}

void StatementCache::ResetAll() {
  for (auto& [sql_text, stmt] : cache_) stmt->Reset();
}

}  // namespace hh
