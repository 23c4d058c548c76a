// Auth: logging in and out of the web application. Passwords are checked against argon2id
// hashes; a login opens a server-side session whose random token goes to the browser in a
// cookie (only its SHA-256 is stored); sessions end when idle too long, at an absolute expiry,
// at logout, or everywhere at once. Repeated failures lock a login out for a while. Every login,
// failure, lock-out and logout goes to the audit log. Auth itself holds only settings and a
// dummy hash: it is thread-safe; the UserStore passed to each call follows its own thread rules.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/instant.h"
#include "core/status.h"
#include "store/user_store.h"
#include "web/clock.h"
#include "web/crypto.h"

namespace hh {

struct AuthSettings {
  // A session ends after 30 minutes without a request and 10 hours after login (a working day),
  // whichever comes first (OWASP Session Management Cheat Sheet: 15-30 minutes idle for
  // applications handling sensitive data).
  int session_idle_seconds = 30 * 60;
  int session_absolute_seconds = 10 * 3600;
  // 5 failed logins within 15 minutes lock that login for 15 minutes (OWASP Authentication
  // Cheat Sheet, "Account lockout"; NIST SP 800-63B 5.2.2 allows at most 100).
  int lockout_failures = 5;
  int lockout_window_seconds = 15 * 60;
  int lockout_seconds = 15 * 60;
  // The cookie carries Secure (and the __Host- prefix). False only for plain-HTTP development
  // on localhost (`serve --insecure-cookie`).
  bool secure_cookie = true;
  PasswordCost cost = PasswordCost::Interactive();
  // last_seen_at is written at most this often per session, so a burst of API calls costs one
  // write; the idle expiry is exact to within this.
  int touch_interval_seconds = 60;
};

// A logged-in user and their session.
struct Principal {
  User user;
  WebSession session;
};

class Auth {
 public:
  Auth(const AuthSettings& settings, const Clock& clock);

  enum class Outcome { kOk, kBadCredentials, kLockedOut };
  struct LoginResult {
    Outcome outcome = Outcome::kBadCredentials;
    std::string token;  // kOk: the cookie's token (never stored)
    Principal principal;
    Instant locked_until;  // kLockedOut
  };
  // Checks `password` for `login` from `remote`. A locked login is refused without checking
  // the password (kLockedOut); an unknown login, an inactive user or one without a password is
  // kBadCredentials after the same work as a wrong password (no timing difference), and every
  // kBadCredentials counts towards the lock-out. kOk opens a session and clears the failures.
  // Errors are the store's.
  Result<LoginResult> Login(UserStore& store, std::string_view login, std::string_view password,
                            std::string_view remote);

  // The principal of the session `token` names, or nullopt when there is none, it expired
  // (it is then deleted), or its user is gone or inactive.
  Result<std::optional<Principal>> Authenticate(UserStore& store, std::string_view token);

  // Ends the session of `p` (logout) or every session of its user (logout everywhere; returns
  // how many); both audited.
  Status Logout(UserStore& store, const Principal& p, std::string_view remote);
  Result<int64_t> LogoutEverywhere(UserStore& store, const Principal& p, std::string_view remote);

  // Whether `presented` (a form field or the X-CSRF-Token header) is the session's CSRF token.
  static bool CsrfValid(const WebSession& session, std::string_view presented);

  // When `login` is locked out until, if it is at `now`.
  Result<std::optional<Instant>> LockedUntil(UserStore& store, std::string_view login,
                                             Instant now) const;

  // The cookie's name ("__Host-hh_session", or "hh_session" without Secure) and the
  // Set-Cookie values that set and clear it.
  std::string CookieName() const;
  std::string SessionCookie(std::string_view token) const;
  std::string ClearSessionCookie() const;
  // A cookie attribute tail "; Path=/; HttpOnly; SameSite=Strict[; Secure]" for other cookies.
  std::string CookieAttributes() const;

  const AuthSettings& settings() const { return settings_; }
  const Clock& clock() const { return clock_; }

 private:
  AuthSettings settings_;
  const Clock& clock_;
  std::string dummy_hash_;  // verified against for unknown logins
};

}  // namespace hh
