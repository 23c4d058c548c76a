#include "anpr/confidence.h"

#include <gtest/gtest.h>

namespace hh {
namespace {

Confidence C(std::string_view s) {
  Confidence c;
  EXPECT_EQ(Confidence::Parse(s, &c), Confidence::ParseError::kNone) << s;
  return c;
}

Confidence::ParseError E(std::string_view s) {
  Confidence c;
  return Confidence::Parse(s, &c);
}

TEST(Confidence, ComparesExactly) {
  EXPECT_EQ(C("0.9"), C("0.90"));
  EXPECT_EQ(C("0.900000000000000000000"), C("0.9"));
  EXPECT_LT(C("0.8999999999999999999"), C("0.9"));  // a double would round this to 0.9
  EXPECT_LT(C("0.9"), C("0.9000000000000000000001"));
  EXPECT_LT(C("0.89"), C("0.9"));
  EXPECT_EQ(C("1"), C("1.000"));
  EXPECT_EQ(C("0"), C(".0"));
  EXPECT_EQ(C("-0"), C("0"));
  EXPECT_EQ(C(".5"), C("0.5"));
  EXPECT_EQ(C("000.5"), C("0.5"));
}

TEST(Confidence, RejectsNonNumbersAndOutOfRange) {
  using PE = Confidence::ParseError;
  EXPECT_EQ(E("abc"), PE::kNotANumber);
  EXPECT_EQ(E(""), PE::kNotANumber);
  EXPECT_EQ(E("."), PE::kNotANumber);
  EXPECT_EQ(E("0.9 "), PE::kNotANumber);
  EXPECT_EQ(E("9e-1"), PE::kNotANumber);
  EXPECT_EQ(E("0,9"), PE::kNotANumber);
  EXPECT_EQ(E("NaN"), PE::kNotANumber);
  EXPECT_EQ(E("1.01"), PE::kOutOfRange);
  EXPECT_EQ(E("1.0000000000000000000001"), PE::kOutOfRange);
  EXPECT_EQ(E("2"), PE::kOutOfRange);
  EXPECT_EQ(E("100"), PE::kOutOfRange);
  EXPECT_EQ(E("-0.1"), PE::kOutOfRange);
}

}  // namespace
}  // namespace hh
