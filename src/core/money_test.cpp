#include "core/money.h"

#include <gtest/gtest.h>

namespace hh {
namespace {

TEST(Money, ParsesBothDecimalSeparators) {
  EXPECT_EQ(Money::Parse("58")->cents(), 5800);
  EXPECT_EQ(Money::Parse("58.00")->cents(), 5800);
  EXPECT_EQ(Money::Parse("58,5")->cents(), 5850);
  EXPECT_EQ(Money::Parse("-3044.45")->cents(), -304445);
  EXPECT_EQ(Money::Parse("+0.01")->cents(), 1);
  EXPECT_FALSE(Money::Parse("58.001").ok());
  EXPECT_FALSE(Money::Parse("1.118.172,73").ok());  // thousands separators are not for machines
  EXPECT_FALSE(Money::Parse("").ok());
  EXPECT_FALSE(Money::Parse(".5").ok());
  EXPECT_FALSE(Money::Parse("5.").ok());
  EXPECT_FALSE(Money::Parse("EUR 5").ok());
  EXPECT_FALSE(Money::Parse("99999999999999999999").ok());
}

// What people type and spreadsheets hold: grouping dots, a euro sign or word, ",-".
TEST(Money, ParsesAmountsAsPeopleWriteThem) {
  auto cents = [](std::string_view t) { return Money::ParseWritten(t)->cents(); };
  EXPECT_EQ(cents("58"), 5800);
  EXPECT_EQ(cents("58.50"), 5850);  // a machine's decimal point still works
  EXPECT_EQ(cents("58,5"), 5850);
  EXPECT_EQ(cents("1.234,56"), 123456);
  EXPECT_EQ(cents("1.234"), 123400);  // one group of three: thousands, not three decimals
  EXPECT_EQ(cents("1.118.172"), 111817200);
  EXPECT_EQ(cents("€ 268.172,73"), 26817273);
  EXPECT_EQ(cents("268.172,73,- euro"), 26817273);
  EXPECT_EQ(cents("EUR 58,00"), 5800);
  EXPECT_EQ(cents(" 1 250,00 € "), 125000);  // spaces are dropped
  EXPECT_EQ(cents("-€ 5,00"), -500);         // as ToDutchString writes it
  EXPECT_EQ(cents("-1.234,56"), -123456);
  EXPECT_EQ(cents("€ -5,00"), -500);  // the sign after the currency, as some spreadsheets do
  EXPECT_FALSE(Money::ParseWritten("-€ -5,00").ok());
  EXPECT_EQ(Money::ParseWritten(Money::FromCents(111817273).ToDutchString())->cents(), 111817273);
  EXPECT_FALSE(Money::ParseWritten("1,234.56").ok());  // ',' is the decimal separator here
  EXPECT_FALSE(Money::ParseWritten("12.34.5").ok());
  EXPECT_FALSE(Money::ParseWritten("1234.567").ok());
  EXPECT_FALSE(Money::ParseWritten(".234,00").ok());
  EXPECT_FALSE(Money::ParseWritten("1234.567,00").ok());
  EXPECT_FALSE(Money::ParseWritten("--5").ok());
  EXPECT_FALSE(Money::ParseWritten("€").ok());
  EXPECT_FALSE(Money::ParseWritten("tien euro").ok());
  const Status bad = Money::ParseWritten("12.34.5").status();
  EXPECT_NE(bad.message().find("\"12.34.5\""), std::string::npos) << bad.message();
}

TEST(Money, FormatsForPeopleAndMachines) {
  EXPECT_EQ(Money::FromCents(5800).ToDutchString(), "€ 58,00");
  EXPECT_EQ(Money::FromCents(111817273).ToDutchString(), "€ 1.118.172,73");
  EXPECT_EQ(Money::FromCents(100000).ToDutchString(), "€ 1.000,00");
  EXPECT_EQ(Money::FromCents(99999).ToDutchString(), "€ 999,99");
  EXPECT_EQ(Money::FromCents(-500).ToDutchString(), "-€ 5,00");
  EXPECT_EQ(Money::FromCents(5).ToDecimalString(), "0.05");
  EXPECT_EQ(Money::FromCents(-304445).ToDecimalString(), "-3044.45");
  EXPECT_EQ((Money::FromEuro(58) + Money::FromCents(1)).cents(), 5801);
}

}  // namespace
}  // namespace hh
