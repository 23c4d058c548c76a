// Templates: the web pages as files (templates/web/*.html), a small Mustache-like language, parsed
// once at start and rendered many times. `{{name}}` prints a value HTML-escaped (& < > " '),
// `{{a.b}}` looks up a path, `{{.}}` is the current item; `{{{name}}}` prints without escaping
// and only a value the code marked TemplateValue::Raw (trusted, pre-rendered HTML), else it is an
// error; `{{#name}}...{{/name}}` repeats for a list, enters a map, or shows when true;
// `{{^name}}...{{/name}}` shows when false or empty; `{{> other}}` includes template
// other.html; `{{! ...}}` is a comment. A name that has no value is an error, never an empty
// string. Errors name the file and line. A loaded TemplateSet is immutable: share it freely
// between threads; TemplateValues are plain values.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/status.h"

namespace hh {

class TemplateValue {
 public:
  using List = std::vector<TemplateValue>;
  using Map = std::map<std::string, TemplateValue, std::less<>>;

  TemplateValue() : v_(false) {}
  TemplateValue(bool b) : v_(b) {}                           // NOLINT(google-explicit-constructor)
  TemplateValue(int64_t n) : v_(n) {}                        // NOLINT(google-explicit-constructor)
  TemplateValue(int n) : v_(static_cast<int64_t>(n)) {}      // NOLINT(google-explicit-constructor)
  TemplateValue(std::string s) : v_(std::move(s)) {}         // NOLINT(google-explicit-constructor)
  TemplateValue(const char* s) : v_(std::string(s)) {}       // NOLINT(google-explicit-constructor)
  TemplateValue(std::string_view s) : v_(std::string(s)) {}  // NOLINT(google-explicit-constructor)
  TemplateValue(List l) : v_(std::move(l)) {}                // NOLINT(google-explicit-constructor)
  TemplateValue(Map m) : v_(std::move(m)) {}                 // NOLINT(google-explicit-constructor)
  // Trusted HTML that {{{name}}} prints as it is. Only for HTML this program rendered itself.
  static TemplateValue Raw(std::string html) {
    TemplateValue t;
    t.v_ = RawHtml{std::move(html)};
    return t;
  }

  // Map access for building contexts: (*this)[key] = value. Turns a non-map into an empty map.
  TemplateValue& operator[](std::string_view key);
  // Appends to a list. Turns a non-list into an empty list first.
  void Push(TemplateValue item);

 private:
  friend class TemplateSet;
  struct RawHtml {
    std::string html;
  };
  std::variant<bool, int64_t, std::string, RawHtml, List, Map> v_;
};

// HTML-escapes & < > " ' (for attribute values and text alike).
std::string HtmlEscape(std::string_view text);

class TemplateSet {
 public:
  TemplateSet();
  ~TemplateSet();
  TemplateSet(TemplateSet&&) noexcept;
  TemplateSet& operator=(TemplateSet&&) noexcept;

  // Parses every *.html file of `dir`; a template's name is its file name without ".html".
  // InvalidArgument naming file and line for a syntax error (an unclosed or mismatched section,
  // an unclosed tag, a partial that does not exist); Unavailable when the folder cannot be read.
  static Result<TemplateSet> LoadDirectory(const std::string& dir);
  // Adds one template from text (tests); `file` names it in messages. Partials are checked by
  // Check().
  Status Add(std::string_view name, std::string_view file, std::string_view text);
  // Checks that every {{> partial}} exists. LoadDirectory calls it.
  Status Check() const;

  // Renders template `name` with `context`. NotFound for an unknown template; InvalidArgument
  // naming file and line for a name without a value, a {{{raw}}} of a value not marked raw, or
  // partials nested deeper than 16.
  Result<std::string> Render(std::string_view name, const TemplateValue& context) const;

  // Every dotted name the templates print or test (for checking translation keys at start).
  std::set<std::string> NamesUsed() const;
  bool Has(std::string_view name) const;

 private:
  struct Node;
  struct Template;
  struct Renderer;
  std::map<std::string, std::unique_ptr<Template>, std::less<>> templates_;
};

}  // namespace hh
