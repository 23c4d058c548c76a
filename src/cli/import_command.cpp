// handhaving import cameras|zones|permits|detections|parking FILE --db DB and handhaving
// overlast register FILE --db DB: findings into the case store (intake/). Each prints what it
// did as `key: value` lines; refused input is an error naming file, line and field.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/session.h"
#include "intake/camera_import.h"
#include "intake/finding_import.h"

namespace hh {
namespace {

struct ImportArgs {
  std::string what;
  std::string file;
  std::string db;
  std::string as_of;
  std::string min_confidence;
  int threads = 2;
  size_t block_bytes = 4 << 20;
};

Status RunImport(const ImportArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  Session& s = **session;
  if (a.what == "cameras" || a.what == "zones" || a.what == "permits") {
    auto r = a.what == "cameras" ? ImportCameras(*s.cases, a.file)
             : a.what == "zones" ? ImportZones(*s.cases, a.file)
                                 : ImportPermits(*s.cases, a.file);
    if (!r.ok()) return r.status();
    fmt::print("imported: {}\n{}: {}\n", a.file, a.what, r->rows);
    return Status::Ok();
  }
  if (a.what == "detections") {
    DetectionImportOptions opt;
    if (!a.as_of.empty()) {
      auto t = Instant::Parse(a.as_of);
      if (!t.ok()) return InvalidArgument("--as-of \"" + a.as_of + "\": " + t.status().message());
      opt.as_of = *t;
    }
    if (!a.min_confidence.empty()) opt.min_confidence = a.min_confidence;
    opt.threads = a.threads;
    opt.block_bytes = a.block_bytes;
    auto r = ImportDetections(*s.cases, *s.settings, s.gas, a.file, opt, s.now);
    if (!r.ok()) return r.status();
    const ScreenStats& st = r->stats;
    fmt::print(
        "imported: {}\nrows: {}\nrejects: {}\nreads: {}\nrepeated_reads: {}\n"
        "dropped_exit_camera: {}\ndropped_camera_inactive: {}\ndropped_outside_zone_hours: {}\n"
        "exempt: {}\npending: {}\nnew_cases: {}\nwarning_cases: {}\njoined_reads: {}\n"
        "pending_decided: {}\npending_exempt: {}\nremembered_keys: {}\nforgotten_keys: {}\n",
        a.file, st.rows, st.rejects, st.reads, st.repeated_reads, st.dropped_exit_camera,
        st.dropped_camera_inactive, st.dropped_outside_zone_hours, st.exempt, r->pending_added,
        r->new_cases, r->warning_cases, r->joined_reads, r->pending_decided, r->pending_exempt,
        r->remembered_keys, r->forgotten_keys);
    for (const RejectedRow& rej : r->rejects) {
      fmt::print(stderr, "{}: line {}: {}\n", a.file, rej.line, rej.reason);
    }
    return Status::Ok();
  }
  if (a.what == "parking") {
    auto r = ImportParking(*s.cases, s.gas, a.file, s.now);
    if (!r.ok()) return r.status();
    fmt::print(
        "imported: {}\nrows: {}\nnew_cases: {}\ngrouped: {}\nalready_imported: {}\n"
        "flagged_for_review: {}\nrefused_rows: {}\n",
        a.file, r->rows, r->new_cases, r->grouped, r->already_imported, r->flagged,
        r->errors.size());
    for (const RowError& e : r->errors) fmt::print(stderr, "{}\n", e.message);
    fmt::print("result: {}\n", r->errors.empty()
                                   ? "every row imported"
                                   : "good rows imported, refused rows listed on stderr");
    return Status::Ok();
  }
  return InvalidArgument("import: unknown kind \"" + a.what + "\"");
}

Status RunOverlast(const ImportArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  Session& s = **session;
  auto r = RegisterOverlast(*s.cases, s.gas, a.file, s.now);
  if (!r.ok())
    return Status(r.status().code(),
                  r.status().message() + " (nothing of the file was registered)");
  fmt::print(
      "registered: {}\nfindings: {}\nnew_cases: {}\nalready_imported: {}\nminors: {}\n"
      "recidivism_flags: {}\n",
      a.file, r->findings, r->new_cases, r->already_imported, r->minors, r->recidivism);
  return Status::Ok();
}

}  // namespace

void RegisterImportCommands(CLI::App& app, CommandFn* run) {
  CLI::App* imp =
      app.add_subcommand("import", "Import findings and camera configuration into the store");
  imp->require_subcommand(1);
  for (const char* what : {"cameras", "zones", "permits", "detections", "parking"}) {
    auto args = std::make_shared<ImportArgs>();
    args->what = what;
    CLI::App* cmd = imp->add_subcommand(what, std::string("Import ") + what + ".csv");
    cmd->add_option("FILE", args->file, "the CSV file")->required();
    cmd->add_option("--db", args->db, "the SQLite database")->required();
    if (args->what == "detections") {
      cmd->add_option("--as-of", args->as_of,
                      "decide only reads whose regularisation deadline is at or before this "
                      "RFC 3339 instant; younger reads wait in the store");
      cmd->add_option("--min-confidence", args->min_confidence,
                      "minimum confidence of a violation (default 0.90)");
      cmd->add_option("--threads", args->threads, "parser threads (default 2)")
          ->check(CLI::Range(1, 64));
      cmd->add_option("--block-bytes", args->block_bytes, "bytes per parser task (tests)")
          ->check(CLI::Range(size_t{1}, size_t{1} << 30));
    }
    cmd->callback([args, run] { *run = [args] { return RunImport(*args); }; });
  }
  CLI::App* ov = app.add_subcommand("overlast", "Nuisance (GAS-overlast) findings");
  ov->require_subcommand(1);
  auto args = std::make_shared<ImportArgs>();
  CLI::App* reg =
      ov->add_subcommand("register", "Register findings from a JSON file (all or none)");
  reg->add_option("FILE", args->file, "the JSON file: one finding or an array")->required();
  reg->add_option("--db", args->db, "the SQLite database")->required();
  reg->callback([args, run] { *run = [args] { return RunOverlast(*args); }; });
}

}  // namespace hh
