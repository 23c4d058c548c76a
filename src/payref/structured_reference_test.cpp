#include "payref/structured_reference.h"

#include <gtest/gtest.h>

namespace hh {
namespace {

// Check digits by hand: 909337554 = 97 * 9374614 + 93; 1231234123 = 97 * 12693135 + 28;
// 9999999999 = 97 * 103092783 + 48; 97 and 194 are multiples of 97 (remainder 0 -> "97").

TEST(StructuredReference, FromBaseComputesTheCheckDigits) {
  auto r = StructuredReference::FromBase(909337554);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->digits(), "090933755493");
  EXPECT_EQ(r->Printed(), "+++090/9337/55493+++");
  EXPECT_EQ(r->base(), 909337554u);

  EXPECT_EQ(StructuredReference::FromBase(1231234123)->Printed(), "+++123/1234/12328+++");
  EXPECT_EQ(StructuredReference::FromBase(1)->digits(), "000000000101");
  EXPECT_EQ(StructuredReference::FromBase(96)->digits(), "000000009696");
  EXPECT_EQ(StructuredReference::FromBase(StructuredReference::kMaxBase)->digits(), "999999999948");
}

TEST(StructuredReference, RemainderZeroIsWrittenAs97) {
  EXPECT_EQ(StructuredReference::FromBase(0)->Printed(), "+++000/0000/00097+++");
  EXPECT_EQ(StructuredReference::FromBase(97)->digits(), "000000009797");
  EXPECT_EQ(StructuredReference::FromBase(194)->digits(), "000000019497");
  // "00" is never a valid check, not even for a multiple of 97.
  EXPECT_FALSE(StructuredReference::FromDigits("000000009700").ok());
  EXPECT_FALSE(StructuredReference::FromDigits("000000000000").ok());
  EXPECT_TRUE(StructuredReference::FromDigits("000000000097").ok());
}

TEST(StructuredReference, FromBaseRejectsElevenDigits) {
  auto r = StructuredReference::FromBase(StructuredReference::kMaxBase + 1);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
}

TEST(StructuredReference, FromDigitsChecksLengthDigitsAndCheck) {
  auto ok = StructuredReference::FromDigits("090933755493");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->base(), 909337554u);

  auto wrong_check = StructuredReference::FromDigits("090933755494");
  ASSERT_FALSE(wrong_check.ok());
  EXPECT_EQ(wrong_check.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(wrong_check.status().message().find("check"), std::string::npos)
      << wrong_check.status().ToString();

  auto eleven = StructuredReference::FromDigits("09093375549");
  ASSERT_FALSE(eleven.ok());
  EXPECT_NE(eleven.status().message().find("12 digits"), std::string::npos)
      << eleven.status().ToString();
  EXPECT_FALSE(StructuredReference::FromDigits("0909337554930").ok());  // 13
  EXPECT_FALSE(StructuredReference::FromDigits("").ok());

  auto letter = StructuredReference::FromDigits("09093375549A");
  ASSERT_FALSE(letter.ok());
  EXPECT_NE(letter.status().message().find("not a digit"), std::string::npos)
      << letter.status().ToString();
  EXPECT_FALSE(StructuredReference::FromDigits("O90933755493").ok());  // letter O, not zero
  EXPECT_FALSE(StructuredReference::FromDigits("+90933755493").ok());
}

TEST(StructuredReference, ParseAcceptsTheWrittenForms) {
  const auto want = *StructuredReference::FromDigits("090933755493");
  for (const char* text : {"+++090/9337/55493+++", "***090/9337/55493***", "090/9337/55493",
                           "090933755493", "  +++090/9337/55493+++  ", "+++ 090 / 9337 / 55493 +++",
                           "+++090 9337 55493+++", "+++090933755493+++", "***0909 3375 5493***"}) {
    auto r = StructuredReference::Parse(text);
    ASSERT_TRUE(r.ok()) << text << ": " << r.status().ToString();
    EXPECT_EQ(*r, want) << text;
  }
}

TEST(StructuredReference, ParseRejectsEverythingElse) {
  for (const char* text : {
           "+++090/9337/55494+++",   // wrong check
           "+++090/9337/5549+++",    // 11 digits
           "+++090/9337/554930+++",  // 13 digits
           "+++090/9337/5549A+++",   // a letter
           "+++090/9337/55493***",   // mixed delimiters
           "+++090/9337/55493",      // not closed
           "090/9337/55493+++",      // not opened
           "++090/9337/55493++",     // two are not a delimiter
           "0909/337/55493",         // slashes in the wrong places
           "090/933755493",          // one slash
           "090-9337-55493",         // other separators
           "+++++++",
           "",
       }) {
    auto r = StructuredReference::Parse(text);
    EXPECT_FALSE(r.ok()) << text;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << text;
    }
  }
}

TEST(StructuredReference, FindInTextTakesTheFirstValidDelimitedReference) {
  const auto a = *StructuredReference::FromDigits("090933755493");
  const auto b = *StructuredReference::FromDigits("123123412328");

  auto two = StructuredReference::FindInText(
      "GAS boete +++090/9337/55493+++ en ook +++123/1234/12328+++ dank u");
  ASSERT_TRUE(two.has_value());
  EXPECT_EQ(*two, a);

  auto invalid_first =
      StructuredReference::FindInText("eerst +++090/9337/55494+++ dan +++123/1234/12328+++");
  ASSERT_TRUE(invalid_first.has_value());
  EXPECT_EQ(*invalid_first, b);

  // The closing delimiter of a failed candidate may open the next one.
  auto shared = StructuredReference::FindInText("+++12+++123/1234/12328+++");
  ASSERT_TRUE(shared.has_value());
  EXPECT_EQ(*shared, b);

  auto stars = StructuredReference::FindInText("MEDEDELING ***123/1234/12328*** ");
  ASSERT_TRUE(stars.has_value());
  EXPECT_EQ(*stars, b);

  auto spaces = StructuredReference::FindInText("ref:+++ 090 9337 55493 +++einde");
  ASSERT_TRUE(spaces.has_value());
  EXPECT_EQ(*spaces, a);

  auto no_slashes = StructuredReference::FindInText("+++090933755493+++");
  ASSERT_TRUE(no_slashes.has_value());
  EXPECT_EQ(*no_slashes, a);

  auto four_plus = StructuredReference::FindInText("++++090/9337/55493+++");
  ASSERT_TRUE(four_plus.has_value());
  EXPECT_EQ(*four_plus, a);
}

TEST(StructuredReference, FindInTextIgnoresBareDigitsAndBrokenReferences) {
  EXPECT_FALSE(StructuredReference::FindInText("090933755493").has_value());
  EXPECT_FALSE(StructuredReference::FindInText("bel 090933755493 of 090/9337/55493").has_value());
  EXPECT_FALSE(StructuredReference::FindInText("+++090/9337/55494+++").has_value());
  EXPECT_FALSE(StructuredReference::FindInText("+++090/9337/55493***").has_value());
  EXPECT_FALSE(StructuredReference::FindInText("+++090/9337/55493").has_value());
  EXPECT_FALSE(StructuredReference::FindInText("+++09A/9337/55493+++").has_value());
  EXPECT_FALSE(StructuredReference::FindInText("").has_value());
  EXPECT_FALSE(StructuredReference::FindInText("++++++").has_value());
  EXPECT_FALSE(StructuredReference::FindInText("+++" + std::string(1000, '1') + "+++").has_value());
}

}  // namespace
}  // namespace hh
