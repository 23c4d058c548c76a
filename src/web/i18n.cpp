#include "web/i18n.h"

#include <fmt/core.h>

#include <fstream>
#include <sstream>
#include <vector>

namespace hh {

std::string_view LangCode(Lang lang) { return lang == Lang::kFr ? "fr" : "nl"; }

bool ParseLang(std::string_view code, Lang* out) {
  const std::string_view base = code.substr(0, 2);
  if (code.size() != 2 && (code.size() < 3 || (code[2] != '-' && code[2] != '_'))) return false;
  if (base == "nl" || base == "NL") {
    *out = Lang::kNl;
    return true;
  }
  if (base == "fr" || base == "FR") {
    *out = Lang::kFr;
    return true;
  }
  return false;
}

Result<Translations> Translations::Parse(std::string_view text, std::string_view file) {
  Translations t;
  int line_no = 0;
  bool header = false;
  const std::string where(file);
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> fields;
    size_t start = 0;
    for (;;) {
      const size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    const std::string at = where + ": line " + std::to_string(line_no);
    if (fields.size() != 3) {
      return InvalidArgument(at + ": " + std::to_string(fields.size()) +
                             " fields; a line is key<TAB>nl<TAB>fr");
    }
    if (!header) {
      if (fields[0] != "key" || fields[1] != "nl" || fields[2] != "fr") {
        return InvalidArgument(at + ": the first line must be the header key<TAB>nl<TAB>fr");
      }
      header = true;
      continue;
    }
    if (fields[0].empty()) return InvalidArgument(at + ", field key: empty");
    if (fields[1].empty()) {
      return InvalidArgument(at + ", field nl: empty for key \"" + std::string(fields[0]) + "\"");
    }
    if (fields[2].empty()) {
      return InvalidArgument(at + ", field fr: empty for key \"" + std::string(fields[0]) +
                             "\" (every text needs French too)");
    }
    const std::string key(fields[0]);
    if (t.nl_.count(key) != 0) {
      return InvalidArgument(fmt::format("{}, field key: \"{}\" appears twice", at, key));
    }
    t.nl_[key] = std::string(fields[1]);
    t.fr_[key] = std::string(fields[2]);
  }
  if (!header) return InvalidArgument(where + ": empty (no header line key<TAB>nl<TAB>fr)");
  for (const auto& [k, v] : t.nl_) t.nl_value_[k] = v;
  for (const auto& [k, v] : t.fr_) t.fr_value_[k] = v;
  return t;
}

Result<Translations> Translations::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Unavailable(path + ": cannot open the translation table");
  std::stringstream ss;
  ss << in.rdbuf();
  const size_t slash = path.find_last_of('/');
  return Parse(ss.str(), slash == std::string::npos ? path : path.substr(slash + 1));
}

const std::string& Translations::Get(Lang lang, std::string_view key) const {
  const auto& table = lang == Lang::kFr ? fr_ : nl_;
  auto it = table.find(key);
  if (it != table.end()) return it->second;
  static thread_local std::string missing;
  missing = std::string(key);
  return missing;
}

}  // namespace hh
