#include "gas/case.h"

#include <gtest/gtest.h>

namespace hh {
namespace {

TEST(Case, NumberShowsTrackYearAndId) {
  EXPECT_EQ(CaseNumber(Track::kAutoluw, 2026, CaseId{42}), "AL/2026/000042");
  EXPECT_EQ(CaseNumber(Track::kOverlast, 2027, CaseId{1234567}), "OV/2027/1234567");
  EXPECT_EQ(CaseNumber(Track::kParkeren, 2026, CaseId{7}), "PK/2026/000007");
}

TEST(Case, OffenderKeyMatchesOnePersonWrittenTwoWays) {
  Party a;
  a.name = "De Smet,  Jan";
  a.birth_date = LocalDate::FromDays(10000);
  Party b = a;
  b.name = "de smet jan";
  EXPECT_EQ(OffenderKey(a), OffenderKey(b));
  EXPECT_EQ(OffenderKey(a), "person:de smet jan|1997-05-19");
  Party other = a;
  other.birth_date = LocalDate::FromDays(10001);
  EXPECT_NE(OffenderKey(a), OffenderKey(other));
  Party nobirth = a;
  nobirth.birth_date.reset();
  EXPECT_EQ(OffenderKey(nobirth), "");
  Party company;
  company.company = true;
  company.company_number = "0403170701";
  EXPECT_EQ(OffenderKey(company), "kbo:0403170701");
}

TEST(Case, PartyRolesRoundTrip) {
  for (PartyRole r :
       {PartyRole::kOffender, PartyRole::kHolder, PartyRole::kDriver, PartyRole::kParent}) {
    EXPECT_EQ(*ParsePartyRole(PartyRoleName(r)), r);
  }
  EXPECT_FALSE(ParsePartyRole("witness").ok());
}

}  // namespace
}  // namespace hh
