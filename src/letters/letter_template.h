// Letter templates: one text file per letter kind and language (templates/letters/<nl|fr>/
// <kind>.txt), edited by the city without recompiling, with {{field}} placeholders checked
// against each kind's field table when the file is loaded (syntax and fields: docs/letters.md).
// LetterTemplate and TemplateSet are immutable once loaded: share them freely between threads.
// LetterFields and ExpandedLetter are plain values owned by the caller.
//
// Use:
//   auto set = TemplateSet::Load("templates/letters");          // every file, validated
//   LetterFields f;
//   f.SetText("case_number", "GAS-2025-000123");
//   f.SetDate("letter_date", today);  f.SetMoney("amount", Money::FromEuro(58));  ...
//   Result<ExpandedLetter> text = set->Expand(LetterKind::kPaymentInvitation,
//                                             LetterLanguage::kDutch, f);
//   // then letter_pdf.h: LetterRenderer::Render({*text, address_lines, qr_payload})
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/instant.h"
#include "core/money.h"
#include "core/status.h"
#include "payref/structured_reference.h"

namespace hh {

// The letters of GAS.md 1.4, 2.2 and 6.5. The name is the template file's name without ".txt".
enum class LetterKind {
  kPaymentInvitation,         // payment_invitation: GAS-4 / camera fine, ordinary letter, 30 days
  kNewInvitation,             // new_invitation: after a rejected defence, a new 30 days
  kWarning,                   // warning: camera warning period, no fine
  kDriverRequest,             // driver_request: company holder names the driver within 15 days
  kReminder,                  // reminder: unpaid after the invitation, another 30 days
  kOverlastStart,             // overlast_start: registered letter starting the procedure
  kDecisionFine,              // decision_fine: registered decision imposing a fine
  kDecisionCommunityService,  // decision_community_service: registered decision, service hours
  kDecisionDismissal,         // decision_dismissal: the file is closed without a sanction
};
inline constexpr std::array<LetterKind, 9> kAllLetterKinds = {
    LetterKind::kPaymentInvitation, LetterKind::kNewInvitation,
    LetterKind::kWarning,           LetterKind::kDriverRequest,
    LetterKind::kReminder,          LetterKind::kOverlastStart,
    LetterKind::kDecisionFine,      LetterKind::kDecisionCommunityService,
    LetterKind::kDecisionDismissal};

std::string_view LetterKindName(LetterKind kind);  // "payment_invitation"
std::optional<LetterKind> ParseLetterKind(std::string_view name);

enum class LetterLanguage { kDutch, kFrench };
inline constexpr std::array<LetterLanguage, 2> kAllLetterLanguages = {LetterLanguage::kDutch,
                                                                      LetterLanguage::kFrench};
std::string_view LanguageCode(LetterLanguage language);  // "nl", "fr": the template folder
std::optional<LetterLanguage> ParseLanguageCode(std::string_view code);

// What a field holds. Values are text; the type says which LetterFields setter makes them and
// what shape Expand checks (so a date is always printed dd/mm/jjjj).
enum class FieldType {
  kText,   // any text (UTF-8); may hold '\n' for a line break
  kDate,   // dd/mm/jjjj (SetDate)
  kTime,   // hh:mm (SetTime)
  kMoney,  // "€ 58,00" (SetMoney, Money::ToDutchString)
  kOgm,    // "+++090/9337/55493+++" (SetOgm)
  kFlag,   // "yes" or absent (SetFlag); only usable in [[if name]], never printed
};

struct FieldSpec {
  std::string_view name;
  FieldType type;
  bool required;  // Expand fails when a required field is absent or empty
  std::string_view description;
};

// Every field of `kind`, the fields common to all kinds first (case_number, letter_date, ...).
// This table is the contract between the templates, the code that fills LetterFields and
// docs/letters.md (which lists the same table).
std::span<const FieldSpec> LetterFieldsOf(LetterKind kind);
// The field `name` of `kind`, or nullptr.
const FieldSpec* FindLetterField(LetterKind kind, std::string_view name);

// The values of one letter, by field name. Setting a name twice keeps the last value. Names are
// checked against the kind only by Expand (one error naming the unknown field).
class LetterFields {
 public:
  void SetText(std::string_view name, std::string value);
  void SetDate(std::string_view name, LocalDate date);                 // "03/02/2025"
  void SetTime(std::string_view name, int hour, int minute);           // "07:05"; 0-23, 0-59
  void SetMoney(std::string_view name, Money amount);                  // "€ 58,00"
  void SetOgm(std::string_view name, const StructuredReference& ogm);  // "+++090/9337/55493+++"
  void SetFlag(std::string_view name, bool on);                        // "yes", or removes it
  // The value, or nullptr when the field was never set.
  const std::string* Find(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& values() const { return values_; }

 private:
  std::vector<std::pair<std::string, std::string>> values_;
};

// One block of an expanded letter's body, in reading order.
struct LetterBlock {
  enum class Type {
    kHeading,    // "== ..." : Pango markup in `markup`
    kParagraph,  // lines joined by spaces: Pango markup
    kBullet,     // "- ..." : one list item, Pango markup (the renderer draws the bullet)
    kPayment,    // [[payment]]: the payment box (ExpandedLetter::payment, the QR code)
    kSignature,  // [[signature]]: ExpandedLetter::signer_name / signer_title
    kPageBreak,  // [[pagebreak]]
  };
  Type type = Type::kParagraph;
  std::string markup;  // every field value in it is escaped: "A & B" prints literally
};

// The payment box of [[payment]], plain text exactly as the fields gave it.
struct PaymentBox {
  std::string amount, due_date, ogm, iban, bic, beneficiary;
};

// A template filled in: what LetterRenderer draws. Plain values, no link to the template.
struct ExpandedLetter {
  LetterKind kind = LetterKind::kPaymentInvitation;
  LetterLanguage language = LetterLanguage::kDutch;
  std::string source;  // the template's file name, for messages
  std::string title;   // Pango markup of the "= ..." line
  std::vector<LetterBlock> blocks;
  // The page furniture (reference lines, date line, signature), plain text, from the fields
  // of the same names; our_reference, registered_number, signer_* may be empty.
  std::string case_number, letter_date, our_reference, registered_number;
  std::string signer_name, signer_title;
  std::optional<PaymentBox> payment;  // set exactly when a block is kPayment
};

class LetterTemplate {
 public:
  // Parses `text` as the template of `kind` in `language`; `file_name` names it in every
  // error. InvalidArgument "<file>: line N: ..." for: a first content line that is not the
  // title, a second title, an unknown {{placeholder}} or [[directive]], a placeholder that is
  // not closed, an optional field used outside [[if field]], a flag printed as {{flag}},
  // unbalanced ** or [[if]]/[[else]]/[[endif]], [[payment]] in a kind without payment fields
  // or given twice, text that is not UTF-8.
  static Result<LetterTemplate> Parse(LetterKind kind, LetterLanguage language,
                                      std::string_view text, std::string file_name);
  // Reads and parses a file; Unavailable naming the path when it cannot be read.
  static Result<LetterTemplate> Load(LetterKind kind, LetterLanguage language,
                                     const std::string& path);

  // Fills in the template. InvalidArgument naming the file (and the line where the field is
  // first used) when: a field of the kind's table that is required is absent or empty; a field
  // that is set is not a field of this kind; a value does not have its type's shape or is not
  // UTF-8; [[signature]] is used without signer_name. Messages never contain a field's value.
  Result<ExpandedLetter> Expand(const LetterFields& fields) const;

  LetterKind kind() const;
  LetterLanguage language() const;
  const std::string& file_name() const;
  bool has_payment() const;  // the template has a [[payment]] block

 private:
  struct Impl;
  explicit LetterTemplate(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

// The templates of a city: <dir>/nl/<kind>.txt and <dir>/fr/<kind>.txt.
class TemplateSet {
 public:
  // Loads every <kind>.txt found under <dir>/nl and <dir>/fr; a kind without a file is simply
  // absent (Expand then says NotFound). InvalidArgument for the first template that does not
  // parse, and for a .txt file whose name is not a letter kind (a misspelt file would otherwise
  // be ignored); Unavailable when <dir>/nl cannot be read.
  static Result<TemplateSet> Load(const std::string& dir);

  // The template, or nullptr.
  const LetterTemplate* Find(LetterKind kind, LetterLanguage language) const;
  // Find + LetterTemplate::Expand; NotFound naming the expected file when it is absent.
  Result<ExpandedLetter> Expand(LetterKind kind, LetterLanguage language,
                                const LetterFields& fields) const;

 private:
  std::string dir_;
  std::vector<LetterTemplate> templates_;
};

// `text` with & < > ' " replaced by their entities, appended to `out` (Pango markup escaping).
void AppendMarkupEscaped(std::string_view text, std::string& out);

}  // namespace hh
