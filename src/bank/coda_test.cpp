// CODA reader: the real files in ../shared/fixtures/coda (values from fixtures/README.md and
// from the records themselves, sliced by hand at the positions of CODA 2.6 annex I) and the
// hand-made files in src/bank/testdata. Expected values never come from running the reader.
#include "bank/coda.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace hh {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::optional<std::string> ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::optional<std::string> Fixture(const std::string& name) {
  return ReadAll(std::string(HH_SOURCE_DIR) + "/../shared/fixtures/coda/" + name);
}

std::string TestData(const std::string& name) {
  auto bytes = ReadAll(std::string(HH_SOURCE_DIR) + "/src/bank/testdata/" + name);
  EXPECT_TRUE(bytes.has_value()) << name;
  return bytes.value_or("");
}

#define FIXTURE_OR_SKIP(var, name)                                 \
  auto var##_file = Fixture(name);                                 \
  if (!var##_file) GTEST_SKIP() << "../shared/fixtures is absent"; \
  const std::string& var = *var##_file

// The records of a file, without line ends and without trailing empty lines.
std::vector<std::string> Lines(const std::string& bytes) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(bytes);
  while (std::getline(in, cur)) {
    if (!cur.empty() && cur.back() == '\r') cur.pop_back();
    out.push_back(cur);
  }
  while (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

std::string Join(const std::vector<std::string>& lines, const std::string& eol = "\r\n") {
  std::string out;
  for (const std::string& l : lines) out += l + eol;
  return out;
}

// Overwrites record positions from `pos` (1-based, as the Febelfin tables count).
void Put(std::string& rec, size_t pos, const std::string& text) {
  rec.replace(pos - 1, text.size(), text);
}

std::string Iso(const std::optional<LocalDate>& d) { return d ? d->ToIsoString() : "none"; }

std::string OgmOf(const BankTransaction& t) { return t.ogm ? t.ogm->digits() : "none"; }

std::vector<BankStatement> ReadOk(const std::string& bytes, const std::string& file) {
  auto r = ReadCoda(bytes, file);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : std::vector<BankStatement>{};
}

std::string ReadError(const std::string& bytes, const std::string& file) {
  auto r = ReadCoda(bytes, file);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  return r.status().message();
}

int64_t Sum(const BankStatement& st, int sign) {
  int64_t cents = 0;
  for (const BankTransaction& t : st.transactions) {
    if ((t.amount.cents() > 0 && sign > 0) || (t.amount.cents() < 0 && sign < 0)) {
      cents += t.amount.cents();
    }
  }
  return cents;
}

std::vector<int64_t> Amounts(const BankStatement& st) {
  std::vector<int64_t> out;
  for (const BankTransaction& t : st.transactions) out.push_back(t.amount.cents());
  return out;
}

// ---- Real files (fixtures/README.md) ----

TEST(CodaFixtures, Odoo2013) {
  FIXTURE_OR_SKIP(bytes, "odoo_2013.txt");
  std::vector<std::string> lines = Lines(bytes);
  ASSERT_EQ(lines.size(), 24u);
  for (const std::string& l : lines) EXPECT_EQ(l.size(), 128u);
  EXPECT_NE(bytes.find("\r\n"), std::string::npos);

  auto sts = ReadOk(bytes, "odoo_2013.txt");
  ASSERT_EQ(sts.size(), 1u);
  const BankStatement& st = sts[0];
  EXPECT_EQ(st.format, "coda");
  EXPECT_EQ(st.number, "135");
  EXPECT_EQ(st.account, "BE33737018595246");
  EXPECT_EQ(st.currency, "EUR");
  EXPECT_EQ(st.opening_balance->cents(), 1'181'270);
  EXPECT_EQ(st.closing_balance->cents(), 1'352'781);
  EXPECT_EQ(Iso(st.opening_date), "2010-07-27");
  EXPECT_EQ(Iso(st.closing_date), "2011-01-11");
  // Movements 0003 and 0004 are globalised (code 1 on detail 0000 and on the last detail):
  // their details 0001/0002 replace the totals of -479.04, never both.
  EXPECT_THAT(Amounts(st), ElementsAre(-43'500, 304'445, -41'992, -5'912, -41'992, -5'912, 6'374));
  // Trailer: debit 1,393.08 and credit 3,108.19 (detail number 0000 only), 22 records: no
  // trailer warning. The anonymised file names another account in its record 8.
  EXPECT_EQ(Sum(st, -1), -139'308);
  EXPECT_EQ(Sum(st, +1), 310'819);
  EXPECT_THAT(st.warnings, ElementsAre("line 23: the new balance record names another account "
                                       "than the old balance record (line 2)"));

  const BankTransaction& first = st.transactions[0];
  EXPECT_EQ(first.bank_reference, "OL44483FW SCTOFBIONLO");
  EXPECT_EQ(first.communication, "MEDEDELING");
  EXPECT_EQ(OgmOf(first), "none");
  EXPECT_EQ(first.counterparty_account, "BE41063012345610");
  EXPECT_EQ(first.counterparty_name, "PARTNER 1");
  EXPECT_EQ(first.booking_date.ToIsoString(), "2011-01-11");
  EXPECT_EQ(Iso(first.value_date), "2011-01-11");

  // Structured communication type 101: 240283842818 = +++240/2838/42818+++ (valid mod 97).
  const BankTransaction& ogm = st.transactions[1];
  EXPECT_EQ(OgmOf(ogm), "240283842818");
  EXPECT_EQ(ogm.ogm->Printed(), "+++240/2838/42818+++");
  EXPECT_EQ(ogm.communication, "240283842818");
  EXPECT_EQ(ogm.counterparty_account, "BE61310126985517");
  EXPECT_EQ(ogm.counterparty_name, "PARTNER 2");

  EXPECT_EQ(st.transactions[2].bank_reference, "AFECA0CVA IKLINNINNIG");
  EXPECT_EQ(st.transactions[2].communication, "");
  const BankTransaction& last = st.transactions[6];
  EXPECT_EQ(last.communication, "TERUGGAVE 37232481 8400083296 .");
  EXPECT_EQ(last.counterparty_account, "BE43730004200601");
  EXPECT_EQ(last.counterparty_name, "KBC VERZEKERINGEN NV");
  // Records 3.1/3.2 carry a counterparty address: information records reach nothing.
  for (const BankTransaction& t : st.transactions) {
    EXPECT_EQ(t.communication.find("MOLENSTRAAT"), std::string::npos);
    EXPECT_EQ(t.communication.find("LEUVEN"), std::string::npos);
  }
}

// The trailer values the README names are what the reader computes: a trailer that differs
// shows both numbers.
TEST(CodaFixtures, Odoo2013TrailerIsChecked) {
  FIXTURE_OR_SKIP(bytes, "odoo_2013.txt");
  std::vector<std::string> lines = Lines(bytes);
  Put(lines[23], 17, "000023");
  Put(lines[23], 23, "000000001393090");
  Put(lines[23], 38, "000000003108180");
  auto sts = ReadOk(Join(lines), "odoo_2013.txt");
  ASSERT_EQ(sts.size(), 1u);
  EXPECT_THAT(
      sts[0].warnings,
      ElementsAre(
          "line 23: the new balance record names another account than the old balance record "
          "(line 2)",
          "line 24: the trailer counts 23 records, the statement has 22 (records 1, 2.x, 3.x "
          "and 8)",
          "line 24: the trailer's debit total is 1393.09, the debit movements (detail number "
          "0000) add up to 1393.08",
          "line 24: the trailer's credit total is 3108.18, the credit movements (detail number "
          "0000) add up to 3108.19"));
}

TEST(CodaFixtures, PycodaSingleStatement) {
  FIXTURE_OR_SKIP(bytes, "pycoda_single_statement.txt");
  ASSERT_EQ(Lines(bytes).size(), 93u);
  auto sts = ReadOk(bytes, "pycoda_single_statement.txt");
  ASSERT_EQ(sts.size(), 1u);
  const BankStatement& st = sts[0];
  EXPECT_EQ(st.account, "BE86407051416150");
  EXPECT_EQ(st.currency, "EUR");
  EXPECT_EQ(st.number, "042");
  EXPECT_EQ(st.opening_balance->cents(), 0);
  EXPECT_EQ(Iso(st.opening_date), "2009-03-04");
  EXPECT_EQ(st.closing_balance->cents(), 0);
  EXPECT_EQ(Iso(st.closing_date), "2009-03-05");
  // Trailer 91 records, debit and credit 64,703.01; old + movements = new: no warning.
  EXPECT_THAT(st.warnings, ElementsAre());
  EXPECT_EQ(Sum(st, +1), 6'470'301);
  EXPECT_EQ(Sum(st, -1), -6'470'301);
  // 32 movement records: 15 single ones, 0016 (total + 1 detail) and 0017 (total + 14
  // details). The two totals give way to their details: 30 transactions.
  ASSERT_EQ(st.transactions.size(), 30u);
  int centralisation_details = 0;
  int64_t centralisation_sum = 0;
  for (const BankTransaction& t : st.transactions) {
    EXPECT_NE(t.bank_reference, "TPIA01169XBHKDSODSTOC");  // total of 0016
    EXPECT_NE(t.bank_reference, "TPIA01170YBHKDSODSTOC");  // total of 0017
    if (t.communication == "OVERBOEKING NAAR CENTRALE REKENING") {
      ++centralisation_details;
      centralisation_sum += t.amount.cents();
      EXPECT_EQ(t.counterparty_account, "BE38733040385372");
      EXPECT_EQ(t.counterparty_name, "");
    }
    EXPECT_EQ(t.communication.find("RUE ROYALE"), std::string::npos);  // a record 3.2
  }
  EXPECT_EQ(centralisation_details, 14);
  EXPECT_EQ(centralisation_sum, -260'800);
  EXPECT_EQ(st.transactions[15].bank_reference, "SWJVZ0BOYXBNKNIANIVIN");  // detail 0016/0001
  EXPECT_EQ(st.transactions[15].amount.cents(), 6'209'501);
  EXPECT_EQ(st.transactions[15].communication, "AANZUIVERING VANUIT CENTRALE REK.");

  // First movement: 20.00 credit, structured communication of type 114 (card payment): its
  // twelve digits fail the mod-97 check and are no OGM in any case.
  const BankTransaction& first = st.transactions[0];
  EXPECT_EQ(first.amount.cents(), 2'000);
  EXPECT_EQ(first.bank_reference, "SWJVZ0BN6 BKTBBNPOSKZ");
  EXPECT_EQ(first.booking_date.ToIsoString(), "2009-03-05");
  EXPECT_EQ(Iso(first.value_date), "2009-03-05");
  EXPECT_EQ(OgmOf(first), "none");
  EXPECT_FALSE(StructuredReference::FromDigits("931384384900").ok());
  EXPECT_EQ(first.communication, "931384384900569504030912048LANGERBRUGGE GENT 2905172259460041");
  EXPECT_EQ(first.counterparty_account, "");
  // Movement 0010: a 2.3 with a blank account and a name.
  EXPECT_EQ(st.transactions[9].amount.cents(), -6'209'501);
  EXPECT_EQ(st.transactions[9].counterparty_account, "");
  EXPECT_EQ(st.transactions[9].counterparty_name, "AMERICAN EXPRESS");
  // Movement 0011: a 12-digit Belgian account number; 2.2 continues the 2.1 text mid-word.
  EXPECT_EQ(st.transactions[10].counterparty_account, "310180203454");
  EXPECT_EQ(st.transactions[10].communication.rfind("ONG. SG 20-4203595 LOONVERLIES ", 0), 0u);
}

TEST(CodaFixtures, MultiStatements) {
  FIXTURE_OR_SKIP(bytes, "Coda_v2_3_multi_statements.txt");
  auto sts = ReadOk(bytes, "Coda_v2_3_multi_statements.txt");
  ASSERT_EQ(sts.size(), 2u);
  // The first statement is pycoda_single_statement.txt, the second
  // Coda_v2_3_faulty_globalisation.txt from line 94 on.
  EXPECT_EQ(sts[0].number, "042");
  EXPECT_EQ(sts[0].transactions.size(), 30u);
  EXPECT_THAT(sts[0].warnings, ElementsAre());
  EXPECT_EQ(sts[1].number, "053");
  EXPECT_EQ(sts[1].account, "BE12341702625236");
  EXPECT_EQ(sts[1].opening_balance->cents(), 1'933'809);
  EXPECT_EQ(sts[1].closing_balance->cents(), 1'080'781);
  EXPECT_EQ(sts[1].transactions.size(), 11u);
  EXPECT_THAT(sts[1].warnings,
              ElementsAre("line 100: movement 0003 detail 0000 opens a globalisation (code 1) but "
                          "no detail lines follow: it is booked as one movement",
                          "line 136: the new balance record names another account than the old "
                          "balance record (line 95)"));
}

TEST(CodaFixtures, FaultyGlobalisation) {
  FIXTURE_OR_SKIP(bytes, "Coda_v2_3_faulty_globalisation.txt");
  auto sts = ReadOk(bytes, "Coda_v2_3_faulty_globalisation.txt");
  ASSERT_EQ(sts.size(), 1u);
  const BankStatement& st = sts[0];
  EXPECT_EQ(Iso(st.opening_date), "2013-12-23");
  EXPECT_EQ(Iso(st.closing_date), "2013-12-24");
  // 0003 (wages, type 1) opens a globalisation that nothing closes; 0004-0011 are movements of
  // their own (each detail 0000). The trailer's 8,769.87 debit includes 0003's 5,568.32.
  EXPECT_THAT(Amounts(st), ElementsAre(17'783, 6'176, -556'832, -101'286, -71'753, -43'052, -36'124,
                                       -32'032, -19'692, -15'829, -387));
  EXPECT_THAT(st.warnings,
              ElementsAre("line 7: movement 0003 detail 0000 opens a globalisation (code 1) but "
                          "no detail lines follow: it is booked as one movement",
                          "line 43: the new balance record names another account than the old "
                          "balance record (line 2)"));
  EXPECT_EQ(st.transactions[0].communication,
            "R:4-82055601/058 AFG:MC VAN 22/12 TOT 22/12 BRT:0000179,46EUR C:00001,63");
  EXPECT_EQ(st.transactions[0].bank_reference, "0001300000211");
  EXPECT_EQ(st.transactions[3].communication, "F 13110862");
  EXPECT_EQ(st.transactions[3].counterparty_account, "BE12345307390039");
}

// Its trailer is 57 characters: a record of the wrong length refuses the file. With the
// trailer padded to 128, both wage totals open a globalisation without details.
TEST(CodaFixtures, FaultyGlobalisation2) {
  FIXTURE_OR_SKIP(bytes, "Coda_v2_3_faulty_globalisation_2.txt");
  EXPECT_EQ(ReadError(bytes, "Coda_v2_3_faulty_globalisation_2.txt"),
            "Coda_v2_3_faulty_globalisation_2.txt: line 8: the record has 57 characters, a CODA "
            "record has 128");

  std::vector<std::string> lines = Lines(bytes);
  ASSERT_EQ(lines.size(), 8u);
  lines[7].resize(128, ' ');
  auto sts = ReadOk(Join(lines), "padded.txt");
  ASSERT_EQ(sts.size(), 1u);
  const BankStatement& st = sts[0];
  EXPECT_EQ(st.number, "162");
  EXPECT_EQ(st.opening_balance->cents(), 10'401'476);
  EXPECT_EQ(st.closing_balance->cents(), 9'008'013);
  EXPECT_EQ(Iso(st.closing_date), "2014-12-15");
  EXPECT_THAT(Amounts(st), ElementsAre(-1'144'241, -249'222));
  EXPECT_EQ(st.transactions[0].communication, "");
  EXPECT_THAT(st.warnings,
              ElementsAre("line 3: movement 0001 detail 0000 opens a globalisation (code 1) but "
                          "no detail lines follow: it is booked as one movement",
                          "line 5: movement 0002 detail 0000 opens a globalisation (code 1) but "
                          "no detail lines follow: it is booked as one movement"));
}

TEST(CodaFixtures, Globalisation) {
  FIXTURE_OR_SKIP(bytes, "Coda_v2_3_globalisation.txt");
  auto sts = ReadOk(bytes, "Coda_v2_3_globalisation.txt");
  ASSERT_EQ(sts.size(), 1u);
  const BankStatement& st = sts[0];
  EXPECT_EQ(st.number, "159");
  EXPECT_EQ(st.account, "BE12341676096039");
  EXPECT_EQ(st.opening_balance->cents(), -45'517);  // sign 1: a debit balance
  EXPECT_EQ(st.closing_balance->cents(), 27'527'053);
  // 0003: a total of type 3 (50,000.00, code 1) closed by its detail 0003/0002 (type 8, code 1):
  // the detail is booked, the total is not.
  EXPECT_THAT(Amounts(st), ElementsAre(11'313'500, 11'313'500, 5'000'000, -54'430));
  EXPECT_THAT(st.warnings, ElementsAre("line 24: the new balance record names another account "
                                       "than the old balance record (line 2)"));
  EXPECT_EQ(st.transactions[0].communication, "REDEVANCE JAN-NOV CONTRAT DE GESTION");
  EXPECT_EQ(st.transactions[0].counterparty_account, "BE12201702625236");
  EXPECT_EQ(st.transactions[0].counterparty_name, "XXXXX-IN MARKET ZAVENTEM B");
  const BankTransaction& detail = st.transactions[2];
  EXPECT_EQ(detail.bank_reference, "000140000042944007388");
  EXPECT_EQ(detail.counterparty_account, "NL123KMG0261239759");  // the total's is NL133...
  EXPECT_EQ(OgmOf(detail), "none");                              // type 105: original amount
  EXPECT_EQ(detail.communication,
            "000000050000000000000050000000000100000000EUR NL000000050000000");
  EXPECT_EQ(OgmOf(st.transactions[3]), "none");  // type 124
  EXPECT_EQ(st.transactions[3].communication, "6703330000008003 2335 17098487 101214");
}

// The same file without the detail records of 0003: the total is booked, and the trailer
// still counts the removed records.
TEST(CodaFixtures, Globalisation2) {
  FIXTURE_OR_SKIP(bytes, "Coda_v2_3_globalisation_2.txt");
  auto sts = ReadOk(bytes, "Coda_v2_3_globalisation_2.txt");
  ASSERT_EQ(sts.size(), 1u);
  const BankStatement& st = sts[0];
  EXPECT_THAT(Amounts(st), ElementsAre(11'313'500, 11'313'500, 5'000'000, -54'430));
  EXPECT_EQ(st.transactions[2].counterparty_account, "NL133KMG0261239759");
  EXPECT_THAT(
      st.warnings,
      ElementsAre("line 13: movement 0003 detail 0000 opens a globalisation (code 1) but no "
                  "detail lines follow: it is booked as one movement",
                  "line 20: the new balance record names another account than the old balance "
                  "record (line 2)",
                  "line 21: the trailer counts 23 records, the statement has 19 (records 1, 2.x, "
                  "3.x and 8)"));
}

TEST(CodaFixtures, ForeignAccount) {
  FIXTURE_OR_SKIP(bytes, "Coda_foreign_account.txt");
  auto sts = ReadOk(bytes, "Coda_foreign_account.txt");
  ASSERT_EQ(sts.size(), 1u);
  const BankStatement& st = sts[0];
  EXPECT_EQ(st.account, "FR1234567890240924002304825");  // account structure 3
  EXPECT_EQ(st.currency, "EUR");
  EXPECT_EQ(st.number, "024");
  EXPECT_EQ(st.opening_balance->cents(), 44'339'070);
  EXPECT_EQ(st.closing_balance->cents(), 44'334'630);
  EXPECT_EQ(Iso(st.opening_date), "2018-02-01");
  EXPECT_EQ(Iso(st.closing_date), "2018-02-02");
  EXPECT_THAT(Amounts(st), ElementsAre(-3'700, -740));
  EXPECT_EQ(st.transactions[0].bank_reference, "");
  EXPECT_EQ(st.transactions[0].communication, "TRANS : NMSC / INFO : ELYS PC ABONNEMENT");
  // The trailer counts 7 records: the free message (record 4) after record 8 is not counted.
  EXPECT_THAT(st.warnings, ElementsAre());
}

TEST(CodaFixtures, FaultyVersionIsRefused) {
  FIXTURE_OR_SKIP(bytes, "Coda_faulty_version.txt");
  EXPECT_TRUE(LooksLikeCoda(bytes));  // detected as CODA, so that the version is what fails
  std::string message = ReadError(bytes, "Coda_faulty_version.txt");
  EXPECT_EQ(message,
            "Coda_faulty_version.txt: line 1, field version (128): CODA version '5' is not "
            "supported: this reader reads CODA 2.x (version code 2)");
}

TEST(CodaFixtures, Oca2012) {
  FIXTURE_OR_SKIP(bytes, "oca_2012.txt");  // LF line ends
  auto sts = ReadOk(bytes, "oca_2012.txt");
  ASSERT_EQ(sts.size(), 1u);
  const BankStatement& st = sts[0];
  EXPECT_EQ(st.number, "135");
  EXPECT_EQ(st.account, "BE46737018594236");
  EXPECT_EQ(Iso(st.opening_date), "2010-07-27");
  EXPECT_EQ(Iso(st.closing_date), "2012-01-11");
  EXPECT_THAT(Amounts(st), ElementsAre(-43'500, 304'445, -41'992, -5'912, -41'992, -5'912, 6'374));
  EXPECT_EQ(OgmOf(st.transactions[1]), "240283842818");
  EXPECT_EQ(st.transactions[2].booking_date.ToIsoString(), "2012-01-11");
  EXPECT_EQ(Iso(st.transactions[2].value_date), "2011-01-12");
  // 11,812.70 + 1,715.11 = 13,527.81, but its record 8 says 13,646.05.
  EXPECT_THAT(st.warnings,
              ElementsAre("line 23: the new balance record names another account than the old "
                          "balance record (line 2)",
                          "line 23: old balance 11812.70 + movements 1715.11 = 13527.81, but the "
                          "new balance is 13646.05"));
}

TEST(CodaFixtures, AllLookLikeCoda) {
  for (const char* name :
       {"odoo_2013.txt", "pycoda_single_statement.txt", "Coda_v2_3_multi_statements.txt",
        "Coda_v2_3_globalisation.txt", "Coda_v2_3_globalisation_2.txt",
        "Coda_v2_3_faulty_globalisation.txt", "Coda_v2_3_faulty_globalisation_2.txt",
        "Coda_foreign_account.txt", "Coda_faulty_version.txt", "oca_2012.txt"}) {
    auto bytes = Fixture(name);
    if (!bytes) GTEST_SKIP() << "../shared/fixtures is absent";
    EXPECT_TRUE(LooksLikeCoda(*bytes)) << name;
  }
}

// ---- Hand-made files (src/bank/testdata) ----

// globalised_ogm.txt: movement 0001 is a bank-globalised credit (type 2, code 1) of 203.50 whose
// three details (type 6; the last repeats code 1) are payments of 58.00, 116.00 and 29.50, each
// with its own OGM (type 101). Then single movements: a free text with +++090/9337/55493+++
// continued in its 2.2 mid-word, a debit of 2.50 without value date (000000), an OGM
// 123456789012 whose check fails (1234567890 mod 97 = 2), a type 102 OGM; an information record
// 3.1 and, after record 8, a free message 4. Old balance 1,000.00; new 1,375.00; trailer 17
// records (1, 14 x 2.x, 3.1, 8), debit 2.50, credit 377.50.
TEST(CodaTestData, GlobalisedBookingOfThreeOgms) {
  auto sts = ReadOk(TestData("globalised_ogm.txt"), "globalised_ogm.txt");
  ASSERT_EQ(sts.size(), 1u);
  const BankStatement& st = sts[0];
  EXPECT_EQ(st.format, "coda");
  EXPECT_EQ(st.account, "BE68539007547034");
  EXPECT_EQ(st.currency, "EUR");
  EXPECT_EQ(st.number, "012");
  EXPECT_EQ(st.opening_balance->cents(), 100'000);
  EXPECT_EQ(Iso(st.opening_date), "2024-02-29");
  EXPECT_EQ(st.closing_balance->cents(), 137'500);
  EXPECT_EQ(Iso(st.closing_date), "2024-03-01");
  EXPECT_THAT(st.warnings, ElementsAre());
  EXPECT_THAT(Amounts(st), ElementsAre(5'800, 11'600, 2'950, 5'800, -250, 5'800, 5'800));

  const auto& t = st.transactions;
  EXPECT_EQ(OgmOf(t[0]), "202400000138");
  EXPECT_EQ(t[0].communication, "202400000138");
  EXPECT_EQ(t[0].bank_reference, "GLOB0001 DET1");
  EXPECT_EQ(t[0].counterparty_account, "BE71096123456769");
  EXPECT_EQ(t[0].counterparty_name, "PAYER ONE");
  EXPECT_EQ(Iso(t[0].value_date), "2024-03-01");
  EXPECT_EQ(OgmOf(t[1]), "202400000239");
  EXPECT_EQ(t[1].counterparty_account, "NL91ABNA0417164300");
  EXPECT_EQ(t[1].counterparty_name, "PAYER TWO");
  EXPECT_EQ(Iso(t[1].value_date), "2024-02-29");
  EXPECT_EQ(t[1].booking_date.ToIsoString(), "2024-03-01");
  EXPECT_EQ(OgmOf(t[2]), "202400000340");
  EXPECT_EQ(t[2].counterparty_name, "PAYER THREE");  // its 3.1 "001PAYER THREE" adds nothing
  EXPECT_EQ(t[2].communication, "202400000340");

  EXPECT_EQ(OgmOf(t[3]), "090933755493");  // from the free text
  EXPECT_EQ(t[3].communication, "BOETE +++090/9337/55493+++ BEDANKT VOOR HET SNELLE BETALEN");
  EXPECT_EQ(t[3].counterparty_account, "310180203454");
  EXPECT_EQ(t[3].counterparty_name, "PAYER FOUR");
  EXPECT_EQ(Iso(t[4].value_date), "none");
  EXPECT_EQ(t[4].communication, "KOSTEN REKENING");
  EXPECT_EQ(OgmOf(t[5]), "none");  // check digits wrong: kept as text, no OGM
  EXPECT_EQ(t[5].communication, "123456789012");
  EXPECT_EQ(OgmOf(t[6]), "090933755493");  // type 102
  for (const BankTransaction& tx : t) {
    EXPECT_NE(tx.bank_reference, "GLOB0001 TOTAL");
    EXPECT_EQ(tx.communication.find("VRIJ BERICHT"), std::string::npos);
  }
}

// The same file as LF-only, without a final line end, or with empty lines at the end.
TEST(CodaTestData, LineEnds) {
  std::vector<std::string> lines = Lines(TestData("globalised_ogm.txt"));
  auto crlf = ReadOk(Join(lines), "crlf.txt");
  std::string lf = Join(lines, "\n");
  auto with_lf = ReadOk(lf, "lf.txt");
  auto unterminated = ReadOk(lf.substr(0, lf.size() - 1), "unterminated.txt");
  auto trailing = ReadOk(Join(lines) + "\r\n\n\r\n", "trailing.txt");
  ASSERT_EQ(crlf.size(), 1u);
  for (const auto* other : {&with_lf, &unterminated, &trailing}) {
    ASSERT_EQ(other->size(), 1u);
    EXPECT_EQ(Amounts((*other)[0]), Amounts(crlf[0]));
    EXPECT_EQ((*other)[0].transactions[3].communication, crlf[0].transactions[3].communication);
    EXPECT_THAT((*other)[0].warnings, ElementsAre());
  }
}

TEST(CodaTestData, BadTrailer) {
  auto sts = ReadOk(TestData("bad_trailer.txt"), "bad_trailer.txt");
  ASSERT_EQ(sts.size(), 1u);
  const BankStatement& st = sts[0];
  EXPECT_EQ(st.number, "013");
  EXPECT_EQ(st.opening_balance->cents(), -1'234);
  EXPECT_EQ(st.closing_balance->cents(), 2'576);
  EXPECT_THAT(Amounts(st), ElementsAre(5'800, -1'990));
  EXPECT_THAT(
      st.warnings,
      ElementsAre("line 6: the trailer counts 9 records, the statement has 4 (records 1, 2.x, "
                  "3.x and 8)",
                  "line 6: the trailer's debit total is 20.00, the debit movements (detail "
                  "number 0000) add up to 19.90",
                  "line 6: the trailer's credit total is 59.00, the credit movements (detail "
                  "number 0000) add up to 58.00"));
}

TEST(CodaTestData, ForeignAccount) {
  auto sts = ReadOk(TestData("foreign_account.txt"), "foreign_account.txt");
  ASSERT_EQ(sts.size(), 1u);
  const BankStatement& st = sts[0];
  EXPECT_EQ(st.account, "FR7630006000011234567890189");
  EXPECT_EQ(st.currency, "USD");
  EXPECT_EQ(st.number, "101");
  EXPECT_EQ(st.opening_balance->cents(), 5'000'000);
  EXPECT_EQ(st.closing_balance->cents(), 5'012'345);
  EXPECT_THAT(Amounts(st), ElementsAre(12'345));
  EXPECT_EQ(st.transactions[0].communication, "INVOICE 42");
  EXPECT_EQ(st.transactions[0].counterparty_account, "US12345678901234567890");
  EXPECT_EQ(st.transactions[0].counterparty_name, "SENDER INC");
  EXPECT_THAT(st.warnings, ElementsAre());
}

// nested_globalisation.txt: movement 0001 of 100.00 opens level 2; detail 0001 (60.00) opens
// level 1 with 0002 (25.00) and 0003 (35.00, closes level 1); 0004 (40.00) closes level 2.
TEST(CodaTestData, NestedGlobalisation) {
  auto sts = ReadOk(TestData("nested_globalisation.txt"), "nested_globalisation.txt");
  ASSERT_EQ(sts.size(), 1u);
  EXPECT_THAT(Amounts(sts[0]), ElementsAre(2'500, 3'500, 4'000));
  EXPECT_THAT(sts[0].warnings, ElementsAre());
}

TEST(CodaTestData, TwoStatementsInOneFile) {
  std::string bytes = TestData("globalised_ogm.txt") + TestData("bad_trailer.txt");
  auto sts = ReadOk(bytes, "two.txt");
  ASSERT_EQ(sts.size(), 2u);
  EXPECT_EQ(sts[0].number, "012");
  EXPECT_THAT(sts[0].warnings, ElementsAre());
  EXPECT_EQ(sts[1].number, "013");
  ASSERT_EQ(sts[1].warnings.size(), 3u);
  EXPECT_THAT(sts[1].warnings[0], HasSubstr("line 26: the trailer counts 9 records"));
}

// ---- Globalisation that does not add up (variants of globalised_ogm.txt) ----

TEST(CodaGlobalisation, DetailsThatDoNotAddUpLeaveTheTotal) {
  std::vector<std::string> lines = Lines(TestData("globalised_ogm.txt"));
  Put(lines[6], 33, "000000000117000");  // detail 0001/0002: 117.00 instead of 116.00
  auto sts = ReadOk(Join(lines), "g.txt");
  ASSERT_EQ(sts.size(), 1u);
  EXPECT_THAT(Amounts(sts[0]), ElementsAre(20'350, 5'800, -250, 5'800, 5'800));
  EXPECT_EQ(sts[0].transactions[0].bank_reference, "GLOB0001 TOTAL");
  EXPECT_EQ(OgmOf(sts[0].transactions[0]), "none");
  EXPECT_THAT(sts[0].warnings,
              ElementsAre("line 3: the 3 detail lines of movement 0001 detail 0000 add up to "
                          "204.50, its amount is 203.50: it is booked as one movement"));
}

TEST(CodaGlobalisation, NotClosed) {
  std::vector<std::string> lines = Lines(TestData("globalised_ogm.txt"));
  Put(lines[8], 125, "0");  // the last detail does not repeat code 1
  auto sts = ReadOk(Join(lines), "g.txt");
  ASSERT_EQ(sts.size(), 1u);
  EXPECT_THAT(Amounts(sts[0]), ElementsAre(5'800, 11'600, 2'950, 5'800, -250, 5'800, 5'800));
  EXPECT_THAT(sts[0].warnings,
              ElementsAre("line 3: the globalisation of movement 0001 detail 0000 is not "
                          "closed; its detail lines add up and are booked"));
}

TEST(CodaGlobalisation, DetailsWithoutCode) {
  std::vector<std::string> lines = Lines(TestData("globalised_ogm.txt"));
  Put(lines[2], 125, "0");
  Put(lines[8], 125, "0");
  auto sts = ReadOk(Join(lines), "g.txt");
  ASSERT_EQ(sts.size(), 1u);
  EXPECT_THAT(Amounts(sts[0]), ElementsAre(5'800, 11'600, 2'950, 5'800, -250, 5'800, 5'800));
  EXPECT_THAT(sts[0].warnings,
              ElementsAre("line 3: movement 0001 detail 0000 has detail lines but no "
                          "globalisation code; its 3 detail lines add up and are booked"));
}

TEST(CodaGlobalisation, OgmOnTheTotalOnly) {
  std::vector<std::string> lines = Lines(TestData("globalised_ogm.txt"));
  Put(lines[2], 62, "1101202400000441");  // the total: structured, an OGM (2024000004 mod 97)
  for (int i : {3, 6, 8}) Put(lines[i], 62, "0");  // the details: free text, no OGM
  auto sts = ReadOk(Join(lines), "g.txt");
  ASSERT_EQ(sts.size(), 1u);
  EXPECT_EQ(Amounts(sts[0]).size(), 7u);
  EXPECT_EQ(OgmOf(sts[0].transactions[0]), "none");
  EXPECT_EQ(sts[0].transactions[0].communication, "101202400000138");
  EXPECT_THAT(sts[0].warnings,
              ElementsAre("line 3: movement 0001 detail 0000 carries an OGM that none of its "
                          "detail lines repeats: the details are booked without it"));
}

TEST(CodaGlobalisation, DetailWithoutItsTotal) {
  std::vector<std::string> lines = Lines(TestData("globalised_ogm.txt"));
  Put(lines[15], 7, "0001");  // movement 0004 with detail number 0001
  auto sts = ReadOk(Join(lines), "g.txt");
  ASSERT_EQ(sts.size(), 1u);
  EXPECT_EQ(Amounts(sts[0]).size(), 7u);
  // It is booked, and the trailer (which sums detail number 0000 only) misses it.
  EXPECT_THAT(sts[0].warnings,
              ElementsAre("line 16: movement 0004 starts with detail number 0001, not 0000",
                          "line 20: the trailer's credit total is 377.50, the credit movements "
                          "(detail number 0000) add up to 319.50"));
}

TEST(CodaGlobalisation, BalanceThatDoesNotAddUp) {
  std::vector<std::string> lines = Lines(TestData("globalised_ogm.txt"));
  Put(lines[17], 43, "000000001375010");
  auto sts = ReadOk(Join(lines), "g.txt");
  ASSERT_EQ(sts.size(), 1u);
  EXPECT_THAT(sts[0].warnings,
              ElementsAre("line 18: old balance 1000.00 + movements 375.00 = 1375.00, but the "
                          "new balance is 1375.01"));
}

// ---- Accounts, dates, characters ----

TEST(CodaFields, BelgianAccountNumberBecomesIban) {
  std::vector<std::string> lines = Lines(TestData("globalised_ogm.txt"));
  Put(lines[1], 2, "0");                                               // structure 0: Belgian BBAN
  const std::string zone = "539007547034 EUR" + std::string(21, ' ');  // 37 positions
  Put(lines[1], 6, zone);                                              // 6-42
  Put(lines[17], 5, zone);                                             // 5-41
  auto sts = ReadOk(Join(lines), "bban.txt");
  ASSERT_EQ(sts.size(), 1u);
  EXPECT_EQ(sts[0].account, "BE68539007547034");
  EXPECT_EQ(sts[0].currency, "EUR");
  EXPECT_THAT(sts[0].warnings, ElementsAre());
}

TEST(CodaFields, TwoDigitYearsAreThisCentury) {
  std::vector<std::string> lines = Lines(TestData("globalised_ogm.txt"));
  Put(lines[1], 59, "311299");
  Put(lines[17], 58, "010100");
  auto sts = ReadOk(Join(lines), "years.txt");
  ASSERT_EQ(sts.size(), 1u);
  EXPECT_EQ(Iso(sts[0].opening_date), "2099-12-31");
  EXPECT_EQ(Iso(sts[0].closing_date), "2000-01-01");
}

TEST(CodaFields, Windows1252AndUtf8Text) {
  std::vector<std::string> lines = Lines(TestData("globalised_ogm.txt"));
  Put(lines[5], 48, "PAYER \xC9\x80N");     // Windows-1252: E acute, euro sign
  lines[7].replace(47 + 6, 1, "\xC3\xA9");  // UTF-8 e acute: 129 bytes, 128 chars
  ASSERT_EQ(lines[7].size(), 129u);
  auto sts = ReadOk(Join(lines), "text.txt");
  ASSERT_EQ(sts.size(), 1u);
  EXPECT_EQ(sts[0].transactions[0].counterparty_name, "PAYER \xC3\x89\xE2\x82\xACN");
  EXPECT_EQ(sts[0].transactions[1].counterparty_name, "PAYER \xC3\xA9WO");
}

// ---- Errors: file, line and field ----

std::string PatchedError(size_t index, size_t pos, const std::string& text) {
  std::vector<std::string> lines = Lines(TestData("globalised_ogm.txt"));
  Put(lines[index], pos, text);
  return ReadError(Join(lines), "g.txt");
}

TEST(CodaErrors, Fields) {
  EXPECT_EQ(PatchedError(3, 33, "000000000058001"),
            "g.txt: line 4, field amount (33-47): \"000000000058001\" has a third decimal that "
            "is not 0 (cents only)");
  EXPECT_EQ(PatchedError(1, 44, "00000000100000X"),
            "g.txt: line 2, field old balance (44-58): \"00000000100000X\" must be 15 digits");
  EXPECT_EQ(PatchedError(3, 116, "320324"),
            "g.txt: line 4, field entry date (116-121): \"320324\" is not a date DDMMYY");
  EXPECT_EQ(PatchedError(3, 116, "290223"),
            "g.txt: line 4, field entry date (116-121): \"290223\" is not a date DDMMYY");
  EXPECT_EQ(PatchedError(3, 116, "000000"),
            "g.txt: line 4, field entry date (116-121): \"000000\" is not a date DDMMYY");
  EXPECT_EQ(PatchedError(3, 32, "2"),
            "g.txt: line 4, field movement sign (32): '2' must be 0 (credit) or 1 (debit)");
  EXPECT_EQ(PatchedError(3, 62, "3"),
            "g.txt: line 4, field communication type (62): '3' must be 0 (free) or 1 "
            "(structured)");
  EXPECT_EQ(PatchedError(3, 125, "X"),
            "g.txt: line 4, field globalisation code (125): 'X' must be a digit");
  EXPECT_EQ(PatchedError(1, 2, "4"),
            "g.txt: line 2, field account structure (2): '4' must be 0, 1, 2 or 3 (Belgian or "
            "foreign account number, Belgian or foreign IBAN)");
  EXPECT_EQ(PatchedError(0, 6, "310224"),
            "g.txt: line 1, field creation date (6-11): \"310224\" is not a date DDMMYY");
  EXPECT_EQ(PatchedError(0, 128, "1"),
            "g.txt: line 1, field version (128): CODA version '1' is not supported: this reader "
            "reads CODA 2.x (version code 2)");
  EXPECT_EQ(PatchedError(19, 23, "00000000000250A"),
            "g.txt: line 20, field debit movements (23-37): \"00000000000250A\" must be 15 digits");
  EXPECT_EQ(PatchedError(10, 1, "7"),
            "g.txt: line 11, field record type (1): '7' is not a CODA record type");
  EXPECT_EQ(PatchedError(10, 2, "4"),
            "g.txt: line 11, field article code (2): '4' must be 1, 2 or 3 for a record 3");
  EXPECT_EQ(PatchedError(4, 3, "0002"),
            "g.txt: line 5, field sequence and detail number (3-10): \"00020001\" differs from "
            "the movement 00010001 it continues (line 4)");
}

TEST(CodaErrors, Structure) {
  std::vector<std::string> lines = Lines(TestData("globalised_ogm.txt"));
  auto without = [&](size_t index) {
    std::vector<std::string> l = lines;
    l.erase(l.begin() + static_cast<std::ptrdiff_t>(index));
    return Join(l);
  };
  EXPECT_EQ(ReadError(without(1), "g.txt"),
            "g.txt: line 2, field record type (1): record 2 before the old balance record 1");
  EXPECT_EQ(ReadError(without(19), "g.txt"),
            "g.txt: line 19: the file ends inside the statement that starts on line 1, before "
            "its trailer record 9 (is the file complete?)");
  EXPECT_EQ(ReadError(without(17), "g.txt"),
            "g.txt: line 19, field record type (1): a trailer record 9 before the new balance "
            "record 8");
  EXPECT_EQ(ReadError(without(19) + Join(lines), "g.txt"),
            "g.txt: line 20, field record type (1): a header record 0 inside the statement that "
            "starts on line 1 (its trailer record 9 is missing)");
  EXPECT_EQ(ReadError(Join(lines) + lines[2] + "\r\n", "g.txt"),
            "g.txt: line 21, field record type (1): '2': after a trailer record 9 only a header "
            "record 0 may follow");
  // A 2.3 after the information record 3.1 (lines 10 and 11 swapped).
  std::vector<std::string> swapped = lines;
  std::swap(swapped[9], swapped[10]);
  EXPECT_EQ(ReadError(Join(swapped), "g.txt"),
            "g.txt: line 11, field article code (2): a record 2.3 must follow the record 2.1 or "
            "2.2 of its movement");
  std::vector<std::string> twice = lines;
  twice.insert(twice.begin() + 2, lines[1]);
  EXPECT_EQ(ReadError(Join(twice), "g.txt"),
            "g.txt: line 3, field record type (1): a second old balance record 1 (the first is "
            "on line 2)");
  std::vector<std::string> late = lines;
  late.insert(late.begin() + 18, lines[2]);
  EXPECT_EQ(ReadError(Join(late), "g.txt"),
            "g.txt: line 19, field record type (1): record 2 after the new balance record 8 "
            "(line 18)");
}

TEST(CodaErrors, Lengths) {
  std::vector<std::string> lines = Lines(TestData("globalised_ogm.txt"));
  std::vector<std::string> short_line = lines;
  short_line[4].pop_back();
  EXPECT_EQ(ReadError(Join(short_line), "g.txt"),
            "g.txt: line 5: the record has 127 characters, a CODA record has 128");
  std::vector<std::string> long_line = lines;
  long_line[4] += " ";
  EXPECT_EQ(ReadError(Join(long_line), "g.txt"),
            "g.txt: line 5: the record has 129 characters, a CODA record has 128");
  std::vector<std::string> empty_line = lines;
  empty_line.insert(empty_line.begin() + 2, "");
  EXPECT_EQ(ReadError(Join(empty_line), "g.txt"),
            "g.txt: line 3: the record has 0 characters, a CODA record has 128");
  EXPECT_EQ(ReadError("", "empty.txt"), "empty.txt: the file is empty (no CODA records)");
  EXPECT_EQ(ReadError("\r\n\r\n", "empty.txt"), "empty.txt: the file is empty (no CODA records)");
  EXPECT_EQ(ReadError("<?xml version=\"1.0\"?>\n<Document/>\n", "camt.xml"),
            "camt.xml: line 1: the record has 21 characters, a CODA record has 128");
  std::string not_header = lines[1];
  EXPECT_EQ(ReadError(not_header, "x.txt"),
            "x.txt: line 1, field record type (1): '1': a CODA file starts with a header record 0");
}

TEST(CodaDetect, LooksLikeCoda) {
  std::vector<std::string> lines = Lines(TestData("globalised_ogm.txt"));
  EXPECT_TRUE(LooksLikeCoda(Join(lines)));
  EXPECT_TRUE(LooksLikeCoda(Join(lines, "\n")));
  EXPECT_TRUE(LooksLikeCoda(lines[0]));
  EXPECT_TRUE(LooksLikeCoda(TestData("bad_trailer.txt")));
  EXPECT_TRUE(LooksLikeCoda(TestData("foreign_account.txt")));
  EXPECT_FALSE(LooksLikeCoda(""));
  EXPECT_FALSE(LooksLikeCoda("<?xml version=\"1.0\"?>\n<Document/>"));
  EXPECT_FALSE(LooksLikeCoda(lines[1]));                 // an old balance record first
  EXPECT_FALSE(LooksLikeCoda(lines[0].substr(0, 127)));  // too short
  std::string other_application = lines[0];
  Put(other_application, 15, "06");
  EXPECT_FALSE(LooksLikeCoda(other_application));
  std::string duplicate = lines[0];
  Put(duplicate, 17, "D");
  EXPECT_TRUE(LooksLikeCoda(duplicate));
}

}  // namespace
}  // namespace hh
