// A person's corrections of the imported contract (issue 6: "a person can correct any part
// afterwards"). An amendment names a part by a path that, like the indicator keys
// (tracking.h), survives a re-import of the decision, and gives its new value. The amendments
// are kept apart from the imported contract (the store's contract_amendments) and applied to it
// when people read it: the imported contract stays as the decision was read.
//
// Paths (rubrics as the decision writes them, "I", "II"; S an activity sector, N a strategic
// objective's number, positions 1-based; R[.S] names an objective group, R[.S].N.I an
// indicator by its key):
//   period.from | period.to                        a date, YYYY-MM-DD
//   decision.date                                  a date, YYYY-MM-DD
//   decision.votes_for | votes_against | abstentions  a whole number >= 0
//   party.I.name                                   text
//   rubric.R.title                                 text
//   rubric.R.annual_amount                         an amount, "268172.73", "268.172,73" or
//                                                  "€ 268.172,73"; the rubric's working years
//                                                  take it too
//   objective.R[.S].general                        text (may be empty: no general objective)
//   objective.R[.S].N.title                        text
//   objective.R[.S].N.operational.I                text
//   objective.R[.S].N.expected.I                   text
//   indicator.R[.S].N.I.text                       text
//   indicator.R[.S].N.I.kind                       existence | count | threshold; existence or
//                                                  count drop the threshold, threshold needs one
//                                                  (set indicator...threshold instead)
//   indicator.R[.S].N.I.threshold                  "6/year", "4/quarter", "2/month",
//                                                  "1/contract": makes it a threshold
//                                                  indicator; "none": a count indicator
//   procedure.I.step                               text
//   procedure.I.deadline                           a date, YYYY-MM-DD, or "none"
// A text amendment sets ContractText::text and keeps ::original (the OCR's reading) beside it.
// Texts are trimmed; only a general objective may be empty.
// Plain value types and pure functions; safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contract/contract.h"
#include "core/instant.h"
#include "core/status.h"

namespace hh {

struct Amendment {
  std::string path;
  std::string value;  // as the person gave it
  Instant at;
  std::string by;  // the login
  // The part's value in the contract as imported when the amendment was made, for people to
  // see beside the new one (empty when not known).
  std::string original;
  friend bool operator==(const Amendment&, const Amendment&) = default;
};

// A part of a contract that can be amended: its path, its value now (PartValue's form) and its
// text as the OCR read it (ContractText::original; empty for parts that are not texts).
struct AmendablePart {
  std::string path;
  std::string value;
  std::string original;
};

// Every amendable part of `c`, in the contract's order.
std::vector<AmendablePart> AmendableParts(const Contract& c);

// The value of the part at `path` in `c` in the form an amendment gives it ("2019-01-01",
// "268172.73", "6/year", "none"); NotFound when `c` has no such part, InvalidArgument when
// `path` follows no form of the grammar above.
Result<std::string> PartValue(const Contract& c, std::string_view path);

// Applies one amendment to `c`. InvalidArgument (naming the path and what is wrong with the
// value) for a bad value or a path of no form; NotFound when `c` has no such part. `c` is
// unchanged on an error.
Status ApplyAmendment(Contract& c, std::string_view path, std::string_view value);

struct AmendedContract {
  Contract contract;
  // What could not be applied: paths that name no part of the contract (a re-import dropped
  // it) or values that no longer fit. Also appended to contract.warnings.
  std::vector<std::string> warnings;
};

// `imported` with `amendments` applied in the order they were made (at, then path), each to
// the contract as the ones before it left it. An amendment that fails is not applied anywhere
// and is reported as a warning.
AmendedContract ApplyAmendments(const Contract& imported, const std::vector<Amendment>& amendments);

// When `path` names an indicator's text ("indicator.II.1.4.2.text"), the indicator's key
// ("II.1.4.2"); else nullopt.
std::optional<std::string> IndicatorKeyOfTextPath(std::string_view path);

}  // namespace hh
