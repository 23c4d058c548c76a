#include "web/http.h"

#include <algorithm>
#include <cctype>

namespace hh {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string FirstValue(const NameValues& values, std::string_view name, bool any_case) {
  for (const auto& [n, v] : values) {
    if (any_case ? EqualsIgnoreCase(n, name) : n == name) return v;
  }
  return "";
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "/a/b" -> {"a", "b"}; "/" -> {}. Empty segments (a doubled or trailing slash) are kept, so
// that they match nothing but "{name*}".
std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> parts;
  if (path.empty() || path == "/") return parts;
  if (path.front() == '/') path.remove_prefix(1);
  size_t start = 0;
  for (;;) {
    const size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) {
      parts.push_back(path.substr(start));
      break;
    }
    parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

}  // namespace

std::string HttpRequest::Header(std::string_view name) const {
  return FirstValue(headers, name, true);
}
std::string HttpRequest::Query(std::string_view name) const {
  return FirstValue(query, name, false);
}
std::string HttpRequest::Param(std::string_view name) const {
  auto it = path_params.find(name);
  return it == path_params.end() ? "" : it->second;
}

std::string HttpRequest::Cookie(std::string_view name) const {
  for (const auto& [n, v] : headers) {
    if (n != "cookie") continue;
    std::string_view rest = v;
    while (!rest.empty()) {
      const size_t semi = rest.find(';');
      std::string_view piece = Trim(rest.substr(0, semi));
      rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
      const size_t eq = piece.find('=');
      if (eq == std::string_view::npos) continue;
      if (Trim(piece.substr(0, eq)) == name) {
        std::string_view value = Trim(piece.substr(eq + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
          value = value.substr(1, value.size() - 2);
        }
        return std::string(value);
      }
    }
  }
  return "";
}

std::string HttpRequest::Form(std::string_view name) const {
  const std::string type = Header("content-type");
  if (type.rfind("multipart/form-data", 0) == 0) {
    for (const FormPart& p : parts) {
      if (p.name == name && !p.file) return p.data;
    }
    return "";
  }
  if (type.rfind("application/x-www-form-urlencoded", 0) != 0) return "";
  return FirstValue(ParseUrlEncoded(body), name, false);
}

std::optional<FormPart> HttpRequest::File(std::string_view name) const {
  for (const FormPart& p : parts) {
    if (p.name == name && p.file) return p;
  }
  return std::nullopt;
}

void HttpResponse::SetHeader(std::string_view name, std::string value) {
  std::erase_if(headers, [&](const auto& h) { return EqualsIgnoreCase(h.first, name); });
  headers.emplace_back(std::string(name), std::move(value));
}

std::string HttpResponse::Header(std::string_view name) const {
  return FirstValue(headers, name, true);
}

HttpResponse HttpResponse::Html(int status, std::string body) {
  HttpResponse r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  r.body = std::move(body);
  return r;
}

HttpResponse HttpResponse::Json(int status, std::string body) {
  HttpResponse r;
  r.status = status;
  r.content_type = "application/json";
  r.body = std::move(body);
  return r;
}

HttpResponse HttpResponse::Text(int status, std::string body) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

HttpResponse HttpResponse::Redirect(std::string location) {
  HttpResponse r;
  r.status = 303;
  r.SetHeader("Location", std::move(location));
  return r;
}

std::string UrlDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+' && plus_is_space) {
      out += ' ';
    } else if (c == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
               HexValue(text[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string UrlEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

NameValues ParseUrlEncoded(std::string_view text) {
  NameValues out;
  while (!text.empty()) {
    const size_t amp = text.find('&');
    std::string_view piece = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    if (piece.empty()) continue;
    const size_t eq = piece.find('=');
    if (eq == std::string_view::npos) {
      out.emplace_back(UrlDecode(piece, true), "");
    } else {
      out.emplace_back(UrlDecode(piece.substr(0, eq), true), UrlDecode(piece.substr(eq + 1), true));
    }
  }
  return out;
}

Status Router::Add(std::string_view method, std::string_view pattern, size_t id) {
  if (pattern.empty() || pattern.front() != '/') {
    return InvalidArgument("route pattern \"" + std::string(pattern) + "\" must start with /");
  }
  Route r{std::string(method), std::string(pattern), {}, id};
  const std::vector<std::string_view> parts = SplitPath(pattern);
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string_view p = parts[i];
    if (p.empty()) {
      return InvalidArgument("route pattern \"" + std::string(pattern) + "\" has an empty segment");
    }
    Segment s;
    if (p.front() == '{') {
      if (p.size() < 3 || p.back() != '}') {
        return InvalidArgument("route pattern \"" + std::string(pattern) + "\": bad parameter");
      }
      p = p.substr(1, p.size() - 2);
      if (p.back() == '*') {
        if (i + 1 != parts.size()) {
          return InvalidArgument("route pattern \"" + std::string(pattern) +
                                 "\": {name*} must be the last segment");
        }
        s.rest = true;
        p.remove_suffix(1);
      }
      if (p.empty()) {
        return InvalidArgument("route pattern \"" + std::string(pattern) + "\": empty name");
      }
      s.param = true;
    }
    s.text = std::string(p);
    r.segments.push_back(std::move(s));
  }
  for (const Route& other : routes_) {
    if (other.method == r.method && other.pattern == r.pattern) {
      return AlreadyExists("route " + r.method + " " + r.pattern + " is there already");
    }
  }
  routes_.push_back(std::move(r));
  return Status::Ok();
}

bool Router::Matches(const Route& r, const std::vector<std::string_view>& parts,
                     std::map<std::string, std::string, std::less<>>* params, int* literals) {
  *literals = 0;
  params->clear();
  size_t i = 0;
  for (const Segment& s : r.segments) {
    if (s.rest) {
      if (i >= parts.size()) return false;
      std::string rest;
      for (size_t j = i; j < parts.size(); ++j) {
        if (j > i) rest += '/';
        rest += parts[j];
      }
      (*params)[s.text] = std::move(rest);
      return true;
    }
    if (i >= parts.size() || parts[i].empty()) return false;
    if (s.param) {
      (*params)[s.text] = std::string(parts[i]);
    } else {
      if (parts[i] != s.text) return false;
      ++*literals;
    }
    ++i;
  }
  return i == parts.size();
}

Router::Match Router::Find(std::string_view method, std::string_view path) const {
  if (method == "HEAD") method = "GET";
  const std::vector<std::string_view> parts = SplitPath(path);
  Match best;
  int best_literals = -1;
  std::map<std::string, std::string, std::less<>> params;
  for (const Route& r : routes_) {
    int literals = 0;
    if (!Matches(r, parts, &params, &literals)) continue;
    if (r.method != method) {
      if (std::find(best.allowed.begin(), best.allowed.end(), r.method) == best.allowed.end()) {
        best.allowed.push_back(r.method);
      }
      continue;
    }
    if (literals > best_literals) {
      best_literals = literals;
      best.outcome = Outcome::kFound;
      best.id = r.id;
      best.params = params;
    }
  }
  if (best.outcome != Outcome::kFound && !best.allowed.empty()) {
    best.outcome = Outcome::kMethodNotAllowed;
  }
  if (best.outcome == Outcome::kFound) best.allowed.clear();
  return best;
}

}  // namespace hh
