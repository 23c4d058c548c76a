// handhaving serve: the officers' web application (src/web) on one address, until SIGINT or
// SIGTERM. In production it listens on loopback behind nginx, which terminates TLS and passes
// X-Forwarded-For (--trust-proxy).
#include <fmt/core.h>
#include <signal.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>

#include "cli/commands.h"
#include "cli/session.h"
#include "web/app.h"
#include "web/httplib_server.h"

namespace hh {
namespace {

struct ServeArgs {
  std::string db;
  std::string listen = "127.0.0.1:8080";
  std::string templates = HH_WEB_TEMPLATES_DIR;
  std::string letter_templates = HH_TEMPLATES_DIR;
  std::string static_dir = HH_WEB_STATIC_DIR;
  int threads = 8;
  bool insecure_cookie = false;
  bool trust_proxy = false;
  int lockout_failures = AuthSettings{}.lockout_failures;
  int lockout_minutes = AuthSettings{}.lockout_seconds / 60;
  int idle_minutes = AuthSettings{}.session_idle_seconds / 60;
  int session_hours = AuthSettings{}.session_absolute_seconds / 3600;
};

Status RunServe(const ServeArgs& a) {
  const size_t colon = a.listen.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == a.listen.size()) {
    return InvalidArgument("--listen: \"" + a.listen + "\" must be HOST:PORT");
  }
  HttpServerOptions so;
  so.host = a.listen.substr(0, colon);
  if (so.host.size() > 2 && so.host.front() == '[' && so.host.back() == ']') {
    so.host = so.host.substr(1, so.host.size() - 2);
  }
  try {
    size_t used = 0;
    so.port = std::stoi(a.listen.substr(colon + 1), &used);
    if (used != a.listen.size() - colon - 1 || so.port < 1 || so.port > 65535) throw 0;
  } catch (...) {
    return InvalidArgument("--listen: the port must be 1 to 65535");
  }
  if (a.threads < 1 || a.lockout_failures < 1 || a.lockout_minutes < 1 || a.idle_minutes < 1 ||
      a.session_hours < 1) {
    return InvalidArgument(
        "--threads, --lockout-failures, --lockout-minutes, --session-idle-minutes and "
        "--session-hours must be at least 1");
  }
  so.threads = a.threads;
  so.trust_forwarded_for = a.trust_proxy;

  // HANDHAVING_NOW (a demo's fixed "today") starts the clock there; it then runs.
  auto now = Now();
  if (!now.ok()) return now.status();
  const int64_t wall = SystemClock().Now().unix_seconds();
  const bool fixed = std::getenv("HANDHAVING_NOW") != nullptr;
  SystemClock clock(fixed ? now->unix_seconds() - wall : 0);

  WebAppOptions o;
  o.db_path = a.db;
  o.templates_dir = a.templates;
  o.letter_templates_dir = a.letter_templates;
  o.static_dir = a.static_dir;
  o.auth.secure_cookie = !a.insecure_cookie;
  o.auth.lockout_failures = a.lockout_failures;
  o.auth.lockout_seconds = a.lockout_minutes * 60;
  o.auth.lockout_window_seconds = a.lockout_minutes * 60;
  o.auth.session_idle_seconds = a.idle_minutes * 60;
  o.auth.session_absolute_seconds = a.session_hours * 3600;
  auto app = WebApp::Create(o, clock);
  if (!app.ok()) return app.status();
  WebApp& web = **app;

  // SIGINT and SIGTERM are taken by a thread of their own, which stops the server; every other
  // thread (the pool's too) inherits the blocked mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  HttpServer server(so, [&web](HttpRequest& r) { return web.Handle(r); });
  Status bound = server.Bind();
  if (!bound.ok()) return bound;
  std::thread([&server, stop_signals] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    server.Stop();
  }).detach();
  fmt::print(stderr, "handhaving: serving http://{}:{}/ (templates {}; static {}){}\n", so.host,
             server.port(), a.templates, a.static_dir,
             a.insecure_cookie ? "; cookies without Secure (development only)" : "");
  Status served = server.Serve();
  fmt::print(stderr, "handhaving: stopped\n");
  return served;
}

}  // namespace

void RegisterServeCommand(CLI::App& app, CommandFn* run) {
  auto a = std::make_shared<ServeArgs>();
  CLI::App* c = app.add_subcommand("serve", "Serve the officers' web application");
  c->add_option("--db", a->db, "the SQLite database (migrated at start)")->required();
  c->add_option("--listen", a->listen, "HOST:PORT to listen on (loopback behind nginx)")
      ->capture_default_str();
  c->add_option("--templates", a->templates, "the folder of the pages, i18n.tsv, openapi.json")
      ->capture_default_str();
  c->add_option("--letter-templates", a->letter_templates,
                "the letter templates (nl/, fr/) for letter runs from the web")
      ->capture_default_str();
  c->add_option("--static", a->static_dir, "the folder served under /static/ (404 if missing)")
      ->capture_default_str();
  c->add_option("--threads", a->threads, "worker threads")->capture_default_str();
  c->add_flag("--insecure-cookie", a->insecure_cookie,
              "session cookie without Secure, for plain-HTTP development on localhost");
  c->add_flag("--trust-proxy", a->trust_proxy,
              "take the client's address from X-Forwarded-For (behind nginx only)");
  c->add_option("--lockout-failures", a->lockout_failures,
                "failed logins within the window that lock a login")
      ->capture_default_str();
  c->add_option("--lockout-minutes", a->lockout_minutes,
                "how long a login stays locked (also the window)")
      ->capture_default_str();
  c->add_option("--session-idle-minutes", a->idle_minutes, "a session ends after this idle time")
      ->capture_default_str();
  c->add_option("--session-hours", a->session_hours, "a session ends this long after login")
      ->capture_default_str();
  c->callback([a, run] { *run = [a] { return RunServe(*a); }; });
}

}  // namespace hh
