#include "bank/camt.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace hh {
namespace {

namespace fs = std::filesystem;

const std::string kFixtures = std::string(HH_SOURCE_DIR) + "/../shared/fixtures/camt/";
const std::string kTestdata = std::string(HH_SOURCE_DIR) + "/src/bank/testdata/";

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

std::string Amount(const BankTransaction& t) { return t.amount.ToDecimalString(); }
std::string Ogm(const BankTransaction& t) { return t.ogm ? t.ogm->digits() : "null"; }
std::string Date(const std::optional<LocalDate>& d) { return d ? d->ToIsoString() : "null"; }
std::string Balance(const std::optional<Money>& m) { return m ? m->ToDecimalString() : "null"; }
// A JSON number of euro from the .expected.json files, as cents.
int64_t Cents(const nlohmann::json& v) { return std::llround(v.get<double>() * 100); }

// A camt.053.001.02 document around `body` (balances and entries). The body starts on line 7.
std::string Doc053(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">\n"
         "<BkToCstmrStmt>\n"
         "<Stmt>\n"
         "<Id>S1</Id>\n"
         "<Acct><Id><IBAN>BE71096123456769</IBAN></Id></Acct>\n" +
         body + "</Stmt>\n</BkToCstmrStmt>\n</Document>\n";
}

std::string Booked(const std::string& amount, const std::string& ind, const std::string& rest) {
  return "<Ntry><Amt Ccy=\"EUR\">" + amount + "</Amt><CdtDbtInd>" + ind +
         "</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2024-03-15</Dt></BookgDt>" + rest + "</Ntry>\n";
}

// --- Real files (OCA/bank-statement-import, ../shared/fixtures/README.md) ---

// README: camt.053.001.02, statement 1234Test/1, EUR, account NL77ABNA0574908765, opening
// 15,568.27, closing 15,121.12; 3 entries giving 4 transactions -754.25, -564.05, -100.00,
// +1,405.31, which miss closing - opening by 434.16: a warning, no invented transaction.
TEST(CamtFixture, Oca053) {
  SKIP_WITHOUT_FIXTURES();
  auto r = ReadCamt(Slurp(kFixtures + "oca_camt053.xml"), "oca_camt053.xml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 1u);
  const BankStatement& st = (*r)[0];
  EXPECT_EQ(st.format, "camt.053");
  EXPECT_EQ(st.number, "1234Test/1");
  EXPECT_EQ(st.account, "NL77ABNA0574908765");
  EXPECT_EQ(st.currency, "EUR");
  EXPECT_EQ(Balance(st.opening_balance), "15568.27");
  EXPECT_EQ(Balance(st.closing_balance), "15121.12");
  EXPECT_EQ(Date(st.opening_date), "2014-01-05");
  EXPECT_EQ(Date(st.closing_date), "2014-01-05");
  ASSERT_EQ(st.transactions.size(), 4u);
  EXPECT_EQ(Amount(st.transactions[0]), "-754.25");
  EXPECT_EQ(Amount(st.transactions[1]), "-564.05");  // a DBIT reversal stays a debit
  EXPECT_EQ(Amount(st.transactions[2]), "-100.00");
  EXPECT_EQ(Amount(st.transactions[3]), "1405.31");
  for (const BankTransaction& t : st.transactions) {
    EXPECT_EQ(t.booking_date.ToIsoString(), "2014-01-05");
    EXPECT_EQ(Date(t.value_date), "2014-01-05");
    EXPECT_EQ(t.bank_reference, "");  // the file has no AcctSvcrRef
    EXPECT_EQ(Ogm(t), "null");
  }
  EXPECT_EQ(st.transactions[0].communication,
            "Insurance policy 857239PERIOD 01.01.2014 - 31.12.2014");
  EXPECT_EQ(st.transactions[1].communication, "Direct Debit S14 0410");
  EXPECT_EQ(st.transactions[2].communication, "Direct Debit S14 0410");
  EXPECT_EQ(st.transactions[3].communication, "");                             // no RmtInf
  EXPECT_EQ(st.transactions[0].counterparty_name, "INSURANCE COMPANY TESTX");  // Cdtr of a debit
  EXPECT_EQ(st.transactions[1].counterparty_name, "Test Customer");
  EXPECT_EQ(st.transactions[3].counterparty_name, "3rd party Media");  // Dbtr of a credit
  EXPECT_EQ(st.transactions[3].counterparty_account, "NL69ABNA0522123643");
  ASSERT_EQ(st.warnings.size(), 1u);
  EXPECT_EQ(st.warnings[0],
            "opening balance 15568.27 + booked movements -12.99 = 15555.28, but the closing "
            "balance is 15121.12 (a difference of -434.16)");
}

// Field by field against OCA's expected values where they mean what our model means: name =
// number, balance_start/balance_end_real = opening/closing, account_number (statement) = account,
// and per transaction amount, date = booking_date, partner_name = counterparty_name,
// account_number = counterparty_account. Not compared (other meanings): narration (OCA's
// composed text), payment_ref (AddtlTxInf or InstrId, where ours is the remittance text), ref
// (EndToEndId or the structured reference, where bank_reference is AcctSvcrRef),
// transaction_type (BkTxCd, not in our model).
void CompareWithExpected(const std::string& name, const BankStatement& st, bool has_balances) {
  nlohmann::json want = nlohmann::json::parse(Slurp(kFixtures + name + ".expected.json"));
  EXPECT_EQ(st.account, want["account_number"].get<std::string>());
  EXPECT_EQ(st.currency, want["currency"].get<std::string>());
  const nlohmann::json& ws = want["statements"][0];
  EXPECT_EQ(st.number, ws["name"].get<std::string>());
  if (has_balances) {
    ASSERT_TRUE(st.opening_balance && st.closing_balance);
    EXPECT_EQ(st.opening_balance->cents(), Cents(ws["balance_start"]));
    EXPECT_EQ(st.closing_balance->cents(), Cents(ws["balance_end_real"]));
    EXPECT_EQ(Date(st.closing_date), ws["date"].get<std::string>());
  } else {
    // A camt.054 has no Bal: OCA writes 0.0, we say "not given" (null).
    EXPECT_EQ(Cents(ws["balance_start"]), 0);
    EXPECT_FALSE(st.opening_balance.has_value());
    EXPECT_FALSE(st.closing_balance.has_value());
  }
  const nlohmann::json& wt = ws["transactions"];
  ASSERT_EQ(st.transactions.size(), wt.size());
  for (size_t i = 0; i < wt.size(); ++i) {
    SCOPED_TRACE("transaction " + std::to_string(i));
    const BankTransaction& t = st.transactions[i];
    EXPECT_EQ(t.amount.cents(), Cents(wt[i]["amount"]));
    EXPECT_EQ(t.booking_date.ToIsoString(), wt[i]["date"].get<std::string>());
    EXPECT_EQ(t.counterparty_name, wt[i]["partner_name"].get<std::string>());
    EXPECT_EQ(t.counterparty_account, wt[i]["account_number"].get<std::string>());
  }
}

TEST(CamtFixture, Oca053MatchesExpectedJson) {
  SKIP_WITHOUT_FIXTURES();
  auto r = ReadCamt(Slurp(kFixtures + "oca_camt053.xml"), "oca_camt053.xml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 1u);
  CompareWithExpected("oca_camt053", (*r)[0], /*has_balances=*/true);
}

// README: camt.054.001.04 notification, 1 transaction +5.00, structured reference
// 000000000000000000000000003 (27 digits: a Swiss QR reference, not a Belgian OGM).
TEST(CamtFixture, Oca054) {
  SKIP_WITHOUT_FIXTURES();
  auto r = ReadCamt(Slurp(kFixtures + "oca_camt054.xml"), "oca_camt054.xml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 1u);
  const BankStatement& st = (*r)[0];
  EXPECT_EQ(st.format, "camt.054");
  EXPECT_EQ(st.number, "20220120000000000000000");
  EXPECT_EQ(st.account, "NL77ABNA0574908765");
  EXPECT_EQ(st.currency, "EUR");
  EXPECT_EQ(Date(st.opening_date), "null");
  ASSERT_EQ(st.transactions.size(), 1u);
  const BankTransaction& t = st.transactions[0];
  EXPECT_EQ(Amount(t), "5.00");
  EXPECT_EQ(t.booking_date.ToIsoString(), "2022-01-26");
  EXPECT_EQ(Date(t.value_date), "2022-01-26");
  EXPECT_EQ(t.bank_reference, "98888208N8");  // the entry's AcctSvcrRef, not the detail's
  EXPECT_EQ(Ogm(t), "null");
  EXPECT_EQ(t.communication, "000000000000000000000000003");  // no Ustrd: the Ref as written
  EXPECT_EQ(t.counterparty_name, "Test Customer");
  EXPECT_EQ(t.counterparty_account, "NL46ABNA0499998748");
  EXPECT_TRUE(st.warnings.empty());
  CompareWithExpected("oca_camt054", st, /*has_balances=*/false);
}

// camt.053.001.04 in CHF: a batch credit of 3483.00 split into two details (TxDtls/Amt) with
// Swiss ISR references (27 digits: no OGM); the balances add up (75960.15 + 3483.00).
TEST(CamtFixture, OcaTxDtls) {
  SKIP_WITHOUT_FIXTURES();
  auto r = ReadCamt(Slurp(kFixtures + "oca_camt053_txdtls.xml"), "oca_camt053_txdtls.xml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 1u);
  const BankStatement& st = (*r)[0];
  EXPECT_EQ(st.number, "20170323123456789012345");
  EXPECT_EQ(st.account, "CH1111000000123456789");
  EXPECT_EQ(st.currency, "CHF");
  EXPECT_EQ(Balance(st.opening_balance), "75960.15");
  EXPECT_EQ(Balance(st.closing_balance), "79443.15");
  EXPECT_EQ(Date(st.opening_date), "2017-03-22");
  EXPECT_EQ(Date(st.closing_date), "2017-03-23");
  ASSERT_EQ(st.transactions.size(), 2u);
  EXPECT_EQ(Amount(st.transactions[0]), "2187.00");
  EXPECT_EQ(Amount(st.transactions[1]), "1296.00");
  EXPECT_EQ(st.transactions[0].communication, "302388292000011111111111111");
  EXPECT_EQ(st.transactions[1].communication, "302388292000022222222222222");
  EXPECT_EQ(st.transactions[0].counterparty_account, "CH2222000000123456789");
  EXPECT_EQ(st.transactions[1].counterparty_account, "CH3333000000123456789");
  for (const BankTransaction& t : st.transactions) {
    EXPECT_EQ(Ogm(t), "null");
    EXPECT_EQ(t.booking_date.ToIsoString(), "2017-03-22");
    EXPECT_EQ(Date(t.value_date), "2017-03-23");
    EXPECT_EQ(t.bank_reference, "20170323001234567891234567891234");
    EXPECT_EQ(t.counterparty_name, "Banque Cantonale Vaudoise");
  }
  EXPECT_TRUE(st.warnings.empty()) << st.warnings[0];
}

TEST(CamtFixture, OcaNoEntries) {
  SKIP_WITHOUT_FIXTURES();
  auto r = ReadCamt(Slurp(kFixtures + "oca_camt053_no_entries.xml"), "no_entries.xml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 1u);
  const BankStatement& st = (*r)[0];
  EXPECT_EQ(st.number, "1234Test/1");
  EXPECT_EQ(st.currency, "CHF");  // from the balances: the file has no Acct/Ccy and no entry
  EXPECT_EQ(Balance(st.opening_balance), "1520.76");
  EXPECT_EQ(Balance(st.closing_balance), "1520.76");
  EXPECT_TRUE(st.transactions.empty());
  EXPECT_TRUE(st.warnings.empty());
}

// --- Hand-made files (src/bank/testdata) ---

TEST(Camt, BelgianStatement) {
  auto r = ReadCamt(Slurp(kTestdata + "camt053_belgian.xml"), "camt053_belgian.xml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 1u);
  const BankStatement& st = (*r)[0];
  EXPECT_EQ(st.format, "camt.053");
  EXPECT_EQ(st.number, "2024-031");
  EXPECT_EQ(st.account, "BE71096123456769");  // spaces removed
  EXPECT_EQ(st.currency, "EUR");
  EXPECT_EQ(Balance(st.opening_balance), "1000.00");
  EXPECT_EQ(Date(st.opening_date), "2024-03-15");      // OPBD, not the PRCD of the 14th
  EXPECT_EQ(Balance(st.closing_balance), "1161.50");   // CLBD, not CLAV
  EXPECT_EQ(Date(st.closing_date), "2024-03-15");      // from DtTm
  EXPECT_TRUE(st.warnings.empty()) << st.warnings[0];  // 1000 + 174 + 58 - 58 - 12.50 = 1161.50

  // The batch: one transaction per TxDtls, each with its SCOR/BBA reference.
  ASSERT_EQ(st.transactions.size(), 6u);  // 3 + 1 + 1 + 1: the pending entry is skipped
  const BankTransaction* t = st.transactions.data();
  EXPECT_EQ(Amount(t[0]), "58.00");
  EXPECT_EQ(Ogm(t[0]), "123456789002");
  EXPECT_EQ(t[0].communication, "123456789002");   // no Ustrd: the Ref as written
  EXPECT_EQ(t[0].counterparty_name, "Payer One");  // the debtor, not the city as creditor
  EXPECT_EQ(t[0].counterparty_account, "BE68539007547034");
  EXPECT_EQ(t[0].bank_reference, "BATCH-0001");
  EXPECT_EQ(t[0].booking_date.ToIsoString(), "2024-03-15");
  EXPECT_EQ(Date(t[0].value_date), "2024-03-15");
  EXPECT_EQ(Amount(t[1]), "58.00");                  // TxDtls/Amt (.001.08)
  EXPECT_EQ(Ogm(t[1]), "200000001785");              // Ref written as +++200/0000/01785+++
  EXPECT_EQ(t[1].counterparty_account, "12345678");  // Othr/Id
  EXPECT_EQ(t[1].bank_reference, "BATCH-0001");
  EXPECT_EQ(Amount(t[2]), "58.00");
  EXPECT_EQ(Ogm(t[2]), "200000002593");
  EXPECT_EQ(t[2].communication, "GAS 2024/0815");  // Ustrd wins over the Ref as text
  EXPECT_EQ(t[2].counterparty_name, "Payer Three");

  // A single TxDtls without amount takes the entry's; the OGM is only in the free text.
  EXPECT_EQ(Amount(t[3]), "58.00");
  EXPECT_EQ(Ogm(t[3]), "090933755493");
  EXPECT_EQ(t[3].communication, "boete +++090/9337/55493+++ dank u");
  EXPECT_EQ(t[3].booking_date.ToIsoString(), "2024-03-15");  // BookgDt/DtTm
  EXPECT_EQ(Date(t[3].value_date), "null");
  EXPECT_EQ(t[3].bank_reference, "REF-0002");
  EXPECT_EQ(t[3].counterparty_name, "Payer Four");

  // The reversal: DBIT stays negative; the counterparty is the payer of the undone credit.
  EXPECT_EQ(Amount(t[4]), "-58.00");
  EXPECT_EQ(Ogm(t[4]), "300000004045");
  EXPECT_EQ(t[4].counterparty_name, "Payer Five");
  EXPECT_EQ(t[4].counterparty_account, "BE10000000000404");
  EXPECT_EQ(t[4].bank_reference, "REF-0003");

  // The fee: a debit, so the creditor is the counterparty; Ustrd parts joined by one space.
  EXPECT_EQ(Amount(t[5]), "-12.50");
  EXPECT_EQ(Ogm(t[5]), "null");
  EXPECT_EQ(t[5].communication, "Kosten maart 2024");
  EXPECT_EQ(t[5].counterparty_name, "Bank Voorbeeld NV");
  EXPECT_EQ(t[5].counterparty_account, "BANK0001");
  EXPECT_EQ(Date(t[5].value_date), "2024-03-16");  // ValDt/DtTm
  EXPECT_EQ(t[5].bank_reference, "FEE-0005");
  for (size_t i = 0; i < st.transactions.size(); ++i) {
    EXPECT_NE(t[i].bank_reference, "PENDING-1") << i;
  }
}

TEST(Camt, BelgianNotificationWithPrefixedNamespace) {
  auto r = ReadCamt(Slurp(kTestdata + "camt054_belgian.xml"), "camt054_belgian.xml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 1u);
  const BankStatement& st = (*r)[0];
  EXPECT_EQ(st.format, "camt.054");
  EXPECT_EQ(st.number, "NTF-77");
  EXPECT_EQ(st.account, "BE71096123456769");
  EXPECT_EQ(st.currency, "EUR");
  EXPECT_EQ(Balance(st.opening_balance), "null");
  EXPECT_EQ(Balance(st.closing_balance), "null");
  ASSERT_EQ(st.transactions.size(), 3u);
  const BankTransaction* t = st.transactions.data();
  // SCOR without issuer, but the Ref is a valid OGM: taken.
  EXPECT_EQ(Amount(t[0]), "58.00");
  EXPECT_EQ(Ogm(t[0]), "024028384201");
  EXPECT_EQ(t[0].bank_reference, "TX-REF-1");        // no entry AcctSvcrRef: the detail's
  EXPECT_EQ(t[0].counterparty_name, "Payer Seven");  // Dbtr/Nm directly (.001.02)
  EXPECT_EQ(t[0].counterparty_account, "BE52096011784309");
  // SCOR/BBA whose check digits are wrong: no OGM, a warning.
  EXPECT_EQ(Amount(t[1]), "5.00");
  EXPECT_EQ(Ogm(t[1]), "null");
  EXPECT_EQ(t[1].communication, "123456789003");
  EXPECT_EQ(t[1].counterparty_account, "");
  // No Sts (counts as booked), no TxDtls: one transaction, the OGM from AddtlNtryInf.
  EXPECT_EQ(Amount(t[2]), "20.00");
  EXPECT_EQ(Ogm(t[2]), "200000003304");
  EXPECT_EQ(t[2].communication, "Storting +++200/0000/03304+++");
  EXPECT_EQ(t[2].counterparty_name, "");
  EXPECT_EQ(t[2].bank_reference, "NTF-REF-3");
  ASSERT_EQ(st.warnings.size(), 2u);
  EXPECT_TRUE(
      st.warnings[0].starts_with("line 55: a structured reference with issuer BBA is not "
                                 "a valid OGM"))
      << st.warnings[0];
  EXPECT_EQ(st.warnings[1],
            "line 64: an entry without transaction details (TxDtls), taken as one transaction "
            "without counterparty");
}

TEST(Camt, LooksLikeCamt) {
  EXPECT_TRUE(LooksLikeCamt(Slurp(kTestdata + "camt053_belgian.xml")));
  EXPECT_TRUE(LooksLikeCamt(Slurp(kTestdata + "camt054_belgian.xml")));
  EXPECT_TRUE(LooksLikeCamt("\xEF\xBB\xBF\n  " + Doc053("")));    // byte order mark, blank lines
  EXPECT_TRUE(LooksLikeCamt("<Document><BkToCstmrStmt><Stmt>"));  // broken later: ReadCamt says
  EXPECT_FALSE(LooksLikeCamt(""));
  EXPECT_FALSE(LooksLikeCamt("PK\x03\x04"));
  EXPECT_FALSE(LooksLikeCamt("0000005031872505        00000000  BE33737018595246"));
  EXPECT_FALSE(LooksLikeCamt(
      "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"><CstmrCdtTrfInitn/>"
      "</Document>"));
  EXPECT_FALSE(LooksLikeCamt("text that mentions Document and BkToCstmrStmt"));
}

TEST(Camt, SeveralStatementsInOneDocument) {
  std::string doc = Doc053(Booked("1.00", "CRDT", ""));
  doc.replace(doc.find("</Stmt>"), 7,
              "</Stmt>\n<Stmt><Id>S2</Id><Acct><Id><Othr><Id>0012 3456</Id></Othr></Id></Acct>" +
                  Booked("2.00", "DBIT", "") + "</Stmt>");
  auto r = ReadCamt(doc, "two.xml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].number, "S1");
  EXPECT_EQ((*r)[1].number, "S2");
  EXPECT_EQ((*r)[1].account, "00123456");
  ASSERT_EQ((*r)[1].transactions.size(), 1u);
  EXPECT_EQ(Amount((*r)[1].transactions[0]), "-2.00");
}

TEST(Camt, DebitBalanceAndPreviousClosing) {
  auto r = ReadCamt(
      Doc053("<Bal><Tp><CdOrPrtry><Cd>PRCD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">10.00</Amt>"
             "<CdtDbtInd>DBIT</CdtDbtInd><Dt><Dt>2024-03-14</Dt></Dt></Bal>\n"
             "<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">5.50</Amt>"
             "<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-03-15</Dt></Dt></Bal>\n" +
             Booked("15.50", "CRDT", "")),
      "bal.xml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const BankStatement& st = (*r)[0];
  EXPECT_EQ(Balance(st.opening_balance), "-10.00");
  EXPECT_EQ(Date(st.opening_date), "2024-03-14");
  EXPECT_EQ(Balance(st.closing_balance), "5.50");
  // -10.00 + 15.50 = 5.50: only the no-details warning.
  ASSERT_EQ(st.warnings.size(), 1u);
  EXPECT_NE(st.warnings[0].find("without transaction details"), std::string::npos);
}

TEST(Camt, StatusesOtherThanBookedAreSkipped) {
  std::string entries;
  for (std::string sts : {"<Sts>PDNG</Sts>", "<Sts>INFO</Sts>", "<Sts><Cd>FUTR</Cd></Sts>",
                          "<Sts><Prtry>XXXX</Prtry></Sts>", "<Sts><Cd>BOOK</Cd></Sts>"}) {
    entries += "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>" + sts +
               "<BookgDt><Dt>2024-03-15</Dt></BookgDt><NtryDtls><TxDtls/></NtryDtls></Ntry>\n";
  }
  auto r = ReadCamt(Doc053(entries), "sts.xml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const BankStatement& st = (*r)[0];
  ASSERT_EQ(st.transactions.size(), 1u);
  ASSERT_EQ(st.warnings.size(), 1u);
  EXPECT_EQ(st.warnings[0],
            "line 10: an entry with status \"XXXX\" was skipped (only BOOK entries count)");
}

TEST(Camt, DetailsThatDoNotSplitTheEntry) {
  const std::string tx =
      "<TxDtls><AmtDtls><TxAmt><Amt Ccy=\"EUR\">2.00</Amt></TxAmt></AmtDtls>"
      "<RmtInf><Ustrd>+++090/9337/55493+++</Ustrd></RmtInf></TxDtls>";
  // Two details of 2.00 in an entry of 5.00: both kept, a warning.
  auto r = ReadCamt(Doc053(Booked("5.00", "CRDT", "<NtryDtls>" + tx + "\n" + tx + "</NtryDtls>")),
                    "sum.xml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ((*r)[0].transactions.size(), 2u);
  EXPECT_EQ(Amount((*r)[0].transactions[1]), "2.00");
  ASSERT_EQ((*r)[0].warnings.size(), 1u);
  EXPECT_EQ((*r)[0].warnings[0],
            "line 7: the transaction details add up to 4.00, the entry amount is 5.00");

  // A second detail without any amount (and one in another currency does not count): the entry
  // stays whole, without OGM.
  const std::string no_amount =
      "<TxDtls><AmtDtls><TxAmt><Amt Ccy=\"USD\">3.30</Amt></TxAmt></AmtDtls></TxDtls>";
  r = ReadCamt(Doc053(Booked("5.00", "CRDT", "<NtryDtls>" + tx + "\n" + no_amount + "</NtryDtls>")),
               "whole.xml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ((*r)[0].transactions.size(), 1u);
  EXPECT_EQ(Amount((*r)[0].transactions[0]), "5.00");
  EXPECT_EQ(Ogm((*r)[0].transactions[0]), "null");
  ASSERT_EQ((*r)[0].warnings.size(), 1u);
  EXPECT_EQ((*r)[0].warnings[0],
            "line 8: a transaction detail without amount in an entry of 2 details: the entry is "
            "taken as one transaction of 5.00 without OGM or counterparty");
}

TEST(Camt, ReferencesThatAreNotOgms) {
  // An RF creditor reference (issuer ISO) is no OGM; the +++ in the free text then is.
  auto r = ReadCamt(
      Doc053(Booked("58.00", "CRDT",
                    "<NtryDtls><TxDtls><RmtInf><Ustrd>zie +++240/2838/42818+++</Ustrd><Strd>"
                    "<CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp>"
                    "<Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf></TxDtls>"
                    "</NtryDtls>")),
      "rf.xml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(Ogm((*r)[0].transactions[0]), "240283842818");
  EXPECT_TRUE((*r)[0].warnings.empty());

  // Twelve bare digits in free text are not taken (a phone or account number).
  r = ReadCamt(Doc053(Booked("58.00", "CRDT",
                             "<NtryDtls><TxDtls><RmtInf><Ustrd>240283842818</Ustrd></RmtInf>"
                             "</TxDtls></NtryDtls>")),
               "bare.xml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(Ogm((*r)[0].transactions[0]), "null");
}

TEST(Camt, EntryInAnotherCurrencyIsAWarning) {
  auto r = ReadCamt(
      Doc053("<Ntry><Amt Ccy=\"USD\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
             "<BookgDt><Dt>2024-03-15</Dt></BookgDt><NtryDtls><TxDtls/></NtryDtls></Ntry>\n"),
      "usd.xml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ((*r)[0].currency, "USD");  // no Acct/Ccy, no balance: the first entry's
  std::string doc = Doc053(Booked("1.00", "CRDT", "<NtryDtls><TxDtls/></NtryDtls>") +
                           "<Ntry><Amt Ccy=\"USD\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
                           "<BookgDt><Dt>2024-03-15</Dt></BookgDt><NtryDtls><TxDtls/></NtryDtls>"
                           "</Ntry>\n");
  r = ReadCamt(doc, "mixed.xml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ((*r)[0].warnings.size(), 1u);
  EXPECT_EQ((*r)[0].warnings[0], "line 8: an entry in \"USD\" on an account in \"EUR\"");
}

// --- Refusals: file, line and element ---

TEST(Camt, MissingOrBadRequiredElements) {
  struct Case {
    std::string body;
    std::string message;
  };
  const Case cases[] = {
      {"<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>\n",
       "t.xml: line 7, element Stmt/Ntry/BookgDt: missing"},
      {"<Ntry><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-03-15</Dt></BookgDt></Ntry>\n",
       "t.xml: line 7, element Stmt/Ntry/Amt: missing"},
      {"<Ntry><Amt>1.00</Amt><BookgDt><Dt>2024-03-15</Dt></BookgDt></Ntry>\n",
       "t.xml: line 7, element Stmt/Ntry/CdtDbtInd: missing"},
      {Booked("12,50", "CRDT", ""),
       "t.xml: line 7, element Stmt/Ntry/Amt: \"12,50\" is not an amount"},
      {Booked("-5.00", "CRDT", ""),
       "t.xml: line 7, element Stmt/Ntry/Amt: \"-5.00\" is not an amount"},
      {Booked("5.005", "CRDT", ""),
       "t.xml: line 7, element Stmt/Ntry/Amt: \"5.005\" is not an amount"},
      {Booked("5.", "CRDT", ""), "t.xml: line 7, element Stmt/Ntry/Amt: \"5.\" is not an amount"},
      {Booked("1.00", "CRED", ""),
       "t.xml: line 7, element Stmt/Ntry/CdtDbtInd: \"CRED\" must be CRDT or DBIT"},
      {"<Ntry><Amt>1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-02-30</Dt></BookgDt>"
       "</Ntry>\n",
       "t.xml: line 7, element Stmt/Ntry/BookgDt: \"2024-02-30\" is not a date (YYYY-MM-DD)"},
      {"<Ntry><Amt>1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><DtTm>2024-03-15</DtTm>"
       "</BookgDt></Ntry>\n",
       "t.xml: line 7, element Stmt/Ntry/BookgDt: \"2024-03-15\" is not a date-time "
       "(YYYY-MM-DDThh:mm:ss)"},
      {"<Ntry><Amt>1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt/></Ntry>\n",
       "t.xml: line 7, element Stmt/Ntry/BookgDt: has neither Dt nor DtTm"},
      {"<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><CdtDbtInd>CRDT</CdtDbtInd></Bal>\n",
       "t.xml: line 7, element Stmt/Bal/Amt: missing"},
      {Booked("1.00", "CRDT", "<NtryDtls><TxDtls><Amt Ccy=\"EUR\">x</Amt></TxDtls></NtryDtls>"),
       "t.xml: line 7, element Stmt/Ntry/NtryDtls/TxDtls/Amt: \"x\" is not an amount"},
  };
  for (const Case& c : cases) {
    auto r = ReadCamt(Doc053(c.body), "t.xml");
    ASSERT_FALSE(r.ok()) << c.body;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(r.status().message(), c.message);
  }
  // Several Ntry on several lines: the line is the entry's.
  auto r = ReadCamt(Doc053(Booked("1.00", "CRDT", "") + Booked("1.00", "DBIT", "") +
                           "<Ntry><Amt>1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>\n"),
                    "t.xml");
  EXPECT_EQ(r.status().message(), "t.xml: line 9, element Stmt/Ntry/BookgDt: missing");

  std::string no_account = Doc053("");
  no_account.erase(no_account.find("<Acct>"),
                   no_account.find("</Acct>") + 7 - no_account.find("<Acct>"));
  r = ReadCamt(no_account, "t.xml");
  EXPECT_EQ(r.status().message(), "t.xml: line 4, element Stmt/Acct: missing");
}

TEST(Camt, NotCamtDocuments) {
  auto r = ReadCamt(
      "<?xml version=\"1.0\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\">"
      "<CstmrCdtTrfInitn/></Document>",
      "pain.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "pain.xml: line 2: not a camt.053 or camt.054 document (a Document with BkToCstmrStmt "
            "or BkToCstmrDbtCdtNtfctn)");
  r = ReadCamt("<Document>\n<BkToCstmrAcctRpt/></Document>", "report.xml");
  EXPECT_EQ(r.status().message(),
            "report.xml: line 2: a camt.052 account report, not a statement (camt.053) or "
            "notification (camt.054)");
  r = ReadCamt("<Document>\n<BkToCstmrStmt><GrpHdr/></BkToCstmrStmt></Document>", "empty.xml");
  EXPECT_EQ(r.status().message(), "empty.xml: line 2, element BkToCstmrStmt: has no Stmt");
}

TEST(Camt, MalformedXmlNamesFileAndLine) {
  // pugixml points at the name of the end tag that does not match: the S of </Stmts>, byte 38
  // (lines 1-3 are 11 + 16 + 7 bytes), the fifth character of line 4.
  auto r = ReadCamt("<Document>\n<BkToCstmrStmt>\n<Stmt>\n  </Stmts>\n", "bad.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(),
            "bad.xml: line 4, column 5 (byte offset 38): malformed XML: Start-end tags mismatch");

  // A real file cut short.
  std::string full = Slurp(kTestdata + "camt053_belgian.xml");
  std::string cut = full.substr(0, full.find("<Ntry>"));
  r = ReadCamt(cut, "camt053_belgian.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.status().message().starts_with("camt053_belgian.xml: line "))
      << r.status().message();
  EXPECT_NE(r.status().message().find("malformed XML"), std::string::npos);
}

}  // namespace
}  // namespace hh
