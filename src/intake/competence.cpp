#include "intake/competence.h"

#include <array>

namespace hh {
namespace {

struct OfficerRow {
  FindingOfficerKind kind;
  std::string_view name;
  bool records_mixed;  // may record mixed offences, not only purely administrative ones
};

// Art. 21 GAS-wet as summarised by https://www.besafe.be/en/node/311 (GAS.md 1.2): "police
// officers, agenten van politie and special rural guards can record every kind of offence
// (purely administrative and mixed). Municipal, provincial and regional officials, and staff of
// inter-municipal bodies and autonomous municipal companies (AGB), can record only the purely
// administrative offences." In the order of the enum.
constexpr std::array<OfficerRow, 8> kOfficers = {{
    {FindingOfficerKind::kPolice, "police", true},
    {FindingOfficerKind::kPoliceAgent, "police_agent", true},
    {FindingOfficerKind::kRuralGuard, "rural_guard", true},
    {FindingOfficerKind::kMunicipal, "municipal", false},
    {FindingOfficerKind::kProvincial, "provincial", false},
    {FindingOfficerKind::kRegional, "regional", false},
    {FindingOfficerKind::kIntermunicipal, "intermunicipal", false},
    {FindingOfficerKind::kAgb, "agb", false},
}};

// For a value outside the enum (a bad cast): no competence beyond the purely administrative.
constexpr OfficerRow kUnknownOfficer = {FindingOfficerKind::kMunicipal, "unknown", false};

const OfficerRow& Row(FindingOfficerKind kind) {
  for (const OfficerRow& row : kOfficers) {
    if (row.kind == kind) return row;
  }
  return kUnknownOfficer;
}

}  // namespace

std::string_view FindingOfficerKindName(FindingOfficerKind kind) { return Row(kind).name; }

std::optional<FindingOfficerKind> ParseFindingOfficerKind(std::string_view name) {
  for (const OfficerRow& row : kOfficers) {
    if (row.name == name) return row.kind;
  }
  return std::nullopt;
}

std::string_view OffenceKindName(OffenceKind kind) {
  return kind == OffenceKind::kMixed ? "mixed" : "administrative";
}

std::optional<OffenceKind> ParseOffenceKind(std::string_view name) {
  if (name == "administrative") return OffenceKind::kAdministrative;
  if (name == "mixed") return OffenceKind::kMixed;
  return std::nullopt;
}

bool MayRecord(FindingOfficerKind officer, OffenceKind offence) {
  return offence == OffenceKind::kAdministrative || Row(officer).records_mixed;
}

}  // namespace hh
