// ReadParkingCsv on hand-written files: every field's error with its exact message, line numbers
// (multi-line quoted fields, empty lines, CRLF, a byte-order mark), duplicate ids, photo_refs.
#include "intake/parking_csv.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "store/test_temp_dir.h"

namespace hh {
namespace {

constexpr const char* kHeader =
    "finding_id,found_at,plate,country,street,house_number,postal_code,offence_code,category,"
    "officer_id,photo_refs,remarks\n";

// A good row's fields, by column. Synthetic data only.
std::map<std::string, std::string> GoodFields() {
  return {{"finding_id", "F1"},
          {"found_at", "2026-03-14T10:00:00+01:00"},
          {"plate", "1-ABC-123"},
          {"country", "be"},
          {"street", "Bruul"},
          {"house_number", "12"},
          {"postal_code", "2800"},
          {"offence_code", "22bis-4a"},
          {"category", "1"},
          {"officer_id", "W17"},
          {"photo_refs", "img1.jpg; img2.jpg;"},
          {"remarks", "blocking the entrance"}};
}

std::string Quote(const std::string& v) {
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

// A data row in kHeader's column order, from GoodFields() with `changes` applied.
std::string Row(const std::map<std::string, std::string>& changes = {}) {
  std::map<std::string, std::string> f = GoodFields();
  for (const auto& [k, v] : changes) f[k] = v;
  std::string out;
  for (std::string_view c : kParkingColumns) {
    if (c != kParkingColumns[0]) out += ',';
    out += Quote(f[std::string(c)]);
  }
  return out + "\n";
}

class ParkingCsvTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& content) {
    std::ofstream(path_, std::ios::binary) << content;
    return path_;
  }
  // Reads content, which must be accepted as a file.
  ParkingFile Read(const std::string& content) {
    auto r = ReadParkingCsv(Write(content));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? std::move(*r) : ParkingFile{};
  }
  // The message of the only error of a file holding kHeader and `row`.
  std::string OnlyError(const std::string& row) {
    ParkingFile f = Read(std::string(kHeader) + row);
    EXPECT_EQ(f.rows, 1u);
    EXPECT_TRUE(f.findings.empty());
    if (f.errors.size() != 1) {
      ADD_FAILURE() << "expected one error, got " << f.errors.size();
      return "";
    }
    return f.errors[0].message;
  }
  // "PATH: line 2, field F: what"
  std::string At(uint64_t line, const std::string& field, const std::string& what) const {
    return path_ + ": line " + std::to_string(line) + ", field " + field + ": " + what;
  }

  TempDir dir_;
  std::string path_ = dir_.File("parking.csv");
};

TEST_F(ParkingCsvTest, ReadsEveryFieldOfAGoodRow) {
  ParkingFile f = Read(std::string(kHeader) + Row());
  EXPECT_EQ(f.rows, 1u);
  EXPECT_TRUE(f.errors.empty());
  ASSERT_EQ(f.findings.size(), 1u);
  const ParkingFinding& p = f.findings[0];
  EXPECT_EQ(p.line, 2u);
  EXPECT_EQ(p.finding_id, "F1");
  // 2026-03-14T10:00:00+01:00 is 09:00 UTC: 20526 days after 1970-01-01 (56 years of 365 days
  // = 20440, plus 14 leap days 1972..2024 = 20454, plus Jan 31 + Feb 28 + 13 = 72) * 86400 +
  // 9 * 3600 = 1773478800.
  EXPECT_EQ(p.found_at.unix_seconds(), 1773478800);
  EXPECT_EQ(p.plate.normalised(), "1ABC123");
  EXPECT_EQ(p.country, "BE");
  EXPECT_EQ(p.street, "Bruul");
  EXPECT_EQ(p.house_number, "12");
  EXPECT_EQ(p.postal_code, "2800");
  EXPECT_EQ(p.offence_code, "22BIS-4A");
  EXPECT_EQ(p.category, TrafficCategory::kCategory1);
  EXPECT_EQ(p.officer_id, "W17");
  EXPECT_EQ(p.photo_refs, (std::vector<std::string>{"img1.jpg", "img2.jpg"}));
  EXPECT_EQ(p.remarks, "blocking the entrance");
}

TEST_F(ParkingCsvTest, TrimsTextFieldsAndAcceptsCategoryTwo) {
  ParkingFile f = Read(std::string(kHeader) + Row({{"finding_id", "  F9 "},
                                                   {"country", " nl"},
                                                   {"street", " Bruul  "},
                                                   {"house_number", ""},
                                                   {"postal_code", " 2800 "},
                                                   {"offence_code", " 1a "},
                                                   {"category", " 2 "},
                                                   {"officer_id", "\tW1 "},
                                                   {"photo_refs", ""},
                                                   {"remarks", "  "}}));
  ASSERT_EQ(f.findings.size(), 1u) << (f.errors.empty() ? "" : f.errors[0].message);
  const ParkingFinding& p = f.findings[0];
  EXPECT_EQ(p.finding_id, "F9");
  EXPECT_EQ(p.country, "NL");
  EXPECT_EQ(p.street, "Bruul");
  EXPECT_EQ(p.house_number, "");
  EXPECT_EQ(p.postal_code, "2800");
  EXPECT_EQ(p.offence_code, "1A");
  EXPECT_EQ(p.category, TrafficCategory::kCategory2);
  EXPECT_EQ(p.officer_id, "W1");
  EXPECT_TRUE(p.photo_refs.empty());
  EXPECT_EQ(p.remarks, "");
}

TEST_F(ParkingCsvTest, SplitsPhotoRefsOnSemicolons) {
  const std::pair<std::string, std::vector<std::string>> cases[] = {
      {"", {}},
      {";", {}},
      {" ; ;; ", {}},
      {"a", {"a"}},
      {" a ; ;b;; ", {"a", "b"}},
      {";x.jpg;y z.jpg;", {"x.jpg", "y z.jpg"}},
      {"p,1.jpg;p,2.jpg", {"p,1.jpg", "p,2.jpg"}},  // quoted in the file (Quote)
  };
  for (const auto& [refs, want] : cases) {
    ParkingFile f = Read(std::string(kHeader) + Row({{"photo_refs", refs}}));
    ASSERT_EQ(f.findings.size(), 1u) << refs;
    EXPECT_EQ(f.findings[0].photo_refs, want) << "photo_refs \"" << refs << "\"";
  }
}

TEST_F(ParkingCsvTest, EveryFieldHasItsErrorMessage) {
  struct Case {
    std::string field;
    std::string value;
    std::string what;
  };
  const Case cases[] = {
      {"finding_id", "", "empty"},
      {"finding_id", "   ", "empty"},
      {"found_at", "",
       "\"\" is not an RFC 3339 instant (too short for an RFC 3339 date-time "
       "(YYYY-MM-DDThh:mm:ssZ))"},
      {"found_at", "2026-02-30T10:00:00Z",
       "\"2026-02-30T10:00:00Z\" is not an RFC 3339 instant (no such day in that month)"},
      {"found_at", "2026-03-14 10:00:00Z",
       "\"2026-03-14 10:00:00Z\" is not an RFC 3339 instant (date and time must be separated by "
       "'T')"},
      {"found_at", "2026-03-14T10:00:00",
       "\"2026-03-14T10:00:00\" is not an RFC 3339 instant (missing time zone offset ('Z' or "
       "+hh:mm))"},
      {"plate", "", "no letter or digit in the plate"},
      {"plate", " - . ", "no letter or digit in the plate"},
      {"country", "", "empty"},
      {"country", "BEL", "\"BEL\" must be two letters (ISO 3166-1 alpha-2)"},
      {"country", "B1", "\"B1\" must be two letters (ISO 3166-1 alpha-2)"},
      {"country", "B", "\"B\" must be two letters (ISO 3166-1 alpha-2)"},
      {"street", "", "empty"},
      {"street", "  ", "empty"},
      {"postal_code", "", "empty"},
      {"postal_code", "280", "must be a Belgian postal code (4 digits, 1000-9999)"},
      {"postal_code", "28000", "must be a Belgian postal code (4 digits, 1000-9999)"},
      {"postal_code", "0800", "must be a Belgian postal code (4 digits, 1000-9999)"},
      {"postal_code", "28a0", "must be a Belgian postal code (4 digits, 1000-9999)"},
      {"offence_code", "", "empty"},
      {"offence_code", "22bis\xC3\xA9", "\"22bis\xC3\xA9\" must be printable ASCII"},
      {"offence_code", "22\tbis", "\"22\tbis\" must be printable ASCII"},
      {"category", "3", "\"3\" must be 1 or 2"},
      {"category", "4",
       "\"4\" must be 1 or 2 (category 4, level crossings, left GAS on 2018-09-01)"},
      {"category", "", "\"\" must be 1 or 2"},
      {"category", "01", "\"01\" must be 1 or 2"},
      {"category", "C3", "\"C3\" must be 1 or 2"},
      {"officer_id", "", "empty"},
      {"officer_id", " ", "empty"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(OnlyError(Row({{c.field, c.value}})), At(2, c.field, c.what))
        << c.field << " = \"" << c.value << "\"";
  }
  // The error's field is the column's name.
  ParkingFile f = Read(std::string(kHeader) + Row({{"category", "3"}}));
  ASSERT_EQ(f.errors.size(), 1u);
  EXPECT_EQ(f.errors[0].field, "category");
  EXPECT_EQ(f.errors[0].line, 2u);
}

TEST_F(ParkingCsvTest, ChecksFieldsInColumnOrderOneErrorPerRow) {
  // Both found_at and category are bad: found_at comes first.
  EXPECT_EQ(OnlyError(Row({{"found_at", "x"}, {"category", "3"}})),
            At(2, "found_at",
               "\"x\" is not an RFC 3339 instant (too short for an RFC 3339 date-time "
               "(YYYY-MM-DDThh:mm:ssZ))"));
}

TEST_F(ParkingCsvTest, MessagesNeverHoldThePlateOrTheAddress) {
  ParkingFile f =
      Read(std::string(kHeader) +
           Row({{"plate", "1-XYZ-987"}, {"street", "Geheimstraat"}, {"category", "7"}}) +
           Row({{"finding_id", "F2"}, {"plate", "2-QQQ-555"}, {"postal_code", "99"}}));
  ASSERT_EQ(f.errors.size(), 2u);
  for (const RowError& e : f.errors) {
    EXPECT_EQ(e.message.find("XYZ"), std::string::npos) << e.message;
    EXPECT_EQ(e.message.find("QQQ"), std::string::npos) << e.message;
    EXPECT_EQ(e.message.find("Geheim"), std::string::npos) << e.message;
    EXPECT_EQ(e.message.find("\"99\""), std::string::npos) << e.message;
  }
  EXPECT_EQ(f.errors[1].message,
            At(3, "postal_code", "must be a Belgian postal code (4 digits, 1000-9999)"));
}

TEST_F(ParkingCsvTest, BadRowShapesAreRowErrors) {
  ParkingFile f = Read(std::string(kHeader) +
                       "F1,2026-03-14T10:00:00Z,1ABC123,BE,Bruul,1,2800,X,1,W1,\n" +  // 11 fields
                       Row({{"finding_id", "F2"}}) +
                       "F3,2026-03-14T10:00:00Z,1ABC123,BE,Bruul,1,2800,X,1,W1,,,extra\n" +
                       "F\"4,2026-03-14T10:00:00Z,1ABC123,BE,Bruul,1,2800,X,1,W1,,\n" +
                       "\"F5\"x,2026-03-14T10:00:00Z,1ABC123,BE,Bruul,1,2800,X,1,W1,,\n" +
                       Row({{"finding_id", "F6"}}));
  EXPECT_EQ(f.rows, 6u);
  ASSERT_EQ(f.findings.size(), 2u);
  EXPECT_EQ(f.findings[0].finding_id, "F2");
  EXPECT_EQ(f.findings[0].line, 3u);
  EXPECT_EQ(f.findings[1].finding_id, "F6");
  EXPECT_EQ(f.findings[1].line, 7u);
  ASSERT_EQ(f.errors.size(), 4u);
  EXPECT_EQ(f.errors[0].message, At(2, "row", "expected 12 fields, found 11"));
  EXPECT_EQ(f.errors[0].field, "row");
  EXPECT_EQ(f.errors[1].message, At(4, "row", "expected 12 fields, found 13"));
  EXPECT_EQ(f.errors[2].message, At(5, "row", "a double quote inside an unquoted field"));
  EXPECT_EQ(f.errors[3].message, At(6, "row", "text after the closing quote of a field"));
}

TEST_F(ParkingCsvTest, LineNumbersCountBreaksInsideQuotedFieldsAndEmptyLines) {
  ParkingFile f = Read(std::string(kHeader) +                                  // line 1
                       Row({{"remarks", "first line\nsecond line\nthird"}}) +  // lines 2-4
                       "\n" +                                                  // line 5: no row
                       Row({{"finding_id", "F2"}, {"category", "3"}}) +        // line 6
                       Row({{"finding_id", "F3"}, {"street", "A\r\nB"}}) +     // lines 7-8
                       "\n\n" +                                                // lines 9-10
                       Row({{"finding_id", "F4"}, {"officer_id", ""}}));       // line 11
  EXPECT_EQ(f.rows, 4u);
  ASSERT_EQ(f.findings.size(), 2u);
  EXPECT_EQ(f.findings[0].line, 2u);
  EXPECT_EQ(f.findings[0].remarks, "first line\nsecond line\nthird");
  EXPECT_EQ(f.findings[1].line, 7u);
  EXPECT_EQ(f.findings[1].finding_id, "F3");
  EXPECT_EQ(f.findings[1].street, "A\r\nB");  // a line break inside quotes is data
  ASSERT_EQ(f.errors.size(), 2u);
  EXPECT_EQ(f.errors[0].message, At(6, "category", "\"3\" must be 1 or 2"));
  EXPECT_EQ(f.errors[1].message, At(11, "officer_id", "empty"));
  EXPECT_EQ(f.errors[1].line, 11u);
}

TEST_F(ParkingCsvTest, ReadsCrlfAndAByteOrderMark) {
  std::string text = "\xEF\xBB\xBF" + std::string(kHeader) + Row() +
                     Row({{"finding_id", "F2"}, {"remarks", "multi\r\nline"}}) +
                     Row({{"finding_id", "F3"}, {"category", "9"}});
  std::string crlf;
  bool in_quotes = false;
  for (char c : text) {  // CRLF line ends outside quotes; the quoted CRLF stays as it is
    if (c == '"') in_quotes = !in_quotes;
    if (c == '\n' && !in_quotes) crlf += '\r';
    crlf += c;
  }
  ParkingFile f = Read(crlf);
  EXPECT_EQ(f.rows, 3u);
  ASSERT_EQ(f.findings.size(), 2u);
  EXPECT_EQ(f.findings[0].finding_id, "F1");  // the header's first column despite the BOM
  EXPECT_EQ(f.findings[0].remarks, "blocking the entrance");  // no CR left at the line end
  EXPECT_EQ(f.findings[1].remarks, "multi\r\nline");
  ASSERT_EQ(f.errors.size(), 1u);
  EXPECT_EQ(f.errors[0].message, At(5, "category", "\"9\" must be 1 or 2"));
}

TEST_F(ParkingCsvTest, ARepeatedFindingIdIsAnErrorOnTheLaterRow) {
  ParkingFile f = Read(std::string(kHeader) + Row({{"finding_id", "F1"}}) +  // 2
                       Row({{"finding_id", "F2"}}) +                         // 3
                       Row({{"finding_id", " F1 "}}) +                       // 4: F1 trimmed
                       Row({{"finding_id", "F3"}, {"category", "3"}}) +      // 5: rejected
                       Row({{"finding_id", "F3"}}) +                         // 6: kept
                       Row({{"finding_id", "f2"}}) +                         // 7: ids are exact
                       Row({{"finding_id", "F2"}}));                         // 8
  EXPECT_EQ(f.rows, 7u);
  std::vector<std::string> kept;
  for (const ParkingFinding& p : f.findings) kept.push_back(p.finding_id);
  EXPECT_EQ(kept, (std::vector<std::string>{"F1", "F2", "F3", "f2"}));
  EXPECT_EQ(f.findings[2].line, 6u);
  ASSERT_EQ(f.errors.size(), 3u);
  EXPECT_EQ(f.errors[0].message,
            At(4, "finding_id", "\"F1\" appears more than once (first on line 2)"));
  EXPECT_EQ(f.errors[0].field, "finding_id");
  EXPECT_EQ(f.errors[1].message, At(5, "category", "\"3\" must be 1 or 2"));
  EXPECT_EQ(f.errors[2].message,
            At(8, "finding_id", "\"F2\" appears more than once (first on line 3)"));
}

TEST_F(ParkingCsvTest, ColumnsByNameInAnyOrderExtraColumnsIgnored) {
  ParkingFile f = Read(
      "remarks,extra,photo_refs,officer_id,category,offence_code,postal_code,house_number,street,"
      "country,plate,found_at,finding_id\n"
      "r,ignored,a;b,W1,2,X1,9000,3,Veldstraat,BE,1ABC123,2026-03-14T10:00:00Z,F1\n");
  ASSERT_EQ(f.findings.size(), 1u) << (f.errors.empty() ? "" : f.errors[0].message);
  EXPECT_EQ(f.findings[0].finding_id, "F1");
  EXPECT_EQ(f.findings[0].street, "Veldstraat");
  EXPECT_EQ(f.findings[0].postal_code, "9000");
  EXPECT_EQ(f.findings[0].category, TrafficCategory::kCategory2);
  EXPECT_EQ(f.findings[0].remarks, "r");
  EXPECT_EQ(f.findings[0].photo_refs, (std::vector<std::string>{"a", "b"}));
}

TEST_F(ParkingCsvTest, AMissingColumnRefusesTheFile) {
  for (std::string_view missing : kParkingColumns) {
    std::string header;
    for (std::string_view c : kParkingColumns) {
      if (c == missing) continue;
      if (!header.empty()) header += ',';
      header += c;
    }
    auto r = ReadParkingCsv(Write(header + "\n"));
    ASSERT_FALSE(r.ok()) << missing;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(r.status().message(), At(1, std::string(missing), "column missing from the header"));
  }
  auto r = ReadParkingCsv(Write(std::string(kHeader).insert(0, "plate,")));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), At(1, "plate", "column appears twice in the header"));
}

TEST_F(ParkingCsvTest, AnEmptyFileIsRefusedAHeaderAloneIsNoRows) {
  for (const char* empty : {"", "\xEF\xBB\xBF", "\n\r\n\n"}) {
    auto r = ReadParkingCsv(Write(empty));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(r.status().message(),
              path_ + ": line 1: the file is empty (a header row is required)");
  }
  ParkingFile f = Read(std::string(kHeader) + "\n\n");
  EXPECT_EQ(f.rows, 0u);
  EXPECT_TRUE(f.findings.empty());
  EXPECT_TRUE(f.errors.empty());
}

TEST_F(ParkingCsvTest, AFileThatCannotBeOpenedIsUnavailable) {
  const std::string missing = dir_.File("nope.csv");
  auto r = ReadParkingCsv(missing);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(r.status().message(), missing + ": cannot open: No such file or directory");
  r = ReadParkingCsv(dir_.path().string());  // a folder
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace hh
