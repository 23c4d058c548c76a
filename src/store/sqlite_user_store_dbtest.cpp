// SqliteUserStore on a fresh, migrated SQLite file: users with passwords beside the CLI's users,
// sessions, failed logins, the audit log and the dashboard's counts. Every name is synthetic.
#include <gtest/gtest.h>

#include <memory>

#include "store/migrations.h"
#include "store/sqlite_case_store.h"
#include "store/sqlite_user_store.h"
#include "store/test_db.h"
#include "store/test_temp_dir.h"

namespace hh {
namespace {

const Instant kNow = Instant::FromUnix(1'774'000'000);  // 2026-03-20T09:46:40Z

class UserStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = OpenMigratedDb(dir_, kNow);
    ASSERT_NE(db_, nullptr);
    users_ = std::make_unique<SqliteUserStore>(*db_);
    cases_ = std::make_unique<SqliteCaseStore>(*db_);
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<SqliteUserStore> users_;
  std::unique_ptr<SqliteCaseStore> cases_;
};

TEST_F(UserStoreTest, UsersWithAndWithoutPassword) {
  ASSERT_TRUE(
      users_
          ->AddUserWithPassword({0, "olga", "Olga Officier", Role::kSanctioningOfficer, true},
                                "$argon2id$x", kNow)
          .ok());
  // The CLI's users (CaseStore::AddUser) have no password.
  ASSERT_TRUE(cases_->AddUser({0, "kim", "Kim Kijker", Role::kViewer, true}, kNow).ok());
  EXPECT_EQ(users_->AddUserWithPassword({0, "kim", "X", Role::kViewer, true}, "h", kNow).code(),
            StatusCode::kAlreadyExists);
  EXPECT_EQ(users_->AddUserWithPassword({0, "new", "X", Role::kViewer, true}, "", kNow).code(),
            StatusCode::kInvalidArgument);

  auto olga = users_->FindCredentials("olga");
  ASSERT_TRUE(olga.ok() && olga->has_value());
  EXPECT_EQ((*olga)->user.name, "Olga Officier");
  EXPECT_EQ((*olga)->user.role, Role::kSanctioningOfficer);
  EXPECT_EQ((*olga)->password_hash, "$argon2id$x");
  auto kim = users_->FindCredentials("kim");
  ASSERT_TRUE(kim.ok() && kim->has_value());
  EXPECT_EQ((*kim)->password_hash, "");
  EXPECT_FALSE(users_->FindCredentials("nobody")->has_value());

  ASSERT_TRUE(users_->SetPasswordHash("kim", "$argon2id$y").ok());
  EXPECT_EQ((*users_->FindCredentials("kim"))->password_hash, "$argon2id$y");
  EXPECT_EQ(users_->SetPasswordHash("nobody", "h").code(), StatusCode::kNotFound);

  auto by_id = users_->GetUser((*olga)->user.id);
  ASSERT_TRUE(by_id.ok() && by_id->has_value());
  EXPECT_EQ((*by_id)->login, "olga");
  EXPECT_FALSE(users_->GetUser(999)->has_value());

  auto all = users_->ListUsers();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].user.login, "kim");  // login order
  EXPECT_EQ((*all)[1].user.login, "olga");
}

TEST_F(UserStoreTest, Sessions) {
  ASSERT_TRUE(users_->AddUserWithPassword({0, "olga", "O", Role::kReviewer, true}, "h", kNow).ok());
  const int64_t id = (*users_->FindCredentials("olga"))->user.id;
  WebSession a{"aaaa", id, "csrf-a", kNow, kNow, kNow.PlusSeconds(3600), "127.0.0.1"};
  WebSession b{"bbbb", id, "csrf-b", kNow, kNow, kNow.PlusSeconds(7200), "127.0.0.2"};
  ASSERT_TRUE(users_->InsertSession(a).ok());
  ASSERT_TRUE(users_->InsertSession(b).ok());
  EXPECT_EQ(users_->InsertSession(a).code(), StatusCode::kAlreadyExists);

  ASSERT_TRUE(users_->TouchSession("aaaa", kNow.PlusSeconds(60)).ok());
  auto got = users_->FindSession("aaaa");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->csrf_token, "csrf-a");
  EXPECT_EQ((*got)->last_seen_at, kNow.PlusSeconds(60));
  EXPECT_EQ((*got)->expires_at, kNow.PlusSeconds(3600));
  EXPECT_EQ((*got)->remote, "127.0.0.1");
  EXPECT_FALSE(users_->FindSession("cccc")->has_value());

  // Purge at +3600 s: a's absolute expiry has come; b was last seen at kNow, after
  // idle_before kNow - 1, so b stays.
  EXPECT_EQ(*users_->PurgeSessions(kNow.PlusSeconds(3600), kNow.PlusSeconds(-1)), 1);
  EXPECT_FALSE(users_->FindSession("aaaa")->has_value());
  EXPECT_TRUE(users_->FindSession("bbbb")->has_value());
  ASSERT_TRUE(users_->InsertSession(a).ok());
  EXPECT_EQ(*users_->DeleteSessionsOf(id), 2);
  // Last seen exactly at idle_before: idle, purged.
  ASSERT_TRUE(users_->InsertSession(b).ok());
  EXPECT_EQ(*users_->PurgeSessions(kNow, kNow), 1);
  EXPECT_FALSE(users_->FindSession("bbbb")->has_value());
  EXPECT_TRUE(users_->DeleteSession("bbbb").ok());  // already gone: fine
}

TEST_F(UserStoreTest, LoginFailures) {
  ASSERT_TRUE(users_->RecordLoginFailure("olga", "10.0.0.1", kNow).ok());
  ASSERT_TRUE(users_->RecordLoginFailure("olga", "10.0.0.1", kNow.PlusSeconds(10)).ok());
  ASSERT_TRUE(users_->RecordLoginFailure("other", "10.0.0.1", kNow.PlusSeconds(20)).ok());
  auto since = users_->LoginFailuresSince("olga", kNow.PlusSeconds(1));
  ASSERT_TRUE(since.ok());
  ASSERT_EQ(since->size(), 1u);
  EXPECT_EQ((*since)[0], kNow.PlusSeconds(10));
  EXPECT_EQ(users_->LoginFailuresSince("olga", kNow)->size(), 2u);
  ASSERT_TRUE(users_->ClearLoginFailures("olga").ok());
  EXPECT_TRUE(users_->LoginFailuresSince("olga", kNow)->empty());
  EXPECT_EQ(users_->LoginFailuresSince("other", kNow)->size(), 1u);
}

TEST_F(UserStoreTest, AuditSearchNewestFirst) {
  for (int i = 0; i < 5; ++i) {
    AuditEntry e{0,
                 kNow.PlusSeconds(i),
                 i % 2 == 0 ? "olga" : "kim",
                 "127.0.0.1",
                 i == 4 ? "login" : "view_case",
                 "case:" + std::to_string(i),
                 ""};
    ASSERT_TRUE(users_->Audit(e).ok());
  }
  EXPECT_EQ(users_->Audit({}).code(), StatusCode::kInvalidArgument);
  auto all = users_->SearchAudit({});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 5u);
  EXPECT_EQ((*all)[0].object, "case:4");
  EXPECT_EQ((*all)[0].action, "login");
  EXPECT_EQ((*all)[4].object, "case:0");

  AuditFilter f;
  f.user_login = "olga";
  f.action = "view_case";
  auto olga = users_->SearchAudit(f);
  ASSERT_TRUE(olga.ok());
  ASSERT_EQ(olga->size(), 2u);  // 0 and 2 (4 is a login)
  EXPECT_EQ((*olga)[0].object, "case:2");

  AuditFilter page;
  page.limit = 2;
  auto first = users_->SearchAudit(page);
  ASSERT_EQ(first->size(), 2u);
  page.before_id = first->back().id;
  auto second = users_->SearchAudit(page);
  ASSERT_EQ(second->size(), 2u);
  EXPECT_EQ((*second)[0].object, "case:2");

  AuditFilter window;
  window.from = kNow.PlusSeconds(1);
  window.until = kNow.PlusSeconds(3);
  EXPECT_EQ(users_->SearchAudit(window)->size(), 2u);  // 1 and 2
  AuditFilter object;
  object.object = "case:3";
  EXPECT_EQ(users_->SearchAudit(object)->size(), 1u);
}

TEST_F(UserStoreTest, CountsByStateOfAnEmptyStore) {
  auto counts = users_->CountCasesByState();
  ASSERT_TRUE(counts.ok());
  EXPECT_TRUE(counts->empty());
}

}  // namespace
}  // namespace hh
