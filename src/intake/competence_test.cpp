// The competence matrix of art. 21 GAS-wet (GAS.md 1.2) for every kind of finding officer, and
// the names used in files.
#include "intake/competence.h"

#include <gtest/gtest.h>

namespace hh {
namespace {

using K = FindingOfficerKind;

TEST(MayRecord, EveryOfficerKindAgainstBothOffenceKinds) {
  struct Row {
    K kind;
    const char* name;
    bool mixed;  // GAS.md 1.2: police, police agents and special rural guards only
  };
  const Row rows[] = {
      {K::kPolice, "police", true},
      {K::kPoliceAgent, "police_agent", true},
      {K::kRuralGuard, "rural_guard", true},
      {K::kMunicipal, "municipal", false},
      {K::kProvincial, "provincial", false},
      {K::kRegional, "regional", false},
      {K::kIntermunicipal, "intermunicipal", false},
      {K::kAgb, "agb", false},
  };
  for (const Row& r : rows) {
    EXPECT_TRUE(MayRecord(r.kind, OffenceKind::kAdministrative)) << r.name;
    EXPECT_EQ(MayRecord(r.kind, OffenceKind::kMixed), r.mixed) << r.name;
    EXPECT_EQ(FindingOfficerKindName(r.kind), r.name);
    EXPECT_EQ(ParseFindingOfficerKind(r.name), r.kind) << r.name;
  }
}

TEST(MayRecord, AValueOutsideTheEnumRecordsOnlyAdministrativeOffences) {
  const auto bad = static_cast<FindingOfficerKind>(99);
  EXPECT_TRUE(MayRecord(bad, OffenceKind::kAdministrative));
  EXPECT_FALSE(MayRecord(bad, OffenceKind::kMixed));
}

TEST(FindingOfficerKindNames, ParseIsExact) {
  for (const char* wrong : {"", "Police", "police ", "agent", "mayor", "AGB", "rural guard"}) {
    EXPECT_EQ(ParseFindingOfficerKind(wrong), std::nullopt) << wrong;
  }
}

TEST(OffenceKindNames, RoundTripAndExactParse) {
  EXPECT_EQ(OffenceKindName(OffenceKind::kAdministrative), "administrative");
  EXPECT_EQ(OffenceKindName(OffenceKind::kMixed), "mixed");
  EXPECT_EQ(ParseOffenceKind("administrative"), OffenceKind::kAdministrative);
  EXPECT_EQ(ParseOffenceKind("mixed"), OffenceKind::kMixed);
  for (const char* wrong : {"", "Mixed", "admin", "criminal", "mixed "}) {
    EXPECT_EQ(ParseOffenceKind(wrong), std::nullopt) << wrong;
  }
}

}  // namespace
}  // namespace hh
