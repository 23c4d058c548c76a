// The contract's evaluation report (report.h) as an A4 PDF in Dutch, through cairo and pango
// (like letters/letter_pdf): a title page block, per rubric its objectives and indicators with
// value, status and evidence, the budget table, and the open warnings. Pure: a report in, the
// PDF's bytes out; safe from any thread (each call has its own surface).
#pragma once

#include <string>

#include "contract/report.h"
#include "core/status.h"

namespace hh {

// Internal when cairo fails.
Result<std::string> ContractReportPdf(const ContractReport& r);

}  // namespace hh
