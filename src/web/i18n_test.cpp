// The translation table: its format and errors, and the shipped table (complete in French, and
// its Dutch state labels agree with the procedures').
#include "web/i18n.h"

#include <gtest/gtest.h>

#include "gas/procedure.h"

namespace hh {
namespace {

TEST(TranslationsTest, ParsesAndLooksUp) {
  auto t = Translations::Parse("# comment\nkey\tnl\tfr\n\nhello\tHallo\tBonjour\r\n", "x.tsv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->size(), 1u);
  EXPECT_EQ(t->Get(Lang::kNl, "hello"), "Hallo");
  EXPECT_EQ(t->Get(Lang::kFr, "hello"), "Bonjour");
  EXPECT_EQ(t->Get(Lang::kFr, "nope"), "nope");
  EXPECT_TRUE(t->Has("hello"));
}

TEST(TranslationsTest, ErrorsNameFileLineAndField) {
  EXPECT_EQ(Translations::Parse("key\tnl\tfr\na\tA\t\n", "i18n.tsv").status().message(),
            "i18n.tsv: line 2, field fr: empty for key \"a\" (every text needs French too)");
  EXPECT_EQ(Translations::Parse("key\tnl\tfr\na\t\tA\n", "i18n.tsv").status().message(),
            "i18n.tsv: line 2, field nl: empty for key \"a\"");
  EXPECT_EQ(Translations::Parse("key\tnl\tfr\na\tA\tA\n\na\tB\tB\n", "i18n.tsv").status().message(),
            "i18n.tsv: line 4, field key: \"a\" appears twice");
  EXPECT_EQ(Translations::Parse("key\tnl\tfr\na\tA\n", "i18n.tsv").status().message(),
            "i18n.tsv: line 2: 2 fields; a line is key<TAB>nl<TAB>fr");
  EXPECT_EQ(Translations::Parse("k\tnl\tfr\n", "i18n.tsv").status().message(),
            "i18n.tsv: line 1: the first line must be the header key<TAB>nl<TAB>fr");
  EXPECT_EQ(Translations::Parse("", "i18n.tsv").status().code(), StatusCode::kInvalidArgument);
}

TEST(TranslationsTest, LanguageCodes) {
  Lang l = Lang::kNl;
  EXPECT_TRUE(ParseLang("fr", &l));
  EXPECT_EQ(l, Lang::kFr);
  EXPECT_TRUE(ParseLang("nl-BE", &l));
  EXPECT_EQ(l, Lang::kNl);
  EXPECT_FALSE(ParseLang("de", &l));
  EXPECT_FALSE(ParseLang("france", &l));
  EXPECT_FALSE(ParseLang("", &l));
}

TEST(TranslationsTest, TheShippedTableAgreesWithTheProcedures) {
  auto t = Translations::Load(std::string(HH_SOURCE_DIR) + "/templates/web/i18n.tsv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  for (int i = 0; i < kCaseStateCount; ++i) {
    const auto s = static_cast<CaseState>(i);
    const std::string key = "state." + std::string(CaseStateName(s));
    ASSERT_TRUE(t->Has(key)) << key;
    EXPECT_EQ(t->Get(Lang::kNl, key), CaseStateLabelNl(s)) << key;
    EXPECT_NE(t->Get(Lang::kFr, key), t->Get(Lang::kNl, key)) << key;
  }
}

}  // namespace
}  // namespace hh
