// VehicleRegister: who held a number plate at a given instant (GAS.md 2.3-2.4), the interface
// every register adapter fills. The register owns its data; a Holder is a copy the caller owns.
// Thread rules are the adapter's: CsvVehicleRegister is immutable after loading, so Lookup may
// be called from many threads; an adapter for a remote register may block on the network.
//
// Where the real adapters go. In Belgium the register is kept by the DIV (Directie Inschrijving
// Voertuigen, FOD Mobiliteit); a municipality or GAS service reaches it only under a formal
// authorisation, today a data-sharing protocol (law of 30 July 2018, formerly the Sectoraal
// comité), in practice through MAGDA. KB 20 July 2001 art. 6 lists the purposes its personal data
// may serve, among them prosecuting offences. The DIV adapter implements this interface; it asks
// for the holder at the instant of the offence, never "now": in the Belgian system the plate
// follows the holder, not the vehicle, so a plate can move to another car and another holder
// (GAS.md 2.4, Wikipedia "Dienst voor Inschrijving van de Voertuigen"). Foreign plates go through
// other adapters behind the same interface: EUCARIS under the CBE directive 2015/413 (amended by
// 2024/3237) and the bilateral agreements with the Netherlands and France (GAS.md 2.4).
//
// Privacy: every lookup is processing of personal data (GDPR art. 4(2)) for a purpose the law
// allows. Callers must log each lookup in the audit trail with the user, the purpose and the case
// it serves; this interface does not log, and neither the plate nor the holder may appear in
// messages or logs. Holder and HolderAddress have no operator<< on purpose.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/instant.h"
#include "core/plate.h"
#include "core/status.h"

namespace hh {

// GAS.md 2.3: a natural person is presumed to be the offender (Wegverkeerswet art. 67bis); a
// legal person must name the driver within 15 days (art. 67ter). So the letter depends on it.
enum class HolderKind { kPerson, kCompany };

struct HolderAddress {
  std::string street, house_number, postal_code, city;
};

struct Holder {
  HolderKind kind = HolderKind::kPerson;
  std::string name;
  HolderAddress address;
  std::optional<LocalDate> birth_date;  // persons (absent for companies)
  std::string company_number;           // companies: 10 digits, no dots or spaces (else empty)
  std::string language;                 // "nl", "fr", "de" or "en": the language letters go out in
};

struct RegisterQuery {
  Plate plate;
  std::string country;  // where the plate is registered: ISO 3166-1 alpha-2, upper-case ("BE")
  Instant at;           // the instant of the offence
};

class VehicleRegister {
 public:
  virtual ~VehicleRegister() = default;

  // The holder of query.plate (registered in query.country) at query.at; nullopt when the
  // register has no holder for it then (unknown plate, or no registration valid at that
  // instant). Unavailable when the register cannot be reached. The caller logs the lookup (see
  // above) whatever the answer.
  virtual Result<std::optional<Holder>> Lookup(const RegisterQuery& query) = 0;

  // A short name for logs and the audit ("csv:register.csv", later "div"). Never personal data.
  virtual std::string Name() const = 0;
};

// Checks every adapter needs on what a register returns (the CSV register uses them on its rows).

// "person" or "company", as register files spell the kind.
std::string_view HolderKindName(HolderKind kind);

// Two ASCII letters, upper-cased ("be" -> "BE"); nullopt for anything else. Whether the code is
// an assigned ISO 3166-1 country is not checked.
std::optional<std::string> NormaliseCountryCode(std::string_view raw);

// A Belgian enterprise number (KBO/BCE) as 10 digits: dots and spaces are dropped
// ("0123.456.789" -> "0123456789"); nullopt when anything but 10 digits is left. The mod-97 check
// digits are not verified: the register is the authority on the numbers it holds.
std::optional<std::string> NormaliseCompanyNumber(std::string_view raw);

// True for "nl", "fr", "de" (Belgium's three official languages, Grondwet art. 4) and "en" (for
// holders abroad): the languages letters can go out in. Lower-case only.
bool IsLetterLanguage(std::string_view code);

}  // namespace hh
