// The format of a GAS-overlast findings file. The file is one finding (a JSON object) or an
// array of findings. A finding:
//
//   finding_id        string, required, unique within the file
//   facts_at          string, required: an RFC 3339 instant (strict, as Instant::Parse)
//   received_on       string YYYY-MM-DD, optional: the day the sanctioning officer received it
//   place             object, required: street (required), house_number, postal_code (required,
//                     Belgian: 4 digits 1000-9999), city, description
//   description       string, required: the facts
//   article           string, required: the regulation article ("Art. 12 APV")
//   offence_kind      "administrative" | "mixed", required
//   finding_officer   object, required: name (required), kind (required: police, police_agent,
//                     rural_guard, municipal, provincial, regional, intermunicipal, agb), service
//   offender          object, required: kind "person" | "company" (required), name (required),
//                     a person's birth_date (YYYY-MM-DD, required for a person), a company's
//                     company_number (required for a company: 10 digits once dots and spaces are
//                     removed, with valid KBO check digits), street, house_number, postal_code,
//                     city, language ("nl" | "fr" | "de" | "en", default "nl")
//   parents           array of objects, optional, only for a person: name (required), street,
//                     house_number, postal_code, city
//   evidence          array of non-empty strings, optional
//
// Text is trimmed of surrounding ASCII white space before it is checked (instants and dates are
// taken as written). A required field may not be empty. Other fields are ignored; null is taken
// as absent. The offender's and parents' address fields are not checked: they may be foreign
// addresses or not known yet. Fields are checked in the order above, and the first problem
// refuses the file.
#include "intake/overlast_json.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <utility>

namespace hh {
namespace {

using nlohmann::json;

std::string_view Trim(std::string_view s) {
  constexpr std::string_view kSpace = " \t\r\n\f\v";
  const size_t first = s.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Belgian postal codes are four digits from 1000 (Brussels) to 9999 (bpost's numbering; the
// first digit names the province, never 0).
bool IsBelgianPostalCode(std::string_view s) {
  return s.size() == 4 && s[0] >= '1' && s[0] <= '9' && IsDigit(s[1]) && IsDigit(s[2]) &&
         IsDigit(s[3]);
}

std::string Quoted(std::string_view value) { return "\"" + std::string(value) + "\""; }

// The 1-based line of the byte at `offset` (an offset at or past the end: the last line).
uint64_t LineAt(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  uint64_t line = 1;
  for (size_t i = 0; i < offset; ++i) line += text[i] == '\n';
  return line;
}

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The lines on which the findings start: the top-level object's, or each top-level array
// element's. `text` must be JSON that json::parse accepted, so only strings need care (a
// bracket, brace or comma inside one is data; a string holds no raw line break).
std::vector<uint64_t> FindingLines(std::string_view text) {
  std::vector<uint64_t> lines;
  uint64_t line = 1;
  size_t depth = 0;
  bool element_next = false;  // at depth 1, after '[' or ','
  size_t i = text.substr(0, kBom.size()) == kBom ? kBom.size() : 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (IsJsonSpace(c)) {
      line += c == '\n';
      continue;
    }
    if (element_next) {
      element_next = false;
      if (c != ']') lines.push_back(line);
    }
    switch (c) {
      case '"':
        for (++i; i < text.size() && text[i] != '"'; ++i) {
          if (text[i] == '\\') ++i;
        }
        break;
      case '{':
        if (depth == 0) lines.push_back(line);
        ++depth;
        break;
      case '[':
        ++depth;
        if (depth == 1) element_next = true;
        break;
      case '}':
      case ']':
        if (depth > 0) --depth;
        break;
      case ',':
        if (depth == 1) element_next = true;
        break;
      default:
        break;
    }
  }
  return lines;
}

// The line of the first byte of the top-level value.
uint64_t ValueLine(std::string_view text) {
  size_t i = text.substr(0, kBom.size()) == kBom ? kBom.size() : 0;
  while (i < text.size() && IsJsonSpace(text[i])) ++i;
  return LineAt(text, i);
}

// A SAX handler that only records the first syntax error with its byte position: the DOM parser
// loses the position of some errors (a number too large for a double is an out_of_range).
class SyntaxErrorFinder : public nlohmann::json_sax<json> {
 public:
  bool null() override { return true; }
  bool boolean(bool /*val*/) override { return true; }
  bool number_integer(number_integer_t /*val*/) override { return true; }
  bool number_unsigned(number_unsigned_t /*val*/) override { return true; }
  bool number_float(number_float_t /*val*/, const string_t& /*s*/) override { return true; }
  bool string(string_t& /*val*/) override { return true; }
  bool binary(binary_t& /*val*/) override { return true; }
  bool start_object(std::size_t /*elements*/) override { return true; }
  bool key(string_t& /*val*/) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t /*elements*/) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const json::exception& ex) override {
    found_ = true;
    position_ = position;
    id_ = ex.id;
    what_ = ex.what();
    return false;
  }

  bool found() const { return found_; }
  size_t position() const { return position_; }  // 1-based count of bytes read
  // The reason without nlohmann's prefix and without the text of the last token read (which
  // may be a name or an address).
  std::string reason() const {
    if (id_ == 406) return "a number is too large";
    size_t at = what_.find("syntax error");
    if (at == std::string::npos) return "syntax error";
    std::string r = what_.substr(at);
    size_t cut = r.find("; last read");
    if (cut != std::string::npos) r.resize(cut);
    return r;
  }

 private:
  bool found_ = false;
  size_t position_ = 0;
  int id_ = 0;
  std::string what_;
};

// "FILE: line 3: not valid JSON (syntax error while parsing object - ...)"
Status SyntaxError(const std::string& file, const std::string& text) {
  SyntaxErrorFinder finder;
  json::sax_parse(text, &finder, json::input_format_t::json, /*strict=*/true);
  if (!finder.found()) return InvalidArgument(file + ": not valid JSON");
  const size_t at = finder.position() > 0 ? finder.position() - 1 : 0;
  return InvalidArgument(file + ": line " + std::to_string(LineAt(text, at)) +
                         ": not valid JSON (" + finder.reason() + ")");
}

Status ReadWholeFile(const std::string& path, std::string* out) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (f == nullptr) return Unavailable(path + ": cannot open: " + std::strerror(errno));
  char buf[1 << 16];
  size_t got = 0;
  while ((got = std::fread(buf, 1, sizeof buf, f.get())) > 0) out->append(buf, got);
  if (std::ferror(f.get()) != 0) return Unavailable(path + ": read error: " + std::strerror(errno));
  return Status::Ok();
}

// Where a finding is, for its error messages.
struct Finding {
  const std::string& file;
  uint64_t line;
  size_t number;  // 1-based

  std::string Where() const {
    return file + ": line " + std::to_string(line) + " (finding " + std::to_string(number) + ")";
  }
  // "FILE: line N (finding K), field F: what"
  Status Fail(std::string_view field, std::string_view what) const {
    return InvalidArgument(Where() + ", field " + std::string(field) + ": " + std::string(what));
  }
};

enum Need { kOptional, kRequired };

// obj[key] as *out, or nullptr when it is absent or null (an error when required).
Status Member(const Finding& f, const json& obj, const std::string& path, const char* key,
              Need need, const json** out) {
  *out = nullptr;
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    return need == kRequired ? f.Fail(path, "missing") : Status::Ok();
  }
  *out = &*it;
  return Status::Ok();
}

// A string member taken as written; *out is nullptr when an optional one is absent.
Status RawString(const Finding& f, const json& obj, const std::string& prefix, const char* key,
                 Need need, const std::string** out) {
  const std::string path = prefix + key;
  const json* v = nullptr;
  if (Status s = Member(f, obj, path, key, need, &v); !s.ok()) return s;
  *out = nullptr;
  if (v == nullptr) return Status::Ok();
  if (!v->is_string()) return f.Fail(path, "must be a string");
  *out = &v->get_ref<const std::string&>();
  return Status::Ok();
}

// A trimmed string member; a required one may not be empty. An absent optional one leaves *out.
Status Text(const Finding& f, const json& obj, const std::string& prefix, const char* key,
            Need need, std::string* out) {
  const std::string* raw = nullptr;
  if (Status s = RawString(f, obj, prefix, key, need, &raw); !s.ok()) return s;
  if (raw == nullptr) return Status::Ok();
  *out = std::string(Trim(*raw));
  if (need == kRequired && out->empty()) return f.Fail(prefix + key, "empty");
  return Status::Ok();
}

// A date member "YYYY-MM-DD". `personal`: the value is never quoted in an error.
Status Date(const Finding& f, const json& obj, const std::string& prefix, const char* key,
            Need need, bool personal, std::optional<LocalDate>* out) {
  const std::string* raw = nullptr;
  if (Status s = RawString(f, obj, prefix, key, need, &raw); !s.ok()) return s;
  if (raw == nullptr) return Status::Ok();
  auto date = LocalDate::Parse(*raw);
  if (!date.ok()) {
    return f.Fail(prefix + key, (personal ? "" : Quoted(*raw) + " ") + "must be a date YYYY-MM-DD");
  }
  *out = *date;
  return Status::Ok();
}

Status Object(const Finding& f, const json& obj, const std::string& prefix, const char* key,
              Need need, const json** out) {
  if (Status s = Member(f, obj, prefix + key, key, need, out); !s.ok()) return s;
  if (*out != nullptr && !(*out)->is_object()) return f.Fail(prefix + key, "must be an object");
  return Status::Ok();
}

Status Array(const Finding& f, const json& obj, const char* key, const json** out) {
  if (Status s = Member(f, obj, key, key, kOptional, out); !s.ok()) return s;
  if (*out != nullptr && !(*out)->is_array()) return f.Fail(key, "must be an array");
  return Status::Ok();
}

// street, house_number, postal_code, city of `obj`, all optional and unchecked.
Status OptionalAddress(const Finding& f, const json& obj, const std::string& prefix, Address* a) {
  for (auto [key, out] :
       {std::pair{"street", &a->street}, std::pair{"house_number", &a->house_number},
        std::pair{"postal_code", &a->postal_code}, std::pair{"city", &a->city}}) {
    if (Status s = Text(f, obj, prefix, key, kOptional, out); !s.ok()) return s;
  }
  return Status::Ok();
}

// The place of the facts: a street and a Belgian postal code (the city's territory). An address,
// so no value is quoted.
Status Place(const Finding& f, const json& finding, OverlastFinding* out) {
  const json* place = nullptr;
  if (Status s = Object(f, finding, "", "place", kRequired, &place); !s.ok()) return s;
  const std::string p = "place.";
  Address& a = out->place;
  if (Status s = Text(f, *place, p, "street", kRequired, &a.street); !s.ok()) return s;
  if (Status s = Text(f, *place, p, "house_number", kOptional, &a.house_number); !s.ok()) return s;
  if (Status s = Text(f, *place, p, "postal_code", kRequired, &a.postal_code); !s.ok()) return s;
  if (!IsBelgianPostalCode(a.postal_code)) {
    return f.Fail("place.postal_code", "must be a Belgian postal code (4 digits, 1000-9999)");
  }
  if (Status s = Text(f, *place, p, "city", kOptional, &a.city); !s.ok()) return s;
  return Text(f, *place, p, "description", kOptional, &out->place_description);
}

Status Officer(const Finding& f, const json& finding, OverlastFinding* out) {
  const json* officer = nullptr;
  if (Status s = Object(f, finding, "", "finding_officer", kRequired, &officer); !s.ok()) return s;
  const std::string p = "finding_officer.";
  if (Status s = Text(f, *officer, p, "name", kRequired, &out->officer.name); !s.ok()) return s;
  std::string kind;
  if (Status s = Text(f, *officer, p, "kind", kRequired, &kind); !s.ok()) return s;
  auto parsed = ParseFindingOfficerKind(kind);
  if (!parsed) {
    return f.Fail("finding_officer.kind",
                  Quoted(kind) +
                      " must be police, police_agent, rural_guard, municipal, provincial, "
                      "regional, intermunicipal or agb");
  }
  out->officer.kind = *parsed;
  if (Status s = Text(f, *officer, p, "service", kOptional, &out->officer.service); !s.ok()) {
    return s;
  }
  // Art. 21 GAS-wet (competence.h): the finding is void if its officer may not record it.
  if (!MayRecord(out->officer.kind, out->offence_kind)) {
    return f.Fail("finding_officer.kind",
                  Quoted(kind) + " may record only purely administrative offences, not a " +
                      std::string(OffenceKindName(out->offence_kind)) + " one (art. 21 GAS-wet)");
  }
  return Status::Ok();
}

// The languages a letter can be written in.
constexpr std::string_view kLanguages[] = {"nl", "fr", "de", "en"};

Status Offender(const Finding& f, const json& finding, OverlastOffender* out) {
  const json* o = nullptr;
  if (Status s = Object(f, finding, "", "offender", kRequired, &o); !s.ok()) return s;
  const std::string p = "offender.";
  std::string kind;
  if (Status s = Text(f, *o, p, "kind", kRequired, &kind); !s.ok()) return s;
  if (kind != "person" && kind != "company") {
    return f.Fail("offender.kind", Quoted(kind) + " must be person or company");
  }
  out->company = kind == "company";
  if (Status s = Text(f, *o, p, "name", kRequired, &out->name); !s.ok()) return s;
  if (!out->company) {
    if (Status s = Date(f, *o, p, "birth_date", kRequired, /*personal=*/true, &out->birth_date);
        !s.ok()) {
      return s;
    }
  } else {
    // A company number may belong to a sole trader: personal data, never quoted.
    std::string number;
    if (Status s = Text(f, *o, p, "company_number", kRequired, &number); !s.ok()) return s;
    for (char c : number) {
      if (c != '.' && c != ' ') out->company_number += c;
    }
    if (out->company_number.size() != 10 ||
        !std::all_of(out->company_number.begin(), out->company_number.end(), IsDigit)) {
      return f.Fail("offender.company_number",
                    "must be 10 digits (dots and spaces may separate them)");
    }
    if (!IsValidCompanyNumber(out->company_number)) {
      return f.Fail("offender.company_number",
                    "the check digits do not match (KBO: the last two digits are 97 - the "
                    "first eight mod 97)");
    }
  }
  if (Status s = OptionalAddress(f, *o, p, &out->address); !s.ok()) return s;
  if (Status s = Text(f, *o, p, "language", kOptional, &out->language); !s.ok()) return s;
  if (std::find(std::begin(kLanguages), std::end(kLanguages), out->language) ==
      std::end(kLanguages)) {
    return f.Fail("offender.language", Quoted(out->language) + " must be nl, fr, de or en");
  }
  return Status::Ok();
}

Status Parents(const Finding& f, const json& finding, OverlastFinding* out) {
  const json* parents = nullptr;
  if (Status s = Array(f, finding, "parents", &parents); !s.ok()) return s;
  if (parents == nullptr || parents->empty()) return Status::Ok();
  if (out->offender.company) return f.Fail("parents", "only for an offender of kind person");
  for (size_t i = 0; i < parents->size(); ++i) {
    const std::string path = "parents[" + std::to_string(i) + "]";
    const json& item = (*parents)[i];
    if (!item.is_object()) return f.Fail(path, "must be an object");
    OverlastParent parent;
    if (Status s = Text(f, item, path + ".", "name", kRequired, &parent.name); !s.ok()) return s;
    if (Status s = OptionalAddress(f, item, path + ".", &parent.address); !s.ok()) return s;
    out->parents.push_back(std::move(parent));
  }
  return Status::Ok();
}

Status Evidence(const Finding& f, const json& finding, OverlastFinding* out) {
  const json* evidence = nullptr;
  if (Status s = Array(f, finding, "evidence", &evidence); !s.ok()) return s;
  if (evidence == nullptr) return Status::Ok();
  for (size_t i = 0; i < evidence->size(); ++i) {
    const std::string path = "evidence[" + std::to_string(i) + "]";
    const json& item = (*evidence)[i];
    if (!item.is_string()) return f.Fail(path, "must be a string");
    std::string_view ref = Trim(item.get_ref<const std::string&>());
    if (ref.empty()) return f.Fail(path, "empty");
    out->evidence.emplace_back(ref);
  }
  return Status::Ok();
}

// Parses one finding object; `first_of_id` maps the ids of the earlier findings to their index.
Status ParseFinding(const Finding& f, const json& obj,
                    const std::unordered_map<std::string, size_t>& first_of_id,
                    const std::vector<OverlastFinding>& earlier, OverlastFinding* out) {
  if (Status s = Text(f, obj, "", "finding_id", kRequired, &out->finding_id); !s.ok()) return s;
  if (auto it = first_of_id.find(out->finding_id); it != first_of_id.end()) {
    return f.Fail("finding_id", Quoted(out->finding_id) +
                                    " appears more than once (first in finding " +
                                    std::to_string(it->second + 1) + ", line " +
                                    std::to_string(earlier[it->second].line) + ")");
  }

  const std::string* facts = nullptr;
  if (Status s = RawString(f, obj, "", "facts_at", kRequired, &facts); !s.ok()) return s;
  const char* why = nullptr;
  if (!Instant::TryParse(*facts, &out->facts_at, &why)) {
    return f.Fail("facts_at",
                  Quoted(*facts) + " is not an RFC 3339 instant (" + std::string(why) + ")");
  }
  if (Status s = Date(f, obj, "", "received_on", kOptional, /*personal=*/false, &out->received_on);
      !s.ok()) {
    return s;
  }
  if (Status s = Place(f, obj, out); !s.ok()) return s;
  if (Status s = Text(f, obj, "", "description", kRequired, &out->description); !s.ok()) return s;
  if (Status s = Text(f, obj, "", "article", kRequired, &out->article); !s.ok()) return s;

  std::string kind;
  if (Status s = Text(f, obj, "", "offence_kind", kRequired, &kind); !s.ok()) return s;
  auto offence = ParseOffenceKind(kind);
  if (!offence) return f.Fail("offence_kind", Quoted(kind) + " must be administrative or mixed");
  out->offence_kind = *offence;

  if (Status s = Officer(f, obj, out); !s.ok()) return s;
  if (Status s = Offender(f, obj, &out->offender); !s.ok()) return s;
  if (Status s = Parents(f, obj, out); !s.ok()) return s;
  return Evidence(f, obj, out);
}

}  // namespace

bool IsValidCompanyNumber(std::string_view digits) {
  if (digits.size() != 10 || !std::all_of(digits.begin(), digits.end(), IsDigit)) return false;
  uint32_t first8 = 0;
  for (size_t i = 0; i < 8; ++i) first8 = first8 * 10 + static_cast<uint32_t>(digits[i] - '0');
  const uint32_t check = static_cast<uint32_t>((digits[8] - '0') * 10 + (digits[9] - '0'));
  // KBO/BCE: the check number is 97 - (first eight digits mod 97), so 1..97 (never 00).
  return check == 97 - first8 % 97;
}

Result<std::vector<OverlastFinding>> ReadOverlastJson(const std::string& path) {
  std::string text;
  if (Status s = ReadWholeFile(path, &text); !s.ok()) return s;
  return ParseOverlastJson(text, path);
}

Result<std::vector<OverlastFinding>> ParseOverlastJson(const std::string& text,
                                                       const std::string& path) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::exception&) {
    return SyntaxError(path, text);
  }

  std::vector<const json*> items;
  if (doc.is_object()) {
    items.push_back(&doc);
  } else if (doc.is_array()) {
    for (const json& item : doc) items.push_back(&item);
  } else {
    return InvalidArgument(path + ": line " + std::to_string(ValueLine(text)) +
                           ": must be one finding (a JSON object) or an array of findings");
  }
  const std::vector<uint64_t> lines = FindingLines(text);

  std::vector<OverlastFinding> out;
  out.reserve(items.size());
  std::unordered_map<std::string, size_t> first_of_id;
  for (size_t k = 0; k < items.size(); ++k) {
    // The scanner finds one line per item of valid JSON; line 1 is a fallback that cannot occur.
    const Finding f{path, k < lines.size() ? lines[k] : 1, k + 1};
    if (!items[k]->is_object()) return InvalidArgument(f.Where() + ": must be a JSON object");
    OverlastFinding finding;
    finding.line = f.line;
    if (Status s = ParseFinding(f, *items[k], first_of_id, out, &finding); !s.ok()) return s;
    first_of_id.emplace(finding.finding_id, k);
    out.push_back(std::move(finding));
  }
  return out;
}

}  // namespace hh
