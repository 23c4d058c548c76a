// GAS-overlast findings (a police PV or a finding officer's report) read from JSON into value
// types, with the finding officer's competence checked (intake/competence.h). A pure parser: it
// reads one file, owns nothing beyond the returned value, stores nothing; one call belongs to one
// thread. The file is taken whole or not at all (see ReadOverlastJson).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/instant.h"
#include "core/status.h"
#include "gas/case.h"
#include "intake/competence.h"

namespace hh {

// Address: gas/case.h (the same value the case store keeps).

// The person or company the finding is about: personal data, never logged.
struct OverlastOffender {
  bool company = false;
  std::string name;
  std::optional<LocalDate> birth_date;  // a person's; set for every person, never for a company
  std::string company_number;           // a company's KBO number, 10 digits only ("0403170701")
  Address address;                      // optional fields: any may be empty
  std::string language = "nl";          // "nl", "fr", "de" or "en": the language of the letters
};

// A parent or other person responsible for a minor offender (GAS.md 1.5).
struct OverlastParent {
  std::string name;
  Address address;  // optional fields
};

struct FindingOfficer {
  std::string name;
  FindingOfficerKind kind = FindingOfficerKind::kMunicipal;
  std::string service;  // may be empty
};

struct OverlastFinding {
  uint64_t line = 0;       // line on which the finding's JSON object starts
  std::string finding_id;  // non-empty, unique within the file
  Instant facts_at;
  std::optional<LocalDate> received_on;  // the day the sanctioning officer received it, if given
  Address place;                         // where the facts happened: street, postal_code set
  std::string place_description;         // may be empty
  std::string description;               // the facts; non-empty
  std::string article;                   // the regulation article ("Art. 12 APV"); non-empty
  OffenceKind offence_kind = OffenceKind::kAdministrative;
  FindingOfficer officer;  // competent for offence_kind (MayRecord)
  OverlastOffender offender;
  std::vector<OverlastParent> parents;  // only for a person
  std::vector<std::string> evidence;    // references, each non-empty
};

// Reads a JSON file holding one finding (an object) or an array of findings (an empty array is
// no findings). The format, field by field, is in the comments of overlast_json.cpp. Atomic: the
// first problem refuses the whole file, so the caller stores nothing of it.
//  - Unavailable when the file cannot be opened or read.
//  - InvalidArgument for a JSON syntax error ("FILE: line 3: not valid JSON (syntax error ...)"),
//    a top-level value that is neither an object nor an array, or the first bad finding:
//    "FILE: line N (finding K), field offender.birth_date: must be a date YYYY-MM-DD", where N is
//    the line on which finding K (1-based) starts. Missing or null required fields, wrong types
//    (the field is named by its path: "place.street", "parents[0].name", "evidence[2]"), bad
//    values, a finding_id repeated, and an officer not competent for the offence kind
//    (field finding_officer.kind) are all such errors. Unknown fields are ignored; null is
//    taken as absent. Messages quote the value of non-personal fields only.
[[nodiscard]] Result<std::vector<OverlastFinding>> ReadOverlastJson(const std::string& path);

// The same for a file's text already in memory (`path` stands for the file in messages): for
// the API and the fuzzer.
[[nodiscard]] Result<std::vector<OverlastFinding>> ParseOverlastJson(const std::string& text,
                                                                     const std::string& path);

// Whether `digits` (10 ASCII digits) is a valid Belgian enterprise (KBO/BCE) number: its last
// two digits equal 97 - (the number of its first eight digits mod 97).
bool IsValidCompanyNumber(std::string_view digits);

}  // namespace hh
