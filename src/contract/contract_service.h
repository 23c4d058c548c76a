// The contract's operations over the store, the same for the CLI and the web application:
// binding an indicator to a measure, adding evidence, answering an uncertain item, amending any
// part of the contract (and reading it amended: LoadAmendedContract), and the
// evaluation report of a year with the GAS measures (gas_measures.h) live. Each takes the
// contract store and GAS's counts over one connection; same thread rules as that connection.
#pragma once

#include <string>
#include <string_view>

#include "contract/report.h"
#include "store/contract_store.h"
#include "store/sqlite_gas_measures.h"

namespace hh {

// Binds indicator `key` to `measure` for `login`. NotFound for an unknown key (the message
// lists no keys; `contract indicators` shows them) or measure; InvalidArgument for an existence
// indicator (its status comes from evidence, not from a count).
Status BindIndicator(ContractStore& store, GasMeasures& gas, std::string_view key,
                     std::string_view measure, const std::string& login, Instant now);

// Adds evidence for `key` and `year`: a note (required) and, when file_name is not empty, the
// file's bytes. NotFound for an unknown key; InvalidArgument for an empty note, a year outside
// the contract's period (when it has one) or an empty file. Returns the evidence's id.
Result<int64_t> AddIndicatorEvidence(ContractStore& store, std::string_view key, int year,
                                     std::string note, std::string file_name,
                                     std::string content_type, std::string_view content,
                                     const std::string& login, Instant now);

// Answers uncertain item `number` (1-based, in the importer's order): confirmed as read when
// `value` is empty, else corrected to `value`. NotFound for no such item.
Status ResolveUncertain(ContractStore& store, int number, std::string value,
                        const std::string& login, Instant now);

// The contract as people read it: the stored (imported) contract with the amendments applied
// (contract/amend.h); amendments that no longer apply are among its warnings. NotFound when no
// contract was imported. Every screen, report and export for people reads this one.
Result<Contract> LoadAmendedContract(ContractStore& store);

// Amends the part at `path` to `value` for `login` (replacing an earlier amendment of the path),
// checked against the contract as amended: InvalidArgument for a bad path or value, NotFound
// for a part the contract does not have. When the part is an indicator's text, the indicator's
// bindings and evidence follow it (they keep the text they were made with, tracking.h).
// Returns the amendment as stored (with the value as imported beside it).
Result<Amendment> AmendContract(ContractStore& store, std::string_view path, std::string value,
                                const std::string& login, Instant now);

// Removes the amendment of `path`: the part is again as imported (or as it was before, when
// that value no longer fits). NotFound when `path` is not amended.
Status UndoAmendment(ContractStore& store, std::string_view path);

// The report for `year` on `today` (the stored contract, bindings, the year's evidence and
// spending, the GAS measures live). NotFound when no contract was imported.
Result<ContractReport> ContractReportOf(ContractStore& store, GasMeasures& gas, int year,
                                        LocalDate today);

}  // namespace hh
