// SqliteUserStore: UserStore (user_store.h) over the tables of migrations 0002_cases (users) and
// 0004_users_audit of a SQLite Database. It borrows the Database, which must outlive it and have
// been migrated (ApplyMigrations), and follows its thread rules: one thread. Prepared statements
// are made once and kept.
#pragma once

#include <map>
#include <memory>

#include "store/database.h"
#include "store/user_store.h"

namespace hh {

class SqliteUserStore final : public UserStore {
 public:
  explicit SqliteUserStore(Database& db) : db_(&db), cache_(db) {}

  Status AddUserWithPassword(const User& user, std::string_view password_hash, Instant at) override;
  Status SetPasswordHash(std::string_view login, std::string_view password_hash) override;
  Result<std::optional<UserCredentials>> FindCredentials(std::string_view login) override;
  Result<std::optional<User>> GetUser(int64_t id) override;
  Result<std::vector<UserCredentials>> ListUsers() override;
  Status SetUserRole(int64_t id, Role role) override;
  Status SetUserActive(int64_t id, bool active) override;

  Status InsertSession(const WebSession& session) override;
  Result<std::optional<WebSession>> FindSession(std::string_view token_hash) override;
  Status TouchSession(std::string_view token_hash, Instant last_seen_at) override;
  Status DeleteSession(std::string_view token_hash) override;
  Result<int64_t> DeleteSessionsOf(int64_t user_id) override;
  Result<int64_t> PurgeSessions(Instant now, Instant idle_before) override;

  Status RecordLoginFailure(std::string_view login, std::string_view remote, Instant at) override;
  Result<std::vector<Instant>> LoginFailuresSince(std::string_view login, Instant since) override;
  Status ClearLoginFailures(std::string_view login) override;

  Status Audit(const AuditEntry& entry) override;
  Result<std::vector<AuditEntry>> SearchAudit(const AuditFilter& filter) override;

  Result<std::vector<StateCount>> CountCasesByState() override;

 private:
  // The prepared statement for `sql` (one of the sql::k* constants), made on first use and
  // reset before it is returned.
  Result<CachedStatement> Stmt(std::string_view sql);

  Database* db_;
  StatementCache cache_;
};

}  // namespace hh
