#include "web/template.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace hh {

TemplateValue& TemplateValue::operator[](std::string_view key) {
  if (!std::holds_alternative<Map>(v_)) v_ = Map();
  Map& m = std::get<Map>(v_);
  auto it = m.find(key);
  if (it == m.end()) it = m.emplace(std::string(key), TemplateValue()).first;
  return it->second;
}

void TemplateValue::Push(TemplateValue item) {
  if (!std::holds_alternative<List>(v_)) v_ = List();
  std::get<List>(v_).push_back(std::move(item));
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

struct TemplateSet::Node {
  enum class Kind { kText, kVar, kRaw, kSection, kInverted, kPartial };
  Kind kind = Kind::kText;
  std::string text;  // the text, or the tag's name
  int line = 0;
  std::vector<Node> children;
};

struct TemplateSet::Template {
  std::string file;
  std::vector<Node> nodes;
};

namespace {

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool ValidName(std::string_view name) {
  if (name == ".") return true;
  if (name.empty() || name.front() == '.' || name.back() == '.') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-';
  });
}

std::string Where(std::string_view file, int line) {
  return std::string(file) + ": line " + std::to_string(line) + ": ";
}

}  // namespace

TemplateSet::TemplateSet() = default;
TemplateSet::~TemplateSet() = default;
TemplateSet::TemplateSet(TemplateSet&&) noexcept = default;
TemplateSet& TemplateSet::operator=(TemplateSet&&) noexcept = default;

Status TemplateSet::Add(std::string_view name, std::string_view file, std::string_view text) {
  auto t = std::make_unique<Template>();
  t->file = std::string(file);
  // The open sections, innermost last: where their children go. A pointer into a parent's
  // vector stays valid because, while a section is open, nodes are appended only to its own
  // children, never to its siblings.
  std::vector<Node*> open;
  auto target = [&]() -> std::vector<Node>& {
    return open.empty() ? t->nodes : open.back()->children;
  };
  int line = 1;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = text.find("{{", pos);
    const std::string_view literal =
        text.substr(pos, start == std::string_view::npos ? std::string_view::npos : start - pos);
    if (!literal.empty()) {
      target().push_back({Node::Kind::kText, std::string(literal), line, {}});
      line += static_cast<int>(std::count(literal.begin(), literal.end(), '\n'));
    }
    if (start == std::string_view::npos) break;
    const bool triple = text.substr(start, 3) == "{{{";
    const std::string_view close = triple ? "}}}" : "}}";
    const size_t body = start + (triple ? 3 : 2);
    const size_t end = text.find(close, body);
    if (end == std::string_view::npos) {
      return InvalidArgument(Where(file, line) + "a tag opened with " +
                             std::string(triple ? "{{{" : "{{") + " is not closed");
    }
    std::string_view tag = text.substr(body, end - body);
    const int tag_line = line;
    line += static_cast<int>(std::count(tag.begin(), tag.end(), '\n'));
    pos = end + close.size();
    if (triple) {
      tag = TrimSpaces(tag);
      if (!ValidName(tag)) {
        return InvalidArgument(Where(file, tag_line) + "bad name \"" + std::string(tag) + "\"");
      }
      target().push_back({Node::Kind::kRaw, std::string(tag), tag_line, {}});
      continue;
    }
    tag = TrimSpaces(tag);
    if (tag.empty()) return InvalidArgument(Where(file, tag_line) + "an empty tag {{}}");
    const char sigil = tag.front();
    if (sigil == '!') continue;
    Node::Kind kind = Node::Kind::kVar;
    if (sigil == '#' || sigil == '^' || sigil == '/' || sigil == '>') {
      tag = TrimSpaces(tag.substr(1));
      kind = sigil == '#'   ? Node::Kind::kSection
             : sigil == '^' ? Node::Kind::kInverted
             : sigil == '>' ? Node::Kind::kPartial
                            : Node::Kind::kText;  // '/': closes, below
    }
    if (!ValidName(tag)) {
      return InvalidArgument(Where(file, tag_line) + "bad name \"" + std::string(tag) + "\"");
    }
    if (sigil == '/') {
      if (open.empty()) {
        return InvalidArgument(Where(file, tag_line) + "{{/" + std::string(tag) +
                               "}} closes no section");
      }
      if (open.back()->text != tag) {
        return InvalidArgument(Where(file, tag_line) + "{{/" + std::string(tag) +
                               "}} closes the section {{#" + open.back()->text + "}} of line " +
                               std::to_string(open.back()->line));
      }
      open.pop_back();
      continue;
    }
    std::vector<Node>& into = target();
    into.push_back({kind, std::string(tag), tag_line, {}});
    if (kind == Node::Kind::kSection || kind == Node::Kind::kInverted) open.push_back(&into.back());
  }
  if (!open.empty()) {
    return InvalidArgument(Where(file, open.back()->line) + "the section {{#" + open.back()->text +
                           "}} is not closed");
  }
  templates_[std::string(name)] = std::move(t);
  return Status::Ok();
}

Status TemplateSet::Check() const {
  // Depth-first over every node of every template.
  for (const auto& [name, t] : templates_) {
    std::vector<const std::vector<Node>*> todo = {&t->nodes};
    while (!todo.empty()) {
      const std::vector<Node>* nodes = todo.back();
      todo.pop_back();
      for (const Node& n : *nodes) {
        if (n.kind == Node::Kind::kPartial && templates_.find(n.text) == templates_.end()) {
          return InvalidArgument(Where(t->file, n.line) + "{{> " + n.text +
                                 "}}: there is no template " + n.text + ".html");
        }
        if (!n.children.empty()) todo.push_back(&n.children);
      }
    }
  }
  return Status::Ok();
}

Result<TemplateSet> TemplateSet::LoadDirectory(const std::string& dir) {
  TemplateSet set;
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".html") {
      files.push_back(entry.path());
    }
  }
  if (ec) return Unavailable(dir + ": cannot read the template folder: " + ec.message());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    if (!in.good() && !in.eof()) return Unavailable(path.string() + ": cannot read");
    Status s = set.Add(path.stem().string(), path.filename().string(), ss.str());
    if (!s.ok()) return s;
  }
  Status c = set.Check();
  if (!c.ok()) return c;
  return set;
}

bool TemplateSet::Has(std::string_view name) const {
  return templates_.find(name) != templates_.end();
}

std::set<std::string> TemplateSet::NamesUsed() const {
  std::set<std::string> names;
  for (const auto& [name, t] : templates_) {
    std::vector<const std::vector<Node>*> todo = {&t->nodes};
    while (!todo.empty()) {
      const std::vector<Node>* nodes = todo.back();
      todo.pop_back();
      for (const Node& n : *nodes) {
        if (n.kind != Node::Kind::kText && n.kind != Node::Kind::kPartial) names.insert(n.text);
        if (!n.children.empty()) todo.push_back(&n.children);
      }
    }
  }
  return names;
}

struct TemplateSet::Renderer {
  const TemplateSet& set;
  std::vector<const TemplateValue*> stack;
  std::string out;
  int depth = 0;

  using Map = TemplateValue::Map;
  using List = TemplateValue::List;

  // The value of a dotted name: the first part from the innermost context that has it.
  const TemplateValue* Lookup(std::string_view name) const {
    if (name == ".") return stack.back();
    const size_t dot = name.find('.');
    const std::string_view first = name.substr(0, dot);
    const TemplateValue* v = nullptr;
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
      if (const auto* m = std::get_if<Map>(&(*it)->v_)) {
        auto f = m->find(first);
        if (f != m->end()) {
          v = &f->second;
          break;
        }
      }
    }
    if (v == nullptr || dot == std::string_view::npos) return v;
    std::string_view rest = name.substr(dot + 1);
    while (v != nullptr && !rest.empty()) {
      const size_t next = rest.find('.');
      const std::string_view part = rest.substr(0, next);
      const auto* m = std::get_if<Map>(&v->v_);
      if (m == nullptr) return nullptr;
      auto f = m->find(part);
      v = f == m->end() ? nullptr : &f->second;
      rest = next == std::string_view::npos ? std::string_view() : rest.substr(next + 1);
    }
    return v;
  }

  static bool Truthy(const TemplateValue& v) {
    return std::visit(
        [](const auto& x) -> bool {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, bool>) {
            return x;
          } else if constexpr (std::is_same_v<T, int64_t>) {
            return x != 0;
          } else if constexpr (std::is_same_v<T, TemplateValue::RawHtml>) {
            return !x.html.empty();
          } else if constexpr (std::is_same_v<T, Map>) {
            return true;
          } else {
            return !x.empty();
          }
        },
        v.v_);
  }

  Status Run(const Template& t, const std::vector<Node>& nodes) {
    for (const Node& n : nodes) {
      switch (n.kind) {
        case Node::Kind::kText:
          out += n.text;
          break;
        case Node::Kind::kVar:
        case Node::Kind::kRaw: {
          const TemplateValue* v = Lookup(n.text);
          if (v == nullptr) return Missing(t, n);
          if (const auto* s = std::get_if<std::string>(&v->v_)) {
            if (n.kind == Node::Kind::kRaw) return NotRaw(t, n);
            out += HtmlEscape(*s);
          } else if (const auto* r = std::get_if<TemplateValue::RawHtml>(&v->v_)) {
            out += n.kind == Node::Kind::kRaw ? r->html : HtmlEscape(r->html);
          } else if (const auto* i = std::get_if<int64_t>(&v->v_)) {
            if (n.kind == Node::Kind::kRaw) return NotRaw(t, n);
            out += std::to_string(*i);
          } else if (const auto* b = std::get_if<bool>(&v->v_)) {
            if (n.kind == Node::Kind::kRaw) return NotRaw(t, n);
            out += *b ? "true" : "false";
          } else {
            return InvalidArgument(Where(t.file, n.line) + "{{" + n.text +
                                   "}} is a list or a map: use a section to print it");
          }
          break;
        }
        case Node::Kind::kSection:
        case Node::Kind::kInverted: {
          const TemplateValue* v = Lookup(n.text);
          if (v == nullptr) return Missing(t, n);
          const bool truthy = Truthy(*v);
          if (n.kind == Node::Kind::kInverted) {
            if (!truthy) {
              Status s = Run(t, n.children);
              if (!s.ok()) return s;
            }
            break;
          }
          if (!truthy) break;
          if (const auto* list = std::get_if<List>(&v->v_)) {
            for (const TemplateValue& item : *list) {
              stack.push_back(&item);
              Status s = Run(t, n.children);
              stack.pop_back();
              if (!s.ok()) return s;
            }
          } else {
            stack.push_back(v);
            Status s = Run(t, n.children);
            stack.pop_back();
            if (!s.ok()) return s;
          }
          break;
        }
        case Node::Kind::kPartial: {
          auto it = set.templates_.find(n.text);
          if (it == set.templates_.end()) {
            return InvalidArgument(Where(t.file, n.line) + "{{> " + n.text +
                                   "}}: there is no such template");
          }
          if (++depth > 16) {
            return InvalidArgument(Where(t.file, n.line) + "partials nested deeper than 16");
          }
          Status s = Run(*it->second, it->second->nodes);
          --depth;
          if (!s.ok()) return s;
          break;
        }
      }
    }
    return Status::Ok();
  }

  static Status Missing(const Template& t, const Node& n) {
    return InvalidArgument(Where(t.file, n.line) + "no value named \"" + n.text + "\"");
  }
  static Status NotRaw(const Template& t, const Node& n) {
    return InvalidArgument(Where(t.file, n.line) + "{{{" + n.text +
                           "}}} prints only values marked raw (trusted HTML)");
  }
};

Result<std::string> TemplateSet::Render(std::string_view name, const TemplateValue& context) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) return NotFound("no template \"" + std::string(name) + "\"");
  Renderer r{*this, {&context}, {}, 0};
  Status s = r.Run(*it->second, it->second->nodes);
  if (!s.ok()) return s;
  return std::move(r.out);
}

}  // namespace hh
