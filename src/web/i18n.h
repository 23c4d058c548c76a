// Translations: every string of the web screens, in Dutch and French, from ONE table
// (templates/web/i18n.tsv: key, nl, fr; tab-separated). Loaded once at start; a loaded table is
// immutable and may be shared between threads. Templates print them as {{t.key}}.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/status.h"
#include "web/template.h"

namespace hh {

enum class Lang { kNl, kFr };
std::string_view LangCode(Lang lang);  // "nl", "fr"
// "nl" or "fr" (also "nl-BE", "fr-BE"); nullopt-like: returns false for anything else.
bool ParseLang(std::string_view code, Lang* out);

class Translations {
 public:
  // Parses the table: a header line "key<TAB>nl<TAB>fr", then one line per key; blank lines and
  // lines starting with '#' are skipped. InvalidArgument naming file, line and field for a line
  // without three fields, an empty or repeated key, or an empty nl or fr text (French is
  // complete by rule). `file` names the table in messages.
  static Result<Translations> Parse(std::string_view text, std::string_view file);
  static Result<Translations> Load(const std::string& path);

  // The text of `key` in `lang`; the key itself when there is none (Check() prevents that).
  const std::string& Get(Lang lang, std::string_view key) const;
  bool Has(std::string_view key) const { return nl_.find(key) != nl_.end(); }
  // Every text of `lang` as a template map (the "t" of a page's context).
  const TemplateValue& AsTemplateValue(Lang lang) const {
    return lang == Lang::kFr ? fr_value_ : nl_value_;
  }
  size_t size() const { return nl_.size(); }

 private:
  std::map<std::string, std::string, std::less<>> nl_, fr_;
  TemplateValue nl_value_, fr_value_;
};

}  // namespace hh
