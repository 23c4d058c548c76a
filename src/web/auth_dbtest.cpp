// Auth over a fresh SQLite file with a hand-moved clock: login and the stored session (only the
// token's hash), idle and absolute expiry, logout and logout everywhere, the lock-out after N
// failures and its end, and the audit rows of each. Every name is synthetic.
#include <gtest/gtest.h>

#include <memory>

#include "store/migrations.h"
#include "store/sqlite_user_store.h"
#include "store/test_db.h"
#include "store/test_temp_dir.h"
#include "web/auth.h"

namespace hh {
namespace {

const Instant kStart = Instant::FromUnix(1'774'000'000);  // 2026-03-20T09:46:40Z
constexpr const char* kPassword = "Olga's long passphrase";

class AuthTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = OpenMigratedDb(dir_, kStart);
    ASSERT_NE(db_, nullptr);
    store_ = std::make_unique<SqliteUserStore>(*db_);
    settings_.cost = PasswordCost::ForTests();
    auth_ = std::make_unique<Auth>(settings_, clock_);
    auto hash = HashPassword(kPassword, settings_.cost);
    ASSERT_TRUE(hash.ok());
    ASSERT_TRUE(
        store_
            ->AddUserWithPassword({0, "olga", "Olga Officier", Role::kSanctioningOfficer, true},
                                  *hash, kStart)
            .ok());
  }

  Auth::LoginResult Login(const std::string& password, const std::string& login = "olga") {
    auto r = auth_->Login(*store_, login, password, "192.0.2.1");
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : Auth::LoginResult{};
  }

  std::vector<std::string> AuditActions() {
    std::vector<std::string> out;
    auto entries = store_->SearchAudit({});
    for (auto it = entries->rbegin(); it != entries->rend(); ++it) out.push_back(it->action);
    return out;
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<SqliteUserStore> store_;
  ManualClock clock_{kStart};
  AuthSettings settings_;
  std::unique_ptr<Auth> auth_;
};

TEST_F(AuthTest, LoginOpensASessionStoredByItsHashOnly) {
  Auth::LoginResult r = Login(kPassword);
  ASSERT_EQ(r.outcome, Auth::Outcome::kOk);
  EXPECT_EQ(r.token.size(), 64u);
  EXPECT_EQ(r.principal.user.login, "olga");
  EXPECT_EQ(r.principal.session.token_hash, TokenDigest(r.token));
  EXPECT_EQ(r.principal.session.expires_at, kStart.PlusSeconds(10 * 3600));
  EXPECT_FALSE(store_->FindSession(r.token)->has_value());  // the token itself is not stored
  EXPECT_TRUE(store_->FindSession(TokenDigest(r.token))->has_value());
  auto who = auth_->Authenticate(*store_, r.token);
  ASSERT_TRUE(who.ok() && who->has_value());
  EXPECT_EQ((*who)->user.role, Role::kSanctioningOfficer);
  EXPECT_FALSE(auth_->Authenticate(*store_, "nonsense")->has_value());
  EXPECT_FALSE(auth_->Authenticate(*store_, std::string(64, 'a'))->has_value());
  EXPECT_EQ(AuditActions(), std::vector<std::string>({"login"}));
}

TEST_F(AuthTest, IdleExpiry) {
  Auth::LoginResult r = Login(kPassword);
  ASSERT_EQ(r.outcome, Auth::Outcome::kOk);
  // Requests every 29 minutes keep it alive (each one past the touch interval is recorded).
  for (int i = 0; i < 3; ++i) {
    clock_.Advance(29 * 60);
    ASSERT_TRUE(auth_->Authenticate(*store_, r.token)->has_value()) << i;
  }
  EXPECT_EQ((*store_->FindSession(TokenDigest(r.token)))->last_seen_at,
            kStart.PlusSeconds(3 * 29 * 60));
  // 30 minutes without a request: gone, and deleted.
  clock_.Advance(30 * 60);
  EXPECT_FALSE(auth_->Authenticate(*store_, r.token)->has_value());
  EXPECT_FALSE(store_->FindSession(TokenDigest(r.token))->has_value());
}

TEST_F(AuthTest, IdleExpiryOneSecondBefore) {
  Auth::LoginResult r = Login(kPassword);
  clock_.Advance(30 * 60 - 1);
  EXPECT_TRUE(auth_->Authenticate(*store_, r.token)->has_value());
}

TEST_F(AuthTest, AbsoluteExpiryEvenWhenActive) {
  Auth::LoginResult r = Login(kPassword);
  // Active every 20 minutes for 9 h 40 min: still in.
  for (int i = 0; i < 29; ++i) {
    clock_.Advance(20 * 60);
    ASSERT_TRUE(auth_->Authenticate(*store_, r.token)->has_value()) << i;
  }
  clock_.Advance(20 * 60);  // 10 h after login
  EXPECT_FALSE(auth_->Authenticate(*store_, r.token)->has_value());
}

TEST_F(AuthTest, LogoutAndLogoutEverywhere) {
  Auth::LoginResult a = Login(kPassword);
  Auth::LoginResult b = Login(kPassword);
  Auth::LoginResult c = Login(kPassword);
  ASSERT_TRUE(auth_->Logout(*store_, a.principal, "192.0.2.1").ok());
  EXPECT_FALSE(auth_->Authenticate(*store_, a.token)->has_value());
  EXPECT_TRUE(auth_->Authenticate(*store_, b.token)->has_value());
  auto n = auth_->LogoutEverywhere(*store_, b.principal, "192.0.2.1");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 2);
  EXPECT_FALSE(auth_->Authenticate(*store_, b.token)->has_value());
  EXPECT_FALSE(auth_->Authenticate(*store_, c.token)->has_value());
  EXPECT_EQ(AuditActions(),
            std::vector<std::string>({"login", "login", "login", "logout", "logout_everywhere"}));
}

TEST_F(AuthTest, LockOutAfterFiveFailuresWithinFifteenMinutes) {
  // Four failures, one every 3 minutes: not locked; the right password still works then.
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(Login("wrong password!").outcome, Auth::Outcome::kBadCredentials);
    clock_.Advance(3 * 60);
  }
  // The fifth (at 12 min) locks until 12 + 15 = 27 min, even with the right password.
  EXPECT_EQ(Login("wrong password!").outcome, Auth::Outcome::kBadCredentials);
  Auth::LoginResult locked = Login(kPassword);
  EXPECT_EQ(locked.outcome, Auth::Outcome::kLockedOut);
  EXPECT_EQ(locked.locked_until, kStart.PlusSeconds(27 * 60));
  clock_.Set(kStart.PlusSeconds(27 * 60 - 1));
  EXPECT_EQ(Login(kPassword).outcome, Auth::Outcome::kLockedOut);
  clock_.Set(kStart.PlusSeconds(27 * 60));
  Auth::LoginResult ok = Login(kPassword);
  EXPECT_EQ(ok.outcome, Auth::Outcome::kOk);
  // Success clears the count: one more failure does not lock.
  EXPECT_EQ(Login("wrong password!").outcome, Auth::Outcome::kBadCredentials);
  EXPECT_EQ(Login(kPassword).outcome, Auth::Outcome::kOk);
  const std::vector<std::string> actions = AuditActions();
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "login_failed"), 6);
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "login_locked"), 2);
}

TEST_F(AuthTest, FailuresSpreadOverMoreThanTheWindowDoNotLock) {
  // Five failures 4 minutes apart span 16 minutes > 15: no five within one window.
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(Login("wrong password!").outcome, Auth::Outcome::kBadCredentials);
    clock_.Advance(4 * 60);
  }
  EXPECT_EQ(Login(kPassword).outcome, Auth::Outcome::kOk);
}

TEST_F(AuthTest, UnknownUsersAndUsersWithoutPasswordFailAlike) {
  EXPECT_EQ(Login(kPassword, "nobody").outcome, Auth::Outcome::kBadCredentials);
  ASSERT_TRUE(store_->SetPasswordHash("olga", "").ok());  // a CLI-only user
  EXPECT_EQ(Login(kPassword).outcome, Auth::Outcome::kBadCredentials);
  // Unknown logins are locked out too (no way to tell them from known ones).
  for (int i = 0; i < 4; ++i) Login("x", "nobody");
  EXPECT_EQ(Login(kPassword, "nobody").outcome, Auth::Outcome::kLockedOut);
  auto entries = store_->SearchAudit({});
  // The unknown login's text is not kept in the audit log (it may be a mistyped password).
  EXPECT_EQ(entries->back().user_login, "");
  EXPECT_EQ(entries->back().detail, "unknown login");
}

TEST_F(AuthTest, CsrfTokenAndCookies) {
  Auth::LoginResult r = Login(kPassword);
  const WebSession& s = r.principal.session;
  EXPECT_EQ(s.csrf_token.size(), 64u);
  EXPECT_TRUE(Auth::CsrfValid(s, s.csrf_token));
  EXPECT_FALSE(Auth::CsrfValid(s, ""));
  EXPECT_FALSE(Auth::CsrfValid(s, std::string(64, '0')));
  EXPECT_EQ(auth_->SessionCookie("abc"),
            "__Host-hh_session=abc; Path=/; HttpOnly; SameSite=Strict; Secure");
  EXPECT_EQ(auth_->ClearSessionCookie(),
            "__Host-hh_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict; Secure");
  AuthSettings dev = settings_;
  dev.secure_cookie = false;
  Auth plain(dev, clock_);
  EXPECT_EQ(plain.SessionCookie("abc"), "hh_session=abc; Path=/; HttpOnly; SameSite=Strict");
}

}  // namespace
}  // namespace hh
