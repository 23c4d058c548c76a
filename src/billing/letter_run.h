// `handhaving letters run`: every letter due, written and recorded in one go (issue 4, item 3).
// Due are: cases waiting for their invitation, warning or reminder (the run takes that action,
// as the named sanctioning officer who signs the letters, with the run's posting day), the
// driver-identification request of a company holder not yet asked, and every letter an
// officer's action queued (cases act start_procedure, decide_fine, ...). Each letter gets its
// payment request (structured reference, EPC QR) where it asks for money, is stored with its
// PDF, SHA-256 and posting day (its deadlines run from that day), and is written to the output
// folder with one combined print file and manifest.csv. All or nothing: one transaction; the
// files are written after it committed, under temporary names renamed at the end.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cases/case_actions.h"
#include "core/instant.h"
#include "core/status.h"
#include "gas/settings.h"
#include "store/case_store.h"
#include "store/payment_store.h"

namespace hh {

struct LetterRunOptions {
  // Where the PDFs, print.pdf and manifest.csv are written; empty: no files (the web
  // application's run: every letter's PDF is in the store, which is what it serves).
  std::string out_dir;
  std::string templates_dir;  // templates/letters (with nl/ and fr/)
  LocalDate posted;           // the posting day of this run's letters
};

struct LetterRunReport {
  int letters = 0;
  int pages = 0;
  int invitations = 0;  // payment invitations (with a new request)
  int warnings = 0;
  int reminders = 0;
  int driver_requests = 0;
  int queued = 0;   // letters officers' actions had queued
  Money requested;  // the amounts the letters ask for
  // Cases left for a person, with why (no addressee, an address that cannot be printed).
  std::vector<std::string> skipped;
  std::string print_file;  // the combined PDF's path ("" without out_dir)
  std::string manifest;    // manifest.csv's path ("" without out_dir)
  int64_t run_id = 0;      // the stored run (0 when there was no letter)
};

// PermissionDenied unless `officer` is a sanctioning officer. InvalidArgument for a template
// or a letter that cannot be made (the message names the case and the template); Unavailable
// when the output folder cannot be written. Nothing is recorded then.
[[nodiscard]] Result<LetterRunReport> RunLetters(CaseStore& cases, PaymentStore& payments,
                                                 const GasSettings& settings, const Actor& officer,
                                                 const LetterRunOptions& options, Instant now);

// The IBAN in groups of four, as a letter prints it ("BE71 0961 2345 6769").
std::string PrintedIban(std::string_view iban);

}  // namespace hh
