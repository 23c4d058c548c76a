#include "handling/holder_identification.h"

#include "gas/age.h"

namespace hh {
namespace {

bool HasAgreement(const GasSettings& settings, std::string_view country) {
  if (country == "BE") return true;
  std::string_view list = settings.foreign_agreements;
  while (!list.empty()) {
    const size_t comma = list.find(',');
    if (list.substr(0, comma) == country) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

// The plate's country as the register and the agreements spell it: ISO 3166-1 upper-case, as
// the camera may write it in any case ("nl" -> "NL"); empty is a Belgian plate. Text that is not
// two letters is kept as it is: no agreement matches it, so the case waits in the foreign queue.
std::string CountryOf(const Case& c) {
  if (c.country.empty()) return "BE";
  std::optional<std::string> code = NormaliseCountryCode(c.country);
  return code ? *code : c.country;
}

Party HolderParty(const Holder& h) {
  Party p;
  p.role = PartyRole::kHolder;
  p.company = h.kind == HolderKind::kCompany;
  p.name = h.name;
  p.birth_date = h.birth_date;
  p.company_number = h.company_number;
  p.address = {h.address.street, h.address.house_number, h.address.postal_code, h.address.city};
  p.language = h.language.empty() ? "nl" : h.language;
  p.addressee = true;
  return p;
}

Status MoveBy(CaseStore& store, const GasSettings& settings, Case& c, std::string_view action,
              const Actor& actor, const ActInput& in, Instant now) {
  auto t = FindTransition(c.track, c.state, action);
  if (!t.ok()) return t.status();
  return Move(store, settings, c, **t, actor, in, now);
}

}  // namespace

Result<LookupReport> IdentifyHolders(CaseStore& store, VehicleRegister& reg,
                                     const GasSettings& settings, const Actor& actor, Instant now,
                                     uint64_t limit) {
  // Every outcome of a lookup is taken by the same roles: those of holder_person.
  auto outcome = FindTransition(Track::kParkeren, CaseState::kHolderLookup, "holder_person");
  if (!outcome.ok()) return outcome.status();
  if (!RoleMayTake(**outcome, actor.role)) {
    return Status(StatusCode::kPermissionDenied, "user \"" + actor.login + "\" (" +
                                                     std::string(RoleName(actor.role)) +
                                                     ") may not query the vehicle register");
  }
  LookupReport report;
  CaseFilter filter;
  filter.state = CaseState::kHolderLookup;
  filter.limit = 500;
  for (;;) {
    auto page = store.ListCases(filter);
    if (!page.ok()) return page.status();
    for (const CaseSummary& s : page->cases) {
      if (limit != 0 && report.cases >= limit) return report;
      ++report.cases;
      Status done = store.Transact([&]() -> Status {
        auto c = store.GetCase(s.id);
        if (!c.ok()) return c.status();
        if (c->state != CaseState::kHolderLookup) return Status::Ok();  // moved meanwhile
        const std::string country = CountryOf(*c);
        if (!HasAgreement(settings, country)) {
          ++report.foreign;
          ActInput in;
          in.detail = "land " + country + ": geen akkoord voor gegevensuitwisseling";
          return MoveBy(store, settings, *c, "holder_foreign", actor, in, now);
        }
        auto plate = Plate::Parse(c->plate);
        if (!plate.ok())
          return FailedPrecondition("case " + std::to_string(c->id.value) +
                                    " has no plate to look up");
        auto holder = reg.Lookup({*plate, country, c->facts_at});
        if (!holder.ok()) return holder.status();
        std::string outcome;
        std::string action;
        ActInput in;
        if (!holder->has_value()) {
          outcome = "not_found";
          action = "holder_unknown";
          ++report.unknown;
        } else if ((*holder)->kind == HolderKind::kCompany) {
          outcome = "company";
          action = "holder_company";
          ++report.companies;
        } else {
          if (!(*holder)->birth_date) {
            return FailedPrecondition("the register gave a person without a birth date");
          }
          auto age = CompletedYears(*(*holder)->birth_date, c->facts_day);
          if (!age.ok()) return age.status();
          if (IsMinor(*age)) {
            outcome = "minor";
            action = "holder_minor";
            ++report.minors;
          } else {
            outcome = "person";
            action = c->warning ? "holder_person_warning" : "holder_person";
            ++(c->warning ? report.warnings : report.persons);
          }
        }
        Status logged =
            store.LogLookup(c->id, now, actor.login, kLookupPurpose, reg.Name(), outcome);
        if (!logged.ok()) return logged;
        // A minor's data are not kept: traffic GAS does not apply to them (GAS.md 1.5).
        if (holder->has_value() && outcome != "minor") {
          auto pid = store.InsertParty(c->id, HolderParty(**holder));
          if (!pid.ok()) return pid.status();
        }
        in.detail = "register " + reg.Name() + ": " + outcome;
        return MoveBy(store, settings, *c, action, actor, in, now);
      });
      if (!done.ok()) return done;
    }
    if (page->next.empty()) break;
    // The cases just moved left the state, so the next page starts at the cursor.
    filter.after = page->next;
  }
  return report;
}

Status NameDriver(CaseStore& store, const GasSettings& settings, CaseId id, const Party& driver,
                  const Actor& actor, Instant now) {
  return store.Transact([&]() -> Status {
    auto c = store.GetCase(id);
    if (!c.ok()) return c.status();
    auto t = FindTransition(c->track, c->state, "name_driver");
    if (!t.ok()) return t.status();
    if (Status role = CheckRole(**t, actor); !role.ok()) return role;
    if (driver.name.empty()) return InvalidArgument("the driver needs a name");
    if (driver.company) return InvalidArgument("the driver is a person, not a company");
    if (!driver.birth_date) return InvalidArgument("the driver needs a birth date");
    auto age = CompletedYears(*driver.birth_date, c->facts_day);
    if (!age.ok()) return age.status();
    if (IsMinor(*age)) {
      return FailedPrecondition(
          "the named driver was a minor on the day of the facts: traffic "
          "GAS applies to adults and legal persons only");
    }
    Party p = driver;
    p.role = PartyRole::kDriver;
    p.addressee = true;
    auto pid = store.InsertParty(id, p);
    if (!pid.ok()) return pid.status();
    ActInput in;
    in.detail = "dossier op naam van de bestuurder; de houder blijft gekoppeld";
    return Move(store, settings, *c, **t, actor, in, now);
  });
}

}  // namespace hh
