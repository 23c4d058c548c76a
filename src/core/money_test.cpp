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
