// A GAS case as the domain sees it: its facts, the people in it, its evidence and its timeline,
// as plain values. The case store (store/case_store.h) keeps them; the procedures
// (gas/procedure.h) say how a case moves. Values only: safe to copy between threads. Names,
// birth dates, addresses and plates are personal data: none of these types has operator<<.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/instant.h"
#include "core/money.h"
#include "gas/law.h"
#include "gas/procedure.h"

namespace hh {

// A case's number in the store. Strong type, so that a count or a line number cannot be passed
// where a case is meant.
struct CaseId {
  int64_t value = 0;
  friend auto operator<=>(CaseId, CaseId) = default;
};

// "AL/2026/000042": the track's prefix (OV overlast, PK parkeren, AL autoluw), the year the
// case was opened, and the id: what letters and screens show.
std::string CaseNumber(Track track, int year_opened, CaseId id);

struct Address {
  std::string street;
  std::string house_number;
  std::string postal_code;
  std::string city;
};

enum class PartyRole : uint8_t {
  kOffender,  // OVERLAST: the person or company the finding names
  kHolder,    // traffic: the registration holder at the instant of the facts
  kDriver,    // traffic: the driver a company holder named (the case is re-addressed)
  kParent,    // OVERLAST minors: a parent or guardian, who gets every letter
};
std::string_view PartyRoleName(PartyRole role);
Result<PartyRole> ParsePartyRole(std::string_view name);

struct Party {
  int64_t id = 0;  // 0 until stored
  PartyRole role = PartyRole::kOffender;
  bool company = false;
  std::string name;
  std::optional<LocalDate> birth_date;  // persons
  std::string company_number;           // companies: 10 digits
  Address address;
  std::string language = "nl";  // the language letters go out in
  bool addressee = false;       // letters of the case go to this party
};

// The key the GAS register matches an offender on for recidivism: persons by normalised name
// and birth date, companies by company number. Empty when neither is known.
std::string OffenderKey(const Party& party);

struct Evidence {
  std::string kind;  // "camera_read", "photo", "pv", "document"
  std::string ref;   // the reference of the image, photo or document
  // Camera reads only:
  std::string camera_id;
  std::string detection_id;
  std::optional<Instant> observed_at;
  std::string confidence;  // exact text of the read's confidence
};

// One line of a case's timeline: who did what, when, and why.
struct CaseEvent {
  Instant at;
  std::string actor;       // a user's login, or "system" for the clock and imports
  std::string actor_name;  // the person's full name (for the sanctioning officer, the law's
                           // "named officer")
  Role role = Role::kSystem;
  std::string action;  // a transition's action, or "opened", "evidence_added", "lookup", ...
  std::optional<CaseState> from;
  std::optional<CaseState> to;
  std::string reason;
  std::string detail;  // facts of the act (posting day, amount, corrected plate's outcome, ...)
};

// Flags a rule set on a case for the person who handles it.
enum CaseFlag : uint32_t {
  kFlagNone = 0,
  kFlagLowConfidence = 1,  // a camera case with only reads below the minimum confidence
  kFlagNoPhoto = 2,        // a parking finding without a photo
  kFlagRecidivism = 4,  // the same article was sanctioned within 24 months (shown, never applied)
  kFlagGrouped = 8,     // parking findings grouped into this case (policy setting)
};

struct Case {
  CaseId id;
  Track track = Track::kAutoluw;
  CaseState state = CaseState::kAwaitingReview;
  bool warning = false;  // a camera's warning period: a warning letter, no fine
  uint32_t flags = kFlagNone;
  bool minor = false;  // OVERLAST: the offender was under 18 on the day of the facts

  // The facts.
  Instant facts_at;
  LocalDate facts_day;  // Europe/Brussels
  std::optional<LocalDate> received_on;
  std::string zone_id;  // AUTOLUW
  Address place;
  std::string place_description;
  std::string description;
  std::string offence_code;  // PARKEREN: the warden's code; AUTOLUW: "C3"; OVERLAST: article
  std::string article;       // the regulation article (recidivism compares it)
  std::optional<TrafficCategory> category;
  std::optional<Money> amount;  // the fixed traffic amount, or the OVERLAST fine decided
  std::string plate;            // normalised; empty when none or erased (permitted)
  std::string country;
  std::string source_ref;  // finding id or PV number: re-importing it changes nothing
  std::string finding_officer;
  std::string finding_officer_kind;

  // Deadlines (last days, Europe/Brussels): the current state's, and the decision limit.
  std::optional<LocalDate> state_deadline;
  std::optional<LocalDate> limit_day;
  int alarm_months = 0;  // 0, 4 or 5: the decision-limit alarm last raised

  Instant created_at;
  Instant updated_at;
};

// A case with everything that hangs on it, for `cases show` and the case page.
struct CaseFile {
  Case c;
  std::vector<Party> parties;
  std::vector<Evidence> evidence;
  std::vector<CaseEvent> events;
};

}  // namespace hh
