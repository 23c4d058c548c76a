#include "bank/statement_file.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace hh {
namespace {

namespace fs = std::filesystem;

const std::string kFixtures = std::string(HH_SOURCE_DIR) + "/../shared/fixtures/";
const std::string kTestdata = std::string(HH_SOURCE_DIR) + "/src/bank/testdata/";
constexpr const char* kNotAStatement =
    ": not a bank statement (CODA, camt.053, camt.054 or a zip of them)";

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

#define SKIP_WITHOUT_FIXTURES()                                                \
  if (!fs::is_directory(std::string(HH_SOURCE_DIR) + "/../shared/fixtures")) { \
    GTEST_SKIP() << "../shared/fixtures is absent";                            \
  }

// A folder of its own under the system temp folder, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = fs::temp_directory_path() /
            ("hh_statement_file_" + std::to_string(::getpid()) + "_" + info->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

// Writes a zip with libzip: each member (name, content) in the order given; a name ending in
// '/' is a folder. Returns false (with a test failure) when libzip refuses.
bool WriteZip(const std::string& path,
              const std::vector<std::pair<std::string, std::string>>& members) {
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (z == nullptr) {
    ADD_FAILURE() << "zip_open " << path << ": " << error;
    return false;
  }
  for (const auto& [name, content] : members) {
    if (name.back() == '/') {
      if (zip_dir_add(z, name.c_str(), ZIP_FL_ENC_UTF_8) < 0) {
        ADD_FAILURE() << zip_strerror(z);
        zip_discard(z);
        return false;
      }
      continue;
    }
    // The content strings outlive zip_close, so libzip may read them then (freep = 0).
    zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
    if (src == nullptr || zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8) < 0) {
      ADD_FAILURE() << zip_strerror(z);
      zip_source_free(src);
      zip_discard(z);
      return false;
    }
  }
  if (zip_close(z) != 0) {
    ADD_FAILURE() << zip_strerror(z);
    zip_discard(z);
    return false;
  }
  return true;
}

TEST(StatementFile, DetectsCamt) {
  auto r = ReadStatementBytes(Slurp(kTestdata + "camt053_belgian.xml"), "a.xml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].format, "camt.053");
  EXPECT_EQ((*r)[0].transactions.size(), 6u);
  r = ReadStatementFile(kTestdata + "camt054_belgian.xml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ((*r)[0].format, "camt.054");
}

TEST(StatementFile, DetectsCoda) {
  SKIP_WITHOUT_FIXTURES();
  auto r = ReadStatementFile(kFixtures + "coda/odoo_2013.txt");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].format, "coda");
  EXPECT_EQ((*r)[0].account, "BE33737018595246");
}

TEST(StatementFile, RefusesWhatIsNoStatement) {
  for (std::string content :
       {std::string("hello, this is a letter\n"), std::string(),
        std::string("<?xml version=\"1.0\"?><html><body/></html>"), std::string("%PDF-1.7\n")}) {
    auto r = ReadStatementBytes(content, "notes.txt");
    ASSERT_FALSE(r.ok()) << content;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(r.status().message(), std::string("notes.txt") + kNotAStatement);
  }
}

TEST(StatementFile, MalformedXmlNamesFileAndLine) {
  // </Stmt> closes <Id>: pugixml points at its name, byte 34 + 7 (line 4 starts at byte 34).
  auto r = ReadStatementBytes("<Document>\n<BkToCstmrStmt>\n<Stmt>\n<Id>1</Stmt>\n", "cut.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(),
            "cut.xml: line 4, column 8 (byte offset 41): malformed XML: Start-end tags mismatch");
}

TEST(StatementFile, MissingFileIsUnavailable) {
  TempDir dir;
  auto r = ReadStatementFile(dir.File("absent.xml"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
  EXPECT_TRUE(r.status().message().starts_with(dir.File("absent.xml") + ": cannot be opened"))
      << r.status().message();
  r = ReadStatementFile(dir.File(""));
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(r.status().message(), dir.File("") + ": is a folder, not a file");
}

TEST(StatementFile, ZipEntriesInNameOrder) {
  TempDir dir;
  std::string camt053 = Slurp(kTestdata + "camt053_belgian.xml");
  std::string camt054 = Slurp(kTestdata + "camt054_belgian.xml");
  std::string zip = dir.File("statements.zip");
  // Added out of order, with a folder and a macOS resource fork that must be skipped.
  ASSERT_TRUE(WriteZip(zip, {{"march/", ""},
                             {"march/z_notification.xml", camt054},
                             {"__MACOSX/march/._a_statement.xml", "\x00\x05\x16\x07 junk"},
                             {"march/a_statement.xml", camt053}}));
  auto r = ReadStatementFile(zip);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].format, "camt.053");
  EXPECT_EQ((*r)[0].number, "2024-031");
  EXPECT_EQ((*r)[0].transactions.size(), 6u);
  EXPECT_EQ((*r)[1].format, "camt.054");
  EXPECT_EQ((*r)[1].number, "NTF-77");
  EXPECT_EQ((*r)[1].transactions.size(), 3u);

  // The same bytes from memory; and inside another zip.
  std::string bytes = Slurp(zip);
  r = ReadStatementBytes(bytes, "statements.zip");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->size(), 2u);
  std::string outer = dir.File("outer.zip");
  ASSERT_TRUE(WriteZip(outer, {{"inner.zip", bytes}, {"b.xml", camt054}}));
  r = ReadStatementFile(outer);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].number, "NTF-77");  // b.xml sorts before inner.zip
  EXPECT_EQ((*r)[1].number, "2024-031");
  EXPECT_EQ((*r)[2].number, "NTF-77");
}

TEST(StatementFile, ZipErrorsNameTheEntry) {
  TempDir dir;
  std::string camt053 = Slurp(kTestdata + "camt053_belgian.xml");
  std::string zip = dir.File("bad.zip");
  ASSERT_TRUE(WriteZip(zip, {{"a.xml", camt053}, {"readme.txt", "see the bank's site"}}));
  auto r = ReadStatementBytes(Slurp(zip), "archive.zip");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), std::string("archive.zip: readme.txt") + kNotAStatement);

  // Nested: both archive names, then the entry, then the reader's own message.
  std::string inner = Slurp(zip);
  ASSERT_TRUE(WriteZip(zip, {{"inner.zip", inner}}));
  r = ReadStatementBytes(Slurp(zip), "outer.zip");
  EXPECT_EQ(r.status().message(), std::string("outer.zip: inner.zip: readme.txt") + kNotAStatement);

  std::string broken = camt053.substr(0, camt053.find("</Stmt>"));
  ASSERT_TRUE(WriteZip(zip, {{"cut.xml", broken}}));
  r = ReadStatementBytes(Slurp(zip), "archive.zip");
  EXPECT_TRUE(r.status().message().starts_with("archive.zip: cut.xml: line "))
      << r.status().message();
  EXPECT_NE(r.status().message().find("malformed XML"), std::string::npos);

  ASSERT_TRUE(WriteZip(zip, {{"empty/", ""}}));
  r = ReadStatementBytes(Slurp(zip), "archive.zip");
  EXPECT_EQ(r.status().message(), "archive.zip: the zip archive holds no file");

  r = ReadStatementBytes(std::string("PK\x03\x04garbage", 11), "fake.zip");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(r.status().message().starts_with("fake.zip: not a readable zip archive ("))
      << r.status().message();
}

// Two camt.053.001.02 statements (1234Test/2 and /3), each: -754.25, a DBIT reversal entry of
// 594.05 whose single detail says 564.05 (the detail's amount counts, with a warning), and
// +1405.31; balances 15568.27 -> 15121.12, so 15568.27 + 87.01 = 15655.28 misses by -534.16.
TEST(StatementFile, OcaTwoStatementsZip) {
  SKIP_WITHOUT_FIXTURES();
  auto r = ReadStatementFile(kFixtures + "camt/oca_camt053_two_statements.zip");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 2u);
  const char* numbers[] = {"1234Test/2", "1234Test/3"};
  const char* dates[] = {"2014-02-05", "2014-03-05"};
  for (size_t i = 0; i < 2; ++i) {
    const BankStatement& st = (*r)[i];
    SCOPED_TRACE(numbers[i]);
    EXPECT_EQ(st.format, "camt.053");
    EXPECT_EQ(st.number, numbers[i]);
    EXPECT_EQ(st.account, "NL77ABNA0574908765");
    EXPECT_EQ(st.opening_balance->ToDecimalString(), "15568.27");
    EXPECT_EQ(st.closing_balance->ToDecimalString(), "15121.12");
    ASSERT_EQ(st.transactions.size(), 3u);
    EXPECT_EQ(st.transactions[0].amount.ToDecimalString(), "-754.25");
    EXPECT_EQ(st.transactions[1].amount.ToDecimalString(), "-564.05");
    EXPECT_EQ(st.transactions[2].amount.ToDecimalString(), "1405.31");
    EXPECT_EQ(st.transactions[2].booking_date.ToIsoString(), dates[i]);
    ASSERT_EQ(st.warnings.size(), 2u);
    EXPECT_EQ(st.warnings[0],
              "line 113: the transaction details add up to -564.05, the entry amount is -594.05");
    EXPECT_EQ(st.warnings[1],
              "opening balance 15568.27 + booked movements 87.01 = 15655.28, but the closing "
              "balance is 15121.12 (a difference of -534.16)");
  }
}

TEST(StatementFile, JsonHasTheDocumentedShape) {
  BankStatement st;
  st.format = "camt.053";
  st.account = "BE71096123456769";
  st.currency = "EUR";
  st.number = "2024-031";
  st.opening_balance = Money::FromCents(304445);
  st.closing_balance = Money::FromCents(-75425);
  LocalDate d;
  ASSERT_TRUE(LocalDate::FromYmd(2024, 3, 15, &d));
  st.opening_date = d;
  BankTransaction full;
  full.amount = Money::FromCents(-75425);
  full.booking_date = d;
  full.value_date = d.AddDays(1);
  full.bank_reference = "REF-1";
  full.ogm = *StructuredReference::FromDigits("090933755493");
  full.communication = "boete \"GAS\"";
  full.counterparty_name = "Payer";
  full.counterparty_account = "BE68539007547034";
  BankTransaction bare;
  bare.amount = Money::FromCents(5800);
  bare.booking_date = d;
  st.transactions = {full, bare};
  st.warnings = {"one warning"};
  BankStatement empty;
  empty.format = "coda";
  empty.account = "BE33737018595246";
  EXPECT_EQ(StatementsJson({st, empty}), R"({
  "statements": [
    {
      "format": "camt.053",
      "account": "BE71096123456769",
      "currency": "EUR",
      "number": "2024-031",
      "opening_balance": "3044.45",
      "closing_balance": "-754.25",
      "opening_date": "2024-03-15",
      "closing_date": null,
      "transactions": [
        {
          "amount": "-754.25",
          "booking_date": "2024-03-15",
          "value_date": "2024-03-16",
          "bank_reference": "REF-1",
          "ogm": "090933755493",
          "communication": "boete \"GAS\"",
          "counterparty_name": "Payer",
          "counterparty_account": "BE68539007547034"
        },
        {
          "amount": "58.00",
          "booking_date": "2024-03-15",
          "value_date": null,
          "bank_reference": null,
          "ogm": null,
          "communication": null,
          "counterparty_name": null,
          "counterparty_account": null
        }
      ],
      "warnings": [
        "one warning"
      ]
    },
    {
      "format": "coda",
      "account": "BE33737018595246",
      "currency": null,
      "number": null,
      "opening_balance": null,
      "closing_balance": null,
      "opening_date": null,
      "closing_date": null,
      "transactions": [],
      "warnings": []
    }
  ]
}
)");
  EXPECT_EQ(StatementsJson({}), "{\n  \"statements\": []\n}\n");
}

TEST(StatementFile, JsonReplacesInvalidUtf8) {
  BankStatement st;
  st.format = "coda";
  st.account = "BE1";
  BankTransaction t;
  t.counterparty_name = "Caf\xE9";  // Latin-1, as old CODA files have it
  st.transactions = {t};
  nlohmann::json j = nlohmann::json::parse(StatementsJson({st}));
  EXPECT_EQ(j["statements"][0]["transactions"][0]["counterparty_name"], "Caf\xEF\xBF\xBD");
}

TEST(StatementFile, JsonOfTheBelgianStatement) {
  auto r = ReadStatementFile(kTestdata + "camt053_belgian.xml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  nlohmann::json j = nlohmann::json::parse(StatementsJson(*r));
  const nlohmann::json& st = j["statements"][0];
  EXPECT_EQ(st["opening_balance"], "1000.00");
  EXPECT_EQ(st["closing_balance"], "1161.50");
  EXPECT_EQ(st["closing_date"], "2024-03-15");
  ASSERT_EQ(st["transactions"].size(), 6u);
  EXPECT_EQ(st["transactions"][0]["ogm"], "123456789002");
  EXPECT_EQ(st["transactions"][4]["amount"], "-58.00");
  EXPECT_EQ(st["transactions"][3]["value_date"], nullptr);
  EXPECT_EQ(st["transactions"][5]["ogm"], nullptr);
  EXPECT_TRUE(st["warnings"].empty());
}

}  // namespace
}  // namespace hh
