// Letter templates: the field table of every kind, the template parser and the expansion.
// Parsing turns a file into a flat list of nodes (blocks whose text is already escaped markup
// with the placeholders as field indices, and [[if]]/[[else]]/[[endif]] with jump targets), so
// Expand is one walk over the nodes and a few string appends per block.
#include "letters/letter_template.h"

#include <glib.h>

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace hh {
namespace {

// ---------------------------------------------------------------------------------------------
// The fields. One definition per name (type and description), then per kind which names it
// has and whether each is required. docs/letters.md lists the same table.

struct FieldDef {
  std::string_view name;
  FieldType type;
  std::string_view description;
};

constexpr FieldDef kFieldDefs[] = {
    // Common to every kind: the page furniture and the salutation.
    {"case_number", FieldType::kText, "the case number, printed in the reference lines"},
    {"letter_date", FieldType::kDate,
     "the date of the letter: the date line \"<place>, dd/mm/jjjj\""},
    {"our_reference", FieldType::kText, "the city's own reference (\"Ons kenmerk\"), when set"},
    {"registered_number", FieldType::kText,
     "the registered-mail number, printed \"Aangetekend: ...\" when set (GAS.md 6.5)"},
    {"recipient_name", FieldType::kText, "the addressee as the salutation names them"},
    {"signer_name", FieldType::kText,
     "who signs; [[signature]] needs it (a decision: the sanctioning officer, GAS.md 6.1)"},
    {"signer_title", FieldType::kText, "the signer's function, printed under the name"},
    // The facts.
    {"offence_date", FieldType::kDate, "the day of the facts"},
    {"offence_time", FieldType::kTime, "the time of the facts"},
    {"offence_place", FieldType::kText, "where the facts took place (street, number, zone)"},
    {"plate", FieldType::kText, "the number plate of the vehicle"},
    {"offence_description", FieldType::kText,
     "the facts in words, e.g. \"entering the low-traffic zone without a permit (sign C3)\""},
    {"legal_basis", FieldType::kText,
     "the article of the police regulation and the law the facts breach (KB 9 maart 2014)"},
    {"qualification", FieldType::kText,
     "the legal qualification of the facts: the article of the police regulation (GAS.md 1.4.2)"},
    {"photo_reference", FieldType::kText, "the reference of the camera photo"},
    {"pv_number", FieldType::kText, "the number of the finding (PV) whose copy is enclosed"},
    // Payment ([[payment]]).
    {"amount", FieldType::kMoney, "the amount to pay"},
    {"due_date", FieldType::kDate, "the last day to pay"},
    {"ogm", FieldType::kOgm, "the structured communication (GAS.md 4.1)"},
    {"iban", FieldType::kText, "the city's account, as printed (e.g. \"BE71 0961 2345 6769\")"},
    {"bic", FieldType::kText, "the BIC of the city's bank"},
    {"beneficiary", FieldType::kText, "the account holder's name (the city)"},
    // Defence and hearing.
    {"defence_deadline", FieldType::kDate,
     "the last day to send a written defence (30 days GAS-4, GAS.md 2.2; 15 days overlast, 1.4)"},
    {"defence_address", FieldType::kText, "where to send a defence (postal address, e-mail)"},
    {"hearing_right", FieldType::kFlag,
     "set when the fine may exceed EUR 70: the letter offers an oral hearing (GAS.md 1.4.3, "
     "2.2.3)"},
    {"max_fine", FieldType::kMoney, "the highest fine the officer may impose"},
    {"file_access", FieldType::kText, "where and how the file can be seen (GAS.md 1.4.2)"},
    // Kind-specific.
    {"defence_date", FieldType::kDate, "the day the rejected defence was received"},
    {"rejection_reason", FieldType::kText, "why the defence was rejected"},
    {"warning_until", FieldType::kDate, "the last day of the camera's warning period"},
    {"reply_deadline", FieldType::kDate,
     "the last day to name the driver (15 days, Wegverkeerswet art. 67ter; GAS.md 2.3)"},
    {"reply_address", FieldType::kText, "where to send the driver's identity"},
    {"first_letter_date", FieldType::kDate, "the date of the first invitation to pay"},
    {"decision_date", FieldType::kDate, "the day of the decision"},
    {"motivation", FieldType::kText, "the reasons of the decision"},
    {"appeal_deadline", FieldType::kDate,
     "the last day to appeal (1 month after notification, GAS.md 1.4.7)"},
    {"appeal_court", FieldType::kText, "the court that hears an appeal (politierechtbank ...)"},
    {"service_hours", FieldType::kText, "the hours of community service, e.g. \"20\""},
    {"completion_deadline", FieldType::kDate, "the last day to complete the community service"},
    {"service_contact", FieldType::kText, "who arranges the community service"},
};

struct KindField {
  std::string_view name;
  bool required;
};

constexpr KindField kCommonFields[] = {
    {"case_number", true},        {"letter_date", true},    {"our_reference", false},
    {"registered_number", false}, {"recipient_name", true}, {"signer_name", false},
    {"signer_title", false},
};

constexpr KindField kPaymentInvitation[] = {
    {"offence_date", true},
    {"offence_time", true},
    {"offence_place", true},
    {"plate", true},
    {"offence_description", true},
    {"legal_basis", true},
    {"photo_reference", false},
    {"pv_number", false},
    {"amount", true},
    {"due_date", true},
    {"ogm", true},
    {"iban", true},
    {"bic", true},
    {"beneficiary", true},
    {"defence_deadline", true},
    {"defence_address", true},
    {"hearing_right", false},
};
constexpr KindField kNewInvitation[] = {
    {"offence_date", true},
    {"offence_time", false},
    {"offence_place", true},
    {"plate", true},
    {"offence_description", true},
    {"legal_basis", true},
    {"defence_date", true},
    {"rejection_reason", false},
    {"amount", true},
    {"due_date", true},
    {"ogm", true},
    {"iban", true},
    {"bic", true},
    {"beneficiary", true},
};
constexpr KindField kWarning[] = {
    {"offence_date", true},        {"offence_time", true},
    {"offence_place", true},       {"plate", true},
    {"offence_description", true}, {"legal_basis", true},
    {"photo_reference", false},    {"warning_until", false},
};
constexpr KindField kDriverRequest[] = {
    {"offence_date", true},        {"offence_time", true},
    {"offence_place", true},       {"plate", true},
    {"offence_description", true}, {"legal_basis", true},
    {"photo_reference", false},    {"pv_number", false},
    {"reply_deadline", true},      {"reply_address", true},
};
constexpr KindField kReminder[] = {
    {"offence_date", true},
    {"offence_time", false},
    {"offence_place", true},
    {"plate", true},
    {"offence_description", true},
    {"first_letter_date", true},
    {"amount", true},
    {"due_date", true},
    {"ogm", true},
    {"iban", true},
    {"bic", true},
    {"beneficiary", true},
};
constexpr KindField kOverlastStart[] = {
    {"offence_date", true},        {"offence_time", false},   {"offence_place", true},
    {"offence_description", true}, {"qualification", true},   {"pv_number", false},
    {"defence_deadline", true},    {"defence_address", true}, {"file_access", true},
    {"hearing_right", false},      {"max_fine", false},
};
constexpr KindField kDecisionFine[] = {
    {"offence_date", true},
    {"offence_place", true},
    {"offence_description", true},
    {"qualification", true},
    {"decision_date", true},
    {"motivation", true},
    {"appeal_deadline", true},
    {"appeal_court", true},
    {"amount", true},
    {"due_date", true},
    {"ogm", true},
    {"iban", true},
    {"bic", true},
    {"beneficiary", true},
};
constexpr KindField kDecisionCommunityService[] = {
    {"offence_date", true},    {"offence_place", true},       {"offence_description", true},
    {"qualification", true},   {"decision_date", true},       {"motivation", true},
    {"service_hours", true},   {"completion_deadline", true}, {"service_contact", true},
    {"appeal_deadline", true}, {"appeal_court", true},
};
constexpr KindField kDecisionDismissal[] = {
    {"offence_date", true},  {"offence_place", true}, {"offence_description", true},
    {"decision_date", true}, {"motivation", true},
};

// The fields [[payment]] prints: a kind may use the directive only when it has all of them.
constexpr std::string_view kPaymentFieldNames[] = {"amount", "due_date", "ogm",
                                                   "iban",   "bic",      "beneficiary"};

std::span<const KindField> KindSpecific(LetterKind kind) {
  switch (kind) {
    case LetterKind::kPaymentInvitation:
      return kPaymentInvitation;
    case LetterKind::kNewInvitation:
      return kNewInvitation;
    case LetterKind::kWarning:
      return kWarning;
    case LetterKind::kDriverRequest:
      return kDriverRequest;
    case LetterKind::kReminder:
      return kReminder;
    case LetterKind::kOverlastStart:
      return kOverlastStart;
    case LetterKind::kDecisionFine:
      return kDecisionFine;
    case LetterKind::kDecisionCommunityService:
      return kDecisionCommunityService;
    case LetterKind::kDecisionDismissal:
      return kDecisionDismissal;
  }
  return {};
}

const FieldDef& DefOf(std::string_view name) {
  for (const FieldDef& d : kFieldDefs) {
    if (d.name == name) return d;
  }
  assert(false && "a kind names a field without a definition");
  return kFieldDefs[0];
}

std::vector<FieldSpec> BuildSpecs(LetterKind kind) {
  std::vector<FieldSpec> out;
  auto add = [&](const KindField& f) {
    const FieldDef& d = DefOf(f.name);
    out.push_back({d.name, d.type, f.required, d.description});
  };
  for (const KindField& f : kCommonFields) add(f);
  for (const KindField& f : KindSpecific(kind)) add(f);
  return out;
}

constexpr std::string_view kKindNames[] = {
    "payment_invitation", "new_invitation", "warning",       "driver_request",
    "reminder",           "overlast_start", "decision_fine", "decision_community_service",
    "decision_dismissal"};

int FieldIndex(std::span<const FieldSpec> specs, std::string_view name) {
  for (size_t i = 0; i < specs.size(); ++i) {
    if (specs[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Text helpers.

std::string_view Trim(std::string_view s) {
  size_t b = 0;
  while (b < s.size() && (s[b] == ' ' || s[b] == '\t')) ++b;
  size_t e = s.size();
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return s.substr(b, e - b);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Valid UTF-8 without control characters other than tab and line feed (Pango markup is XML).
bool IsPrintableUtf8(std::string_view s) {
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n' && c != '\t') || u == 0x7f) return false;
  }
  return g_utf8_validate(s.data(), static_cast<gssize>(s.size()), nullptr) != 0;
}

// Whether `v` has the printed shape of `type` (what LetterFields' setters make).
bool HasShape(FieldType type, std::string_view v) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i) {
      if (!IsDigit(v[i])) return false;
    }
    return true;
  };
  switch (type) {
    case FieldType::kText:
      return true;
    case FieldType::kDate:
      return v.size() == 10 && digits(0, 2) && v[2] == '/' && digits(3, 2) && v[5] == '/' &&
             digits(6, 4);
    case FieldType::kTime:
      return v.size() == 5 && digits(0, 2) && v[2] == ':' && digits(3, 2);
    case FieldType::kMoney: {
      std::string_view rest = v;
      if (!rest.empty() && rest[0] == '-') rest.remove_prefix(1);
      constexpr std::string_view kEuro = "\xE2\x82\xAC ";  // "€ "
      if (rest.substr(0, kEuro.size()) != kEuro) return false;
      rest.remove_prefix(kEuro.size());
      if (rest.size() < 4 || rest[rest.size() - 3] != ',') return false;
      return std::all_of(rest.begin(), rest.end(),
                         [](char c) { return IsDigit(c) || c == '.' || c == ','; });
    }
    case FieldType::kOgm:
      return v.size() == 20 && v.substr(0, 3) == "+++" && digits(3, 3) && v[6] == '/' &&
             digits(7, 4) && v[11] == '/' && digits(12, 5) && v.substr(17) == "+++";
    case FieldType::kFlag:
      return v == "yes";
  }
  return false;
}

std::string_view ShapeName(FieldType type) {
  switch (type) {
    case FieldType::kText:
      return "text";
    case FieldType::kDate:
      return "a date dd/mm/jjjj (LetterFields::SetDate)";
    case FieldType::kTime:
      return "a time hh:mm (LetterFields::SetTime)";
    case FieldType::kMoney:
      return "an amount \"\xE2\x82\xAC 58,00\" (LetterFields::SetMoney)";
    case FieldType::kOgm:
      return "a structured communication +++xxx/xxxx/xxxxx+++ (SetOgm)";
    case FieldType::kFlag:
      return "\"yes\" (LetterFields::SetFlag)";
  }
  return "";
}

}  // namespace

// ---------------------------------------------------------------------------------------------

std::string_view LetterKindName(LetterKind kind) { return kKindNames[static_cast<size_t>(kind)]; }

std::optional<LetterKind> ParseLetterKind(std::string_view name) {
  for (LetterKind k : kAllLetterKinds) {
    if (LetterKindName(k) == name) return k;
  }
  return std::nullopt;
}

std::string_view LanguageCode(LetterLanguage language) {
  return language == LetterLanguage::kDutch ? "nl" : "fr";
}

std::optional<LetterLanguage> ParseLanguageCode(std::string_view code) {
  if (code == "nl") return LetterLanguage::kDutch;
  if (code == "fr") return LetterLanguage::kFrench;
  return std::nullopt;
}

std::span<const FieldSpec> LetterFieldsOf(LetterKind kind) {
  // Built once, on first use (thread-safe static initialisation), never changed after.
  static const std::array<std::vector<FieldSpec>, kAllLetterKinds.size()> kSpecs = [] {
    std::array<std::vector<FieldSpec>, kAllLetterKinds.size()> a;
    for (LetterKind k : kAllLetterKinds) a[static_cast<size_t>(k)] = BuildSpecs(k);
    return a;
  }();
  return kSpecs[static_cast<size_t>(kind)];
}

const FieldSpec* FindLetterField(LetterKind kind, std::string_view name) {
  auto specs = LetterFieldsOf(kind);
  int i = FieldIndex(specs, name);
  return i < 0 ? nullptr : &specs[static_cast<size_t>(i)];
}

void AppendMarkupEscaped(std::string_view text, std::string& out) {
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char* entity = nullptr;
    switch (text[i]) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '\'':
        entity = "&apos;";
        break;
      case '"':
        entity = "&quot;";
        break;
      default:
        continue;
    }
    out.append(text.data() + start, i - start);
    out.append(entity);
    start = i + 1;
  }
  out.append(text.data() + start, text.size() - start);
}

// ---------------------------------------------------------------------------------------------
// LetterFields

void LetterFields::SetText(std::string_view name, std::string value) {
  for (auto& [n, v] : values_) {
    if (n == name) {
      v = std::move(value);
      return;
    }
  }
  values_.emplace_back(std::string(name), std::move(value));
}

void LetterFields::SetDate(std::string_view name, LocalDate date) {
  SetText(name, date.ToDutchString());
}

void LetterFields::SetTime(std::string_view name, int hour, int minute) {
  assert(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59);
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", hour, minute);
  SetText(name, buf);
}

void LetterFields::SetMoney(std::string_view name, Money amount) {
  SetText(name, amount.ToDutchString());
}

void LetterFields::SetOgm(std::string_view name, const StructuredReference& ogm) {
  SetText(name, ogm.Printed());
}

void LetterFields::SetFlag(std::string_view name, bool on) {
  if (on) {
    SetText(name, "yes");
    return;
  }
  std::erase_if(values_, [&](const auto& p) { return p.first == name; });
}

const std::string* LetterFields::Find(std::string_view name) const {
  for (const auto& [n, v] : values_) {
    if (n == name) return &v;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------------------------
// LetterTemplate

namespace {

// Literal markup (escaped, with <b> tags) or a field's value.
struct Segment {
  std::string text;
  int field = -1;
};

struct Node {
  enum class Op { kBlock, kIf, kElse, kEndIf };
  Op op = Op::kBlock;
  LetterBlock::Type type = LetterBlock::Type::kParagraph;
  std::vector<Segment> segments;
  int field = -1;   // kIf: the condition
  size_t jump = 0;  // kIf: its kElse or kEndIf; kElse: its kEndIf
  int line = 0;
};

// What a parsed template holds (LetterTemplate::Impl is this; the parser fills it).
struct TemplateData {
  LetterKind kind = LetterKind::kPaymentInvitation;
  LetterLanguage language = LetterLanguage::kDutch;
  std::string file_name;
  std::span<const FieldSpec> fields;
  std::vector<Segment> title;
  std::vector<Node> nodes;
  std::vector<int> first_use_line;  // per field: the first line that needs it, 0 = none
  bool has_payment = false;
  int signature_line = 0;
};

}  // namespace

struct LetterTemplate::Impl : TemplateData {};

namespace {

class Parser {
 public:
  explicit Parser(TemplateData& t) : t_(t) {}

  Status Run(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a UTF-8 byte order mark
    int line_no = 0;
    size_t pos = 0;
    while (pos <= text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      std::string_view line = text.substr(pos, nl - pos);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      ++line_no;
      Status st = Line(line, line_no);
      if (!st.ok()) return st;
      pos = nl + 1;
    }
    Status st = Flush();
    if (!st.ok()) return st;
    if (!frames_.empty()) {
      return Error(frames_.back().line, "[[if " + std::string(Name(frames_.back().field)) +
                                            "]] is not closed by [[endif]]");
    }
    if (!seen_title_) return InvalidArgument(t_.file_name + ": no title line (\"= ...\")");
    return Status::Ok();
  }

 private:
  struct Frame {
    int field;
    bool in_else;
    int line;
    size_t node;
  };

  Status Error(int line, const std::string& what) const {
    return InvalidArgument(t_.file_name + ": line " + std::to_string(line) + ": " + what);
  }
  std::string_view Name(int field) const { return t_.fields[static_cast<size_t>(field)].name; }

  void Use(int field, int line) {
    int& first = t_.first_use_line[static_cast<size_t>(field)];
    if (first == 0) first = line;
  }

  Status Line(std::string_view raw, int line_no) {
    if (!IsPrintableUtf8(raw)) {
      return Error(line_no, "not valid UTF-8 text (or a control character)");
    }
    std::string_view line = Trim(raw);
    if (!line.empty() && line[0] == '#') return Status::Ok();  // a comment
    if (line.empty()) return Flush();
    if (line.substr(0, 2) == "[[") {
      Status st = Flush();
      if (!st.ok()) return st;
      return Directive(line, line_no);
    }
    if (!seen_title_ && line.substr(0, 2) != "= ") {
      return Error(line_no, "the first line of a template must be its title (\"= ...\")");
    }
    if (line.substr(0, 3) == "== ") {
      Status st = Flush();
      if (!st.ok()) return st;
      return SingleLineBlock(LetterBlock::Type::kHeading, Trim(line.substr(3)), line_no);
    }
    if (line.substr(0, 2) == "= ") {
      if (seen_title_) return Error(line_no, "a second title line (\"= ...\"); a letter has one");
      seen_title_ = true;
      bool bold = false;
      int bold_line = 0;
      Status st = Inline(Trim(line.substr(2)), line_no, t_.title, bold, bold_line);
      if (!st.ok()) return st;
      if (bold) return Error(bold_line, "** is not closed");
      return Status::Ok();
    }
    if (line.substr(0, 2) == "- ") {
      Status st = Flush();
      if (!st.ok()) return st;
      return Start(LetterBlock::Type::kBullet, Trim(line.substr(2)), line_no);
    }
    if (open_ && open_type_ == LetterBlock::Type::kBullet && (raw[0] == ' ' || raw[0] == '\t')) {
      return Continue(line, line_no);  // an indented line continues the bullet
    }
    if (open_ && open_type_ == LetterBlock::Type::kBullet) {
      Status st = Flush();
      if (!st.ok()) return st;
    }
    if (!open_) return Start(LetterBlock::Type::kParagraph, line, line_no);
    return Continue(line, line_no);
  }

  Status Start(LetterBlock::Type type, std::string_view text, int line_no) {
    open_ = true;
    open_type_ = type;
    block_ = Node{};
    block_.type = type;
    block_.line = line_no;
    bold_ = false;
    return Inline(text, line_no, block_.segments, bold_, bold_line_);
  }

  Status Continue(std::string_view text, int line_no) {
    AppendLiteral(block_.segments, " ");
    return Inline(text, line_no, block_.segments, bold_, bold_line_);
  }

  Status SingleLineBlock(LetterBlock::Type type, std::string_view text, int line_no) {
    Status st = Start(type, text, line_no);
    if (!st.ok()) return st;
    return Flush();
  }

  Status Flush() {
    if (!open_) return Status::Ok();
    open_ = false;
    if (bold_) return Error(bold_line_, "** is not closed");
    t_.nodes.push_back(std::move(block_));
    return Status::Ok();
  }

  static void AppendLiteral(std::vector<Segment>& segs, std::string_view markup) {
    if (segs.empty() || segs.back().field >= 0) segs.push_back({});
    segs.back().text.append(markup);
  }

  // One line of text: escaped literal text, ** bold toggles, {{field}} placeholders.
  Status Inline(std::string_view text, int line_no, std::vector<Segment>& segs, bool& bold,
                int& bold_line) {
    size_t i = 0;
    std::string literal;
    auto flush_literal = [&] {
      if (!literal.empty()) AppendLiteral(segs, literal);
      literal.clear();
    };
    while (i < text.size()) {
      if (text.compare(i, 2, "**") == 0) {
        literal += bold ? "</b>" : "<b>";
        bold = !bold;
        bold_line = line_no;
        i += 2;
        continue;
      }
      if (text.compare(i, 2, "{{") == 0) {
        size_t end = text.find("}}", i + 2);
        if (end == std::string_view::npos) {
          return Error(line_no, "placeholder \"" + std::string(text.substr(i, 20)) +
                                    "\" is not closed by }}");
        }
        std::string_view name = Trim(text.substr(i + 2, end - i - 2));
        int field = FieldIndex(t_.fields, name);
        if (field < 0) {
          return Error(line_no, "unknown placeholder {{" + std::string(name) +
                                    "}} (not a field of " + std::string(LetterKindName(t_.kind)) +
                                    " letters)");
        }
        const FieldSpec& spec = t_.fields[static_cast<size_t>(field)];
        if (spec.type == FieldType::kFlag) {
          return Error(line_no, "{{" + std::string(name) + "}} is a flag: use it in [[if " +
                                    std::string(name) + "]], it has no text to print");
        }
        if (!spec.required && !Guarded(field)) {
          return Error(line_no, "optional field {{" + std::string(name) +
                                    "}} must stand inside [[if " + std::string(name) + "]]");
        }
        Use(field, line_no);
        flush_literal();
        segs.push_back({std::string(), field});
        i = end + 2;
        continue;
      }
      size_t next = i + 1;
      while (next < text.size() && text[next] != '*' && text[next] != '{') ++next;
      AppendMarkupEscaped(text.substr(i, next - i), literal);
      i = next;
    }
    flush_literal();
    return Status::Ok();
  }

  bool Guarded(int field) const {
    return std::any_of(frames_.begin(), frames_.end(),
                       [&](const Frame& f) { return f.field == field && !f.in_else; });
  }

  Status Directive(std::string_view line, int line_no) {
    if (line.size() < 4 || line.substr(line.size() - 2) != "]]") {
      return Error(line_no, "a directive stands alone on its line: [[name]]");
    }
    std::string_view inner = Trim(line.substr(2, line.size() - 4));
    std::string_view word = inner.substr(0, inner.find(' '));
    std::string_view arg = word.size() < inner.size() ? Trim(inner.substr(word.size())) : "";
    if (!seen_title_) {
      return Error(line_no, "the first line of a template must be its title (\"= ...\")");
    }
    auto no_arg = [&]() -> Status {
      if (!arg.empty()) return Error(line_no, "[[" + std::string(word) + "]] takes no argument");
      return Status::Ok();
    };
    Node n;
    n.line = line_no;
    if (word == "payment") {
      if (Status st = no_arg(); !st.ok()) return st;
      for (std::string_view f : kPaymentFieldNames) {
        int idx = FieldIndex(t_.fields, f);
        if (idx < 0) {
          return Error(line_no, "[[payment]] is not available in " +
                                    std::string(LetterKindName(t_.kind)) +
                                    " letters (they have no payment fields)");
        }
        Use(idx, line_no);
      }
      if (t_.has_payment) return Error(line_no, "a second [[payment]]; a letter has one");
      t_.has_payment = true;
      n.type = LetterBlock::Type::kPayment;
    } else if (word == "signature") {
      if (Status st = no_arg(); !st.ok()) return st;
      if (t_.signature_line == 0) t_.signature_line = line_no;
      n.type = LetterBlock::Type::kSignature;
    } else if (word == "pagebreak") {
      if (Status st = no_arg(); !st.ok()) return st;
      n.type = LetterBlock::Type::kPageBreak;
    } else if (word == "if") {
      int field = FieldIndex(t_.fields, arg);
      if (arg.empty()) return Error(line_no, "[[if]] needs a field: [[if name]]");
      if (field < 0) {
        return Error(line_no, "unknown field in [[if " + std::string(arg) + "]] (not a field of " +
                                  std::string(LetterKindName(t_.kind)) + " letters)");
      }
      n.op = Node::Op::kIf;
      n.field = field;
      frames_.push_back({field, false, line_no, t_.nodes.size()});
    } else if (word == "else") {
      if (Status st = no_arg(); !st.ok()) return st;
      if (frames_.empty() || frames_.back().in_else) {
        return Error(line_no, "[[else]] without an open [[if ...]]");
      }
      n.op = Node::Op::kElse;
      t_.nodes[frames_.back().node].jump = t_.nodes.size();
      frames_.back().in_else = true;
      frames_.back().node = t_.nodes.size();
    } else if (word == "endif") {
      if (Status st = no_arg(); !st.ok()) return st;
      if (frames_.empty()) return Error(line_no, "[[endif]] without an open [[if ...]]");
      n.op = Node::Op::kEndIf;
      t_.nodes[frames_.back().node].jump = t_.nodes.size();
      frames_.pop_back();
    } else {
      return Error(line_no, "unknown directive [[" + std::string(inner) +
                                "]] (known: payment, signature, pagebreak, if, else, endif)");
    }
    t_.nodes.push_back(std::move(n));
    return Status::Ok();
  }

  TemplateData& t_;
  bool seen_title_ = false;
  bool open_ = false;
  LetterBlock::Type open_type_ = LetterBlock::Type::kParagraph;
  Node block_;
  bool bold_ = false;
  int bold_line_ = 0;
  std::vector<Frame> frames_;
};

void AppendSegments(const std::vector<Segment>& segs, const std::vector<const std::string*>& values,
                    std::string& out) {
  for (const Segment& s : segs) {
    if (s.field < 0) {
      out.append(s.text);
    } else {
      AppendMarkupEscaped(*values[static_cast<size_t>(s.field)], out);
    }
  }
}

}  // namespace

Result<LetterTemplate> LetterTemplate::Parse(LetterKind kind, LetterLanguage language,
                                             std::string_view text, std::string file_name) {
  auto impl = std::make_shared<Impl>();
  impl->kind = kind;
  impl->language = language;
  impl->file_name = std::move(file_name);
  impl->fields = LetterFieldsOf(kind);
  impl->first_use_line.assign(impl->fields.size(), 0);
  Parser p(*impl);
  Status st = p.Run(text);
  if (!st.ok()) return st;
  return LetterTemplate(std::move(impl));
}

Result<LetterTemplate> LetterTemplate::Load(LetterKind kind, LetterLanguage language,
                                            const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Unavailable(path + ": cannot open the template");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Unavailable(path + ": cannot read the template");
  return Parse(kind, language, text.str(), path);
}

Result<ExpandedLetter> LetterTemplate::Expand(const LetterFields& fields) const {
  const Impl& t = *impl_;
  std::vector<const std::string*> values(t.fields.size(), nullptr);
  for (const auto& [name, value] : fields.values()) {
    int idx = FieldIndex(t.fields, name);
    if (idx < 0) {
      return InvalidArgument(t.file_name + ": field \"" + name + "\" is not a field of " +
                             std::string(LetterKindName(t.kind)) + " letters");
    }
    const FieldSpec& spec = t.fields[static_cast<size_t>(idx)];
    if (!value.empty() && !HasShape(spec.type, value)) {
      return InvalidArgument(t.file_name + ": field " + name + " must be " +
                             std::string(ShapeName(spec.type)));
    }
    if (!IsPrintableUtf8(value)) {
      return InvalidArgument(t.file_name + ": field " + name +
                             " is not valid UTF-8 text (or holds a control character)");
    }
    values[static_cast<size_t>(idx)] = &value;
  }
  static const std::string kEmpty;
  for (size_t i = 0; i < t.fields.size(); ++i) {
    bool missing = values[i] == nullptr || values[i]->empty();
    if (missing && t.fields[i].required) {
      std::string where = t.file_name;
      if (t.first_use_line[i] > 0) where += ": line " + std::to_string(t.first_use_line[i]);
      return InvalidArgument(where + ": field " + std::string(t.fields[i].name) +
                             " is required but was not given");
    }
    if (values[i] == nullptr) values[i] = &kEmpty;
  }
  auto value_of = [&](std::string_view name) -> const std::string& {
    return *values[static_cast<size_t>(FieldIndex(t.fields, name))];
  };
  if (t.signature_line > 0 && value_of("signer_name").empty()) {
    return InvalidArgument(t.file_name + ": line " + std::to_string(t.signature_line) +
                           ": [[signature]] needs the field signer_name, which was not given");
  }

  ExpandedLetter out;
  out.kind = t.kind;
  out.language = t.language;
  out.source = t.file_name;
  AppendSegments(t.title, values, out.title);
  out.case_number = value_of("case_number");
  out.letter_date = value_of("letter_date");
  out.our_reference = value_of("our_reference");
  out.registered_number = value_of("registered_number");
  out.signer_name = value_of("signer_name");
  out.signer_title = value_of("signer_title");
  out.blocks.reserve(t.nodes.size());
  size_t i = 0;
  while (i < t.nodes.size()) {
    const Node& n = t.nodes[i];
    switch (n.op) {
      case Node::Op::kIf:
        i = values[static_cast<size_t>(n.field)]->empty() ? n.jump + 1 : i + 1;
        continue;
      case Node::Op::kElse:
        i = n.jump + 1;
        continue;  // the end of the taken branch
      case Node::Op::kEndIf:
        ++i;
        continue;
      case Node::Op::kBlock:
        break;
    }
    LetterBlock b;
    b.type = n.type;
    AppendSegments(n.segments, values, b.markup);
    if (n.type == LetterBlock::Type::kPayment) {
      out.payment = PaymentBox{value_of("amount"), value_of("due_date"), value_of("ogm"),
                               value_of("iban"),   value_of("bic"),      value_of("beneficiary")};
    }
    out.blocks.push_back(std::move(b));
    ++i;
  }
  return out;
}

LetterKind LetterTemplate::kind() const { return impl_->kind; }
LetterLanguage LetterTemplate::language() const { return impl_->language; }
const std::string& LetterTemplate::file_name() const { return impl_->file_name; }
bool LetterTemplate::has_payment() const { return impl_->has_payment; }

// ---------------------------------------------------------------------------------------------
// TemplateSet

Result<TemplateSet> TemplateSet::Load(const std::string& dir) {
  namespace fs = std::filesystem;
  TemplateSet set;
  set.dir_ = dir;
  for (LetterLanguage lang : kAllLetterLanguages) {
    fs::path sub = fs::path(dir) / std::string(LanguageCode(lang));
    std::error_code ec;
    if (!fs::is_directory(sub, ec)) {
      if (lang == LetterLanguage::kDutch) {
        return Unavailable(sub.string() + ": no such template folder (Dutch templates are needed)");
      }
      continue;
    }
    std::vector<fs::path> files;
    for (fs::directory_iterator it(sub, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->path().extension() == ".txt") files.push_back(it->path());
    }
    if (ec) return Unavailable(sub.string() + ": cannot list the folder: " + ec.message());
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
      std::optional<LetterKind> kind = ParseLetterKind(p.stem().string());
      if (!kind) {
        return InvalidArgument(p.string() + ": \"" + p.stem().string() +
                               "\" is not a letter kind (see docs/letters.md)");
      }
      auto t = LetterTemplate::Load(*kind, lang, p.string());
      if (!t.ok()) return t.status();
      set.templates_.push_back(std::move(*t));
    }
  }
  return set;
}

const LetterTemplate* TemplateSet::Find(LetterKind kind, LetterLanguage language) const {
  for (const LetterTemplate& t : templates_) {
    if (t.kind() == kind && t.language() == language) return &t;
  }
  return nullptr;
}

Result<ExpandedLetter> TemplateSet::Expand(LetterKind kind, LetterLanguage language,
                                           const LetterFields& fields) const {
  const LetterTemplate* t = Find(kind, language);
  if (t == nullptr) {
    return NotFound((std::filesystem::path(dir_) / std::string(LanguageCode(language)) /
                     (std::string(LetterKindName(kind)) + ".txt"))
                        .string() +
                    ": no such template");
  }
  return t->Expand(fields);
}

}  // namespace hh
