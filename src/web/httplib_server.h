// HttpServer: serves an HttpHandler (http.h) with cpp-httplib (Debian 0.11.4): the listen
// address, a limit on the request body, read and write timeouts, a thread pool, and the security
// headers on every response. The only file that sees httplib besides the tests. The handler is
// called on the pool's threads, concurrently: it must be thread-safe.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "core/status.h"
#include "web/http.h"

namespace httplib {
class Server;
}

namespace hh {

struct HttpServerOptions {
  std::string host = "127.0.0.1";  // loopback: production runs behind nginx (TLS), see serve
  int port = 8080;                 // 0: any free port (tests); port() tells which
  // 2 MiB: the largest request a screen sends is a statement or permit upload of a few hundred
  // kilobytes; anything bigger is refused with 413 before it is read.
  size_t max_body_bytes = size_t{2} << 20;
  // A slow client may hold a worker this long per read or write (slowloris defence).
  int read_timeout_seconds = 10;
  int write_timeout_seconds = 10;
  int keep_alive_seconds = 5;
  // Requests per keep-alive connection before the server closes it (httplib's default is 5).
  int keep_alive_max_requests = 1000;
  // Workers. httplib gives each connection a worker for as long as it is kept alive, so there
  // should be at least as many workers as connections a proxy or load generator keeps open;
  // each holds one database connection while it handles a request.
  int threads = 8;
  // Take the client's address from the last X-Forwarded-For entry (set by nginx in front);
  // only when the port is not reachable but through the proxy.
  bool trust_forwarded_for = false;
};

using HttpHandler = std::function<HttpResponse(HttpRequest&)>;

// The headers every response carries (a handler may override Cache-Control, e.g. for static
// files): CSP with default-src 'self' and frame-ancestors 'none', nosniff, a same-origin
// referrer policy, X-Frame-Options DENY, and Cache-Control: no-store (pages hold personal data).
const NameValues& SecurityHeaders();

class HttpServer {
 public:
  HttpServer(HttpServerOptions options, HttpHandler handler);
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;
  ~HttpServer();  // stops and joins a server Start()ed

  // Binds the listen address; Unavailable when it cannot (in use, bad host). Afterwards
  // port() is the bound port.
  Status Bind();
  // Serves on the bound address until Stop() (blocking). Bind() first.
  Status Serve();
  // Bind() and Serve() on a thread of its own (tests); returns once the port accepts.
  Status Start();
  // Stops serving: Serve() returns. Safe from any thread and from a signal-driven thread.
  void Stop();
  int port() const { return port_; }

 private:
  HttpServerOptions options_;
  HttpHandler handler_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace hh
