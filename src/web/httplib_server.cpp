#include "web/httplib_server.h"

#include <httplib.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <exception>
#include <utility>

namespace hh {
namespace {

HttpRequest FromHttplib(const httplib::Request& in, bool trust_forwarded_for) {
  HttpRequest r;
  r.method = in.method;
  r.path = in.path;
  const size_t q = in.target.find('?');
  if (q != std::string::npos) r.query = ParseUrlEncoded(std::string_view(in.target).substr(q + 1));
  for (const auto& [name, value] : in.headers) {
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers.emplace_back(std::move(lower), value);
  }
  r.body = in.body;
  for (const auto& [name, f] : in.files) {
    // httplib keeps no order of the parts (a multimap by name); order within a name is kept.
    r.parts.push_back({f.name, !f.filename.empty() || !f.content_type.empty(), f.filename,
                       f.content_type, f.content});
  }
  r.remote = in.remote_addr;
  if (trust_forwarded_for) {
    std::string forwarded = in.get_header_value("X-Forwarded-For");
    const size_t comma = forwarded.rfind(',');
    if (comma != std::string::npos) forwarded = forwarded.substr(comma + 1);
    while (!forwarded.empty() && forwarded.front() == ' ') forwarded.erase(0, 1);
    while (!forwarded.empty() && forwarded.back() == ' ') forwarded.pop_back();
    if (!forwarded.empty()) r.remote = forwarded;
  }
  return r;
}

void ToHttplib(HttpResponse&& in, httplib::Response& out) {
  out.status = in.status;
  for (auto& [name, value] : in.headers) out.headers.emplace(std::move(name), std::move(value));
  out.set_content(in.body, in.content_type);
}

}  // namespace

const NameValues& SecurityHeaders() {
  static const NameValues kHeaders = {
      // Everything from this origin only: no inline script or style, no framing, forms post
      // back here only (OWASP Secure Headers Project).
      {"Content-Security-Policy",
       "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; "
       "object-src 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "same-origin"},
      {"X-Frame-Options", "DENY"},
      {"Cache-Control", "no-store"},
  };
  return kHeaders;
}

HttpServer::HttpServer(HttpServerOptions options, HttpHandler handler)
    : options_(std::move(options)),
      handler_(std::move(handler)),
      server_(std::make_unique<httplib::Server>()) {
  httplib::Server& s = *server_;
  const int threads = options_.threads < 1 ? 1 : options_.threads;
  s.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  s.set_payload_max_length(options_.max_body_bytes);
  s.set_read_timeout(options_.read_timeout_seconds, 0);
  s.set_write_timeout(options_.write_timeout_seconds, 0);
  s.set_keep_alive_timeout(options_.keep_alive_seconds);
  // httplib writes the headers and the body separately: without TCP_NODELAY the second write
  // waits for the client's delayed ACK (40 ms on Linux) on every keep-alive request.
  s.set_tcp_nodelay(true);
  // A worker serves one connection at a time: let it serve many requests before closing.
  s.set_keep_alive_max_count(static_cast<size_t>(options_.keep_alive_max_requests));
  // The security headers also go on the answers httplib makes itself (400, 413, 414).
  httplib::Headers defaults;
  for (const auto& [name, value] : SecurityHeaders()) defaults.emplace(name, value);
  s.set_default_headers(defaults);
  auto serve = [this](const httplib::Request& req, httplib::Response& res) {
    HttpRequest r = FromHttplib(req, options_.trust_forwarded_for);
    HttpResponse out;
    try {
      out = handler_(r);
    } catch (const std::exception&) {
      // Infrastructure failures end here (CONTRIBUTING.md error policy); the message may hold
      // personal data, so it is not shown or logged.
      std::fputs("handhaving serve: internal error while handling a request\n", stderr);
      out = HttpResponse::Text(500, "500 Internal Server Error\n");
    }
    // The handler's headers replace the defaults of the same name.
    for (const auto& [name, value] : out.headers) res.headers.erase(name);
    ToHttplib(std::move(out), res);
  };
  const std::string any = "/.*";
  s.Get(any, serve);
  s.Post(any, serve);
  s.Put(any, serve);
  s.Patch(any, serve);
  s.Delete(any, serve);
  s.Options(any, serve);
}

HttpServer::~HttpServer() {
  Stop();
  if (thread_.joinable()) thread_.join();
}

Status HttpServer::Bind() {
  if (options_.port == 0) {
    port_ = server_->bind_to_any_port(options_.host);
    if (port_ <= 0) return Unavailable("cannot listen on " + options_.host + " (any port)");
    return Status::Ok();
  }
  if (!server_->bind_to_port(options_.host, options_.port)) {
    return Unavailable("cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                       " (in use, or not an address of this machine)");
  }
  port_ = options_.port;
  return Status::Ok();
}

Status HttpServer::Serve() {
  if (!server_->listen_after_bind()) return Unavailable("the server stopped with an error");
  return Status::Ok();
}

Status HttpServer::Start() {
  Status b = Bind();
  if (!b.ok()) return b;
  thread_ = std::thread([this] { (void)server_->listen_after_bind(); });
  // The socket listens since Bind(), so connections queue; but Stop() only reaches a running
  // accept loop, so wait for it (a few milliseconds).
  for (int i = 0; i < 5000 && !server_->is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (!server_->is_running()) return Unavailable("the server did not start");
  return Status::Ok();
}

void HttpServer::Stop() {
  if (server_) server_->stop();
}

}  // namespace hh
