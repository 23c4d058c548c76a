#include "payref/epc_qr.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace hh {
namespace {

namespace fs = std::filesystem;

fs::path FixtureDir() { return fs::path(HH_SOURCE_DIR "/../shared/fixtures") / "epc-qr"; }

std::string ReadBytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool HaveFixtures() { return fs::is_directory(HH_SOURCE_DIR "/../shared/fixtures"); }
constexpr const char* kNoFixtures =
    "../shared/fixtures is absent: the EPC QR fixture files (EPC069-12, segno) are not compared";

// A synthetic city (BE68539007547034 is the textbook Belgian IBAN; GKCCBEBB is Belfius).
EpcTransfer City() {
  EpcTransfer t;
  t.bic = "GKCCBEBB";
  t.name = "Stad Voorbeeld";
  t.iban = "BE68539007547034";
  t.amount = Money::FromEuro(58);
  t.text = "GAS";
  return t;
}

// The message of a payload that must fail, or a marker when it did not fail.
std::string ErrorOf(const EpcTransfer& t) {
  auto p = EpcPayload(t);
  if (p.ok()) return "<accepted>";
  EXPECT_EQ(p.status().code(), StatusCode::kInvalidArgument);
  return p.status().message();
}

bool Names(const std::string& message, const std::string& field) {
  return message.find("field " + field + ":") != std::string::npos;
}

TEST(EpcQr, ReproducesEpcExample1Utf8) {
  EpcTransfer t;
  t.version = 2;
  t.charset = 1;
  t.bic = "BHBLDEHHXXX";
  t.name = "Franz Musterm\u00e4nn";
  t.iban = "DE71110220330123456789";
  t.amount = Money::FromCents(1230);
  t.purpose = "GDDS";
  t.reference = "RF18539007547034";
  auto p = EpcPayload(t);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  // Ten lines, trailing text and information left out; "ä" is the two bytes C3 A4.
  EXPECT_EQ(*p,
            "BCD\n002\n1\nSCT\nBHBLDEHHXXX\nFranz Musterm\xC3\xA4nn\nDE71110220330123456789\n"
            "EUR12.3\nGDDS\nRF18539007547034");
  EXPECT_EQ(p->size(), 96u);
  if (!HaveFixtures()) GTEST_SKIP() << kNoFixtures;
  EXPECT_EQ(*p, ReadBytes(FixtureDir() / "epc069-12_example1_utf8.txt"));
}

TEST(EpcQr, ReproducesEpcExample2Latin1) {
  EpcTransfer t;
  t.charset = 2;
  t.name = "Fran\u00e7ois D'Alsace S.A.";  // UTF-8 in, one byte E7 out
  t.iban = "FR1420041010050500013M02606";
  t.amount = Money::FromCents(1230);
  t.text = "Client:Marie Louise La Lune";
  auto p = EpcPayload(t);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(*p,
            "BCD\n002\n2\nSCT\n\nFran\xE7ois D'Alsace S.A.\nFR1420041010050500013M02606\nEUR12.3\n"
            "\n\nClient:Marie Louise La Lune");
  EXPECT_EQ(p->size(), 103u);
  if (!HaveFixtures()) GTEST_SKIP() << kNoFixtures;
  EXPECT_EQ(*p, ReadBytes(FixtureDir() / "epc069-12_example2_latin1.txt"));
}

TEST(EpcQr, ReproducesSegnoWikipediaPayloads) {
  if (!HaveFixtures()) GTEST_SKIP() << kNoFixtures;
  EpcTransfer t;
  t.charset = 2;
  t.name = "Wikimedia Foerdergesellschaft";
  t.iban = "DE33100205000001194700";
  t.amount = Money::FromEuro(20);
  t.text = "Spende fuer Wikipedia";
  auto p = EpcPayload(t);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_NE(p->find("\nEUR20\n"), std::string::npos);  // no ".00"
  EXPECT_EQ(*p, ReadBytes(FixtureDir() / "segno-spende-wikipedia.payload.txt"));

  t.charset = 1;
  t.amount = Money::FromCents(1305);
  p = EpcPayload(t);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(*p, ReadBytes(FixtureDir() / "segno-spende-wikipedia2.payload.txt"));
}

TEST(EpcQr, WritesTheBelgianVersion001Sample) {
  // Wikipedia's Belgian sample (fixtures README): version 001 with its BIC, all 12 fields.
  EpcTransfer t;
  t.version = 1;
  t.bic = "BPOTBEB1";
  t.name = "Red Cross of Belgium";
  t.iban = "BE72000000001616";
  t.amount = Money::FromEuro(1);
  t.purpose = "CHAR";
  t.text = "Urgency fund";
  t.information = "Sample EPC QR code";
  auto p = EpcPayload(t);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(*p,
            "BCD\n001\n1\nSCT\nBPOTBEB1\nRed Cross of Belgium\nBE72000000001616\nEUR1\nCHAR\n\n"
            "Urgency fund\nSample EPC QR code");
}

TEST(EpcQr, WritesTheAmountWithoutTrailingZeros) {
  EpcTransfer t = City();
  auto amount_line = [&](int64_t cents) {
    t.amount = Money::FromCents(cents);
    auto p = EpcPayload(t);
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    if (!p.ok()) return std::string();
    std::istringstream lines(*p);
    std::string line;
    for (int i = 0; i < 8; ++i) std::getline(lines, line);
    return line;
  };
  EXPECT_EQ(amount_line(5800), "EUR58");
  EXPECT_EQ(amount_line(2000), "EUR20");
  EXPECT_EQ(amount_line(1230), "EUR12.3");
  EXPECT_EQ(amount_line(1305), "EUR13.05");
  EXPECT_EQ(amount_line(10), "EUR0.1");
  EXPECT_EQ(amount_line(1), "EUR0.01");
  EXPECT_EQ(amount_line(99'999'999'999), "EUR999999999.99");
  // The letters' form: always two decimals (GAS.md 6.6 "EUR58.00").
  t.amount_two_decimals = true;
  EXPECT_EQ(amount_line(5800), "EUR58.00");
  EXPECT_EQ(amount_line(1230), "EUR12.30");
  EXPECT_EQ(amount_line(1), "EUR0.01");
  t.amount_two_decimals = false;

  t.amount.reset();  // no amount: the payer types it; the field stays, empty
  auto p = EpcPayload(t);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(*p, "BCD\n002\n1\nSCT\nGKCCBEBB\nStad Voorbeeld\nBE68539007547034\n\n\n\nGAS");
}

TEST(EpcQr, PaymentTransferPlacesTheOgm) {
  auto ogm = *StructuredReference::FromDigits("090933755493");
  EpcTransfer t = PaymentTransfer("GKCCBEBB", "Stad Voorbeeld", "BE68539007547034",
                                  Money::FromCents(5800), ogm, OgmPlacement::kUnstructured);
  EXPECT_EQ(t.version, 2);
  EXPECT_EQ(t.charset, 1);
  auto p = EpcPayload(t);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(*p,
            "BCD\n002\n1\nSCT\nGKCCBEBB\nStad Voorbeeld\nBE68539007547034\nEUR58.00\n\n\n"
            "+++090/9337/55493+++");

  t = PaymentTransfer("", "Stad Voorbeeld", "BE68539007547034", Money::FromCents(5800), ogm,
                      OgmPlacement::kStructured);
  p = EpcPayload(t);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(*p, "BCD\n002\n1\nSCT\n\nStad Voorbeeld\nBE68539007547034\nEUR58.00\n\n090933755493");
}

TEST(EpcQr, RejectsBadAmounts) {
  EpcTransfer t = City();
  t.amount = Money::FromCents(0);
  EXPECT_TRUE(Names(ErrorOf(t), "amount")) << ErrorOf(t);
  t.amount = Money::FromCents(-100);
  EXPECT_TRUE(Names(ErrorOf(t), "amount")) << ErrorOf(t);
  t.amount = Money::FromCents(100'000'000'000);  // 1000000000.00 > 999999999.99
  EXPECT_TRUE(Names(ErrorOf(t), "amount")) << ErrorOf(t);
}

TEST(EpcQr, ChecksTheBic) {
  EpcTransfer t = City();
  for (const char* bic :
       {"GKCCBEB", "GKCCBEBBX", "GKCCBEBBXX", "GKCCBEBBXXXX", "gkccbebb", "GKCC BEB"}) {
    t.bic = bic;
    EXPECT_TRUE(Names(ErrorOf(t), "bic")) << bic << ": " << ErrorOf(t);
  }
  t.bic = "GKCCBEBBXXX";
  EXPECT_TRUE(EpcPayload(t).ok());
  t.bic = "";
  EXPECT_TRUE(EpcPayload(t).ok());  // optional in 002
  t.version = 1;
  EXPECT_TRUE(Names(ErrorOf(t), "bic")) << ErrorOf(t);  // required in 001
  t.bic = "GKCCBEBB";
  EXPECT_TRUE(EpcPayload(t).ok());
}

TEST(EpcQr, ChecksVersionAndCharset) {
  EpcTransfer t = City();
  t.version = 3;
  EXPECT_TRUE(Names(ErrorOf(t), "version")) << ErrorOf(t);
  t.version = 0;
  EXPECT_TRUE(Names(ErrorOf(t), "version")) << ErrorOf(t);
  t = City();
  t.charset = 0;
  EXPECT_TRUE(Names(ErrorOf(t), "charset")) << ErrorOf(t);
  t.charset = 3;  // ISO-8859-2 and beyond: not written by this encoder
  EXPECT_TRUE(Names(ErrorOf(t), "charset")) << ErrorOf(t);
}

TEST(EpcQr, CountsNameAndTextInCharacters) {
  EpcTransfer t = City();
  t.name = "";
  EXPECT_TRUE(Names(ErrorOf(t), "name")) << ErrorOf(t);
  t.name = std::string(71, 'a');
  EXPECT_TRUE(Names(ErrorOf(t), "name")) << ErrorOf(t);
  t.name = std::string(70, 'a');
  EXPECT_TRUE(EpcPayload(t).ok());
  std::string e70;
  for (int i = 0; i < 70; ++i) e70 += "\u00e9";  // 140 bytes, 70 characters
  t.name = e70;
  EXPECT_TRUE(EpcPayload(t).ok()) << ErrorOf(t);
  t.name = e70 + "\u00e9";
  EXPECT_TRUE(Names(ErrorOf(t), "name")) << ErrorOf(t);

  t = City();
  t.text = std::string(141, 'x');
  EXPECT_TRUE(Names(ErrorOf(t), "text")) << ErrorOf(t);
  std::string u140;
  for (int i = 0; i < 140; ++i) u140 += "\u00fc";  // 280 bytes
  t.bic = "";
  t.name = "N";
  t.text = u140;  // 14 + 1 + 2 + 17 + 6 + 2 + 280 = 322 bytes
  EXPECT_TRUE(EpcPayload(t).ok()) << ErrorOf(t);

  t = City();
  t.information = std::string(71, 'i');
  EXPECT_TRUE(Names(ErrorOf(t), "information")) << ErrorOf(t);
  t.information = std::string(70, 'i');
  EXPECT_TRUE(EpcPayload(t).ok()) << ErrorOf(t);
}

TEST(EpcQr, ChecksReferenceAndText) {
  EpcTransfer t = City();
  t.text = "";
  t.reference = std::string(36, '1');
  EXPECT_TRUE(Names(ErrorOf(t), "reference")) << ErrorOf(t);
  t.reference = std::string(35, '1');
  EXPECT_TRUE(EpcPayload(t).ok()) << ErrorOf(t);
  t.text = "GAS";
  EXPECT_TRUE(Names(ErrorOf(t), "text")) << ErrorOf(t);  // never both

  // Neither: EPC069-12 makes both optional (segno would refuse; see the report).
  t.text = "";
  t.reference = "";
  auto p = EpcPayload(t);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(*p, "BCD\n002\n1\nSCT\nGKCCBEBB\nStad Voorbeeld\nBE68539007547034\nEUR58");
}

TEST(EpcQr, KeepsSlashesAndRejectsLineBreaks) {
  EpcTransfer t = City();
  t.text = "Factuur 2024/05 ref a/b";  // segno issue #105: '/' must survive
  auto p = EpcPayload(t);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->substr(p->rfind('\n') + 1), "Factuur 2024/05 ref a/b");

  t.text = "two\nlines";
  EXPECT_TRUE(Names(ErrorOf(t), "text")) << ErrorOf(t);
  t = City();
  t.name = "Stad\r\nVoorbeeld";
  EXPECT_TRUE(Names(ErrorOf(t), "name")) << ErrorOf(t);
}

TEST(EpcQr, ChecksIbanAndPurpose) {
  EpcTransfer t = City();
  for (const char* iban : {"", "BE68", "BE68 5390 0754 7034", "be68539007547034", "6853900754703",
                           "BEX8539007547034"}) {
    t.iban = iban;
    EXPECT_TRUE(Names(ErrorOf(t), "iban")) << iban << ": " << ErrorOf(t);
  }
  t.iban = "MT" + std::string(32, '1');  // 34: the longest
  EXPECT_TRUE(EpcPayload(t).ok()) << ErrorOf(t);
  t.iban = "MT" + std::string(33, '1');
  EXPECT_TRUE(Names(ErrorOf(t), "iban")) << ErrorOf(t);

  t = City();
  for (const char* purpose : {"GDD", "GDDSS", "gdds", "GD S"}) {
    t.purpose = purpose;
    EXPECT_TRUE(Names(ErrorOf(t), "purpose")) << purpose << ": " << ErrorOf(t);
  }
  t.purpose = "GOVT";
  EXPECT_TRUE(EpcPayload(t).ok()) << ErrorOf(t);
}

TEST(EpcQr, ConvertsToLatin1OrRefuses) {
  EpcTransfer t = City();
  t.charset = 2;
  t.name = "Ville de Li\u00e8ge";
  t.text = "Amende \u00c9t\u00e9";
  auto p = EpcPayload(t);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(*p,
            "BCD\n002\n2\nSCT\nGKCCBEBB\nVille de Li\xE8ge\nBE68539007547034\nEUR58\n\n\n"
            "Amende \xC9t\xE9");

  t.text = "Boete \u20ac 58";  // the euro sign is not in ISO-8859-1
  EXPECT_TRUE(Names(ErrorOf(t), "text")) << ErrorOf(t);
  t.text = "GAS";
  t.name = "Stad \xE9";  // Latin-1 given where UTF-8 is expected
  EXPECT_TRUE(Names(ErrorOf(t), "name")) << ErrorOf(t);
  t.charset = 1;
  EXPECT_TRUE(Names(ErrorOf(t), "name")) << ErrorOf(t);
  t.name = "Stad \xC3";  // truncated sequence
  EXPECT_TRUE(Names(ErrorOf(t), "name")) << ErrorOf(t);
  t.name = "Stad \xC0\xAF";  // overlong '/'
  EXPECT_TRUE(Names(ErrorOf(t), "name")) << ErrorOf(t);
}

TEST(EpcQr, LimitsThePayloadTo331Bytes) {
  // 3+3+1+3 + 8 (BIC) + 70 (name) + 16 (IBAN) + 4 (EUR1) + 0 + 0 + 210 (text: 70 x "é" and 70
  // x "b") + n (information) + 11 line feeds = 329 + n bytes.
  EpcTransfer t = City();
  t.name = std::string(70, 'a');
  t.amount = Money::FromEuro(1);
  t.text.clear();
  for (int i = 0; i < 70; ++i) t.text += "\u00e9";
  t.text += std::string(70, 'b');
  t.information = "cc";
  auto p = EpcPayload(t);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->size(), 331u);
  t.information = "ccc";
  EXPECT_TRUE(Names(ErrorOf(t), "payload")) << ErrorOf(t);
  t.charset = 2;  // the same characters are 70 bytes fewer in ISO-8859-1
  p = EpcPayload(t);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->size(), 262u);
}

}  // namespace
}  // namespace hh
