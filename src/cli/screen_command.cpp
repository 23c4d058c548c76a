// handhaving screen: SCREENING.md as a command. Loads cameras, zones and permits (any bad row
// there stops the run before anything is written), screens the detections, writes
// violations.csv, review.csv and rejects.csv into --out, and prints a summary.
#include <fmt/core.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <optional>

#include "anpr/screening.h"
#include "cli/commands.h"
#include "cli/output_files.h"

namespace hh {
namespace {

struct ScreenArgs {
  ScreeningFiles files;
  std::string out;
  std::string as_of;
  std::string min_confidence;
  int threads = 2;
  size_t block_bytes = 4 << 20;
  bool quiet = false;
};

Status RunScreen(const ScreenArgs& a) {
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  ScreenOptions opt;
  opt.threads = a.threads;
  opt.block_bytes = a.block_bytes;
  if (!a.as_of.empty()) {
    auto t = Instant::Parse(a.as_of);
    if (!t.ok()) return InvalidArgument("--as-of \"" + a.as_of + "\": " + t.status().message());
    opt.as_of = *t;
  }
  if (!a.min_confidence.empty()) {
    if (Confidence::Parse(a.min_confidence, &opt.min_confidence) != Confidence::ParseError::kNone) {
      return InvalidArgument("--min-confidence \"" + a.min_confidence +
                             "\": must be a decimal number in [0, 1]");
    }
  }
  ScreeningConfig config;
  const bool tty = ::isatty(STDERR_FILENO) == 1 && !a.quiet;
  if (tty) {
    opt.progress = [last = Clock::now()](uint64_t done, uint64_t all) mutable {
      auto now = Clock::now();
      if (now - last < std::chrono::milliseconds(200) && done < all) return;
      last = now;
      fmt::print(stderr, "\rscreening: {:3d}% of {} MB",
                 all ? static_cast<int>(done * 100 / all) : 100, all >> 20);
      if (done >= all) fmt::print(stderr, "\n");
    };
  }
  auto result = ScreenFiles(a.files, opt, &config);
  if (!result.ok()) return result.status();

  Status written =
      WriteOutputFiles(a.out, {{"violations.csv", FormatGroupsCsv(config, result->violations)},
                               {"review.csv", FormatGroupsCsv(config, result->review)},
                               {"rejects.csv", FormatRejectsCsv(result->rejects)}});
  if (!written.ok()) return written;
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();

  const ScreenStats& s = result->stats;
  fmt::print(
      "rows: {}\nrejects: {}\nreads: {}\nrepeated_reads: {}\ndropped_exit_camera: {}\n"
      "dropped_camera_inactive: {}\ndropped_outside_zone_hours: {}\nexempt: {}\npending: {}\n"
      "violations: {}\nreview_items: {}\n",
      s.rows, s.rejects, s.reads, s.repeated_reads, s.dropped_exit_camera,
      s.dropped_camera_inactive, s.dropped_outside_zone_hours, s.exempt, s.pending, s.violations,
      s.review_items);
  fmt::print("written: {0}/violations.csv, {0}/review.csv, {0}/rejects.csv\n", a.out);
  fmt::print("seconds: {:.3f}\n", seconds);
  return Status::Ok();
}

}  // namespace

void RegisterScreenCommand(CLI::App& app, CommandFn* run) {
  auto args = std::make_shared<ScreenArgs>();
  CLI::App* cmd = app.add_subcommand(
      "screen", "Screen camera reads of a low-traffic zone (shared/anpr/SCREENING.md)");
  cmd->add_option("--cameras", args->files.cameras, "cameras.csv")->required();
  cmd->add_option("--permits", args->files.permits, "permits.csv")->required();
  cmd->add_option("--detections", args->files.detections, "detections.csv")->required();
  cmd->add_option("--zones", args->files.zones,
                  "zones.csv (optional: no file = always restricted)");
  cmd->add_option("--out", args->out, "folder for violations.csv, review.csv, rejects.csv")
      ->required();
  cmd->add_option(
      "--as-of", args->as_of,
      "decide only reads whose regularisation deadline is at or before this RFC 3339 instant");
  cmd->add_option("--min-confidence", args->min_confidence,
                  "minimum confidence of a violation (default 0.90)");
  cmd->add_option("--threads", args->threads, "parser threads (default 2)")
      ->check(CLI::Range(1, 64));
  cmd->add_option("--block-bytes", args->block_bytes,
                  "bytes of detections per parser task (tuning and tests; default 4 MiB)")
      ->check(CLI::Range(size_t{1}, size_t{1} << 30));
  cmd->add_flag("--quiet", args->quiet, "no progress line");
  cmd->callback([args, run] { *run = [args] { return RunScreen(*args); }; });
}

}  // namespace hh
