// End-to-end tests of `handhaving users` with web passwords and of `handhaving serve`: the real
// executable on a fresh database in a temporary folder. The password goes in on stdin; the
// server is started on a free loopback port, asked for /healthz and a page, and stopped with
// SIGTERM. Every name is synthetic.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/cli_test_util.h"
#include "store/test_temp_dir.h"

namespace hh {
namespace {

using clitest::Outcome;
using clitest::Quote;
using clitest::ReadFile;

// A loopback port nobody listens on now.
int FreePort() {
  const int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t n = sizeof a;
  ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &n);
  ::close(s);
  return ntohs(a.sin_port);
}

// GET `path` from 127.0.0.1:port with HTTP/1.0; the whole answer, or "" when nothing listens.
std::string Get(int port, const std::string& path) {
  const int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(s);
    return "";
  }
  const std::string req = "GET " + path + " HTTP/1.0\r\nHost: localhost\r\n\r\n";
  (void)::write(s, req.data(), req.size());
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = ::read(s, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
  ::close(s);
  return out;
}

class WebCliTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(Run({"init", "--db", db_}).code, 0); }

  // Runs handhaving with `args` and `stdin_text` on its standard input.
  Outcome Run(const std::vector<std::string>& args, const std::string& stdin_text = "") {
    return clitest::RunHandhaving(dir_, args, "", stdin_text);
  }

  TempDir dir_;
  std::string db_ = dir_.File("hh.db");
};

TEST_F(WebCliTest, UsersWithWebPasswords) {
  Outcome add =
      Run({"users", "add", "olga", "--role", "officer", "--name", "Olga Officier", "--db", db_},
          "a synthetic passphrase\n");
  ASSERT_EQ(add.code, 0) << add.err;
  EXPECT_EQ(add.out,
            "user: olga\nname: Olga Officier\nrole: sanctioning_officer\nweb login: yes\n");
  // Too short: refused (exit 3), nothing added, and the password is not echoed.
  Outcome shortpw =
      Run({"users", "add", "rik", "--role", "reviewer", "--name", "Rik", "--db", db_}, "short\n");
  EXPECT_EQ(shortpw.code, 3);
  EXPECT_EQ(shortpw.err, "handhaving: a password needs at least 12 characters\n");
  // No password at all.
  EXPECT_EQ(Run({"users", "add", "rik", "--role", "reviewer", "--name", "Rik", "--db", db_}).code,
            3);
  // The older form adds a user without a web login, as before.
  Outcome legacy = Run(
      {"users", "add", "--login", "kim", "--role", "viewer", "--name", "Kim Kijker", "--db", db_});
  ASSERT_EQ(legacy.code, 0) << legacy.err;
  EXPECT_EQ(legacy.out, "user: kim\nname: Kim Kijker\nrole: viewer\n");
  EXPECT_EQ(Run({"users", "add", "olga", "--role", "viewer", "--name", "X", "--db", db_},
                "another passphrase\n")
                .code,
            5);  // the login is taken
  EXPECT_EQ(Run({"users", "add", "Bad Login", "--role", "viewer", "--name", "X", "--db", db_},
                "another passphrase\n")
                .code,
            3);
  EXPECT_EQ(Run({"users", "add", "x", "--role", "boss", "--name", "X", "--db", db_},
                "another passphrase\n")
                .code,
            3);
  Outcome passwd = Run({"users", "passwd", "kim", "--db", db_}, "kim's new passphrase\r\n");
  ASSERT_EQ(passwd.code, 0) << passwd.err;
  EXPECT_EQ(passwd.out, "user: kim\npassword: set\n");
  EXPECT_EQ(Run({"users", "passwd", "nobody", "--db", db_}, "kim's new passphrase\n").code, 4);
  Outcome list = Run({"users", "list", "--db", db_});
  EXPECT_EQ(list.out,
            "kim\tKim Kijker\tviewer\tactive\tweb login\n"
            "olga\tOlga Officier\tsanctioning_officer\tactive\tweb login\n");
}

TEST_F(WebCliTest, ServeAnswersAndStopsOnSigterm) {
  const int port = FreePort();
  const std::string pidfile = dir_.File("serve.pid");
  const std::string cmd = Quote(HH_BINARY) + " serve --db " + Quote(db_) +
                          " --listen 127.0.0.1:" + std::to_string(port) + " --insecure-cookie >" +
                          Quote(dir_.File("serve.log")) + " 2>&1 & echo $! >" + Quote(pidfile);
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::string health;
  for (int i = 0; i < 100 && health.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    health = Get(port, "/healthz");
  }
  const pid_t pid = std::stoi(ReadFile(pidfile));
  EXPECT_EQ(health.rfind("HTTP/1.1 200", 0), 0u) << health;
  EXPECT_NE(health.find("\r\n\r\nok\n"), std::string::npos);
  const std::string login = Get(port, "/login");
  EXPECT_NE(login.find("Set-Cookie: hh_login="), std::string::npos);  // --insecure-cookie
  EXPECT_NE(login.find("<h1>Aanmelden</h1>"), std::string::npos);
  EXPECT_NE(login.find("X-Frame-Options: DENY"), std::string::npos);
  ASSERT_EQ(::kill(pid, SIGTERM), 0);
  bool gone = false;
  for (int i = 0; i < 100 && !gone; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    gone = Get(port, "/healthz").empty();
  }
  EXPECT_TRUE(gone);
  for (int i = 0; i < 100; ++i) {
    if (ReadFile(dir_.File("serve.log")).find("handhaving: stopped") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_NE(ReadFile(dir_.File("serve.log")).find("handhaving: stopped"), std::string::npos);
  // A bad address is refused before anything is served.
  EXPECT_EQ(Run({"serve", "--db", db_, "--listen", "127.0.0.1"}).code, 3);
  EXPECT_EQ(Run({"serve", "--db", db_, "--listen", "127.0.0.1:99999"}).code, 3);
}

}  // namespace
}  // namespace hh
