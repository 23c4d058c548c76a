#include "contract/contract_import.h"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

namespace hh {
namespace {

// ---------------------------------------------------------------------------------------------
// Characters and tokens

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
// The first byte of a multi-byte UTF-8 sequence of a letter (é, ë, ï, ...): Latin-1 letters
// are C3 xx; we count every C3 and C5 lead byte as a letter.
bool IsUtf8LetterLead(unsigned char c) { return c == 0xC3 || c == 0xC5; }
bool IsLetterAt(std::string_view s, size_t i) {
  return IsAsciiLetter(s[i]) || IsUtf8LetterLead(static_cast<unsigned char>(s[i]));
}

size_t Utf8Len(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return std::min(n, s.size() - i);
}

size_t Utf8Count(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); i += Utf8Len(s, i)) ++n;
  return n;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (IsUpperAscii(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  // The capital accented letters of Dutch (É, Ë, Ï, Ö, Ü) are C3 89..9C; lower case is +0x20.
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    auto b = static_cast<unsigned char>(out[i + 1]);
    if (static_cast<unsigned char>(out[i]) == 0xC3 && b >= 0x80 && b <= 0x9E && b != 0x97) {
      out[i + 1] = static_cast<char>(b + 0x20);
    }
  }
  return out;
}

std::vector<std::string_view> Tokens(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    size_t start = i;
    while (i < s.size() && !IsSpace(s[i])) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

// Stray characters OCR leaves around list items: bullets read as dashes, tildes, quotes, dots.
// Multi-byte ones are listed as UTF-8.
constexpr std::array<std::string_view, 14> kNoiseMulti = {
    "\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xBB",     "\xC2\xAB",     "\xE2\x80\xA2",
    "\xC2\xB7",     "\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D",
    "\xC2\xA2",     "\xC2\xA7",     "\xE2\x80\xA6", "\xC2\xB0"};
constexpr std::string_view kNoiseAscii = "-~>*+'\"_.,;:|\\!^=`";
// Bullets proper (a dash, an arrow, a dot, a star, the letter o): a line that starts with one
// followed by a space starts a new item in a bulleted list.
constexpr std::array<std::string_view, 10> kStrongBullets = {
    "-", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\xA2", "\xC2\xBB", "\xC2\xAB", ">", "*",
    "+", "\xC2\xB7"};

// The length of the noise character at s[i], or 0. With `letter_like` false, ! and | are not
// noise (they may be an OCR'd i or l at the start of a word).
size_t NoiseLen(std::string_view s, size_t i, bool letter_like = true) {
  char c = s[i];
  if (static_cast<unsigned char>(c) < 0x80) {
    if (!letter_like && (c == '!' || c == '|')) return 0;
    return kNoiseAscii.find(c) != std::string_view::npos ? 1 : 0;
  }
  for (std::string_view m : kNoiseMulti) {
    if (s.substr(i, m.size()) == m) return m.size();
  }
  return 0;
}

bool IsNoiseToken(std::string_view t) {
  if (t.empty()) return false;
  for (size_t i = 0; i < t.size();) {
    size_t n = NoiseLen(t, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

bool IsStrongBulletToken(std::string_view t) {
  if (t == "o") return true;
  for (std::string_view b : kStrongBullets) {
    if (t == b) return true;
  }
  // "- -", "-~" and the like: a dash among other noise.
  return IsNoiseToken(t) && (t.find('-') != std::string_view::npos || t.find('>') != t.npos);
}

// A list item's first line without its bullets and stray characters: leading whitespace-
// separated noise tokens (and a lone "o" bullet), then noise glued to the first word. Sets
// *strong when one of the separated tokens was a bullet proper.
std::string StripItemStart(std::string_view line, bool* strong, bool letter_like = true) {
  std::string_view s = Trim(line);
  bool found_strong = false;
  for (;;) {
    size_t end = 0;
    while (end < s.size() && !IsSpace(s[end])) ++end;
    std::string_view tok = s.substr(0, end);
    if (end == s.size() || tok.empty()) break;
    if (!(IsNoiseToken(tok) || tok == "o")) break;
    if (IsStrongBulletToken(tok)) found_strong = true;
    s = Trim(s.substr(end));
  }
  size_t i = 0;
  while (i < s.size()) {
    size_t n = NoiseLen(s, i, letter_like);
    if (n == 0) break;
    i += n;
  }
  s = Trim(s.substr(i));
  if (strong != nullptr) *strong = found_strong;
  return std::string(s);
}

// A continuation line without the stray characters before its first word: separated noise
// tokens, then a tilde or dash glued to a word ("~algemerne", "-automatisch"). Quotes and
// brackets glued to a word stay ("“counternarrative”", "(PIM)").
std::string StripContinuation(std::string_view line) {
  std::string_view s = Trim(line);
  for (;;) {
    size_t end = 0;
    while (end < s.size() && !IsSpace(s[end])) ++end;
    std::string_view tok = s.substr(0, end);
    if (end == s.size() || !IsNoiseToken(tok)) break;
    s = Trim(s.substr(end));
  }
  if (s.size() > 1 && (s[0] == '~' || s[0] == '-') && IsLetterAt(s, 1)) s.remove_prefix(1);
  return std::string(s);
}

// Drops trailing noise tokens (" : :", " '", " _", " .", a lone " o") and whitespace.
std::string StripTrailing(std::string_view s) {
  s = Trim(s);
  for (;;) {
    size_t start = s.size();
    while (start > 0 && !IsSpace(s[start - 1])) --start;
    if (start == 0) break;
    std::string_view tok = s.substr(start);
    if (!(IsNoiseToken(tok) || tok == "o" || tok == ")")) break;
    s = Trim(s.substr(0, start));
  }
  return std::string(s);
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (IsSpace(c) || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// Joins a wrapped line to the text before it: a word broken by a hyphen at the end of a line
// ("GAS-" + "parkeren") is joined without a space, unless the next line starts with a
// conjunction ("veiligheids-" + "en samenleving").
void JoinWrapped(std::string& text, std::string_view next) {
  if (next.empty()) return;
  if (text.empty()) {
    text = std::string(next);
    return;
  }
  bool hyphen = text.size() >= 2 && text.back() == '-' && IsLetterAt(text, text.size() - 2);
  if (hyphen) {
    std::string_view first = next.substr(0, next.find(' '));
    if (first == "en" || first == "of" || first == "tot") hyphen = false;
  }
  if (!hyphen) text.push_back(' ');
  text.append(next);
}

// A line without trailing whitespace, a lone "o", quotes, dashes and tildes: what is left to
// tell whether the line ended a sentence.
std::string_view StripTrailingQuotes(std::string_view raw) {
  std::string_view s = Trim(raw);
  if (s.size() >= 2 && s.back() == 'o' && IsSpace(s[s.size() - 2]))
    s = Trim(s.substr(0, s.size() - 1));
  for (;;) {
    s = Trim(s);
    if (s.empty()) break;
    char c = s.back();
    if (c == '\'' || c == '"' || c == '_' || c == '|' || c == '\\' || c == '~' || c == '-') {
      s.remove_suffix(1);
      continue;
    }
    bool multi = false;
    for (std::string_view m :
         {std::string_view("\xE2\x80\x98"), std::string_view("\xE2\x80\x99"),
          std::string_view("\xE2\x80\x9C"), std::string_view("\xE2\x80\x9D"),
          std::string_view("\xE2\x80\x94"), std::string_view("\xE2\x80\x93")}) {
      if (s.size() >= m.size() && s.substr(s.size() - m.size()) == m) {
        s.remove_suffix(m.size());
        multi = true;
        break;
      }
    }
    if (!multi) break;
  }
  return s;
}

// True when a raw line ends a sentence or a list entry: its last character, after stray
// quotes and dashes, is . ; , : ! or ?.
bool EndsWithTerminator(std::string_view raw) {
  std::string_view s = StripTrailingQuotes(raw);
  return !s.empty() && std::string_view(".;,:!?").find(s.back()) != std::string_view::npos;
}

bool HasLetter(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (IsLetterAt(s, i)) return true;
  }
  return false;
}

bool HasNonLetter(std::string_view s) {
  for (size_t i = 0; i < s.size(); i += Utf8Len(s, i)) {
    if (!IsLetterAt(s, i)) return true;
  }
  return false;
}

bool StartsUpper(std::string_view s) {
  if (s.empty()) return false;
  if (IsUpperAscii(s[0]) || IsDigit(s[0])) return true;
  return s.size() > 1 && static_cast<unsigned char>(s[0]) == 0xC3 &&
         static_cast<unsigned char>(s[1]) >= 0x80 && static_cast<unsigned char>(s[1]) <= 0x9E;
}

bool StartsLower(std::string_view s) {
  if (s.empty()) return false;
  if (IsLowerAscii(s[0])) return true;
  return s.size() > 1 && static_cast<unsigned char>(s[0]) == 0xC3 &&
         static_cast<unsigned char>(s[1]) >= 0xA0;
}

// The word itself, without the punctuation around it: "(PIM)" -> "PIM", "vergaderingen;" ->
// "vergaderingen". Characters that OCR makes of letters (! | [ ] ; :) inside a word stay.
std::string_view WordCore(std::string_view tok) {
  auto lead = [](std::string_view s) -> size_t {
    if (s.empty()) return 0;
    char c = s[0];
    if (c == '(' || c == '{' || c == '\'' || c == '"' || c == '_' || c == '.' || c == ',') return 1;
    for (std::string_view m :
         {std::string_view("\xE2\x80\x9C"), std::string_view("\xE2\x80\x98"),
          std::string_view("\xE2\x80\x9D"), std::string_view("\xE2\x80\x99")}) {
      if (s.substr(0, m.size()) == m) return m.size();
    }
    return 0;
  };
  auto trail = [](std::string_view s) -> size_t {
    if (s.empty()) return 0;
    char c = s.back();
    if (std::string_view(".,;:)}'\"_!?").find(c) != std::string_view::npos) return 1;
    for (std::string_view m :
         {std::string_view("\xE2\x80\x9D"), std::string_view("\xE2\x80\x99"),
          std::string_view("\xE2\x80\x98"), std::string_view("\xE2\x80\x9C")}) {
      if (s.size() >= m.size() && s.substr(s.size() - m.size()) == m) return m.size();
    }
    return 0;
  };
  for (size_t n = lead(tok); n > 0; n = lead(tok)) tok.remove_prefix(n);
  for (size_t n = trail(tok); n > 0; n = trail(tok)) tok.remove_suffix(n);
  return tok;
}

// Words a list item does not end with (articles, prepositions, conjunctions): a line ending in
// one goes on on the next line, however short it is.
constexpr std::array<std::string_view, 30> kFunctionWords = {
    "de",   "het", "een",  "van",  "voor", "en",  "of",    "in",    "op",   "aan",
    "met",  "te",  "tot",  "door", "die",  "dat", "om",    "bij",   "naar", "uit",
    "over", "als", "elke", "alle", "deze", "dit", "tegen", "onder", "zijn", "hun"};

bool EndsWithFunctionWord(std::string_view raw) {
  std::string_view s = Trim(raw);
  size_t sp = s.find_last_of(" \t");
  std::string last = Lower(sp == std::string_view::npos ? s : s.substr(sp + 1));
  return std::find(kFunctionWords.begin(), kFunctionWords.end(), last) != kFunctionWords.end();
}

constexpr int kShortLine = 50;  // a line of fewer characters did not wrap: its item ended there

// ---------------------------------------------------------------------------------------------
// OCR confusions, observed -> meant. `free` ones are characters that are never letters (they
// must be replaced and do not count toward the limit of two); `symmetric` ones (l <-> i) are
// as likely the other way round, so a correction by them alone needs the word list, or a
// document word that is more frequent than the word corrected.
struct Confusion {
  std::string_view seen;
  std::string_view meant;
  bool free;
  bool symmetric;
};
constexpr std::array<Confusion, 27> kConfusions = {{
    {"!", "i", true, false},
    {"!", "l", true, false},
    {"|", "i", true, false},
    {"|", "l", true, false},
    {"[", "i", true, false},
    {"[", "l", true, false},
    {"]", "j", true, false},
    {"]", "l", true, false},
    {";", "i", true, false},
    {":", "i", true, false},
    {"\xEF\xAC\x81", "fi", true, false},  // the ligature ﬁ
    {"\xEF\xAC\x82", "fl", true, false},  // the ligature ﬂ
    {"l", "i", false, true},
    {"i", "l", false, true},
    {"m", "in", false, false},  // "opleldmgen", "wervmgscampagne"
    {"rn", "m", false, false},
    {"u", "ij", false, false},  // "gemeenteluke", "wukagenten"
    {"q", "g", false, false},
    {"ri", "n", false, false},
    {"h", "n", false, false},                // "shelle"
    {"f", "l", false, false},                // "sportcfubs"
    {"f", "t", false, false},                // "organisafie"
    {"\xC3\xA9", "\xC3\xAB", false, false},  // é -> ë ("financiéle")
    {"\xC3\xA9", "e", false, false},         // é -> e ("eén")
    {"c", "e", false, false},                // "ean"
    {"d", "o", false, false},                // "Verhdgen"
    {"d", "\xC3\xB6", false, false},         // d -> ö ("codrdineren")
}};
constexpr int kMaxConfusions = 2;
constexpr size_t kMaxCorrectedBytes = 48;
constexpr int kMaxFreeChars = 4;

bool IsFreeChar(std::string_view s, size_t i) {
  for (const Confusion& c : kConfusions) {
    if (c.free && s.substr(i, c.seen.size()) == c.seen) return true;
  }
  return false;
}

struct Variant {
  std::string text;
  int cost = 0;
  bool only_symmetric = true;
  bool used_free = false;
};

void GenerateVariants(std::string_view w, size_t i, std::string& cur, int cost, bool only_sym,
                      bool used_free, std::vector<Variant>& out) {
  if (out.size() > 20000) return;  // a pathological word: stop exploring
  if (i >= w.size()) {
    out.push_back({cur, cost, only_sym, used_free});
    return;
  }
  if (!IsFreeChar(w, i)) {
    size_t n = Utf8Len(w, i);
    cur.append(w.substr(i, n));
    GenerateVariants(w, i + n, cur, cost, only_sym, used_free, out);
    cur.resize(cur.size() - n);
  }
  for (const Confusion& c : kConfusions) {
    if (w.substr(i, c.seen.size()) != c.seen) continue;
    int next_cost = cost + (c.free ? 0 : 1);
    if (next_cost > kMaxConfusions) continue;
    cur.append(c.meant);
    GenerateVariants(w, i + c.seen.size(), cur, next_cost, only_sym && (c.symmetric || c.free),
                     used_free || c.free, out);
    cur.resize(cur.size() - c.meant.size());
  }
}

// The letters an edit may insert or substitute (Dutch: a-z and the accented vowels).
const std::vector<std::string>& EditAlphabet() {
  static const std::vector<std::string> kAlphabet = [] {
    std::vector<std::string> a;
    for (char c = 'a'; c <= 'z'; ++c) a.emplace_back(1, c);
    for (const char* u : {"\xC3\xA9", "\xC3\xAB", "\xC3\xA8", "\xC3\xAF", "\xC3\xB6", "\xC3\xBC"}) {
      a.emplace_back(u);
    }
    return a;
  }();
  return kAlphabet;
}

// True when `w` is two listed words of three letters or more written together, perhaps with
// a linking s ("handhavings" + "plan").
bool IsCompound(const Wordlist& words, const std::string& w) {
  for (size_t k = 3; k + 3 <= w.size(); ++k) {
    if (!words.Contains(w.substr(0, k))) continue;
    std::string tail = w.substr(k);
    if (words.Contains(tail) ||
        (tail[0] == 's' && tail.size() > 3 && words.Contains(tail.substr(1)))) {
      return true;
    }
  }
  return false;
}

std::string Capitalise(std::string s) {
  if (!s.empty() && IsLowerAscii(s[0])) s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// ---------------------------------------------------------------------------------------------
// Headings

int Allowed(size_t folded_len) {
  if (folded_len <= 3) return 0;
  if (folded_len <= 6) return 1;
  return static_cast<int>(folded_len / 5);
}

bool FuzzyWordEq(std::string_view seen, std::string_view want) {
  std::string a = FoldOcr(seen);
  std::string b = FoldOcr(want);
  if (a.empty()) return false;
  return EditDistance(a, b) <= Allowed(b.size());
}

struct HeadingPattern {
  HeadingKind kind;
  std::array<std::string_view, 3> words;
  int word_count;
  bool number;
};
constexpr std::array<HeadingPattern, 6> kHeadings = {{
    {HeadingKind::kGeneral, {"algemene", "doelstelling", ""}, 2, false},
    {HeadingKind::kStrategic, {"strategische", "doelstelling", ""}, 2, true},
    {HeadingKind::kOperational, {"operationele", "doelstellingen", ""}, 2, false},
    {HeadingKind::kExpected, {"te", "verwachten", "resultaten"}, 3, false},
    {HeadingKind::kIndicators, {"indicatoren", "", ""}, 1, false},
    {HeadingKind::kSector, {"activiteitssector", "", ""}, 1, true},
}};

// Roman numerals of rubrics as OCR gives them: "I.", "1.", "l.", "II.", "Il.", "111." ...
std::optional<std::string> RomanNumeral(std::string_view tok) {
  if (tok.size() < 2 || (tok.back() != '.' && tok.back() != ')')) return std::nullopt;
  tok.remove_suffix(1);
  if (tok.empty() || tok.size() > 4) return std::nullopt;
  std::string r;
  for (char c : tok) {
    if (c == 'I' || c == 'l' || c == '1' || c == '|') {
      r.push_back('I');
    } else if (c == 'V') {
      r.push_back('V');
    } else {
      return std::nullopt;
    }
  }
  static const std::set<std::string> kValid = {"I", "II", "III", "IV", "V", "VI"};
  if (kValid.count(r) == 0) return std::nullopt;
  return r;
}

constexpr std::array<std::string_view, 6> kRoman = {"I", "II", "III", "IV", "V", "VI"};

// How well a heading's words match a rubric title: the share of the heading's words of three
// letters or more that are in the title (fuzzily); 0 when fewer than two match.
double TitleScore(std::string_view heading, std::string_view title) {
  std::vector<std::string> want;
  for (std::string_view t : Tokens(title)) {
    std::string f = FoldOcr(t);
    if (f.size() >= 3) want.push_back(f);
  }
  int words = 0;
  int matched = 0;
  for (std::string_view t : Tokens(heading)) {
    std::string f = FoldOcr(t);
    if (f.size() < 3) continue;
    ++words;
    for (const std::string& w : want) {
      if (EditDistance(f, w) <= Allowed(w.size())) {
        ++matched;
        break;
      }
    }
  }
  if (words == 0 || matched < 2) return 0;
  return static_cast<double>(matched) / words;
}

// ---------------------------------------------------------------------------------------------
// Numbers

std::optional<int64_t> DutchNumber(std::string_view tok) {
  std::string t = Lower(WordCore(tok));
  if (!t.empty() && std::all_of(t.begin(), t.end(), IsDigit)) {
    if (t.size() > 9) return std::nullopt;
    return std::stoll(t);
  }
  static const std::array<std::pair<std::string_view, int>, 14> kWords = {{
      {"een", 1},
      {"\xC3\xA9\xC3\xA9n", 1},
      {"twee", 2},
      {"drie", 3},
      {"vier", 4},
      {"vijf", 5},
      {"zes", 6},
      {"zeven", 7},
      {"acht", 8},
      {"negen", 9},
      {"tien", 10},
      {"elf", 11},
      {"twaalf", 12},
      {"twintig", 20},
  }};
  for (const auto& [w, n] : kWords) {
    if (t == w) return n;
  }
  return std::nullopt;
}

bool ContainsWord(std::string_view lower_text, std::string_view phrase) {
  size_t pos = 0;
  while ((pos = lower_text.find(phrase, pos)) != std::string_view::npos) {
    bool start_ok = pos == 0 || !IsLetterAt(lower_text, pos - 1);
    size_t end = pos + phrase.size();
    bool end_ok = end >= lower_text.size() || !IsLetterAt(lower_text, end);
    if (start_ok && end_ok) return true;
    pos = end;
  }
  return false;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Public helpers

int EditDistance(std::string_view a, std::string_view b) {
  std::vector<int> prev(b.size() + 1);
  std::vector<int> cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      int sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string FoldOcr(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (size_t i = 0; i < word.size();) {
    auto c = static_cast<unsigned char>(word[i]);
    if (c >= 0x80) {
      size_t n = Utf8Len(word, i);
      std::string_view ch = word.substr(i, n);
      i += n;
      if (ch.size() == 2 && static_cast<unsigned char>(ch[0]) == 0xC3) {
        auto b = static_cast<unsigned char>(ch[1]) | 0x20;  // lower case
        if (b >= 0xA8 && b <= 0xAB) out.push_back('e');
        if (b >= 0xAC && b <= 0xAF) out.push_back('i');
        if (b >= 0xB2 && b <= 0xB6) out.push_back('o');
        if (b >= 0xB9 && b <= 0xBC) out.push_back('u');
        if (b >= 0xA0 && b <= 0xA4) out.push_back('a');
      } else if (ch == "\xEF\xAC\x81" || ch == "\xEF\xAC\x82") {
        out += "fi";
      }
      continue;
    }
    char ch = static_cast<char>(std::tolower(c));
    ++i;
    if (ch == 'r' && i < word.size() && std::tolower(static_cast<unsigned char>(word[i])) == 'n') {
      out.push_back('m');
      ++i;
      continue;
    }
    if (ch == '!' || ch == '|' || ch == '1' || ch == 'l' || ch == '[' || ch == ']') {
      out.push_back('i');
    } else if (ch == 'q') {
      out.push_back('g');
    } else if (IsLowerAscii(ch)) {
      out.push_back(ch);
    }
  }
  return out;
}

HeadingMatch MatchHeading(std::string_view line) {
  std::string s = StripTrailing(StripItemStart(line, nullptr, /*letter_like=*/false));
  std::vector<std::string_view> toks = Tokens(s);
  // Split a number glued to the last heading word ("ctiviteitssector2") into its own token.
  std::vector<std::string> parts;
  for (std::string_view t : toks) {
    size_t k = t.size();
    while (k > 0 && (IsDigit(t[k - 1]) || t[k - 1] == ':')) --k;
    if (k > 0 && k < t.size() && IsAsciiLetter(t[k - 1])) {
      parts.emplace_back(t.substr(0, k));
      parts.emplace_back(t.substr(k));
    } else {
      parts.emplace_back(t);
    }
  }
  for (const HeadingPattern& p : kHeadings) {
    if (parts.size() < static_cast<size_t>(p.word_count)) continue;
    bool ok = true;
    bool colon = false;
    for (int w = 0; w < p.word_count && ok; ++w) {
      ok = FuzzyWordEq(parts[w], p.words[w]);
      if (parts[w].find(':') != std::string::npos) colon = true;
    }
    if (!ok) continue;
    size_t k = p.word_count;
    HeadingMatch m;
    m.kind = p.kind;
    if (p.number) {
      while (k < parts.size() && IsNoiseToken(parts[k])) {
        if (parts[k].find(':') != std::string::npos) colon = true;
        ++k;
      }
      if (k >= parts.size()) continue;
      std::string_view num = parts[k];
      size_t d = 0;
      while (d < num.size() && IsDigit(num[d])) ++d;
      if (d == 0 || d > 2) continue;
      m.number = std::stoi(std::string(num.substr(0, d)));
      if (num.substr(d).find(':') != std::string_view::npos) colon = true;
      if (d < num.size() && !IsNoiseToken(num.substr(d))) continue;
      ++k;
    }
    std::string rest;
    for (; k < parts.size(); ++k) {
      if (rest.empty() && IsNoiseToken(parts[k])) {
        if (parts[k].find(':') != std::string::npos) colon = true;
        continue;
      }
      if (!rest.empty()) rest.push_back(' ');
      rest += parts[k];
    }
    if (!rest.empty()) {
      bool titled = p.kind == HeadingKind::kGeneral || p.kind == HeadingKind::kStrategic;
      if (!titled || !colon) continue;
      m.rest = rest;
    }
    return m;
  }
  return {};
}

std::vector<WrittenAmount> FindAmounts(std::string_view text) {
  std::vector<WrittenAmount> out;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsDigit(text[i]) || (i > 0 && (IsDigit(text[i - 1]) || text[i - 1] == '.'))) {
      ++i;
      continue;
    }
    size_t start = i;
    std::vector<std::string> groups;
    std::string decimals;
    size_t j = i;
    for (;;) {
      size_t g = j;
      while (j < text.size() && IsDigit(text[j])) ++j;
      groups.emplace_back(text.substr(g, j - g));
      if (j + 1 < text.size() && text[j] == '.' && IsDigit(text[j + 1])) {
        ++j;
        continue;
      }
      break;
    }
    size_t written_end = j;
    if (j + 1 < text.size() && text[j] == ',' && IsDigit(text[j + 1])) {
      size_t d = ++j;
      while (j < text.size() && IsDigit(text[j])) ++j;
      decimals = std::string(text.substr(d, j - d));
      written_end = j;
    }
    // The suffix: ",-", "-", ",~", "~", ",—", then spaces, then euro / EUR / €.
    size_t k = j;
    if (k < text.size() && text[k] == ',') ++k;
    if (k < text.size() && (text[k] == '-' || text[k] == '~')) {
      ++k;
    } else if (text.substr(k, 3) == "\xE2\x80\x94" || text.substr(k, 3) == "\xE2\x80\x93") {
      k += 3;
    }
    while (k < text.size() && IsSpace(text[k])) ++k;
    std::string unit = Lower(text.substr(k, 4));
    bool euro = unit == "euro" || unit.substr(0, 3) == "eur" || text.substr(k, 3) == "\xE2\x82\xAC";
    if (!euro || decimals.size() > 2) {
      i = j > i ? j : i + 1;
      continue;
    }
    WrittenAmount a;
    a.as_written = std::string(text.substr(start, written_end - start));
    a.pos = start;
    a.well_formed = groups[0].size() <= 3 || groups.size() == 1;
    std::string digits;
    for (size_t g = 0; g < groups.size(); ++g) {
      if (g > 0 && groups[g].size() != 3) a.well_formed = false;
      digits += groups[g];
    }
    if (digits.size() > 15) {
      i = j;
      continue;
    }
    while (decimals.size() < 2) decimals.push_back('0');
    a.amount = Money::FromCents(std::stoll(digits) * 100 + std::stoll(decimals));
    out.push_back(a);
    i = k;
  }
  return out;
}

std::vector<WrittenDate> FindDutchDates(std::string_view text) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "januari", "februari", "maart",     "april",   "mei",      "juni",
      "juli",    "augustus", "september", "oktober", "november", "december"};
  std::vector<WrittenDate> out;
  std::vector<std::string_view> toks = Tokens(text);
  for (size_t t = 0; t + 2 < toks.size(); ++t) {
    std::string_view day = WordCore(toks[t]);
    if (day.empty() || day.size() > 2 || !std::all_of(day.begin(), day.end(), IsDigit)) continue;
    std::string month = FoldOcr(WordCore(toks[t + 1]));
    int m = 0;
    for (size_t k = 0; k < kMonths.size(); ++k) {
      std::string want = FoldOcr(kMonths[k]);
      int allowed = want.size() >= 5 ? 1 : 0;
      if (EditDistance(month, want) <= allowed) {
        m = static_cast<int>(k) + 1;
        break;
      }
    }
    if (m == 0) continue;
    std::string_view year = WordCore(toks[t + 2]);
    if (year.size() != 4 || !std::all_of(year.begin(), year.end(), IsDigit)) continue;
    LocalDate d;
    if (!LocalDate::FromYmd(std::stoi(std::string(year)), m, std::stoi(std::string(day)), &d)) {
      continue;
    }
    size_t pos = static_cast<size_t>(toks[t].data() - text.data());
    size_t end = static_cast<size_t>(toks[t + 2].data() + toks[t + 2].size() - text.data());
    out.push_back({d, pos, end - pos});
  }
  return out;
}

namespace {

// The number just before `pos` in `text` ("32 stemmen"), or -1.
int NumberBefore(std::string_view text, size_t pos) {
  size_t e = pos;
  while (e > 0 && IsSpace(text[e - 1])) --e;
  size_t b = e;
  while (b > 0 && IsDigit(text[b - 1])) --b;
  if (b == e || e - b > 4) return -1;
  return std::stoi(std::string(text.substr(b, e - b)));
}

constexpr std::array<std::string_view, 12> kNameParticles = {
    "de", "van", "der", "den", "el", "le", "la", "vanden", "vander", "ter", "ten", "op"};

// Splits the names in a bracket: first by commas, then a run of words into first name,
// particles, surname.
std::vector<std::string> SplitNames(std::string_view inner) {
  std::vector<std::string> names;
  size_t start = 0;
  while (start <= inner.size()) {
    size_t comma = inner.find(',', start);
    std::string_view seg =
        inner.substr(start, comma == std::string_view::npos ? inner.npos : comma - start);
    std::vector<std::string> words;
    for (std::string_view t : Tokens(seg)) {
      if (!HasLetter(t)) continue;
      words.emplace_back(t);
    }
    size_t w = 0;
    while (w < words.size()) {
      std::string name = words[w++];
      while (w < words.size() && std::find(kNameParticles.begin(), kNameParticles.end(),
                                           Lower(words[w])) != kNameParticles.end()) {
        name += " " + words[w++];
      }
      if (w < words.size()) name += " " + words[w++];
      names.push_back(name);
    }
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return names;
}

}  // namespace

CouncilDecision ReadVote(std::string_view paragraph, std::string* unsure) {
  CouncilDecision d;
  std::string lower = Lower(paragraph);
  size_t p = lower.find("stemmen voor");
  if (p != std::string::npos) d.votes_for = std::max(0, NumberBefore(lower, p));
  p = lower.find("stemmen tegen");
  if (p == std::string::npos) p = lower.find("tegenstem");
  if (p != std::string::npos) d.votes_against = std::max(0, NumberBefore(lower, p));
  size_t a = lower.find("onthouding");
  if (a != std::string::npos) {
    d.abstentions = std::max(0, NumberBefore(lower, a));
    size_t open = paragraph.find_first_of("({", a);
    size_t close = paragraph.find_last_of(")}");
    if (open != std::string_view::npos && close != std::string_view::npos && close > open) {
      std::string inner;
      for (std::string_view t : Tokens(paragraph.substr(open + 1, close - open - 1))) {
        if (IsNoiseToken(t)) continue;
        if (!inner.empty()) inner.push_back(' ');
        inner.append(t);
      }
      d.abstainers = SplitNames(inner);
    }
  }
  if (unsure != nullptr && !d.abstainers.empty() &&
      static_cast<int>(d.abstainers.size()) != d.abstentions) {
    *unsure = fmt::format("{} abstentions but {} names read", d.abstentions, d.abstainers.size());
  }
  return d;
}

std::optional<Threshold> ReadThreshold(std::string_view text) {
  std::string lower = Lower(text);
  std::vector<std::string_view> toks = Tokens(lower);
  std::optional<int64_t> min;
  for (size_t t = 0; t + 1 < toks.size() && !min; ++t) {
    std::string_view w = WordCore(toks[t]);
    size_t next = t + 1;
    if (w == "ten" && WordCore(toks[t + 1]) == "minste") {
      next = t + 2;
    } else if (!(w == "minstens" || w == "minimaal" || w == "minimum" || w == "min" ||
                 w == "tenminste")) {
      continue;
    }
    if (next < toks.size()) min = DutchNumber(toks[next]);
  }
  if (!min) return std::nullopt;
  Threshold th{*min, "contract"};
  if (ContainsWord(lower, "jaarlijks") || ContainsWord(lower, "per jaar") ||
      ContainsWord(lower, "elk jaar") || ContainsWord(lower, "ieder jaar") ||
      ContainsWord(lower, "op jaarbasis")) {
    th.per = "year";
  } else if (ContainsWord(lower, "per kwartaal") || ContainsWord(lower, "driemaandelijks")) {
    th.per = "quarter";
  } else if (ContainsWord(lower, "maandelijks") || ContainsWord(lower, "per maand")) {
    th.per = "month";
  }
  return th;
}

IndicatorKind ClassifyIndicator(std::string_view text) {
  if (ReadThreshold(text)) return IndicatorKind::kThreshold;
  std::string lower = Lower(text);
  for (std::string_view t : Tokens(lower)) {
    std::string_view core = t;
    while (!core.empty() && !IsLetterAt(core, 0)) core.remove_prefix(1);
    if (core.substr(0, 6) == "aantal") return IndicatorKind::kCount;
  }
  return IndicatorKind::kExistence;
}

// ---------------------------------------------------------------------------------------------
// Word list and corrector

Result<Wordlist> Wordlist::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Unavailable(path + ": the word list cannot be read");
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string all = ss.str();
  Wordlist w;
  w.words_.reserve(all.size() / 10);
  size_t start = 0;
  while (start < all.size()) {
    size_t nl = all.find('\n', start);
    if (nl == std::string::npos) nl = all.size();
    std::string_view word = Trim(std::string_view(all).substr(start, nl - start));
    if (!word.empty()) w.words_.emplace(word);
    start = nl + 1;
  }
  return w;
}

Wordlist Wordlist::FromWords(const std::vector<std::string>& words) {
  Wordlist w;
  for (const std::string& s : words) {
    if (!s.empty()) w.words_.insert(s);
  }
  return w;
}

bool Wordlist::Contains(std::string_view word) const {
  std::string s(word);
  if (words_.count(s) > 0) return true;
  return words_.count(Lower(word)) > 0;
}

bool Wordlist::ContainsLower(std::string_view word) const { return words_.count(Lower(word)) > 0; }

WordCorrector::WordCorrector(const Wordlist& words, std::string_view document) : words_(&words) {
  for (std::string_view tok : Tokens(document)) {
    std::string_view core = WordCore(tok);
    if (core.empty() || !HasLetter(core)) continue;
    ++vocabulary_[Lower(core)];
    if (StartsLower(core)) lower_written_.insert(Lower(core));
  }
}

bool WordCorrector::IsCommonWord(std::string_view word) const {
  std::string_view core = WordCore(word);
  if (core.empty()) return false;
  return lower_written_.count(Lower(core)) > 0;
}

std::optional<std::string> WordCorrector::CorrectWord(std::string_view word,
                                                      std::vector<std::string>* candidates) const {
  if (words_->empty()) return std::nullopt;
  int letters = 0;
  int capitals = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    if (IsDigit(word[i]) || word[i] == '.' || word[i] == '-' || word[i] == '/') return std::nullopt;
    if (IsLetterAt(word, i)) ++letters;
    if (IsUpperAscii(word[i])) ++capitals;
  }
  if (letters < 4 || capitals > 1 || (capitals == 1 && !IsUpperAscii(word[0]))) {
    // An acronym or a name in capitals ("LIVC", "MeWi"); "vVoor" is left alone too.
    if (capitals > 1 || letters < 4) return std::nullopt;
  }
  if (words_->Contains(word)) return std::nullopt;
  // Longer than any Dutch word we would correct, or more characters that are no letters than
  // OCR makes of one word: not worth the search (and bounded, whatever the input).
  int free_chars = 0;
  for (size_t i = 0; i < word.size(); ++i) free_chars += IsFreeChar(word, i) ? 1 : 0;
  if (word.size() > kMaxCorrectedBytes || free_chars > kMaxFreeChars) return std::nullopt;
  std::string lower = Lower(word);
  bool cap = IsUpperAscii(word[0]);
  auto vocab_count = [this](const std::string& w) {
    auto it = vocabulary_.find(w);
    return it == vocabulary_.end() ? 0 : it->second;
  };
  int own = vocab_count(lower);

  std::vector<Variant> variants;
  std::string cur;
  GenerateVariants(lower, 0, cur, 0, true, false, variants);
  int best = kMaxConfusions + 1;
  std::set<std::string> found;
  for (const Variant& v : variants) {
    if (v.text == lower || v.cost > best) continue;
    bool ok = words_->Contains(v.text);
    if (!ok && vocab_count(v.text) > 0 && !HasNonLetter(v.text)) {
      ok = !v.only_symmetric || v.used_free || vocab_count(v.text) > own;
    }
    if (!ok) continue;
    if (v.cost < best) {
      best = v.cost;
      found.clear();
    }
    found.insert(v.text);
  }
  if (found.empty() && own <= 1 && !IsCompound(*words_, lower)) {
    // One edit, against the word list only, for a word the document has once and that is not
    // two listed words written together ("probleempanden", "casewerk").
    const std::vector<std::string>& alphabet = EditAlphabet();
    std::vector<size_t> bounds;
    for (size_t i = 0; i < lower.size(); i += Utf8Len(lower, i)) bounds.push_back(i);
    bounds.push_back(lower.size());
    std::string c;
    auto consider = [&](std::string_view head, std::string_view mid, std::string_view tail) {
      c.assign(head).append(mid).append(tail);
      if (c != lower && words_->Contains(c)) found.insert(c);
    };
    for (size_t b = 0; b + 1 < bounds.size(); ++b) {
      std::string head = lower.substr(0, bounds[b]);
      std::string tail = lower.substr(bounds[b + 1]);
      consider(head, "", tail);
      for (const std::string& a : alphabet) consider(head, a, tail);
    }
    for (size_t b = 0; b < bounds.size(); ++b) {
      std::string head = lower.substr(0, bounds[b]);
      std::string tail = lower.substr(bounds[b]);
      for (const std::string& a : alphabet) consider(head, a, tail);
    }
  }
  if (found.size() == 1) return cap ? Capitalise(*found.begin()) : *found.begin();
  if (found.size() > 1 && candidates != nullptr) {
    candidates->clear();
    for (const std::string& f : found) candidates->push_back(cap ? Capitalise(f) : f);
  }
  return std::nullopt;
}

std::string WordCorrector::CorrectText(
    std::string_view text, std::vector<std::pair<std::string, std::string>>* ambiguous) const {
  if (words_->empty()) return std::string(text);
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (IsSpace(text[i])) {
      out.push_back(text[i++]);
      continue;
    }
    size_t end = i;
    while (end < text.size() && !IsSpace(text[end])) ++end;
    std::string_view tok = text.substr(i, end - i);
    std::string_view core = WordCore(tok);
    size_t lead = static_cast<size_t>(core.data() - tok.data());
    out.append(tok.substr(0, lead));
    // Hyphenated and slashed words are corrected part by part.
    size_t p = 0;
    while (p <= core.size()) {
      size_t sep = core.find_first_of("-/", p);
      std::string_view part = core.substr(p, sep == std::string_view::npos ? core.npos : sep - p);
      std::vector<std::string> cands;
      // "veiligheids-" in "veiligheids- en samenlevingscontract" is half a compound: left alone.
      bool dangling = sep != std::string_view::npos && sep + 1 == core.size();
      std::optional<std::string> fix =
          part.empty() || dangling ? std::nullopt : CorrectWord(part, &cands);
      if (fix) {
        out += *fix;
      } else {
        out.append(part);
        if (cands.size() > 1 && ambiguous != nullptr) {
          std::string joined;
          for (const std::string& c : cands) joined += (joined.empty() ? "" : " | ") + c;
          ambiguous->emplace_back(std::string(part), joined);
        }
      }
      if (sep == std::string_view::npos) break;
      out.push_back(core[sep]);
      p = sep + 1;
    }
    out.append(tok.substr(lead + core.size()));
    i = end;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The import

namespace {

struct RawLine {
  int no = 0;
  std::string_view text;
  bool blank_before = false;
};

struct Piece {
  int line = 0;
  std::string text;
};

// A capitalised article in the middle of a line after a word in lower case ("De in plaats
// stelling Het aantal ..."): OCR ran two items together. The byte offset of the article, or 0.
size_t MergedItemSplit(std::string_view s) {
  std::vector<std::string_view> toks = Tokens(s);
  for (size_t k = 1; k < toks.size(); ++k) {
    if (toks[k] != "Het" && toks[k] != "De" && toks[k] != "Een") continue;
    std::string_view prev = toks[k - 1];
    if (!prev.empty() && IsLowerAscii(prev.back())) {
      return static_cast<size_t>(toks[k].data() - s.data());
    }
  }
  return 0;
}

// Splits the lines of one list (the operational objectives, expected results or indicators of
// one strategic objective, or the steps of the procedure) into items. A list is bulleted when
// its first line has a bullet, or a bullet starts a capitalised line: then a bullet starts an
// item. Otherwise (and for lines without a bullet) a line starts an item when it starts with a
// capital and the line before ended a sentence, was short, was followed by a blank line, or
// the line's first word is a common word (not a name: "Stad\nMechelen" continues); a line in
// lower case starts an item only after a short line.
std::vector<Piece> SplitItems(const std::vector<RawLine>& lines, const WordCorrector& corr,
                              std::vector<UncertainItem>* uncertain) {
  bool bulleted = false;
  bool first = true;
  for (const RawLine& l : lines) {
    if (!HasLetter(l.text)) continue;
    bool strong = false;
    std::string body = StripItemStart(l.text, &strong);
    if (strong && (first || StartsUpper(body))) bulleted = true;
    first = false;
  }
  std::vector<Piece> items;
  std::string_view prev;
  for (const RawLine& l : lines) {
    if (!HasLetter(l.text)) continue;  // a page number, a stray mark
    bool strong = false;
    std::string body = StripItemStart(l.text, &strong);
    bool start = items.empty();
    if (!start) {
      bool prev_ended = EndsWithTerminator(prev);
      bool prev_short = static_cast<int>(Utf8Count(Trim(prev))) < kShortLine;
      std::string_view first_word = std::string_view(body).substr(0, body.find(' '));
      if (bulleted && strong) {
        start = true;
      } else if (EndsWithFunctionWord(prev)) {
        start = false;  // "... aan huis voor" + "alle inwoners": the sentence goes on
      } else if (StartsUpper(body)) {
        start = prev_ended || (prev_short && !bulleted) || l.blank_before ||
                corr.IsCommonWord(first_word);
      } else if (StartsLower(body)) {
        start = prev_short && !bulleted;
      }
    }
    std::string piece = start ? body : StripContinuation(l.text);
    size_t split = MergedItemSplit(piece);
    std::string second;
    if (split > 0) {
      second = piece.substr(split);
      std::string head(Trim(std::string_view(piece).substr(0, split)));
      uncertain->push_back({"one line read as two items", l.no, std::string(Trim(l.text)),
                            std::string(head).append(" / ").append(second)});
      piece = head;
    }
    if (start) {
      items.push_back({l.no, piece});
    } else {
      JoinWrapped(items.back().text, piece);
    }
    if (!second.empty()) items.push_back({l.no, second});
    prev = l.text;
  }
  for (Piece& p : items) p.text = StripTrailing(CollapseSpaces(p.text));
  std::erase_if(items, [](const Piece& p) { return p.text.empty(); });
  return items;
}

// One paragraph (a heading's text: a general objective, a strategic objective's title).
Piece JoinParagraph(const std::vector<RawLine>& lines) {
  Piece p;
  for (const RawLine& l : lines) {
    if (!HasLetter(l.text)) continue;
    if (p.line == 0) {
      p.line = l.no;
      p.text = StripItemStart(l.text, nullptr);
    } else {
      JoinWrapped(p.text, StripContinuation(l.text));
    }
  }
  p.text = StripTrailing(CollapseSpaces(p.text));
  return p;
}

bool IsEndMarker(std::string_view line) {
  std::string s = Lower(StripItemStart(line, nullptr));
  for (std::string_view m : {"elk der contract", "opgemaakt te", "voor de federale staat",
                             "namens de gemeenteraad", "aldus opgemaakt"}) {
    if (s.rfind(m, 0) == 0) return true;
  }
  return false;
}

bool IsDecisionSection(std::string_view line) {
  std::string body = StripItemStart(line, nullptr);
  std::vector<std::string_view> toks = Tokens(body);
  if (toks.empty() || toks.size() > 4) return false;
  for (std::string_view w : {"juridische", "financiele", "artikel", "besluit", "adviezen",
                             "regelgeving", "voorgeschiedenis", "feiten", "motivering"}) {
    if (FuzzyWordEq(toks[0], w)) return true;
  }
  return false;
}

enum class Target { kNone, kGeneral, kTitle, kOperational, kExpected, kIndicators };

class Importer {
 public:
  Importer(std::string_view text, std::string_view file_name, const Wordlist& words)
      : text_(text), corr_(words, text) {
    c_.source_file = std::string(file_name);
    size_t start = 0;
    int no = 0;
    while (start <= text.size()) {
      size_t nl = text.find('\n', start);
      if (nl == std::string_view::npos) nl = text.size();
      std::string_view l = text.substr(start, nl - start);
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      lines_.push_back({++no, l, false});
      if (nl == text.size()) break;
      start = nl + 1;
    }
  }

  Result<Contract> Run() {
    ReadParties();
    ReadPeriodAndDate();
    ReadVoteParagraph();
    ReadRubricList();
    ReadTotals();
    ReadProcedure();
    ReadObjectives();
    if (c_.objectives.empty()) {
      return InvalidArgument(c_.source_file +
                             ": no objectives found (no \"Strategische doelstelling\" heading); "
                             "is this a security and society contract?");
    }
    Check();
    return std::move(c_);
  }

 private:
  ContractText MakeText(const Piece& p) {
    ContractText t;
    t.original = p.text;
    t.line = p.line;
    std::vector<std::pair<std::string, std::string>> ambiguous;
    t.text = corr_.CorrectText(p.text, &ambiguous);
    for (auto& [word, cands] : ambiguous) {
      c_.uncertain.push_back({"OCR word with more than one correction", p.line, word, cands});
    }
    return t;
  }

  std::string_view Line(size_t i) const { return lines_[i].text; }
  bool Blank(size_t i) const { return Trim(lines_[i].text).empty(); }

  // The paragraph (lines up to a blank line either side) around line index i, joined.
  std::string Paragraph(size_t i) const {
    size_t b = i;
    while (b > 0 && !Blank(b - 1)) --b;
    size_t e = i;
    while (e + 1 < lines_.size() && !Blank(e + 1)) ++e;
    std::string out;
    for (size_t k = b; k <= e; ++k) JoinWrapped(out, Trim(Line(k)));
    return out;
  }

  void ReadParties() {
    for (size_t i = 0; i < lines_.size(); ++i) {
      // "Tussen enerzijds :" and "En anderzijds :", alone on their line; the first of each.
      std::string lower = Lower(StripTrailing(StripItemStart(Line(i), nullptr)));
      while (!lower.empty() && (lower.back() == ':' || lower.back() == ' ')) lower.pop_back();
      std::string role;
      if (lower == "enerzijds" || lower == "tussen enerzijds") role = "enerzijds";
      if (lower == "anderzijds" || lower == "en anderzijds") role = "anderzijds";
      if (role.empty() || std::any_of(c_.parties.begin(), c_.parties.end(),
                                      [&](const ContractParty& p) { return p.role == role; })) {
        continue;
      }
      std::vector<RawLine> para;
      for (size_t k = i + 1; k < lines_.size() && k < i + 8; ++k) {
        if (!HasLetter(Line(k))) {
          if (!para.empty()) break;
          continue;
        }
        para.push_back(lines_[k]);
        if (Line(k).find(',') != std::string_view::npos) break;
      }
      Piece p = JoinParagraph(para);
      size_t comma = p.text.find(',');
      if (comma != std::string::npos) p.text = p.text.substr(0, comma);
      if (p.text.empty()) continue;
      c_.parties.push_back({role, MakeText(p)});
    }
  }

  int LineOf(size_t pos) const {
    return static_cast<int>(std::count(text_.begin(), text_.begin() + pos, '\n')) + 1;
  }

  void ReadPeriodAndDate() {
    std::string flat(text_);
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    std::string lower = Lower(flat);
    for (const WrittenDate& d : FindDutchDates(flat)) {
      std::string before = lower.substr(d.pos >= 40 ? d.pos - 40 : 0, std::min<size_t>(d.pos, 40));
      if (!c_.period_from && (before.find("werking op") != std::string::npos ||
                              before.find("ingaat op") != std::string::npos)) {
        c_.period_from = d.date;
      } else if (!c_.period_to && (before.find("eindigt op") != std::string::npos ||
                                   before.find("tot en met") != std::string::npos)) {
        c_.period_to = d.date;
      } else if (!c_.decision.date && (before.find("gemeenteraad van") != std::string::npos ||
                                       before.find("zitting van") != std::string::npos)) {
        c_.decision.date = d.date;
      }
    }
    if (!c_.period_from || !c_.period_to) {
      // "samenlevingscontract 2018-2019": the working years.
      for (size_t p = lower.find("contract"); p != std::string::npos;
           p = lower.find("contract", p + 1)) {
        size_t k = p + 8;
        while (k < lower.size() && IsSpace(lower[k])) ++k;
        if (k + 9 <= lower.size() &&
            std::all_of(lower.begin() + k, lower.begin() + k + 4, IsDigit) && lower[k + 4] == '-' &&
            std::all_of(lower.begin() + k + 5, lower.begin() + k + 9, IsDigit)) {
          int y1 = std::stoi(lower.substr(k, 4));
          int y2 = std::stoi(lower.substr(k + 5, 4));
          LocalDate from;
          LocalDate to;
          if (y2 >= y1 && LocalDate::FromYmd(y1, 1, 1, &from) &&
              LocalDate::FromYmd(y2, 12, 31, &to)) {
            if (!c_.period_from) c_.period_from = from;
            if (!c_.period_to) c_.period_to = to;
            c_.uncertain.push_back({"contract period taken from the working years in the title",
                                    LineOf(k), flat.substr(k, 9),
                                    from.ToIsoString() + " .. " + to.ToIsoString()});
            break;
          }
        }
      }
    }
  }

  void ReadVoteParagraph() {
    for (size_t i = 0; i < lines_.size(); ++i) {
      std::string lower = Lower(Line(i));
      if (lower.find("stemmen voor") == std::string::npos &&
          lower.find("onthouding") == std::string::npos) {
        continue;
      }
      std::string para = Paragraph(i);
      std::string unsure;
      CouncilDecision v = ReadVote(para, &unsure);
      v.date = c_.decision.date;
      c_.decision = v;
      if (!unsure.empty()) {
        c_.uncertain.push_back({"abstainers' names", lines_[i].no, "", unsure});
      }
      for (const std::string& n : c_.decision.abstainers) {
        if (HasNonNameChar(n)) {
          c_.uncertain.push_back({"abstainer's name has OCR noise", lines_[i].no, n, ""});
        }
      }
      return;
    }
  }

  static bool HasNonNameChar(std::string_view n) {
    for (size_t i = 0; i < n.size(); i += Utf8Len(n, i)) {
      if (!(IsLetterAt(n, i) || n[i] == ' ' || n[i] == '-' || n[i] == '\'')) return true;
    }
    return false;
  }

  // The rubrics with their amounts: the first run of numbered list entries ("o 1. Toelage ...
  // van 268.172,73,- euro.") that each hold an amount in euro.
  void ReadRubricList() {
    struct Entry {
      int line;
      std::string numeral_as_written;
      std::string numeral;
      std::string text;
    };
    std::vector<std::vector<Entry>> runs;
    std::vector<Entry> run;
    for (size_t i = 0; i < lines_.size(); ++i) {
      std::string body = StripItemStart(Line(i), nullptr);
      std::vector<std::string_view> toks = Tokens(body);
      std::optional<std::string> numeral = toks.empty() ? std::nullopt : RomanNumeral(toks[0]);
      if (!numeral) continue;
      Entry e{lines_[i].no, std::string(toks[0]), *numeral,
              std::string(Trim(std::string_view(body).substr(toks[0].size())))};
      for (size_t k = i + 1; k < lines_.size() && k < i + 4 && FindAmounts(e.text).empty(); ++k) {
        if (Blank(k)) break;
        bool strong = false;
        std::string next = StripItemStart(Line(k), &strong);
        std::vector<std::string_view> nt = Tokens(next);
        if (strong || (!nt.empty() && RomanNumeral(nt[0]))) break;
        JoinWrapped(e.text, Trim(Line(k)));
      }
      if (FindAmounts(e.text).empty()) {
        if (!run.empty()) runs.push_back(std::move(run));
        run.clear();
        continue;
      }
      run.push_back(std::move(e));
      // The run goes on while the next entry follows within two lines.
      size_t next = i + 1;
      while (next < lines_.size() && next < i + 4) {
        std::string nb = StripItemStart(Line(next), nullptr);
        std::vector<std::string_view> nt = Tokens(nb);
        if (!nt.empty() && RomanNumeral(nt[0])) break;
        ++next;
      }
      if (next >= lines_.size() || next >= i + 4) {
        runs.push_back(std::move(run));
        run.clear();
      }
    }
    if (!run.empty()) runs.push_back(std::move(run));
    const std::vector<Entry>* best = nullptr;
    for (const auto& r : runs) {
      if (best == nullptr || (best->size() < 2 && r.size() > best->size())) best = &r;
    }
    if (best == nullptr) return;
    rubrics_listed_ = true;
    bool yearly = Lower(text_).find("jaarlijkse bedragen") != std::string::npos ||
                  Lower(text_).find("jaarlijks bedrag") != std::string::npos;
    for (size_t k = 0; k < best->size() && k < kRoman.size(); ++k) {
      const Entry& e = (*best)[k];
      Rubric r;
      r.number = std::string(kRoman[k]);
      if (e.numeral != r.number) {
        c_.uncertain.push_back(
            {"rubric number out of sequence", e.line, e.numeral_as_written, r.number});
      }
      std::vector<WrittenAmount> amounts = FindAmounts(e.text);
      const WrittenAmount& a = amounts.front();
      r.annual_amount = a.amount;
      if (!a.well_formed) {
        c_.warnings.push_back(
            fmt::format("line {}: the amount of rubric {} is written \"{}\", "
                        "which is not a well-formed amount; read as {}",
                        e.line, r.number, a.as_written, a.amount.ToDutchString()));
      }
      std::string title = e.text.substr(0, a.pos);
      size_t van = title.rfind(" van ");
      if (van != std::string::npos) title = title.substr(0, van);
      r.title = MakeText({e.line, StripTrailing(CollapseSpaces(title))});
      c_.rubrics.push_back(std::move(r));
    }
    if (yearly && c_.period_from && c_.period_to) {
      for (Rubric& r : c_.rubrics) {
        for (int y = c_.period_from->year(); y <= c_.period_to->year(); ++y) {
          r.years.push_back({y, r.annual_amount});
        }
      }
    }
  }

  // Statements of the yearly total ("totale subsidie ... 1.118.17,00,- euro", "wordt een
  // jaarlijks bedrag van ... toegekend") checked against the sum of the rubrics.
  void ReadTotals() {
    if (c_.rubrics.empty()) return;
    for (size_t i = 0; i < lines_.size(); ++i) {
      std::vector<WrittenAmount> amounts = FindAmounts(Line(i));
      if (amounts.empty()) continue;
      std::string context = Lower(Line(i));
      if (i > 0 && !Blank(i - 1)) context = Lower(Line(i - 1)).append(" ").append(context);
      if (context.find("totale") == std::string::npos &&
          context.find("totaal") == std::string::npos &&
          context.find("toegekend") == std::string::npos) {
        continue;
      }
      const WrittenAmount& a = amounts.front();
      c_.totals.push_back({lines_[i].no, a.amount, a.as_written, a.well_formed});
    }
    for (std::string& w : TotalWarnings(c_)) c_.warnings.push_back(std::move(w));
  }

  void ReadProcedure() {
    size_t start = lines_.size();
    for (size_t i = 0; i < lines_.size(); ++i) {
      std::string lower = Lower(Line(i));
      if (lower.find("procedure") != std::string::npos &&
          lower.find("als volgt") != std::string::npos) {
        start = i + 1;
        break;
      }
    }
    std::vector<RawLine> block;
    bool blank = false;
    for (size_t i = start; i < lines_.size(); ++i) {
      if (Blank(i)) {
        blank = true;
        continue;
      }
      if (IsDecisionSection(Line(i)) || MatchHeading(Line(i)).kind != HeadingKind::kNone) break;
      block.push_back({lines_[i].no, Line(i), blank});
      blank = false;
    }
    for (const Piece& p : SplitItems(block, corr_, &c_.uncertain)) {
      ProcedureStep s;
      s.step = MakeText(p);
      std::vector<WrittenDate> dates = FindDutchDates(p.text);
      if (!dates.empty()) {
        s.deadline = dates.front().date;
        std::string before = Lower(std::string_view(p.text).substr(0, dates.front().pos));
        bool says = before.find("uiterlijk") != std::string::npos ||
                    before.find("tegen") != std::string::npos ||
                    before.find("ten laatste") != std::string::npos ||
                    before.find("voor") != std::string::npos;
        if (!says) {
          c_.uncertain.push_back({"a date in a procedure step taken as its deadline", p.line,
                                  p.text, s.deadline->ToIsoString()});
        }
      }
      c_.procedure.push_back(std::move(s));
    }
  }

  // ---- objectives ----

  ObjectiveGroup& Group() { return c_.objectives[group_]; }

  void OpenGroup(int rubric, std::optional<int> sector, int line) {
    if (rubric < 0) {
      rubric = 0;
      if (!c_.rubrics.empty()) {
        c_.uncertain.push_back(
            {"objectives before any rubric heading", line, "", "rubric " + c_.rubrics[0].number});
      }
    }
    if (c_.rubrics.empty()) c_.rubrics.push_back({"I", {}, Money(), {}});
    while (static_cast<size_t>(rubric) >= c_.rubrics.size()) {
      c_.rubrics.push_back(
          {std::string(kRoman[std::min(c_.rubrics.size(), kRoman.size() - 1)]), {}, Money(), {}});
    }
    rubric_ = rubric;
    if (seen_.size() < c_.rubrics.size()) seen_.resize(c_.rubrics.size(), false);
    seen_[rubric] = true;
    ObjectiveGroup g;
    g.rubric = c_.rubrics[rubric].number;
    g.sector = sector;
    c_.objectives.push_back(std::move(g));
    group_ = static_cast<int>(c_.objectives.size()) - 1;
  }

  bool GroupHasContent() const {
    if (group_ < 0) return false;
    const ObjectiveGroup& g = c_.objectives[group_];
    return !g.general.original.empty() || !g.strategic.empty();
  }

  // A rubric heading of the contract: a numbered line whose words are those of a rubric's
  // title, followed within four lines by an objectives heading. Returns the rubric's index.
  std::optional<int> RubricHeading(size_t i) {
    std::string body = StripItemStart(Line(i), nullptr);
    std::vector<std::string_view> toks = Tokens(body);
    if (toks.empty()) return std::nullopt;
    std::optional<std::string> numeral = RomanNumeral(toks[0]);
    // An entry of the decision's rubric list ("I. Toelage ... van 268.172,73,- euro") is no
    // heading, even when objectives follow it closely.
    if (!numeral || !FindAmounts(body).empty()) return std::nullopt;
    bool heading_follows = false;
    for (size_t k = i + 1, seen = 0; k < lines_.size() && seen < 4; ++k) {
      if (!HasLetter(Line(k))) continue;
      ++seen;
      if (MatchHeading(Line(k)).kind != HeadingKind::kNone) {
        heading_follows = true;
        break;
      }
    }
    if (!heading_follows) return std::nullopt;
    std::string title = std::string(Trim(std::string_view(body).substr(toks[0].size())));
    int best = -1;
    double best_score = 0;
    for (size_t r = 0; r < c_.rubrics.size(); ++r) {
      double s = TitleScore(title, c_.rubrics[r].title.original);
      if (s > best_score) {
        best_score = s;
        best = static_cast<int>(r);
      }
    }
    if (best >= 0 && best_score >= 0.6) {
      if (c_.rubrics[best].number != *numeral) {
        c_.uncertain.push_back({"rubric heading numbered differently from its title", lines_[i].no,
                                std::string(Trim(Line(i))), c_.rubrics[best].number});
      }
      return best;
    }
    if (rubrics_listed_) return std::nullopt;  // numbered, but no listed rubric's title
    // No rubric list in the decision: the heading makes the rubric.
    for (size_t k = 0; k < c_.rubrics.size(); ++k) {
      if (c_.rubrics[k].number == *numeral) return static_cast<int>(k);
    }
    Rubric r;
    r.number = *numeral;
    r.title = MakeText({lines_[i].no, StripTrailing(CollapseSpaces(title))});
    c_.rubrics.push_back(r);
    c_.warnings.push_back(
        fmt::format("line {}: rubric {} has no amount in the decision", lines_[i].no, r.number));
    return static_cast<int>(c_.rubrics.size()) - 1;
  }

  void Flush() {
    if (target_ == Target::kNone || block_.empty()) {
      block_.clear();
      return;
    }
    if (target_ == Target::kGeneral) {
      Group().general = MakeText(JoinParagraph(block_));
    } else if (target_ == Target::kTitle) {
      Group().strategic.back().title = MakeText(JoinParagraph(block_));
    } else {
      StrategicObjective& s = Group().strategic.back();
      for (const Piece& p : SplitItems(block_, corr_, &c_.uncertain)) {
        ContractText t = MakeText(p);
        if (target_ == Target::kOperational) {
          s.operational.push_back(std::move(t));
        } else if (target_ == Target::kExpected) {
          s.expected_results.push_back(std::move(t));
        } else {
          Indicator ind;
          ind.kind = ClassifyIndicator(t.text);
          if (ind.kind == IndicatorKind::kThreshold) {
            ind.threshold = ReadThreshold(t.text);
            if (ind.threshold->per == "contract") {
              c_.uncertain.push_back({"threshold without a period: taken over the contract", t.line,
                                      t.original, "min " + std::to_string(ind.threshold->min)});
            }
            std::string lower = Lower(t.text);
            if (lower.find("minstens") != lower.rfind("minstens")) {
              c_.uncertain.push_back({"indicator with more than one minimum: the first is used",
                                      t.line, t.original,
                                      "min " + std::to_string(ind.threshold->min)});
            }
          }
          ind.text = std::move(t);
          s.indicators.push_back(std::move(ind));
        }
      }
    }
    block_.clear();
  }

  void EnsureStrategic(int line) {
    if (group_ < 0) OpenGroup(rubric_, std::nullopt, line);
    if (Group().strategic.empty()) {
      Group().strategic.push_back({});
      c_.uncertain.push_back({"list without a \"Strategische doelstelling\" heading", line, "",
                              "strategic objective 0"});
    }
  }

  void OnHeading(const HeadingMatch& h, const RawLine& l) {
    Flush();
    switch (h.kind) {
      case HeadingKind::kSector: {
        int rubric = rubric_ < 0 ? 0 : rubric_;
        // A sector heading after a rubric's objectives that had none: they were sector n - 1.
        if (*h.number > 1 && group_ >= 0 && Group().rubric == c_.rubrics[rubric].number &&
            !Group().sector) {
          Group().sector = *h.number - 1;
          c_.uncertain.push_back({"activity sector heading missing", Group().general.line, "",
                                  "activity sector " + std::to_string(*h.number - 1)});
        }
        OpenGroup(rubric, h.number, l.no);
        target_ = Target::kNone;
        return;
      }
      case HeadingKind::kGeneral: {
        if (group_ < 0) {
          OpenGroup(rubric_, std::nullopt, l.no);
        } else if (GroupHasContent()) {
          // A new general objective without a rubric or sector heading: the heading was lost.
          int next = -1;
          for (size_t r = rubric_ + 1; r < c_.rubrics.size(); ++r) {
            if (r >= seen_.size() || !seen_[r]) {
              next = static_cast<int>(r);
              break;
            }
          }
          if (next >= 0) {
            OpenGroup(next, std::nullopt, l.no);
            c_.uncertain.push_back({"rubric heading missing", l.no, std::string(Trim(l.text)),
                                    "rubric " + c_.rubrics[next].number});
          } else {
            std::optional<int> prev = Group().sector;
            OpenGroup(rubric_, prev ? std::optional<int>(*prev + 1) : std::nullopt, l.no);
            c_.uncertain.push_back({"activity sector heading missing", l.no,
                                    std::string(Trim(l.text)),
                                    prev ? "activity sector " + std::to_string(*prev + 1) : ""});
          }
        }
        target_ = Target::kGeneral;
        break;
      }
      case HeadingKind::kStrategic: {
        if (group_ < 0) OpenGroup(rubric_, std::nullopt, l.no);
        StrategicObjective s;
        s.number = *h.number;
        Group().strategic.push_back(std::move(s));
        target_ = Target::kTitle;
        break;
      }
      case HeadingKind::kOperational:
        EnsureStrategic(l.no);
        target_ = Target::kOperational;
        break;
      case HeadingKind::kExpected:
        EnsureStrategic(l.no);
        target_ = Target::kExpected;
        break;
      case HeadingKind::kIndicators:
        EnsureStrategic(l.no);
        target_ = Target::kIndicators;
        break;
      case HeadingKind::kNone:
        break;
    }
    if (!h.rest.empty() && (h.kind == HeadingKind::kGeneral || h.kind == HeadingKind::kStrategic)) {
      block_.clear();
      rest_ = h.rest;
      block_.push_back({l.no, rest_, false});
    }
  }

  void ReadObjectives() {
    bool started = false;
    bool blank = false;
    for (size_t i = 0; i < lines_.size(); ++i) {
      const RawLine& l = lines_[i];
      if (Blank(i)) {
        blank = true;
        continue;
      }
      if (started && IsEndMarker(l.text)) break;
      HeadingMatch h = MatchHeading(l.text);
      if (h.kind != HeadingKind::kNone) {
        started = true;
        OnHeading(h, l);
        blank = false;
        continue;
      }
      if (std::optional<int> r = RubricHeading(i)) {
        Flush();
        started = true;
        rubric_ = *r;
        if (seen_.size() < c_.rubrics.size()) seen_.resize(c_.rubrics.size(), false);
        seen_[*r] = true;
        group_ = -1;
        target_ = Target::kNone;  // the heading's wrapped rest is not content
        blank = false;
        continue;
      }
      if (target_ != Target::kNone) block_.push_back({l.no, l.text, blank});
      blank = false;
    }
    Flush();
  }

  void Check() {
    for (const ObjectiveGroup& g : c_.objectives) {
      std::string where =
          "rubric " + g.rubric + (g.sector ? ", activity sector " + std::to_string(*g.sector) : "");
      if (g.general.original.empty()) {
        c_.warnings.push_back(where + ": no general objective found");
      }
      if (g.strategic.empty()) c_.warnings.push_back(where + ": no strategic objective found");
      for (const StrategicObjective& s : g.strategic) {
        std::string so = where + ", strategic objective " + std::to_string(s.number);
        if (s.title.original.empty()) c_.warnings.push_back(so + ": no title found");
        if (s.operational.empty()) c_.warnings.push_back(so + ": no operational objective found");
        if (s.expected_results.empty()) c_.warnings.push_back(so + ": no expected result found");
        if (s.indicators.empty()) c_.warnings.push_back(so + ": no indicator found");
      }
    }
    for (const Rubric& r : c_.rubrics) {
      bool has = std::any_of(c_.objectives.begin(), c_.objectives.end(),
                             [&](const ObjectiveGroup& g) { return g.rubric == r.number; });
      if (!has) c_.warnings.push_back("rubric " + r.number + ": no objectives found");
    }
    if (c_.rubrics.empty()) c_.warnings.push_back("no rubrics with amounts found");
    if (!c_.period_from || !c_.period_to)
      c_.warnings.push_back("the contract period was not found");
    if (!c_.decision.date) c_.warnings.push_back("the date of the council decision was not found");
    if (c_.decision.votes_for == 0) c_.warnings.push_back("the council's vote was not found");
    if (c_.procedure.empty()) c_.warnings.push_back("the approval procedure was not found");
  }

  std::string_view text_;
  WordCorrector corr_;
  std::vector<RawLine> lines_;
  Contract c_;
  int rubric_ = -1;
  int group_ = -1;
  std::vector<bool> seen_;
  bool rubrics_listed_ = false;  // the rubrics come from the decision's list with amounts
  Target target_ = Target::kNone;
  std::vector<RawLine> block_;
  std::string rest_;
};

}  // namespace

Result<Contract> ImportDecisionText(std::string_view text, std::string_view file_name,
                                    const Wordlist& words) {
  return Importer(text, file_name, words).Run();
}

}  // namespace hh
