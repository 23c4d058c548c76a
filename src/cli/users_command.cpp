// handhaving users add|passwd|list: the people who use Handhaving, with their role and, for the
// web application, an argon2id password read from standard input (never from the command line,
// where other users of the machine could see it in the process list).
#include <fmt/core.h>
#include <termios.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/session.h"
#include "store/sqlite_user_store.h"
#include "web/crypto.h"

namespace hh {
namespace {

struct UsersArgs {
  std::string db;
  std::string login_arg;  // LOGIN
  std::string login;      // --login (the older form, without a password unless asked)
  std::string name, role;
  bool password_stdin = false;
};

// "officer" is accepted for sanctioning_officer (the name for the role).
Result<Role> RoleFrom(const std::string& text) {
  if (text == "officer") return Role::kSanctioningOfficer;
  return ParseRole(text);
}

// One line from standard input without its line end. On a terminal it prompts on stderr with
// echo off and asks twice; a pipe gives its first line.
Result<std::string> ReadPassword() {
  auto read_line = [](std::string* out) { return static_cast<bool>(std::getline(std::cin, *out)); };
  std::string password;
  if (::isatty(STDIN_FILENO) != 0) {
    termios old{};
    ::tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    std::string again;
    std::fputs("Password: ", stderr);
    const bool ok1 = read_line(&password);
    std::fputs("\nPassword again: ", stderr);
    const bool ok2 = read_line(&again);
    std::fputs("\n", stderr);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
    if (!ok1 || !ok2) return InvalidArgument("no password given");
    if (password != again) return InvalidArgument("the two passwords differ");
  } else if (!read_line(&password)) {
    return InvalidArgument("no password on standard input (pipe it in: printf '%s\\n' ... |)");
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  Status policy = CheckPasswordPolicy(password);
  if (!policy.ok()) return policy;
  return password;
}

Status RunUserAdd(const UsersArgs& a) {
  if (!a.login_arg.empty() && !a.login.empty() && a.login_arg != a.login) {
    return InvalidArgument("give the login once: LOGIN or --login");
  }
  const std::string login = a.login_arg.empty() ? a.login : a.login_arg;
  if (login.empty()) return InvalidArgument("a login is required: users add LOGIN ...");
  // Logins appear in the audit log and the timeline: plain lower-case names only.
  Status plain = CheckLoginName(login);
  if (!plain.ok()) return plain;
  if (a.name.empty()) return InvalidArgument("--name is required");
  auto role = RoleFrom(a.role);
  if (!role.ok()) return InvalidArgument("--role: " + role.status().message());
  // The positional form is the web application's: it always takes a password.
  const bool with_password = a.password_stdin || !a.login_arg.empty();
  std::string hash;
  if (with_password) {
    auto password = ReadPassword();
    if (!password.ok()) return password.status();
    auto h = HashPassword(*password, PasswordCost::Interactive());
    if (!h.ok()) return h.status();
    hash = *h;
  }
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  Session& s = **session;
  const User user{0, login, a.name, *role, true};
  Status r = with_password ? SqliteUserStore(*s.db).AddUserWithPassword(user, hash, s.now)
                           : s.cases->AddUser(user, s.now);
  if (!r.ok()) return r;
  fmt::print("user: {}\nname: {}\nrole: {}\n", login, a.name, RoleName(*role));
  if (with_password) fmt::print("web login: yes\n");
  return Status::Ok();
}

Status RunUserPasswd(const UsersArgs& a) {
  auto password = ReadPassword();
  if (!password.ok()) return password.status();
  auto hash = HashPassword(*password, PasswordCost::Interactive());
  if (!hash.ok()) return hash.status();
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  SqliteUserStore users(*(*session)->db);
  auto creds = users.FindCredentials(a.login_arg);
  if (!creds.ok()) return creds.status();
  if (!creds->has_value()) return NotFound("no user with login \"" + a.login_arg + "\"");
  Status r = (*session)->cases->Transact([&]() -> Status {
    Status set = users.SetPasswordHash(a.login_arg, *hash);
    if (!set.ok()) return set;
    // A new password ends the sessions opened with the old one.
    auto ended = users.DeleteSessionsOf((*creds)->user.id);
    if (!ended.ok()) return ended.status();
    return users.Audit(
        {0, (*session)->now, "cli", "localhost", "password_set", "user:" + a.login_arg, ""});
  });
  if (!r.ok()) return r;
  fmt::print("user: {}\npassword: set\n", a.login_arg);
  return Status::Ok();
}

Status RunUserList(const UsersArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  auto all = SqliteUserStore(*(*session)->db).ListUsers();
  if (!all.ok()) return all.status();
  for (const UserCredentials& u : *all) {
    fmt::print("{}\t{}\t{}\t{}\t{}\n", u.user.login, u.user.name, RoleName(u.user.role),
               u.user.active ? "active" : "inactive",
               u.password_hash.empty() ? "no web login" : "web login");
  }
  return Status::Ok();
}

}  // namespace

void RegisterUsersCommands(CLI::App& app, CommandFn* run) {
  CLI::App* users = app.add_subcommand("users", "The people who act on cases");
  users->require_subcommand(1);
  {
    auto a = std::make_shared<UsersArgs>();
    CLI::App* c = users->add_subcommand(
        "add", "Add a user; `users add LOGIN` reads their web password from standard input");
    c->add_option("LOGIN", a->login_arg, "login (then a password is read from stdin)");
    c->add_option("--login", a->login, "login, without a web password (the older form)");
    c->add_option("--db", a->db, "the SQLite database")->required();
    c->add_option("--name", a->name, "full name (the timeline shows it)")->required();
    c->add_option("--role", a->role,
                  "administrator, officer (sanctioning_officer), reviewer, finance or viewer")
        ->required();
    c->add_flag("--password-stdin", a->password_stdin,
                "read a web password from stdin with --login too");
    c->callback([a, run] { *run = [a] { return RunUserAdd(*a); }; });
  }
  {
    auto a = std::make_shared<UsersArgs>();
    CLI::App* c = users->add_subcommand(
        "passwd", "Set a user's web password (read from stdin); ends their sessions");
    c->add_option("LOGIN", a->login_arg, "login")->required();
    c->add_option("--db", a->db, "the SQLite database")->required();
    c->callback([a, run] { *run = [a] { return RunUserPasswd(*a); }; });
  }
  {
    auto a = std::make_shared<UsersArgs>();
    CLI::App* c = users->add_subcommand("list", "Every user: login, name, role, web login");
    c->add_option("--db", a->db, "the SQLite database")->required();
    c->callback([a, run] { *run = [a] { return RunUserList(*a); }; });
  }
}

}  // namespace hh
