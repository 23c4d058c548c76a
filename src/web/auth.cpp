#include "web/auth.h"

#include <algorithm>
#include <utility>

namespace hh {
namespace {

// 32 random bytes (256 bits) per token: unguessable (OWASP: at least 64 bits of entropy).
constexpr size_t kTokenBytes = 32;
// No login is longer; a longer one is kept (for the lock-out) cut to this length.
constexpr size_t kMaxLoginLength = 100;

bool LooksLikeToken(std::string_view token) {
  return token.size() == kTokenBytes * 2 && std::all_of(token.begin(), token.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

Status AuditOf(UserStore& store, Instant at, std::string_view login, std::string_view remote,
               std::string_view action, std::string_view detail = "") {
  return store.Audit({0, at, std::string(login), std::string(remote), std::string(action),
                      "user:" + std::string(login), std::string(detail)});
}

}  // namespace

Auth::Auth(const AuthSettings& settings, const Clock& clock) : settings_(settings), clock_(clock) {
  auto dummy = HashPassword(RandomHex(16), settings_.cost);
  if (dummy.ok()) dummy_hash_ = *dummy;
}

Result<std::optional<Instant>> Auth::LockedUntil(UserStore& store, std::string_view login,
                                                 Instant now) const {
  const int n = std::max(1, settings_.lockout_failures);
  auto failures = store.LoginFailuresSince(
      login, now.PlusSeconds(-settings_.lockout_window_seconds - settings_.lockout_seconds));
  if (!failures.ok()) return failures.status();
  // The n-th failure within a window locks until lockout_seconds after it.
  std::optional<Instant> until;
  const std::vector<Instant>& at = *failures;
  for (size_t i = n - 1; i < at.size(); ++i) {
    if (at[i].unix_seconds() - at[i - (n - 1)].unix_seconds() <= settings_.lockout_window_seconds) {
      const Instant end = at[i].PlusSeconds(settings_.lockout_seconds);
      if (end > now && (!until || end > *until)) until = end;
    }
  }
  return until;
}

Result<Auth::LoginResult> Auth::Login(UserStore& store, std::string_view login,
                                      std::string_view password, std::string_view remote) {
  login = login.substr(0, kMaxLoginLength);
  const Instant now = clock_.Now();
  LoginResult result;
  auto locked = LockedUntil(store, login, now);
  if (!locked.ok()) return locked.status();
  if (locked->has_value()) {
    result.outcome = Outcome::kLockedOut;
    result.locked_until = **locked;
    Status a = AuditOf(store, now, login, remote, "login_locked");
    if (!a.ok()) return a;
    return result;
  }
  auto creds = store.FindCredentials(login);
  if (!creds.ok()) return creds.status();
  const bool usable =
      creds->has_value() && (*creds)->user.active && !(*creds)->password_hash.empty();
  const bool password_ok = password.size() <= kMaxPasswordLength &&
                           VerifyPassword(usable ? (*creds)->password_hash : dummy_hash_, password);
  if (!usable || !password_ok) {
    Status r = store.RecordLoginFailure(login, remote, now);
    if (!r.ok()) return r;
    Status a = AuditOf(store, now, usable || creds->has_value() ? login : "", remote,
                       "login_failed", creds->has_value() ? "" : "unknown login");
    if (!a.ok()) return a;
    result.outcome = Outcome::kBadCredentials;
    return result;
  }
  Status c = store.ClearLoginFailures(login);
  if (!c.ok()) return c;
  // Expired sessions of anyone go at each login: the table stays small without a timer.
  auto purged = store.PurgeSessions(now, now.PlusSeconds(-settings_.session_idle_seconds));
  if (!purged.ok()) return purged.status();
  WebSession s;
  result.token = RandomHex(kTokenBytes);
  s.token_hash = TokenDigest(result.token);
  s.user_id = (*creds)->user.id;
  s.csrf_token = RandomHex(kTokenBytes);
  s.created_at = now;
  s.last_seen_at = now;
  s.expires_at = now.PlusSeconds(settings_.session_absolute_seconds);
  s.remote = std::string(remote);
  Status ins = store.InsertSession(s);
  if (!ins.ok()) return ins;
  Status a = AuditOf(store, now, login, remote, "login");
  if (!a.ok()) return a;
  result.outcome = Outcome::kOk;
  result.principal = {(*creds)->user, std::move(s)};
  return result;
}

Result<std::optional<Principal>> Auth::Authenticate(UserStore& store, std::string_view token) {
  if (!LooksLikeToken(token)) return std::optional<Principal>();
  const Instant now = clock_.Now();
  auto s = store.FindSession(TokenDigest(token));
  if (!s.ok()) return s.status();
  if (!s->has_value()) return std::optional<Principal>();
  WebSession& session = **s;
  const bool expired = now >= session.expires_at ||
                       now >= session.last_seen_at.PlusSeconds(settings_.session_idle_seconds);
  if (expired) {
    Status d = store.DeleteSession(session.token_hash);
    if (!d.ok()) return d;
    return std::optional<Principal>();
  }
  auto user = store.GetUser(session.user_id);
  if (!user.ok()) return user.status();
  if (!user->has_value() || !(*user)->active) return std::optional<Principal>();
  if (now >= session.last_seen_at.PlusSeconds(settings_.touch_interval_seconds)) {
    Status t = store.TouchSession(session.token_hash, now);
    if (!t.ok()) return t;
    session.last_seen_at = now;
  }
  return std::optional<Principal>(Principal{**user, std::move(session)});
}

Status Auth::Logout(UserStore& store, const Principal& p, std::string_view remote) {
  Status d = store.DeleteSession(p.session.token_hash);
  if (!d.ok()) return d;
  return AuditOf(store, clock_.Now(), p.user.login, remote, "logout");
}

Result<int64_t> Auth::LogoutEverywhere(UserStore& store, const Principal& p,
                                       std::string_view remote) {
  auto n = store.DeleteSessionsOf(p.user.id);
  if (!n.ok()) return n.status();
  Status a = AuditOf(store, clock_.Now(), p.user.login, remote, "logout_everywhere",
                     std::to_string(*n) + " sessions");
  if (!a.ok()) return a;
  return *n;
}

bool Auth::CsrfValid(const WebSession& session, std::string_view presented) {
  return !presented.empty() && ConstantTimeEquals(session.csrf_token, presented);
}

std::string Auth::CookieName() const {
  return settings_.secure_cookie ? "__Host-hh_session" : "hh_session";
}

std::string Auth::CookieAttributes() const {
  return std::string("; Path=/; HttpOnly; SameSite=Strict") +
         (settings_.secure_cookie ? "; Secure" : "");
}

std::string Auth::SessionCookie(std::string_view token) const {
  return CookieName() + "=" + std::string(token) + CookieAttributes();
}

std::string Auth::ClearSessionCookie() const {
  return CookieName() + "=; Max-Age=0" + CookieAttributes();
}

}  // namespace hh
