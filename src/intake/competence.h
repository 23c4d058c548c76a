// Competence of finding officers ("vaststellers"): which kind of officer may record which kind of
// GAS-overlast offence (art. 21 GAS-wet, GAS.md 1.2 and 6.1). Two small enums and pure functions
// over an immutable table; thread-safe.
#pragma once

#include <optional>
#include <string_view>

namespace hh {

// An OVERLAST offence is purely administrative (only the municipal regulation punishes it) or
// mixed (also a criminal offence: the PV goes to the procureur des Konings too, GAS.md 1.4.1).
enum class OffenceKind {
  kAdministrative,
  kMixed,
};

// Who recorded a finding (art. 21 GAS-wet, GAS.md 1.2).
enum class FindingOfficerKind {
  kPolice,          // police officer (politieambtenaar)
  kPoliceAgent,     // "agent van politie"
  kRuralGuard,      // special rural guard (bijzondere veldwachter)
  kMunicipal,       // municipal official (gemeentelijk ambtenaar)
  kProvincial,      // provincial official
  kRegional,        // regional official
  kIntermunicipal,  // staff of an inter-municipal body (intercommunale)
  kAgb,             // staff of an autonomous municipal company (autonoom gemeentebedrijf)
};

// The name used in files: "police", "police_agent", "rural_guard", "municipal", "provincial",
// "regional", "intermunicipal", "agb".
std::string_view FindingOfficerKindName(FindingOfficerKind kind);
// The kind named exactly (case-sensitive) by FindingOfficerKindName, or nullopt.
std::optional<FindingOfficerKind> ParseFindingOfficerKind(std::string_view name);

// "administrative" or "mixed".
std::string_view OffenceKindName(OffenceKind kind);
// The kind named exactly by OffenceKindName, or nullopt.
std::optional<OffenceKind> ParseOffenceKind(std::string_view name);

// Whether an officer of kind `officer` may record an offence of kind `offence` (art. 21 GAS-wet,
// https://www.besafe.be/en/node/311): police officers, police agents and special rural guards
// record every kind; municipal, provincial and regional officials and the staff of
// inter-municipal bodies and AGBs record only purely administrative offences. (Stopping and
// parking findings have their own rule, GAS.md 1.2, and do not go through this function.)
bool MayRecord(FindingOfficerKind officer, OffenceKind offence);

}  // namespace hh
