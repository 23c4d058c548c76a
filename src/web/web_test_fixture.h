// What the web application's database tests share (app_*_dbtest.cpp): a fresh SQLite file with
// the migrations applied and synthetic users with one password, the real server on an ephemeral
// loopback port driven with httplib::Client, and a browser's login (the login form's CSRF cookie
// and token, then the session cookie and the session's CSRF token from /api/v1/me). Test-only;
// one fixture per test, on the test's thread (the server answers on its own workers).
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>

#include "store/migrations.h"
#include "store/sqlite_case_store.h"
#include "store/sqlite_user_store.h"
#include "store/test_db.h"
#include "store/test_temp_dir.h"
#include "web/app.h"
#include "web/clock.h"
#include "web/httplib_server.h"

namespace hh::webtest {

inline constexpr const char* kPassword = "a synthetic passphrase";
inline constexpr const char* kForm = "application/x-www-form-urlencoded";

struct Person {
  const char* login;
  const char* name;
  Role role;
};

class WebServerTest : public ::testing::Test {
 protected:
  // Opens dir_/hh.db, applies the migrations at `at` and adds `people` with kPassword; users_
  // and cases_ are open on it. Call from SetUp, then wrap in ASSERT_NO_FATAL_FAILURE.
  void OpenDatabase(Instant at, std::span<const Person> people) {
    db_ = OpenMigratedDb(dir_, at);
    ASSERT_NE(db_, nullptr);
    users_ = std::make_unique<SqliteUserStore>(*db_);
    cases_ = std::make_unique<SqliteCaseStore>(*db_);
    auto hash = HashPassword(kPassword, PasswordCost::ForTests());
    ASSERT_TRUE(hash.ok());
    for (const Person& p : people) {
      ASSERT_TRUE(users_->AddUserWithPassword({0, p.login, p.name, p.role, true}, *hash, at).ok());
    }
  }

  // The application's options on that database with the source tree's templates.
  WebAppOptions Options() const {
    WebAppOptions o;
    o.db_path = dir_.File("hh.db");
    o.templates_dir = std::string(HH_SOURCE_DIR) + "/templates/web";
    o.letter_templates_dir = std::string(HH_SOURCE_DIR) + "/templates/letters";
    o.auth.cost = PasswordCost::ForTests();
    return o;
  }

  // Starts the application with `o` on `clock` behind a two-worker server; client_ talks to
  // it. `max_body_bytes` 0 keeps the server's default.
  void StartServer(const WebAppOptions& o, const Clock& clock, size_t max_body_bytes = 0) {
    auto app = WebApp::Create(o, clock);
    ASSERT_TRUE(app.ok()) << app.status().ToString();
    app_ = std::move(*app);
    HttpServerOptions so;
    so.host = "127.0.0.1";
    so.port = 0;
    so.threads = 2;
    if (max_body_bytes > 0) so.max_body_bytes = max_body_bytes;
    server_ = std::make_unique<HttpServer>(so, [this](HttpRequest& r) { return app_->Handle(r); });
    ASSERT_TRUE(server_->Start().ok());
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_read_timeout(30, 0);  // a letter run renders its PDFs
  }

  void TearDown() override {
    if (server_) server_->Stop();
  }

  // The value of cookie `name` set by `res`, or nullopt.
  static std::optional<std::string> SetCookie(const httplib::Result& res, const std::string& name) {
    for (size_t i = 0; i < res->get_header_value_count("Set-Cookie"); ++i) {
      const std::string c = res->get_header_value("Set-Cookie", i);
      if (c.rfind(name + "=", 0) == 0) {
        const size_t end = c.find(';');
        return c.substr(name.size() + 1, end - name.size() - 1);
      }
    }
    return std::nullopt;
  }

  // The value of the hidden form field "csrf" of a page.
  static std::string FormCsrf(const std::string& html) {
    const std::string marker = "name=\"csrf\" value=\"";
    const size_t at = html.find(marker);
    if (at == std::string::npos) return "";
    return html.substr(at + marker.size(), 64);
  }

  struct LoggedIn {
    std::string token;
    std::string csrf;
    httplib::Headers Cookie() const { return {{"Cookie", "__Host-hh_session=" + token}}; }
    httplib::Headers Api() const {
      return {{"Cookie", "__Host-hh_session=" + token}, {"X-CSRF-Token", csrf}};
    }
  };

  // The login form posted as a browser does, with `next` as the page to go to.
  httplib::Result PostLogin(const std::string& login, const std::string& password,
                            const std::string& next = "/cases") {
    auto page = client_->Get("/login");
    EXPECT_TRUE(page && page->status == 200);
    if (!page) return page;
    const std::string cookie = SetCookie(page, "__Host-hh_login").value_or("");
    EXPECT_EQ(cookie.size(), 64u);
    EXPECT_EQ(FormCsrf(page->body), cookie);
    httplib::Headers h = {{"Cookie", "__Host-hh_login=" + cookie}};
    const std::string body = "csrf=" + cookie + "&login=" + UrlEncode(login) +
                             "&password=" + UrlEncode(password) + "&next=" + UrlEncode(next);
    return client_->Post("/login", h, body, kForm);
  }

  // A session of `login`: the login must succeed (303 to /cases).
  LoggedIn Login(const std::string& login, const std::string& password = kPassword) {
    auto res = PostLogin(login, password);
    EXPECT_TRUE(res);
    if (!res) return {};
    EXPECT_EQ(res->status, 303) << login << ": " << res->body;
    EXPECT_EQ(res->get_header_value("Location"), "/cases");
    LoggedIn s;
    s.token = SetCookie(res, "__Host-hh_session").value_or("");
    auto me = client_->Get("/api/v1/me", s.Cookie());
    EXPECT_TRUE(me && me->status == 200);
    if (me && me->status == 200) s.csrf = nlohmann::json::parse(me->body)["csrf_token"];
    return s;
  }

  // POSTs a form with the session's CSRF token first (unless `csrf` is false).
  httplib::Result PostForm(const LoggedIn& s, const std::string& path, const std::string& fields,
                           bool csrf = true) {
    std::string body = csrf ? "csrf=" + s.csrf : "";
    if (!fields.empty()) body += (body.empty() ? "" : "&") + fields;
    return client_->Post(path, s.Cookie(), body, kForm);
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<SqliteUserStore> users_;
  std::unique_ptr<SqliteCaseStore> cases_;
  std::unique_ptr<WebApp> app_;
  std::unique_ptr<HttpServer> server_;
  std::unique_ptr<httplib::Client> client_;
};

}  // namespace hh::webtest
