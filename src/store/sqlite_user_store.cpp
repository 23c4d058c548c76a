#include "store/sqlite_user_store.h"

#include <algorithm>

#include "store/sql_queries.h"  // generated from sql/queries/*.sql

namespace hh {
namespace {

// Reads an RFC 3339 column the store wrote; Internal when it is not one (a damaged database).
Result<Instant> InstantAt(const Statement& s, int col, const char* what) {
  auto t = Instant::Parse(s.ColumnText(col));
  if (!t.ok()) return Internal(std::string("store: ") + what + " is not an instant");
  return *t;
}

// Columns id, login, name, role, active from `first`.
Result<User> UserAt(const Statement& s, int first) {
  User u;
  u.id = s.ColumnInt64(first);
  u.login = s.ColumnText(first + 1);
  u.name = s.ColumnText(first + 2);
  auto role = ParseRole(s.ColumnText(first + 3));
  if (!role.ok()) return Internal("store: users.role holds an unknown role");
  u.role = *role;
  u.active = s.ColumnInt64(first + 4) != 0;
  return u;
}

void BindOptional(Statement* s, int index, std::string_view v) {
  if (v.empty()) {
    s->BindNull(index);
  } else {
    s->BindText(index, v);
  }
}

}  // namespace

Result<CachedStatement> SqliteUserStore::Stmt(std::string_view sql) { return cache_.Get(sql); }

Status SqliteUserStore::AddUserWithPassword(const User& user, std::string_view password_hash,
                                            Instant at) {
  if (password_hash.empty()) return InvalidArgument("a user added with a password needs a hash");
  auto s = Stmt(sql::kUsersInsertWithPassword);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindText(1, user.login);
  st->BindText(2, user.name);
  st->BindText(3, RoleName(user.role));
  st->BindInt64(4, user.active ? 1 : 0);
  st->BindText(5, at.ToUtcString());
  st->BindText(6, password_hash);
  Status r = st->Run();
  if (!r.ok() && r.message().find("UNIQUE") != std::string::npos) {
    return AlreadyExists("a user with login \"" + user.login + "\" exists already");
  }
  return r;
}

Status SqliteUserStore::SetPasswordHash(std::string_view login, std::string_view password_hash) {
  auto s = Stmt(sql::kUsersSetPassword);
  if (!s.ok()) return s.status();
  (*s)->BindText(1, login);
  (*s)->BindText(2, password_hash);
  Status r = (*s)->Run();
  if (!r.ok()) return r;
  if (db_->Changes() == 0) return NotFound("no user with login \"" + std::string(login) + "\"");
  return Status::Ok();
}

Status SqliteUserStore::SetUserRole(int64_t id, Role role) {
  auto s = Stmt(sql::kUsersSetRole);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, id);
  (*s)->BindText(2, RoleName(role));
  Status r = (*s)->Run();
  if (!r.ok()) return r;
  if (db_->Changes() == 0) return NotFound("no user with id " + std::to_string(id));
  return Status::Ok();
}

Status SqliteUserStore::SetUserActive(int64_t id, bool active) {
  auto s = Stmt(sql::kUsersSetActive);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, id);
  (*s)->BindInt64(2, active ? 1 : 0);
  Status r = (*s)->Run();
  if (!r.ok()) return r;
  if (db_->Changes() == 0) return NotFound("no user with id " + std::to_string(id));
  return Status::Ok();
}

Result<std::optional<UserCredentials>> SqliteUserStore::FindCredentials(std::string_view login) {
  auto s = Stmt(sql::kUsersCredentials);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindText(1, login);
  auto row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<UserCredentials>();
  auto u = UserAt(*st, 0);
  if (!u.ok()) return u.status();
  return std::optional<UserCredentials>(UserCredentials{*u, st->ColumnText(5)});
}

Result<std::optional<User>> SqliteUserStore::GetUser(int64_t id) {
  auto s = Stmt(sql::kUsersGet);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindInt64(1, id);
  auto row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<User>();
  auto u = UserAt(*st, 0);
  if (!u.ok()) return u.status();
  return std::optional<User>(*u);
}

Result<std::vector<UserCredentials>> SqliteUserStore::ListUsers() {
  auto s = Stmt(sql::kUsersList);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  std::vector<UserCredentials> out;
  for (;;) {
    auto row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    auto u = UserAt(*st, 0);
    if (!u.ok()) return u.status();
    out.push_back({*u, st->ColumnText(5)});
  }
  return out;
}

Status SqliteUserStore::InsertSession(const WebSession& w) {
  auto s = Stmt(sql::kWebSessionsInsert);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindText(1, w.token_hash);
  st->BindInt64(2, w.user_id);
  st->BindText(3, w.csrf_token);
  st->BindText(4, w.created_at.ToUtcString());
  st->BindText(5, w.last_seen_at.ToUtcString());
  st->BindText(6, w.expires_at.ToUtcString());
  st->BindText(7, w.remote);
  Status r = st->Run();
  if (!r.ok() && r.message().find("UNIQUE") != std::string::npos) {
    return AlreadyExists("a session with this token exists already");
  }
  return r;
}

Result<std::optional<WebSession>> SqliteUserStore::FindSession(std::string_view token_hash) {
  auto s = Stmt(sql::kWebSessionsFind);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindText(1, token_hash);
  auto row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<WebSession>();
  WebSession w;
  w.token_hash = st->ColumnText(0);
  w.user_id = st->ColumnInt64(1);
  w.csrf_token = st->ColumnText(2);
  auto created = InstantAt(*st, 3, "web_sessions.created_at");
  auto seen = InstantAt(*st, 4, "web_sessions.last_seen_at");
  auto expires = InstantAt(*st, 5, "web_sessions.expires_at");
  if (!created.ok()) return created.status();
  if (!seen.ok()) return seen.status();
  if (!expires.ok()) return expires.status();
  w.created_at = *created;
  w.last_seen_at = *seen;
  w.expires_at = *expires;
  w.remote = st->ColumnText(6);
  return std::optional<WebSession>(std::move(w));
}

Status SqliteUserStore::TouchSession(std::string_view token_hash, Instant last_seen_at) {
  auto s = Stmt(sql::kWebSessionsTouch);
  if (!s.ok()) return s.status();
  (*s)->BindText(1, token_hash);
  (*s)->BindText(2, last_seen_at.ToUtcString());
  return (*s)->Run();
}

Status SqliteUserStore::DeleteSession(std::string_view token_hash) {
  auto s = Stmt(sql::kWebSessionsDelete);
  if (!s.ok()) return s.status();
  (*s)->BindText(1, token_hash);
  return (*s)->Run();
}

Result<int64_t> SqliteUserStore::DeleteSessionsOf(int64_t user_id) {
  auto s = Stmt(sql::kWebSessionsDeleteOfUser);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, user_id);
  Status r = (*s)->Run();
  if (!r.ok()) return r;
  return db_->Changes();
}

Result<int64_t> SqliteUserStore::PurgeSessions(Instant now, Instant idle_before) {
  auto s = Stmt(sql::kWebSessionsPurge);
  if (!s.ok()) return s.status();
  (*s)->BindText(1, now.ToUtcString());
  (*s)->BindText(2, idle_before.ToUtcString());
  Status r = (*s)->Run();
  if (!r.ok()) return r;
  return db_->Changes();
}

Status SqliteUserStore::RecordLoginFailure(std::string_view login, std::string_view remote,
                                           Instant at) {
  auto s = Stmt(sql::kLoginFailuresInsert);
  if (!s.ok()) return s.status();
  (*s)->BindText(1, login);
  (*s)->BindText(2, remote);
  (*s)->BindText(3, at.ToUtcString());
  return (*s)->Run();
}

Result<std::vector<Instant>> SqliteUserStore::LoginFailuresSince(std::string_view login,
                                                                 Instant since) {
  auto s = Stmt(sql::kLoginFailuresSince);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindText(1, login);
  st->BindText(2, since.ToUtcString());
  std::vector<Instant> out;
  for (;;) {
    auto row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    auto t = InstantAt(*st, 0, "login_failures.at");
    if (!t.ok()) return t.status();
    out.push_back(*t);
  }
  return out;
}

Status SqliteUserStore::ClearLoginFailures(std::string_view login) {
  auto s = Stmt(sql::kLoginFailuresClear);
  if (!s.ok()) return s.status();
  (*s)->BindText(1, login);
  return (*s)->Run();
}

Status SqliteUserStore::Audit(const AuditEntry& e) {
  if (e.action.empty()) return InvalidArgument("an audit entry needs an action");
  auto s = Stmt(sql::kAuditInsert);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindText(1, e.at.ToUtcString());
  st->BindText(2, e.user_login);
  st->BindText(3, e.remote);
  st->BindText(4, e.action);
  st->BindText(5, e.object);
  st->BindText(6, e.detail);
  return st->Run();
}

Result<std::vector<AuditEntry>> SqliteUserStore::SearchAudit(const AuditFilter& f) {
  auto s = Stmt(sql::kAuditSearch);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  BindOptional(st, 1, f.user_login);
  BindOptional(st, 2, f.action);
  BindOptional(st, 3, f.object);
  BindOptional(st, 4, f.from ? f.from->ToUtcString() : "");
  BindOptional(st, 5, f.until ? f.until->ToUtcString() : "");
  st->BindInt64(6, std::max<int64_t>(0, f.before_id));
  st->BindInt64(7, std::clamp(f.limit, 1, 1000));
  std::vector<AuditEntry> out;
  for (;;) {
    auto row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    AuditEntry e;
    e.id = st->ColumnInt64(0);
    auto at = InstantAt(*st, 1, "audit_log.at");
    if (!at.ok()) return at.status();
    e.at = *at;
    e.user_login = st->ColumnText(2);
    e.remote = st->ColumnText(3);
    e.action = st->ColumnText(4);
    e.object = st->ColumnText(5);
    e.detail = st->ColumnText(6);
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::vector<StateCount>> SqliteUserStore::CountCasesByState() {
  auto s = Stmt(sql::kCasesCountByState);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  std::vector<StateCount> out;
  for (;;) {
    auto row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    auto track = ParseTrack(st->ColumnText(0));
    auto state = ParseCaseState(st->ColumnText(1));
    if (!track.ok() || !state.ok()) return Internal("store: a case has an unknown track or state");
    out.push_back({*track, *state, st->ColumnInt64(2)});
  }
  return out;
}

}  // namespace hh
