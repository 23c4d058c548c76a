// UserStore: what the web application keeps about the people who use it (migration
// 0004_users_audit): their password hashes, their server-side sessions, failed logins for the
// lock-out, and the audit log; plus the case counts the dashboard shows. An interface, like
// CaseStore (case_store.h), so that src/web never knows which database holds it. The store owns
// the rows; callers get copies. Thread rules: an implementation belongs to one thread, like the
// connection under it; each call is atomic.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/instant.h"
#include "core/status.h"
#include "gas/procedure.h"
#include "store/case_store.h"

namespace hh {

// A user with the hash that checks their password (libsodium crypto_pwhash_str text); empty
// when the user has no password (cannot log in to the web application).
struct UserCredentials {
  User user;
  std::string password_hash;
};

// A server-side session. The cookie holds a random token; only its SHA-256 (hex) is stored.
struct WebSession {
  std::string token_hash;
  int64_t user_id = 0;
  std::string csrf_token;
  Instant created_at;
  Instant last_seen_at;
  Instant expires_at;  // absolute expiry
  std::string remote;  // where it was opened from
};

// One line of the audit log: who, when, what, on which object, from where.
struct AuditEntry {
  int64_t id = 0;  // 0 until stored
  Instant at;
  std::string user_login;  // "" for an attempt by nobody known
  std::string remote;
  std::string action;  // "view_case", "login", "login_failed", "logout", ...
  std::string object;  // "case:42", "user:sa.peeters", ...
  std::string detail;
};

struct AuditFilter {
  std::string user_login;        // exact; "" for any
  std::string action;            // exact; "" for any
  std::string object;            // exact; "" for any
  std::optional<Instant> from;   // at >= from
  std::optional<Instant> until;  // at < until
  int64_t before_id = 0;         // the page below this id (0: the newest entries)
  int limit = 100;               // clamped to [1, 1000]
};

struct StateCount {
  Track track = Track::kAutoluw;
  CaseState state = CaseState::kAwaitingReview;
  int64_t count = 0;
};

class UserStore {
 public:
  virtual ~UserStore() = default;

  // --- Users (the users table of 0002_cases, which CaseStore::AddUser also fills).
  // Adds a user with a password hash (which must not be empty). AlreadyExists for a login in
  // use.
  virtual Status AddUserWithPassword(const User& user, std::string_view password_hash,
                                     Instant at) = 0;
  // Sets (replaces) the password hash of `login`. NotFound when there is no such user.
  virtual Status SetPasswordHash(std::string_view login, std::string_view password_hash) = 0;
  // The user and the hash; nullopt when there is no such login.
  virtual Result<std::optional<UserCredentials>> FindCredentials(std::string_view login) = 0;
  virtual Result<std::optional<User>> GetUser(int64_t id) = 0;
  // Every user with their hash, in login order.
  virtual Result<std::vector<UserCredentials>> ListUsers() = 0;
  // Changes the role, or the active flag, of user `id`. NotFound when there is no such user.
  virtual Status SetUserRole(int64_t id, Role role) = 0;
  virtual Status SetUserActive(int64_t id, bool active) = 0;

  // --- Sessions. InsertSession: AlreadyExists for a token hash in use (never in practice).
  virtual Status InsertSession(const WebSession& session) = 0;
  virtual Result<std::optional<WebSession>> FindSession(std::string_view token_hash) = 0;
  virtual Status TouchSession(std::string_view token_hash, Instant last_seen_at) = 0;
  // Deleting a session that is not there is not an error.
  virtual Status DeleteSession(std::string_view token_hash) = 0;
  // Ends every session of a user ("log out everywhere"); returns how many there were.
  virtual Result<int64_t> DeleteSessionsOf(int64_t user_id) = 0;
  // Deletes sessions past their absolute expiry (expires_at <= now) or last seen at or before
  // `idle_before` (now minus the idle limit: the same rule as Auth::Authenticate); returns how
  // many.
  virtual Result<int64_t> PurgeSessions(Instant now, Instant idle_before) = 0;

  // --- Failed logins, per login (a login that does not exist is counted too).
  virtual Status RecordLoginFailure(std::string_view login, std::string_view remote,
                                    Instant at) = 0;
  // The instants of the failures of `login` at or after `since`, oldest first.
  virtual Result<std::vector<Instant>> LoginFailuresSince(std::string_view login,
                                                          Instant since) = 0;
  virtual Status ClearLoginFailures(std::string_view login) = 0;

  // --- The audit log: append-only.
  virtual Status Audit(const AuditEntry& entry) = 0;
  // Entries matching `filter`, newest first.
  virtual Result<std::vector<AuditEntry>> SearchAudit(const AuditFilter& filter) = 0;

  // --- The dashboard: how many cases are in each track and state (only pairs with cases).
  virtual Result<std::vector<StateCount>> CountCasesByState() = 0;
};

}  // namespace hh
