// ReadOverlastJson on hand-written files: every field's error with its exact message and the
// line of its finding (pretty-printed arrays, brackets inside strings), syntax errors, the KBO
// check and the competence check.
#include "intake/overlast_json.h"

#include <gtest/gtest.h>

#include <fstream>

#include "store/test_temp_dir.h"

namespace hh {
namespace {

// A finding with every field, one field per line: 14 lines (13 line breaks). Synthetic data.
// Each value that a test changes appears once, so that a replacement hits only its field.
constexpr const char* kFinding = R"({
    "finding_id": "PV-2026-000123",
    "facts_at": "2026-03-14T22:40:00+01:00",
    "received_on": "2026-03-20",
    "place": {"street": "Bruul", "house_number": "12", "postal_code": "2800", "city": "Mechelen", "description": "in front of the cafe"},
    "description": "Loud music after 22:00",
    "article": " Art. 12 APV ",
    "offence_kind": "administrative",
    "finding_officer": {"name": "Officer A", "kind": "municipal", "service": "GAS-team"},
    "offender": {"kind": "person", "name": "Test Person", "birth_date": "2008-05-01", "street": "Teststraat", "house_number": "1", "postal_code": "2000", "city": "Antwerpen", "language": "fr"},
    "parents": [{"name": "Parent One", "street": "Ouderstraat", "house_number": "3", "postal_code": "2018", "city": "Wilrijk"}],
    "evidence": ["photo-1.jpg", "bodycam-2"],
    "unknown_field": {"ignored": [1, 2, "three"]}
  })";

// kFinding with `from` (which must occur exactly once) replaced by `to`.
std::string Change(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  if (at == std::string::npos || text.find(from, at + 1) != std::string::npos) {
    ADD_FAILURE() << "not exactly once: " << from;
    return text;
  }
  return text.replace(at, from.size(), to);
}
std::string Finding(const std::string& from = "", const std::string& to = "") {
  return from.empty() ? kFinding : Change(kFinding, from, to);
}

// An array of two findings: a good one with id PV-0 on lines 2-15, then `second` from line 16.
std::string TwoFindings(const std::string& second) {
  return "[\n  " + Finding("PV-2026-000123", "PV-0") + ",\n  " + second + "\n]\n";
}

class OverlastJsonTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& content) {
    std::ofstream(path_, std::ios::binary) << content;
    return path_;
  }
  std::vector<OverlastFinding> Read(const std::string& content) {
    auto r = ReadOverlastJson(Write(content));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? std::move(*r) : std::vector<OverlastFinding>{};
  }
  // The message of refusing `content` (InvalidArgument expected).
  std::string Refusal(const std::string& content) {
    auto r = ReadOverlastJson(Write(content));
    if (r.ok()) {
      ADD_FAILURE() << "accepted";
      return "";
    }
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    return r.status().message();
  }
  std::string At(uint64_t line, size_t finding, const std::string& field,
                 const std::string& what) const {
    return path_ + ": line " + std::to_string(line) + " (finding " + std::to_string(finding) +
           "), field " + field + ": " + what;
  }

  TempDir dir_;
  std::string path_ = dir_.File("overlast.json");
};

TEST_F(OverlastJsonTest, ReadsEveryField) {
  std::vector<OverlastFinding> all = Read(TwoFindings(Finding()));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].finding_id, "PV-0");
  EXPECT_EQ(all[0].line, 2u);
  const OverlastFinding& f = all[1];
  EXPECT_EQ(f.line, 16u);
  EXPECT_EQ(f.finding_id, "PV-2026-000123");
  // 22:40 at +01:00 is 21:40 UTC on 2026-03-14, day 20526 since 1970-01-01 (56 * 365 + 14 leap
  // days + 31 + 28 + 13): 20526 * 86400 + 21 * 3600 + 40 * 60 = 1773524400.
  EXPECT_EQ(f.facts_at.unix_seconds(), 1773524400);
  ASSERT_TRUE(f.received_on.has_value());
  EXPECT_EQ(f.received_on->ToIsoString(), "2026-03-20");
  EXPECT_EQ(f.place.street, "Bruul");
  EXPECT_EQ(f.place.house_number, "12");
  EXPECT_EQ(f.place.postal_code, "2800");
  EXPECT_EQ(f.place.city, "Mechelen");
  EXPECT_EQ(f.place_description, "in front of the cafe");
  EXPECT_EQ(f.description, "Loud music after 22:00");
  EXPECT_EQ(f.article, "Art. 12 APV");  // trimmed
  EXPECT_EQ(f.offence_kind, OffenceKind::kAdministrative);
  EXPECT_EQ(f.officer.name, "Officer A");
  EXPECT_EQ(f.officer.kind, FindingOfficerKind::kMunicipal);
  EXPECT_EQ(f.officer.service, "GAS-team");
  EXPECT_FALSE(f.offender.company);
  EXPECT_EQ(f.offender.name, "Test Person");
  ASSERT_TRUE(f.offender.birth_date.has_value());
  EXPECT_EQ(f.offender.birth_date->ToIsoString(), "2008-05-01");
  EXPECT_EQ(f.offender.company_number, "");
  EXPECT_EQ(f.offender.address.street, "Teststraat");
  EXPECT_EQ(f.offender.address.house_number, "1");
  EXPECT_EQ(f.offender.address.postal_code, "2000");
  EXPECT_EQ(f.offender.address.city, "Antwerpen");
  EXPECT_EQ(f.offender.language, "fr");
  ASSERT_EQ(f.parents.size(), 1u);
  EXPECT_EQ(f.parents[0].name, "Parent One");
  EXPECT_EQ(f.parents[0].address.street, "Ouderstraat");
  EXPECT_EQ(f.parents[0].address.house_number, "3");
  EXPECT_EQ(f.parents[0].address.postal_code, "2018");
  EXPECT_EQ(f.parents[0].address.city, "Wilrijk");
  EXPECT_EQ(f.evidence, (std::vector<std::string>{"photo-1.jpg", "bodycam-2"}));
}

TEST_F(OverlastJsonTest, OptionalFieldsMayBeAbsentOrNull) {
  std::string text = Finding("\"received_on\": \"2026-03-20\",", "\"received_on\": null,");
  text = Change(text, ", \"language\": \"fr\"", "");
  text = Change(text, ", \"house_number\": \"12\"", "");
  text = Change(text, ", \"description\": \"in front of the cafe\"", ", \"description\": null");
  text = Change(text, ", \"service\": \"GAS-team\"", "");
  text = Change(text, "\"street\": \"Teststraat\", \"house_number\": \"1\", ", "");
  text = Change(text, "[{\"name\": \"Parent One\"", "null, \"x\": [{\"name\": \"Parent One\"");
  text = Change(text, "[\"photo-1.jpg\", \"bodycam-2\"]", "[]");
  std::vector<OverlastFinding> all = Read(text);
  ASSERT_EQ(all.size(), 1u);
  const OverlastFinding& f = all[0];
  EXPECT_EQ(f.line, 1u);
  EXPECT_FALSE(f.received_on.has_value());
  EXPECT_EQ(f.offender.language, "nl");  // the default
  EXPECT_EQ(f.place.house_number, "");
  EXPECT_EQ(f.place_description, "");
  EXPECT_EQ(f.officer.service, "");
  EXPECT_EQ(f.offender.address.street, "");
  EXPECT_EQ(f.offender.address.postal_code, "2000");
  EXPECT_TRUE(f.parents.empty());
  EXPECT_TRUE(f.evidence.empty());
}

TEST_F(OverlastJsonTest, EveryFieldHasItsErrorMessage) {
  struct Case {
    std::string from, to, field, what;
  };
  const std::string kPostal = "must be a Belgian postal code (4 digits, 1000-9999)";
  const Case cases[] = {
      {"\"finding_id\": \"PV-2026-000123\",", "", "finding_id", "missing"},
      {"\"PV-2026-000123\"", "null", "finding_id", "missing"},
      {"\"PV-2026-000123\"", "123", "finding_id", "must be a string"},
      {"\"PV-2026-000123\"", "\"  \"", "finding_id", "empty"},
      {"\"PV-2026-000123\"", "\" PV-0\"", "finding_id",
       "\"PV-0\" appears more than once (first in finding 1, line 2)"},
      {"\"facts_at\": \"2026-03-14T22:40:00+01:00\",", "", "facts_at", "missing"},
      {"\"2026-03-14T22:40:00+01:00\"", "1773524400", "facts_at", "must be a string"},
      {"\"2026-03-14T22:40:00+01:00\"", "\"2026-03-14T22:40:00\"", "facts_at",
       "\"2026-03-14T22:40:00\" is not an RFC 3339 instant (missing time zone offset ('Z' or "
       "+hh:mm))"},
      {"\"2026-03-14T22:40:00+01:00\"", "\"2026-02-29T22:40:00+01:00\"", "facts_at",
       "\"2026-02-29T22:40:00+01:00\" is not an RFC 3339 instant (no such day in that month)"},
      {"\"2026-03-20\"", "\"2026-02-30\"", "received_on",
       "\"2026-02-30\" must be a date YYYY-MM-DD"},
      {"\"2026-03-20\"", "\"20/03/2026\"", "received_on",
       "\"20/03/2026\" must be a date YYYY-MM-DD"},
      {"\"2026-03-20\"", "20260320", "received_on", "must be a string"},
      {"\"place\": ", "\"place\": \"Bruul 12\", \"old\": ", "place", "must be an object"},
      {"\"place\": ", "\"somewhere\": ", "place", "missing"},
      {"\"street\": \"Bruul\", ", "", "place.street", "missing"},
      {"\"Bruul\"", "\" \"", "place.street", "empty"},
      {"\"Bruul\"", "[\"Bruul\"]", "place.street", "must be a string"},
      {"\"house_number\": \"12\"", "\"house_number\": 12", "place.house_number",
       "must be a string"},
      {"\"postal_code\": \"2800\", ", "", "place.postal_code", "missing"},
      {"\"2800\"", "\"\"", "place.postal_code", "empty"},
      {"\"2800\"", "2800", "place.postal_code", "must be a string"},
      {"\"2800\"", "\"280\"", "place.postal_code", kPostal},
      {"\"2800\"", "\"0800\"", "place.postal_code", kPostal},
      {"\"2800\"", "\"B-2800\"", "place.postal_code", kPostal},
      {"\"Mechelen\"", "5", "place.city", "must be a string"},
      {"\"in front of the cafe\"", "{}", "place.description", "must be a string"},
      {"\"description\": \"Loud music after 22:00\",", "", "description", "missing"},
      {"\"Loud music after 22:00\"", "\"   \"", "description", "empty"},
      {"\" Art. 12 APV \"", "\"\"", "article", "empty"},
      {"\" Art. 12 APV \"", "12", "article", "must be a string"},
      {"\"article\": \" Art. 12 APV \",", "", "article", "missing"},
      {"\"administrative\"", "\"criminal\"", "offence_kind",
       "\"criminal\" must be administrative or mixed"},
      {"\"administrative\"", "\"Mixed\"", "offence_kind",
       "\"Mixed\" must be administrative or mixed"},
      {"\"offence_kind\": \"administrative\",", "", "offence_kind", "missing"},
      {"\"finding_officer\": ", "\"finding_officer\": [], \"old\": ", "finding_officer",
       "must be an object"},
      {"\"finding_officer\": ", "\"officer\": ", "finding_officer", "missing"},
      {"\"name\": \"Officer A\", ", "", "finding_officer.name", "missing"},
      {"\"Officer A\"", "\"\"", "finding_officer.name", "empty"},
      {"\"kind\": \"municipal\", ", "", "finding_officer.kind", "missing"},
      {"\"municipal\"", "\"mayor\"", "finding_officer.kind",
       "\"mayor\" must be police, police_agent, rural_guard, municipal, provincial, regional, "
       "intermunicipal or agb"},
      {"\"municipal\"", "\"Police\"", "finding_officer.kind",
       "\"Police\" must be police, police_agent, rural_guard, municipal, provincial, regional, "
       "intermunicipal or agb"},
      {"\"GAS-team\"", "7", "finding_officer.service", "must be a string"},
      {"\"offender\": ", "\"offender\": null, \"old\": ", "offender", "missing"},
      {"\"offender\": ", "\"offender\": 1, \"old\": ", "offender", "must be an object"},
      {"\"kind\": \"person\", ", "", "offender.kind", "missing"},
      {"\"person\"", "\"animal\"", "offender.kind", "\"animal\" must be person or company"},
      {"\"name\": \"Test Person\", ", "", "offender.name", "missing"},
      {"\"Test Person\"", "\" \"", "offender.name", "empty"},
      // A birth date is personal: its value is never quoted.
      {"\"birth_date\": \"2008-05-01\", ", "", "offender.birth_date", "missing"},
      {"\"2008-05-01\"", "\"2008-02-30\"", "offender.birth_date", "must be a date YYYY-MM-DD"},
      {"\"2008-05-01\"", "\"01/05/2008\"", "offender.birth_date", "must be a date YYYY-MM-DD"},
      {"\"2008-05-01\"", "20080501", "offender.birth_date", "must be a string"},
      {"\"Teststraat\"", "5", "offender.street", "must be a string"},
      {"\"2000\"", "2000", "offender.postal_code", "must be a string"},
      {"\"Antwerpen\"", "[]", "offender.city", "must be a string"},
      {"\"language\": \"fr\"", "\"language\": \"es\"", "offender.language",
       "\"es\" must be nl, fr, de or en"},
      {"\"language\": \"fr\"", "\"language\": \"FR\"", "offender.language",
       "\"FR\" must be nl, fr, de or en"},
      {"\"language\": \"fr\"", "\"language\": \"\"", "offender.language",
       "\"\" must be nl, fr, de or en"},
      {"\"parents\": [", "\"parents\": 5, \"old\": [", "parents", "must be an array"},
      {"[{\"name\": \"Parent One\", ", "[7, {\"name\": \"Parent One\", ", "parents[0]",
       "must be an object"},
      {"{\"name\": \"Parent One\", ", "{\"name\": \"Parent One\"}, {", "parents[1].name",
       "missing"},
      {"\"Parent One\"", "\"\"", "parents[0].name", "empty"},
      {"\"Ouderstraat\"", "false", "parents[0].street", "must be a string"},
      {"[\"photo-1.jpg\", \"bodycam-2\"]", "\"photo-1.jpg\"", "evidence", "must be an array"},
      {"\"bodycam-2\"", "5", "evidence[1]", "must be a string"},
      {"\"bodycam-2\"", "\"  \"", "evidence[1]", "empty"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Refusal(TwoFindings(Finding(c.from, c.to))), At(16, 2, c.field, c.what))
        << c.from << " -> " << c.to;
  }
}

TEST_F(OverlastJsonTest, MessagesNeverHoldPersonalData) {
  // The offender's birth date and company number are not quoted; neither is the place.
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"\"2008-05-01\"", "\"2008-13-01\""},
           {"\"2800\"", "\"28000\""},
           {"\"kind\": \"person\", \"name\": \"Test Person\", \"birth_date\": \"2008-05-01\"",
            "\"kind\": \"company\", \"name\": \"Test BV\", \"company_number\": "
            "\"0403.170.799\""}}) {
    const std::string m = Refusal(Finding(from, to));
    EXPECT_EQ(m.find(to.substr(to.size() - 6, 5)), std::string::npos) << m;
    EXPECT_EQ(m.find("Test"), std::string::npos) << m;
  }
}

// KBO/BCE check digits, worked by hand. 0403.170.701: the first eight digits are 04031707 =
// 4031707; 97 * 41563 = 4031611, so 4031707 mod 97 = 96 and 97 - 96 = 1: check digits "01".
// 0203.201.340: 2032013 = 97 * 20948 (= 2031956) + 57, 97 - 57 = 40: "40". 0403.170.897:
// 4031708 = 97 * 41564 exactly (mod 0), so the check is 97 - 0 = 97: "97" (never "00").
// 1000.000.021 (the newer series from 1): 10000000 = 97 * 103092 (= 9999924) + 76, 97 - 76 =
// 21: "21".
TEST(CompanyNumber, KboCheckDigits) {
  EXPECT_TRUE(IsValidCompanyNumber("0403170701"));
  EXPECT_TRUE(IsValidCompanyNumber("0203201340"));
  EXPECT_TRUE(IsValidCompanyNumber("0403170897"));
  EXPECT_TRUE(IsValidCompanyNumber("1000000021"));
  EXPECT_FALSE(IsValidCompanyNumber("0403170702"));  // one off
  EXPECT_FALSE(IsValidCompanyNumber("0403170710"));  // digits swapped
  EXPECT_FALSE(IsValidCompanyNumber("0403170800"));  // mod 0 gives 97, never 00
  EXPECT_FALSE(IsValidCompanyNumber("0203201341"));
  EXPECT_FALSE(IsValidCompanyNumber("403170701"));  // nine digits
  EXPECT_FALSE(IsValidCompanyNumber("04031707010"));
  EXPECT_FALSE(IsValidCompanyNumber("0403.170.701"));  // dots are the reader's to remove
  EXPECT_FALSE(IsValidCompanyNumber("040317070a"));
  EXPECT_FALSE(IsValidCompanyNumber(""));
}

TEST_F(OverlastJsonTest, ReadsACompanyOffender) {
  const std::string company =
      "\"kind\": \"company\", \"name\": \"Test BV\", \"company_number\": \"0403.170.701\"";
  const std::string person =
      "\"kind\": \"person\", \"name\": \"Test Person\", \"birth_date\": \"2008-05-01\"";
  std::string text = Change(Finding(person, company), "\"parents\": [", "\"old_parents\": [");
  std::vector<OverlastFinding> all = Read(text);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_TRUE(all[0].offender.company);
  EXPECT_EQ(all[0].offender.name, "Test BV");
  EXPECT_EQ(all[0].offender.company_number, "0403170701");
  EXPECT_FALSE(all[0].offender.birth_date.has_value());
  EXPECT_TRUE(all[0].parents.empty());

  // Spaces separate digits too; an empty parents list is no parents.
  text = Change(Finding(person, Change(company, "0403.170.701", " 0203 201 340 ")), "[{\"name\"",
                "[], \"old\": [{\"name\"");
  all = Read(text);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].offender.company_number, "0203201340");

  struct Case {
    std::string number, field, what;
  };
  const std::string kDigits = "must be 10 digits (dots and spaces may separate them)";
  const std::string kCheck =
      "the check digits do not match (KBO: the last two digits are 97 - the first eight mod 97)";
  for (const Case& c : {
           Case{"\"0403.170.702\"", "offender.company_number", kCheck},
           Case{"\"0403.170.70\"", "offender.company_number", kDigits},
           Case{"\"BE0403170701\"", "offender.company_number", kDigits},
           Case{"\"0403-170-701\"", "offender.company_number", kDigits},
           Case{"\"\"", "offender.company_number", "empty"},
           Case{"403170701", "offender.company_number", "must be a string"},
           // A valid company with parents: parents are for a (minor) person only.
           Case{"\"0403170701\"", "parents", "only for an offender of kind person"},
       }) {
    EXPECT_EQ(Refusal(TwoFindings(Finding(person, Change(company, "\"0403.170.701\"", c.number)))),
              At(16, 2, c.field, c.what))
        << c.number;
  }
  EXPECT_EQ(Refusal(Finding(person, "\"kind\": \"company\", \"name\": \"Test BV\"")),
            At(1, 1, "offender.company_number", "missing"));
}

TEST_F(OverlastJsonTest, CompetenceIsCheckedWhileReading) {
  const std::string mixed = Finding("\"administrative\"", "\"mixed\"");
  // A municipal officer may not record a mixed offence (art. 21 GAS-wet).
  EXPECT_EQ(Refusal(TwoFindings(mixed)),
            At(16, 2, "finding_officer.kind",
               "\"municipal\" may record only purely administrative offences, not a mixed one "
               "(art. 21 GAS-wet)"));
  for (const char* kind : {"provincial", "regional", "intermunicipal", "agb"}) {
    EXPECT_EQ(Refusal(Change(mixed, "\"municipal\"", std::string("\"") + kind + "\"")),
              At(1, 1, "finding_officer.kind",
                 std::string("\"") + kind +
                     "\" may record only purely administrative offences, not a mixed one "
                     "(art. 21 GAS-wet)"))
        << kind;
  }
  for (const auto& [name, kind] : {std::pair{"police", FindingOfficerKind::kPolice},
                                   std::pair{"police_agent", FindingOfficerKind::kPoliceAgent},
                                   std::pair{"rural_guard", FindingOfficerKind::kRuralGuard}}) {
    std::vector<OverlastFinding> all =
        Read(Change(mixed, "\"municipal\"", std::string("\"") + name + "\""));
    ASSERT_EQ(all.size(), 1u) << name;
    EXPECT_EQ(all[0].officer.kind, kind);
    EXPECT_EQ(all[0].offence_kind, OffenceKind::kMixed);
  }
}

TEST_F(OverlastJsonTest, LinesOfFindingsInAPrettyPrintedArray) {
  // Strings holding brackets, braces, commas and escaped quotes must not fool the scanner.
  const std::string tricky =
      Finding("\"Loud music after 22:00\"", R"("He shouted \"}, {\" and [1,2], \\")");
  const std::string text = "\n[ " + Finding("PV-2026-000123", "A") +         // lines 2-15
                           ", " + Change(tricky, "PV-2026-000123", "B") +    // lines 15-28
                           ",\n\n\n    " + Finding("PV-2026-000123", "C") +  // lines 31-44
                           "\n,\n" + Finding("PV-2026-000123", "D") +        // lines 46-59
                           "]";
  std::vector<OverlastFinding> all = Read(text);
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].line, 2u);
  EXPECT_EQ(all[1].line, 15u);
  EXPECT_EQ(all[1].description, R"(He shouted "}, {" and [1,2], \)");
  EXPECT_EQ(all[2].line, 31u);
  EXPECT_EQ(all[3].line, 46u);

  // An error in the fourth finding names line 46.
  const std::string bad = Change(text, "\"D\",\n    \"facts_at\": \"2026-03-14T22:40:00+01:00\"",
                                 "\"D\",\n    \"facts_at\": \"2026-03-14T24:40:00+01:00\"");
  EXPECT_EQ(Refusal(bad), At(46, 4, "facts_at",
                             "\"2026-03-14T24:40:00+01:00\" is not an RFC 3339 instant (hour out "
                             "of range (00-23))"));
}

TEST_F(OverlastJsonTest, OneObjectOrAnArray) {
  // One object, after a byte-order mark and two empty lines: finding 1 on line 3.
  std::vector<OverlastFinding> all = Read("\xEF\xBB\xBF\n\n" + Finding());
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].line, 3u);
  EXPECT_EQ(Refusal("\xEF\xBB\xBF\n\n" + Finding("\"2026-03-20\"", "\"x\"")),
            At(3, 1, "received_on", "\"x\" must be a date YYYY-MM-DD"));

  EXPECT_TRUE(Read("[]").empty());
  EXPECT_TRUE(Read(" [\n ]\n").empty());

  EXPECT_EQ(Refusal("\n  \"a finding\"\n"),
            path_ + ": line 2: must be one finding (a JSON object) or an array of findings");
  EXPECT_EQ(Refusal("42"),
            path_ + ": line 1: must be one finding (a JSON object) or an array of findings");
  EXPECT_EQ(Refusal("[1]"), path_ + ": line 1 (finding 1): must be a JSON object");
  EXPECT_EQ(Refusal("[\n  " + Finding() + ",\n  [\"x\"]\n]"),
            path_ + ": line 16 (finding 2): must be a JSON object");
}

TEST_F(OverlastJsonTest, SyntaxErrorsNameTheirLine) {
  // A missing value on line 3.
  EXPECT_EQ(Refusal("[\n  {\"finding_id\": \"A\",\n   \"facts_at\": }\n]"),
            path_ +
                ": line 3: not valid JSON (syntax error while parsing value - unexpected '}'; "
                "expected '[', '{', or a literal)");
  // A trailing comma: the ']' on line 16 is unexpected.
  EXPECT_EQ(Refusal("[\n  " + Finding() + ",\n]"),
            path_ +
                ": line 16: not valid JSON (syntax error while parsing value - unexpected ']'; "
                "expected '[', '{', or a literal)");
  // A number too large for a double, as received_on: line 4 of the finding, line 5 of the file.
  EXPECT_EQ(Refusal("[\n" + Finding("\"2026-03-20\"", "1e999") + "]"),
            path_ + ": line 5: not valid JSON (a number is too large)");
  // A raw line break inside a string (it must be escaped): the error is on the string's line,
  // and the text read so far (here a name) is not repeated.
  const std::string m = Refusal(Finding("\"Test Person\"", "\"Secret\nName\""));
  EXPECT_EQ(m.substr(0, m.find(" (")), path_ + ": line 10: not valid JSON");
  EXPECT_EQ(m.find("Secret"), std::string::npos) << m;
  // An empty file.
  EXPECT_EQ(Refusal(""), path_ +
                             ": line 1: not valid JSON (syntax error while parsing value - "
                             "unexpected end of input; expected '[', '{', or a literal)");
  // An unclosed array ends the input on the last line.
  EXPECT_EQ(Refusal("[\n  " + Finding()).substr(0, path_.size() + 9), path_ + ": line 15");
}

TEST_F(OverlastJsonTest, AFileThatCannotBeOpenedIsUnavailable) {
  const std::string missing = dir_.File("nope.json");
  auto r = ReadOverlastJson(missing);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(r.status().message(), missing + ": cannot open: No such file or directory");
  r = ReadOverlastJson(dir_.path().string());  // a folder opens but cannot be read
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace hh
