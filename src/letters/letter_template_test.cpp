#include "letters/letter_template.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

namespace hh {
namespace {

const std::string kTemplatesDir = std::string(HH_SOURCE_DIR) + "/templates/letters";

LocalDate Day(int y, int m, int d) {
  LocalDate out;
  EXPECT_TRUE(LocalDate::FromYmd(y, m, d, &out));
  return out;
}

// The fields every kind requires, with simple values.
LetterFields CommonFields() {
  LetterFields f;
  f.SetText("case_number", "GAS-2025-000123");
  f.SetDate("letter_date", Day(2025, 2, 3));
  f.SetText("recipient_name", "Jan Peeters");
  return f;
}

Result<LetterTemplate> ParseWarning(std::string_view text) {
  return LetterTemplate::Parse(LetterKind::kWarning, LetterLanguage::kDutch, text, "w.txt");
}

// A warning letter needs these on top of the common fields.
LetterFields WarningFields() {
  LetterFields f = CommonFields();
  f.SetDate("offence_date", Day(2025, 1, 15));
  f.SetTime("offence_time", 7, 5);
  f.SetText("offence_place", "Bruul 1");
  f.SetText("plate", "1-ABC-123");
  f.SetText("offence_description", "inrijden zonder vergunning");
  f.SetText("legal_basis", "art. 2");
  return f;
}

TEST(LetterKindTest, NamesRoundTrip) {
  std::set<std::string_view> names;
  for (LetterKind k : kAllLetterKinds) {
    names.insert(LetterKindName(k));
    ASSERT_TRUE(ParseLetterKind(LetterKindName(k)).has_value());
    EXPECT_EQ(*ParseLetterKind(LetterKindName(k)), k);
  }
  EXPECT_EQ(names.size(), 9u);
  EXPECT_EQ(LetterKindName(LetterKind::kDecisionCommunityService), "decision_community_service");
  EXPECT_FALSE(ParseLetterKind("payment_invitaton").has_value());
  EXPECT_EQ(LanguageCode(LetterLanguage::kFrench), "fr");
  EXPECT_EQ(ParseLanguageCode("nl"), LetterLanguage::kDutch);
  EXPECT_FALSE(ParseLanguageCode("en").has_value());
}

TEST(LetterFieldsOfTest, EveryKindHasTheCommonFieldsFirstAndUniqueNames) {
  for (LetterKind k : kAllLetterKinds) {
    auto specs = LetterFieldsOf(k);
    ASSERT_GE(specs.size(), 7u);
    EXPECT_EQ(specs[0].name, "case_number");
    EXPECT_TRUE(specs[0].required);
    EXPECT_EQ(specs[1].name, "letter_date");
    EXPECT_EQ(specs[1].type, FieldType::kDate);
    std::set<std::string_view> names;
    for (const FieldSpec& s : specs) {
      EXPECT_TRUE(names.insert(s.name).second) << LetterKindName(k) << " repeats " << s.name;
      EXPECT_FALSE(s.description.empty()) << s.name;
    }
  }
}

TEST(LetterFieldsOfTest, PaymentFieldsExactlyInTheKindsThatAskForMoney) {
  const std::set<LetterKind> paying = {LetterKind::kPaymentInvitation, LetterKind::kNewInvitation,
                                       LetterKind::kReminder, LetterKind::kDecisionFine};
  for (LetterKind k : kAllLetterKinds) {
    for (std::string_view f : {"amount", "due_date", "ogm", "iban", "bic", "beneficiary"}) {
      const FieldSpec* s = FindLetterField(k, f);
      if (paying.count(k) != 0) {
        ASSERT_NE(s, nullptr) << LetterKindName(k) << " " << f;
        EXPECT_TRUE(s->required);
      } else {
        EXPECT_EQ(s, nullptr) << LetterKindName(k) << " " << f;
      }
    }
  }
  EXPECT_EQ(FindLetterField(LetterKind::kPaymentInvitation, "amount")->type, FieldType::kMoney);
  EXPECT_EQ(FindLetterField(LetterKind::kOverlastStart, "hearing_right")->type, FieldType::kFlag);
  EXPECT_FALSE(FindLetterField(LetterKind::kOverlastStart, "hearing_right")->required);
  EXPECT_TRUE(FindLetterField(LetterKind::kDriverRequest, "reply_deadline")->required);
  EXPECT_EQ(FindLetterField(LetterKind::kWarning, "no_such_field"), nullptr);
}

TEST(LetterFieldsTest, SettersPrintTheBelgianForms) {
  LetterFields f;
  f.SetDate("d", Day(2025, 2, 3));
  f.SetTime("t", 7, 5);
  f.SetMoney("m", Money::FromEuro(58));
  f.SetMoney("big", Money::FromCents(111817273));
  auto ogm = StructuredReference::FromDigits("090933755493");
  ASSERT_TRUE(ogm.ok());
  f.SetOgm("o", *ogm);
  f.SetFlag("flag", true);
  EXPECT_EQ(*f.Find("d"), "03/02/2025");
  EXPECT_EQ(*f.Find("t"), "07:05");
  EXPECT_EQ(*f.Find("m"), "\xE2\x82\xAC 58,00");
  EXPECT_EQ(*f.Find("big"), "\xE2\x82\xAC 1.118.172,73");
  EXPECT_EQ(*f.Find("o"), "+++090/9337/55493+++");
  EXPECT_EQ(*f.Find("flag"), "yes");
  f.SetFlag("flag", false);
  EXPECT_EQ(f.Find("flag"), nullptr);
  f.SetText("d", "again");
  EXPECT_EQ(*f.Find("d"), "again");
  EXPECT_EQ(f.values().size(), 5u);  // d, t, m, big, o
}

TEST(AppendMarkupEscapedTest, EscapesTheFiveMarkupCharacters) {
  std::string out = "x";
  AppendMarkupEscaped("A & B <C> 'd' \"e\"", out);
  EXPECT_EQ(out, "xA &amp; B &lt;C&gt; &apos;d&apos; &quot;e&quot;");
}

TEST(LetterTemplateTest, ExpandsTitleHeadingsParagraphsBulletsAndBold) {
  auto t = ParseWarning(
      "# a comment\n"
      "= Waarschuwing {{case_number}}\n"
      "\n"
      "Geachte {{recipient_name}},\n"
      "\n"
      "Op {{offence_date}} om\n"
      "  {{offence_time}} in **{{offence_place}}**.\n"
      "== Feiten\n"
      "- Plaat: {{plate}}\n"
      "  (zie foto)\n"
      "- Basis: {{legal_basis}}\n"
      "Tekst na de lijst & zo.\n"
      "[[pagebreak]]\n"
      "[[signature]]\n");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  LetterFields f = WarningFields();
  f.SetText("signer_name", "An Smet");
  auto e = t->Expand(f);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->title, "Waarschuwing GAS-2025-000123");
  ASSERT_EQ(e->blocks.size(), 8u);
  using T = LetterBlock::Type;
  EXPECT_EQ(e->blocks[0].type, T::kParagraph);
  EXPECT_EQ(e->blocks[0].markup, "Geachte Jan Peeters,");
  // Lines of a paragraph are joined with one space; ** becomes <b>.
  EXPECT_EQ(e->blocks[1].markup, "Op 15/01/2025 om 07:05 in <b>Bruul 1</b>.");
  EXPECT_EQ(e->blocks[2].type, T::kHeading);
  EXPECT_EQ(e->blocks[2].markup, "Feiten");
  EXPECT_EQ(e->blocks[3].type, T::kBullet);
  EXPECT_EQ(e->blocks[3].markup, "Plaat: 1-ABC-123 (zie foto)");
  EXPECT_EQ(e->blocks[4].markup, "Basis: art. 2");
  EXPECT_EQ(e->blocks[5].type, T::kParagraph);
  EXPECT_EQ(e->blocks[5].markup, "Tekst na de lijst &amp; zo.");
  EXPECT_EQ(e->blocks[6].type, T::kPageBreak);
  EXPECT_EQ(e->blocks[7].type, T::kSignature);
  EXPECT_EQ(e->case_number, "GAS-2025-000123");
  EXPECT_EQ(e->letter_date, "03/02/2025");
  EXPECT_EQ(e->signer_name, "An Smet");
  EXPECT_FALSE(e->payment.has_value());
  EXPECT_EQ(e->source, "w.txt");
}

TEST(LetterTemplateTest, FieldValuesAreEscapedAndNeverReadAsMarkupOrPlaceholders) {
  auto t = ParseWarning("= T\nGeachte **{{recipient_name}}**,\n");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  LetterFields f = WarningFields();
  f.SetText("recipient_name", "Janssens & Zonen <BV> **{{plate}}**");
  auto e = t->Expand(f);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->blocks[0].markup, "Geachte <b>Janssens &amp; Zonen &lt;BV&gt; **{{plate}}**</b>,");
}

TEST(LetterTemplateTest, IfElseEndifFollowTheField) {
  auto t = LetterTemplate::Parse(LetterKind::kOverlastStart, LetterLanguage::kDutch,
                                 "= T\n"
                                 "[[if hearing_right]]\n"
                                 "Hoorzitting mogelijk.\n"
                                 "[[if max_fine]]\n"
                                 "Maximum {{max_fine}}.\n"
                                 "[[endif]]\n"
                                 "[[else]]\n"
                                 "Alleen schriftelijk.\n"
                                 "[[endif]]\n"
                                 "Einde.\n",
                                 "o.txt");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  LetterFields f = CommonFields();
  f.SetDate("offence_date", Day(2025, 1, 2));
  f.SetText("offence_place", "Markt");
  f.SetText("offence_description", "wildplassen");
  f.SetText("qualification", "art. 5 APV");
  f.SetDate("defence_deadline", Day(2025, 2, 20));
  f.SetText("defence_address", "Grote Markt 21");
  f.SetText("file_access", "op afspraak");
  auto texts = [&](const LetterFields& fields) {
    auto e = t->Expand(fields);
    EXPECT_TRUE(e.ok()) << e.status().ToString();
    std::vector<std::string> out;
    for (const LetterBlock& b : e->blocks) out.push_back(b.markup);
    return out;
  };
  EXPECT_EQ(texts(f), (std::vector<std::string>{"Alleen schriftelijk.", "Einde."}));
  f.SetFlag("hearing_right", true);
  EXPECT_EQ(texts(f), (std::vector<std::string>{"Hoorzitting mogelijk.", "Einde."}));
  f.SetMoney("max_fine", Money::FromEuro(350));
  EXPECT_EQ(texts(f), (std::vector<std::string>{"Hoorzitting mogelijk.",
                                                "Maximum \xE2\x82\xAC 350,00.", "Einde."}));
}

TEST(LetterTemplateTest, PaymentDirectiveCarriesThePaymentFields) {
  auto t = LetterTemplate::Parse(LetterKind::kReminder, LetterLanguage::kDutch,
                                 "= Herinnering\n[[payment]]\n", "r.txt");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_TRUE(t->has_payment());
  LetterFields f = CommonFields();
  f.SetDate("offence_date", Day(2025, 1, 2));
  f.SetText("offence_place", "Markt");
  f.SetText("plate", "1-ABC-123");
  f.SetText("offence_description", "parkeren");
  f.SetDate("first_letter_date", Day(2025, 1, 10));
  f.SetMoney("amount", Money::FromEuro(58));
  f.SetDate("due_date", Day(2025, 3, 3));
  f.SetText("ogm", "+++090/9337/55493+++");
  f.SetText("iban", "BE71 0961 2345 6769");
  f.SetText("bic", "GKCCBEBB");
  f.SetText("beneficiary", "Stad Mechelen");
  auto e = t->Expand(f);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  ASSERT_TRUE(e->payment.has_value());
  EXPECT_EQ(e->payment->amount, "\xE2\x82\xAC 58,00");
  EXPECT_EQ(e->payment->due_date, "03/03/2025");
  EXPECT_EQ(e->payment->ogm, "+++090/9337/55493+++");
  EXPECT_EQ(e->payment->iban, "BE71 0961 2345 6769");
  EXPECT_EQ(e->payment->bic, "GKCCBEBB");
  EXPECT_EQ(e->payment->beneficiary, "Stad Mechelen");
  ASSERT_EQ(e->blocks.size(), 1u);
  EXPECT_EQ(e->blocks[0].type, LetterBlock::Type::kPayment);
}

// The message of a template that must not parse.
std::string ParseError(LetterKind kind, std::string_view text) {
  auto t = LetterTemplate::Parse(kind, LetterLanguage::kDutch, text, "nl/x.txt");
  EXPECT_FALSE(t.ok()) << text;
  if (t.ok()) return "";
  EXPECT_EQ(t.status().code(), StatusCode::kInvalidArgument);
  return t.status().message();
}

TEST(LetterTemplateTest, LoadErrorsNameTheFileTheLineAndWhat) {
  const LetterKind w = LetterKind::kWarning;
  EXPECT_EQ(ParseError(w, "= T\n\nBedrag {{amout}}.\n"),
            "nl/x.txt: line 3: unknown placeholder {{amout}} (not a field of warning letters)");
  EXPECT_EQ(ParseError(w, "= T\n[[qr]]\n"),
            "nl/x.txt: line 2: unknown directive [[qr]] (known: payment, signature, pagebreak, if, "
            "else, endif)");
  EXPECT_EQ(ParseError(w, "= T\nHallo {{plate\n"),
            "nl/x.txt: line 2: placeholder \"{{plate\" is not closed by }}");
  EXPECT_EQ(ParseError(w, "Geachte,\n= T\n"),
            "nl/x.txt: line 1: the first line of a template must be its title (\"= ...\")");
  EXPECT_EQ(ParseError(w, "# only a comment\n\n"), "nl/x.txt: no title line (\"= ...\")");
  EXPECT_EQ(ParseError(w, "= T\n= U\n"),
            "nl/x.txt: line 2: a second title line (\"= ...\"); a letter has one");
  EXPECT_EQ(ParseError(w, "= T\nFoto {{photo_reference}}\n"),
            "nl/x.txt: line 2: optional field {{photo_reference}} must stand inside [[if "
            "photo_reference]]");
  // In the else branch the optional field is absent, so it cannot be printed there either.
  EXPECT_EQ(
      ParseError(w, "= T\n[[if photo_reference]]\n[[else]]\n{{photo_reference}}\n[[endif]]\n"),
      "nl/x.txt: line 4: optional field {{photo_reference}} must stand inside [[if "
      "photo_reference]]");
  EXPECT_EQ(ParseError(w, "= T\n[[if warning_until]]\nx\n"),
            "nl/x.txt: line 2: [[if warning_until]] is not closed by [[endif]]");
  EXPECT_EQ(ParseError(w, "= T\n[[endif]]\n"),
            "nl/x.txt: line 2: [[endif]] without an open [[if ...]]");
  EXPECT_EQ(ParseError(w, "= T\n[[else]]\n"),
            "nl/x.txt: line 2: [[else]] without an open [[if ...]]");
  EXPECT_EQ(ParseError(w, "= T\n[[if nope]]\n[[endif]]\n"),
            "nl/x.txt: line 2: unknown field in [[if nope]] (not a field of warning letters)");
  EXPECT_EQ(ParseError(w, "= T\n\nEen **vet\nwoord.\n"), "nl/x.txt: line 3: ** is not closed");
  EXPECT_EQ(ParseError(w, "= T\n[[payment]]\n"),
            "nl/x.txt: line 2: [[payment]] is not available in warning letters (they have no "
            "payment fields)");
  EXPECT_EQ(ParseError(LetterKind::kReminder, "= T\n[[payment]]\n[[payment]]\n"),
            "nl/x.txt: line 3: a second [[payment]]; a letter has one");
  EXPECT_EQ(ParseError(LetterKind::kOverlastStart, "= T\n{{hearing_right}}\n"),
            "nl/x.txt: line 2: {{hearing_right}} is a flag: use it in [[if hearing_right]], it "
            "has no text to print");
  EXPECT_EQ(ParseError(w, "= T\n[[signature]] extra\n"),
            "nl/x.txt: line 2: a directive stands alone on its line: [[name]]");
  EXPECT_EQ(ParseError(w, "= T\n[[pagebreak now]]\n"),
            "nl/x.txt: line 2: [[pagebreak]] takes no argument");
  EXPECT_EQ(ParseError(w, "= T\nbad \xC3(\n"),
            "nl/x.txt: line 2: not valid UTF-8 text (or a control character)");
}

TEST(LetterTemplateTest, DirectiveTextInsideAParagraphIsLiteral) {
  // "[[" that does not start the line is ordinary text.
  auto t = ParseWarning("= T\nZie [[bijlage]].\n");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  auto e = t->Expand(WarningFields());
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->blocks[0].markup, "Zie [[bijlage]].");
}

TEST(LetterTemplateTest, CrlfAndByteOrderMarkAreAccepted) {
  auto t = ParseWarning("\xEF\xBB\xBF= Titel\r\n\r\nRegel een\r\nregel twee\r\n");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  auto e = t->Expand(WarningFields());
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->title, "Titel");
  ASSERT_EQ(e->blocks.size(), 1u);
  EXPECT_EQ(e->blocks[0].markup, "Regel een regel twee");
}

TEST(LetterTemplateTest, ExpandErrorsNameTheFileLineAndFieldButNoValue) {
  auto t = ParseWarning("= T\n\nGeachte {{recipient_name}},\nPlaat {{plate}}.\n[[signature]]\n");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  LetterFields f = WarningFields();
  f.SetText("signer_name", "An Smet");
  ASSERT_TRUE(t->Expand(f).ok());

  LetterFields missing = f;
  missing.SetText("plate", "");  // empty counts as absent
  auto e = t->Expand(missing);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().message(), "w.txt: line 4: field plate is required but was not given");

  // A required field that the template does not print: no line to name.
  LetterFields no_basis;
  for (const auto& [n, v] : f.values()) {
    if (n != "legal_basis") no_basis.SetText(n, v);
  }
  e = t->Expand(no_basis);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().message(), "w.txt: field legal_basis is required but was not given");

  LetterFields unknown = f;
  unknown.SetText("amount", "\xE2\x82\xAC 58,00");
  e = t->Expand(unknown);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().message(), "w.txt: field \"amount\" is not a field of warning letters");

  LetterFields iso = f;
  iso.SetText("offence_date", "2025-01-15");
  e = t->Expand(iso);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().message(),
            "w.txt: field offence_date must be a date dd/mm/jjjj (LetterFields::SetDate)");
  EXPECT_EQ(e.status().message().find("2025-01-15"), std::string::npos);

  LetterFields bad_utf8 = f;
  bad_utf8.SetText("recipient_name", "Jan \xFF");
  e = t->Expand(bad_utf8);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().message(),
            "w.txt: field recipient_name is not valid UTF-8 text (or holds a control character)");

  LetterFields no_signer = f;
  no_signer.SetText("signer_name", "");
  e = t->Expand(no_signer);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().message(),
            "w.txt: line 5: [[signature]] needs the field signer_name, which was not given");
}

TEST(LetterTemplateTest, ValueShapesAreChecked) {
  auto t = LetterTemplate::Parse(LetterKind::kReminder, LetterLanguage::kDutch, "= T\n", "r.txt");
  ASSERT_TRUE(t.ok());
  LetterFields f = CommonFields();
  f.SetDate("offence_date", Day(2025, 1, 2));
  f.SetText("offence_place", "Markt");
  f.SetText("plate", "1-ABC-123");
  f.SetText("offence_description", "parkeren");
  f.SetDate("first_letter_date", Day(2025, 1, 10));
  f.SetMoney("amount", Money::FromEuro(58));
  f.SetDate("due_date", Day(2025, 3, 3));
  f.SetText("ogm", "+++090/9337/55493+++");
  f.SetText("iban", "BE71 0961 2345 6769");
  f.SetText("bic", "GKCCBEBB");
  f.SetText("beneficiary", "Stad Mechelen");
  ASSERT_TRUE(t->Expand(f).ok());
  const std::pair<const char*, const char*> bad[] = {
      {"amount", "58,00"},       {"amount", "\xE2\x82\xAC 58"},
      {"ogm", "090/9337/55493"}, {"ogm", "+++090/9337/5549+++"},
      {"offence_time", "7:05"},  {"due_date", "3/3/2025"},
  };
  for (const auto& [field, value] : bad) {
    LetterFields g = f;
    g.SetText(field, value);
    EXPECT_FALSE(t->Expand(g).ok()) << field << " " << value;
  }
  LetterFields negative = f;
  negative.SetMoney("amount", Money::FromCents(-500));  // "-€ 5,00" has the money shape
  EXPECT_TRUE(t->Expand(negative).ok());
}

TEST(TemplateSetTest, EveryShippedTemplateLoadsInDutchAndFrench) {
  auto set = TemplateSet::Load(kTemplatesDir);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  for (LetterKind k : kAllLetterKinds) {
    for (LetterLanguage l : kAllLetterLanguages) {
      const LetterTemplate* t = set->Find(k, l);
      ASSERT_NE(t, nullptr) << LetterKindName(k) << " " << LanguageCode(l);
      EXPECT_EQ(t->kind(), k);
      EXPECT_EQ(t->language(), l);
      EXPECT_EQ(t->file_name(), kTemplatesDir + "/" + std::string(LanguageCode(l)) + "/" +
                                    std::string(LetterKindName(k)) + ".txt");
      bool pays = FindLetterField(k, "ogm") != nullptr;
      EXPECT_EQ(t->has_payment(), pays) << LetterKindName(k);
    }
  }
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(LettersDocTest, ListsEveryFieldAndItsExampleParses) {
  std::string doc = ReadFile(std::string(HH_SOURCE_DIR) + "/docs/letters.md");
  ASSERT_FALSE(doc.empty());
  for (LetterKind k : kAllLetterKinds) {
    EXPECT_NE(doc.find("| `" + std::string(LetterKindName(k)) + "` |"), std::string::npos)
        << LetterKindName(k);
    for (const FieldSpec& f : LetterFieldsOf(k)) {
      EXPECT_NE(doc.find("`" + std::string(f.name) + "`"), std::string::npos) << f.name;
    }
  }
  size_t at = doc.find("Example (shortened `nl/reminder.txt`)");
  ASSERT_NE(at, std::string::npos);
  size_t begin = doc.find("```\n", at) + 4;
  size_t end = doc.find("```", begin);
  auto t = LetterTemplate::Parse(LetterKind::kReminder, LetterLanguage::kDutch,
                                 doc.substr(begin, end - begin), "docs example");
  EXPECT_TRUE(t.ok()) << t.status().ToString();
}

class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("letters_template_test_" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_ / "nl");
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  void Write(const std::string& rel, const std::string& text) const {
    std::ofstream(path_ / rel, std::ios::binary) << text;
  }
  std::string str() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

TEST(TemplateSetTest, MissingKindIsNotFoundAndAMisspeltFileIsAnError) {
  TempDir dir;
  dir.Write("nl/warning.txt", "= Waarschuwing\nGeachte {{recipient_name}},\n");
  dir.Write("nl/README.md", "not a template");
  auto set = TemplateSet::Load(dir.str());
  ASSERT_TRUE(set.ok()) << set.status().ToString();  // no fr folder: fine
  EXPECT_NE(set->Find(LetterKind::kWarning, LetterLanguage::kDutch), nullptr);
  EXPECT_EQ(set->Find(LetterKind::kWarning, LetterLanguage::kFrench), nullptr);
  auto e = set->Expand(LetterKind::kWarning, LetterLanguage::kFrench, WarningFields());
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(e.status().message(), dir.str() + "/fr/warning.txt: no such template");
  e = set->Expand(LetterKind::kWarning, LetterLanguage::kDutch, WarningFields());
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->blocks[0].markup, "Geachte Jan Peeters,");

  dir.Write("nl/waring.txt", "= W\n");
  auto bad = TemplateSet::Load(dir.str());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(),
            dir.str() + "/nl/waring.txt: \"waring\" is not a letter kind (see docs/letters.md)");
  std::filesystem::remove(dir.str() + "/nl/waring.txt");

  std::filesystem::create_directories(dir.str() + "/fr");
  dir.Write("fr/warning.txt", "= Avertissement\n\n{{montant}}\n");
  bad = TemplateSet::Load(dir.str());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(),
            dir.str() +
                "/fr/warning.txt: line 3: unknown placeholder {{montant}} (not a field of warning "
                "letters)");

  auto none = TemplateSet::Load(dir.str() + "/nowhere");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace hh
