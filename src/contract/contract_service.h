// The contract's operations over the store, the same for the CLI and the web application:
// binding an indicator to a measure, adding evidence, answering an uncertain item, and the
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

// The report for `year` on `today` (the stored contract, bindings, the year's evidence and
// spending, the GAS measures live). NotFound when no contract was imported.
Result<ContractReport> ContractReportOf(ContractStore& store, GasMeasures& gas, int year,
                                        LocalDate today);

}  // namespace hh
