#include "gas/case.h"

#include <fmt/core.h>

#include <array>
#include <cctype>

namespace hh {
namespace {

constexpr std::array<std::string_view, 4> kPartyRoles = {"offender", "holder", "driver", "parent"};
constexpr std::array<std::string_view, kTrackCount> kPrefixes = {"OV", "PK", "AL"};

}  // namespace

std::string CaseNumber(Track track, int year_opened, CaseId id) {
  return fmt::format("{}/{:04d}/{:06d}", kPrefixes[static_cast<int>(track)], year_opened, id.value);
}

std::string_view PartyRoleName(PartyRole role) { return kPartyRoles[static_cast<int>(role)]; }

Result<PartyRole> ParsePartyRole(std::string_view name) {
  for (size_t i = 0; i < kPartyRoles.size(); ++i) {
    if (kPartyRoles[i] == name) return static_cast<PartyRole>(i);
  }
  return InvalidArgument("unknown party role \"" + std::string(name) + "\"");
}

std::string OffenderKey(const Party& party) {
  if (party.company) {
    return party.company_number.empty() ? std::string() : "kbo:" + party.company_number;
  }
  if (!party.birth_date || party.name.empty()) return {};
  // Letters and digits only, lower-cased, words separated by one space: "De Smet,  Jan" and
  // "de smet jan" are one person (with the same birth date).
  std::string key = "person:";
  bool space = false;
  for (char ch : party.name) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 || c >= 0x80) {
      if (space && key.back() != ':') key += ' ';
      space = false;
      key += static_cast<char>(std::tolower(c));
    } else {
      space = true;
    }
  }
  key += '|';
  key += party.birth_date->ToIsoString();
  return key;
}

}  // namespace hh
