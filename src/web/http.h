// The web application's own view of HTTP: plain Request and Response values and a Router of
// method + path patterns ("/cases/{id}"), so that handlers never see the HTTP library
// (httplib_server.h adapts cpp-httplib to this). Values only; a Router is filled once at start
// and then only read, so it may be shared between threads.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace hh {

using NameValues = std::vector<std::pair<std::string, std::string>>;

// One part of a multipart/form-data body (RFC 7578), as the server parsed it: a form field, or
// a file (`file`: it came with a filename or a content type; a file input left empty sends one
// with neither a name nor bytes). `data` holds the raw bytes.
struct FormPart {
  std::string name;
  bool file = false;
  std::string filename;
  std::string content_type;
  std::string data;
};

struct HttpRequest {
  std::string method;           // "GET", "POST", ... (HEAD is routed as GET)
  std::string path;             // percent-decoded, without the query
  NameValues query;             // decoded, in order
  NameValues headers;           // names lower-cased
  std::string body;             // as sent; empty for multipart/form-data (see parts)
  std::vector<FormPart> parts;  // a multipart/form-data body, parsed by the server, in order
  std::string remote;           // the client's address (see HttpServerOptions::trust_forwarded_for)
  std::map<std::string, std::string, std::less<>> path_params;  // filled by the router

  // The first value of header `name` (any case), "" when absent.
  std::string Header(std::string_view name) const;
  // The first value of query parameter `name`, "" when absent.
  std::string Query(std::string_view name) const;
  // The value of cookie `name` from the Cookie header, "" when absent.
  std::string Cookie(std::string_view name) const;
  // The first value of field `name` of an application/x-www-form-urlencoded or a
  // multipart/form-data body (a part without a file name), "" when absent or for another type.
  std::string Form(std::string_view name) const;
  // The first part named `name` that is a file, or nullopt.
  std::optional<FormPart> File(std::string_view name) const;
  // A path parameter of the matched pattern ("id" of "/cases/{id}"), "" when absent.
  std::string Param(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  NameValues headers;  // besides Content-Type; a name may repeat (Set-Cookie)

  // Replaces every header `name` (any case) with one of `value`.
  void SetHeader(std::string_view name, std::string value);
  void AddHeader(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
  // The first value of header `name` (any case), "" when absent.
  std::string Header(std::string_view name) const;

  static HttpResponse Html(int status, std::string body);
  static HttpResponse Json(int status, std::string body);
  static HttpResponse Text(int status, std::string body);
  // 303 See Other to `location` (after a POST, and to the login page).
  static HttpResponse Redirect(std::string location);
};

// Decodes %XX escapes (and '+' as a space when `plus_is_space`); a malformed escape stays as it
// is. The result may hold any bytes.
std::string UrlDecode(std::string_view text, bool plus_is_space);
// Encodes everything but A-Z a-z 0-9 - _ . ~ as %XX (for query values).
std::string UrlEncode(std::string_view text);
// "a=1&b=x+y" -> {{"a","1"},{"b","x y"}}; empty pieces are skipped; a piece without '=' has an
// empty value.
NameValues ParseUrlEncoded(std::string_view text);

// Method + path patterns to route ids. A pattern is "/" or a sequence of "/segment", each a
// literal or "{name}" (one non-empty segment) or, last only, "{name*}" (the rest of the path,
// one or more segments). Literal segments win over parameters where both match.
class Router {
 public:
  // Adds a route; `id` is the caller's (an index into its own table). InvalidArgument for a
  // bad pattern; AlreadyExists when the same method and pattern are there already.
  Status Add(std::string_view method, std::string_view pattern, size_t id);

  enum class Outcome { kFound, kNotFound, kMethodNotAllowed };
  struct Match {
    Outcome outcome = Outcome::kNotFound;
    size_t id = 0;
    std::map<std::string, std::string, std::less<>> params;
    std::vector<std::string> allowed;  // kMethodNotAllowed: the methods the path has
  };
  // The route for `method` (HEAD as GET) and `path`.
  Match Find(std::string_view method, std::string_view path) const;

 private:
  struct Segment {
    std::string text;  // the literal, or the parameter's name
    bool param = false;
    bool rest = false;
  };
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<Segment> segments;
    size_t id = 0;
  };
  static bool Matches(const Route& r, const std::vector<std::string_view>& parts,
                      std::map<std::string, std::string, std::less<>>* params, int* literals);

  std::vector<Route> routes_;
};

}  // namespace hh
