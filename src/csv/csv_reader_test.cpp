#include "csv/csv_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

namespace hh {
namespace {

struct Row {
  std::vector<std::string> fields;
  uint64_t line;
  bool error;
  bool operator==(const Row&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Row& r) {
  os << "line " << r.line << (r.error ? " (error)" : "") << ":";
  for (const auto& f : r.fields) os << " [" << f << "]";
  return os;
}

std::vector<Row> ReadAll(CsvReader& reader) {
  std::vector<Row> rows;
  CsvRecord rec;
  while (reader.Next(&rec)) {
    Row r{{}, rec.line, rec.error != nullptr};
    for (auto f : rec.fields) r.fields.emplace_back(f);
    rows.push_back(std::move(r));
  }
  return rows;
}

std::vector<Row> Parse(std::string text) {
  auto reader = CsvReader::FromString(std::move(text));
  return ReadAll(*reader);
}

std::string TempFile(const std::string& content) {
  static int n = 0;
  std::string path = (std::filesystem::temp_directory_path() /
                      ("hh_csv_" + std::to_string(::getpid()) + "_" + std::to_string(n++)))
                         .string();
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST(CsvReader, PlainRecordsWithLineNumbers) {
  EXPECT_EQ(Parse("a,b,c\n1,2,3\n"),
            (std::vector<Row>{{{"a", "b", "c"}, 1, false}, {{"1", "2", "3"}, 2, false}}));
  // No final line break; empty fields.
  EXPECT_EQ(Parse("a,,\n,b,"),
            (std::vector<Row>{{{"a", "", ""}, 1, false}, {{"", "b", ""}, 2, false}}));
}

// What Belgian Excel saves: ';' between fields, so a decimal comma is plain text; quoted fields
// may hold ';'. Both the fast path (no quotes) and the general one take the separator.
TEST(CsvReader, SemicolonSeparatedAsBelgianExcelSavesIt) {
  auto reader = CsvReader::FromString(
      "datum;bedrag;omschrijving\n15/03/2021;1234,56;Pennen, etiketten\n"
      "16/03/2021;\"7,50\";\"a;b\"\n",
      ';');
  EXPECT_EQ(ReadAll(*reader),
            (std::vector<Row>{{{"datum", "bedrag", "omschrijving"}, 1, false},
                              {{"15/03/2021", "1234,56", "Pennen, etiketten"}, 2, false},
                              {{"16/03/2021", "7,50", "a;b"}, 3, false}}));
  // A long record, past the 16-byte chunks of the fast path.
  std::string long_line = "x";
  for (int i = 0; i < 40; ++i) long_line += ";" + std::to_string(i) + ",5";
  reader = CsvReader::FromString(long_line + "\n", ';');
  auto rows = ReadAll(*reader);
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(rows[0].fields.size(), 41u);
  EXPECT_EQ(rows[0].fields[40], "39,5");
  // The default separator is still the comma.
  EXPECT_EQ(Parse("a;b,c\n"), (std::vector<Row>{{{"a;b", "c"}, 1, false}}));
}

TEST(CsvReader, QuotedFieldsWithCommasQuotesAndLineBreaks) {
  auto rows = Parse("h\n\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext,row\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1], (Row{{"a,b", "say \"hi\"", "two\nlines"}, 2, false}));
  EXPECT_EQ(rows[2], (Row{{"next", "row"}, 4, false}));  // the quoted line break moved it to line 4
  EXPECT_EQ(Parse("\"\"\n"), (std::vector<Row>{{{""}, 1, false}}));
  EXPECT_EQ(Parse("\"\"\"\"\n"), (std::vector<Row>{{{"\""}, 1, false}}));
}

TEST(CsvReader, CrLfBomAndEmptyLines) {
  auto rows = Parse("\xEF\xBB\xBFh1,h2\r\na,\"b\r\nc\"\r\n\r\n\nx,y\r\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (Row{{"h1", "h2"}, 1, false}));
  EXPECT_EQ(rows[1], (Row{{"a", "b\r\nc"}, 2, false}));
  EXPECT_EQ(rows[2], (Row{{"x", "y"}, 6, false}));  // lines 4 and 5 were empty
  // A BOM only counts at the very start.
  EXPECT_EQ(Parse("a\n\xEF\xBB\xBF"
                  "b\n")[1]
                .fields[0],
            "\xEF\xBB\xBF"
            "b");
}

TEST(CsvReader, MalformedQuotingFlagsTheRecordAndGoesOn) {
  auto rows = Parse("a,b\"c\n\"x\"y,z\nok,1\n\"never closed\nstill,in\n");
  EXPECT_TRUE(rows[0].error);
  EXPECT_EQ(rows[0].fields, (std::vector<std::string>{"a", "b\"c"}));
  EXPECT_TRUE(rows[1].error);
  EXPECT_EQ(rows[1].fields.size(), 2u);
  EXPECT_EQ(rows[2], (Row{{"ok", "1"}, 3, false}));
  EXPECT_TRUE(rows[3].error);
  EXPECT_EQ(rows[3].line, 4u);
  // The never-closed quote takes only its own line: the next line is a record again.
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[3].fields, (std::vector<std::string>{"never closed"}));
  EXPECT_EQ(rows[4], (Row{{"still", "in"}, 5, false}));
}

TEST(CsvReader, StrayQuoteInALargeFileLosesOnlyItsLine) {
  // The quote is never closed and more than 8 MiB follow (so the reader gives up on it before
  // the end of the file): only line 2 is bad.
  std::string text = "h1,h2\n\"stray,x\n";
  for (int i = 0; i < 400000; ++i) text += "row" + std::to_string(i) + ",value-of-some-length\n";
  std::string path = TempFile(text);
  auto reader = CsvReader::OpenFile(path);
  ASSERT_TRUE(reader.ok());
  auto rows = ReadAll(**reader);
  ASSERT_EQ(rows.size(), 400002u);
  EXPECT_TRUE(rows[1].error);
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_EQ(rows[2], (Row{{"row0", "value-of-some-length"}, 3, false}));
  EXPECT_EQ(rows.back().line, 400002u);
  std::remove(path.c_str());
}

TEST(CsvReader, WritesFieldsQuotedOnlyWhenNeeded) {
  std::string out;
  for (std::string_view f : {"plain", "a,b", "say \"hi\"", "two\nlines", "cr\r", ""}) {
    AppendCsvField(out, f);
    out += '|';
  }
  EXPECT_EQ(out, "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|\"cr\r\"||");
}

TEST(CsvReader, RoundTripsRandomFieldsThroughSmallAndLargeRecords) {
  // Records far larger than the 1 MiB buffer and many small ones, read back from a file.
  std::mt19937 rng(42);
  const std::string alphabet = "ab,\"\n\r xyz";
  std::vector<std::vector<std::string>> want;
  std::string text;
  for (int r = 0; r < 2000; ++r) {
    std::vector<std::string> rec;
    int nf = 1 + static_cast<int>(rng() % 5);
    for (int f = 0; f < nf; ++f) {
      size_t len = (r == 1000 && f == 0) ? (3u << 20) : rng() % 12;
      std::string s;
      for (size_t i = 0; i < len; ++i) s += alphabet[rng() % alphabet.size()];
      rec.push_back(s);
    }
    if (rec.size() == 1 && rec[0].empty()) rec[0] = "z";  // an empty line is no record
    std::string line;
    for (size_t f = 0; f < rec.size(); ++f) {
      if (f) line += ',';
      AppendCsvField(line, rec[f]);  // quotes a field with CR, so no CR is taken as a line end
    }
    text += line + (r % 3 ? "\n" : "\r\n");
    want.push_back(rec);
  }
  std::string path = TempFile(text);
  auto reader = CsvReader::OpenFile(path);
  ASSERT_TRUE(reader.ok());
  auto rows = ReadAll(**reader);
  ASSERT_EQ(rows.size(), want.size());
  uint64_t line = 1;
  for (size_t i = 0; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].fields, want[i]) << "record " << i;
    ASSERT_EQ(rows[i].line, line) << "record " << i;
    for (const auto& f : want[i])
      line += static_cast<uint64_t>(std::count(f.begin(), f.end(), '\n'));
    ++line;
  }
  std::remove(path.c_str());
}

TEST(CsvReader, RangeStopsAtTheFirstRecordStartingAtTheLimit) {
  std::string path = TempFile("h\nr1\nr2\nr3\n");
  // Bytes: "h\n" 0-1, "r1\n" 2-4, "r2\n" 5-7, "r3\n" 8-10.
  auto reader = CsvReader::OpenFileRange(path, 2, 6, 0);
  ASSERT_TRUE(reader.ok());
  auto rows = ReadAll(**reader);
  ASSERT_EQ(rows.size(), 2u);  // r1 and r2 (r2 starts at 5 < 6)
  EXPECT_EQ(rows[1].fields[0], "r2");
  EXPECT_EQ(rows[1].line, 1u);
  EXPECT_EQ((*reader)->next_offset(), 8u);
  EXPECT_EQ((*reader)->next_line(), 2u);
  std::remove(path.c_str());
}

TEST(CsvReader, MissingFileIsNotFound) {
  auto reader = CsvReader::OpenFile("/nonexistent/hh.csv");
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), StatusCode::kNotFound);
  EXPECT_NE(reader.status().message().find("/nonexistent/hh.csv"), std::string::npos);
}

TEST(CsvReader, LocateColumnsNamesTheMissingOne) {
  auto reader = CsvReader::FromString("b,a\n");
  CsvRecord header;
  ASSERT_TRUE(reader->Next(&header));
  auto cols = LocateColumns(header, {"a", "b"});
  ASSERT_TRUE(cols.ok());
  EXPECT_EQ(*cols, (std::vector<int>{1, 0}));
  auto missing = LocateColumns(header, {"a", "c"});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("field c"), std::string::npos);
  EXPECT_NE(missing.status().message().find("line 1"), std::string::npos);
}

}  // namespace
}  // namespace hh

namespace hh {
namespace {

// The `;` exports for Belgian Excel quote on ';' and leave a comma alone; ',' files the reverse.
TEST(CsvField, QuotesOnItsOwnSeparator) {
  EXPECT_EQ(CsvField("Jansen; Zonen", ';'), "\"Jansen; Zonen\"");
  EXPECT_EQ(CsvField("Jansen, Zonen", ';'), "Jansen, Zonen");
  EXPECT_EQ(CsvField("Jansen, Zonen"), "\"Jansen, Zonen\"");
  EXPECT_EQ(CsvField("Jansen; Zonen"), "Jansen; Zonen");
  EXPECT_EQ(CsvField("zegt \"hallo\"", ';'), "\"zegt \"\"hallo\"\"\"");
  EXPECT_EQ(CsvField("twee\nregels", ';'), "\"twee\nregels\"");
}

}  // namespace
}  // namespace hh
