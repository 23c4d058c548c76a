#include "core/plate.h"

#include <gtest/gtest.h>

namespace hh {
namespace {

std::string N(std::string_view raw) {
  auto p = Plate::Parse(raw);
  return p.ok() ? p->normalised() : "<invalid>";
}

TEST(Plate, SpellingsOfOnePlateAreEqual) {
  EXPECT_EQ(N("1-abc-123"), "1ABC123");
  EXPECT_EQ(N("1 ABC 123"), "1ABC123");
  EXPECT_EQ(N("1ABC123"), "1ABC123");
  EXPECT_EQ(N("1a.Bc.123"), "1ABC123");
  EXPECT_EQ(*Plate::Parse("1-abc-123"), *Plate::Parse("1 ABC 123"));
}

TEST(Plate, DropsEverythingButAsciiLettersAndDigits) {
  EXPECT_EQ(N("1\xC3\x84"
              "BC123"),
            "1BC123");  // Ä (UTF-8) is dropped, not upper-cased
  EXPECT_EQ(N("\tab_c\n"), "ABC");
  EXPECT_EQ(N("---"), "<invalid>");
  EXPECT_EQ(N(""), "<invalid>");
  EXPECT_EQ(N("\xC3\xA9"), "<invalid>");
}

}  // namespace
}  // namespace hh
