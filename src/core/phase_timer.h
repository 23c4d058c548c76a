// PhaseTimer: HH_TIMING=1 in the environment makes a bulk command print how long each of its
// phases took, on stderr (for benchmarks and their write-ups; never personal data). Off, Mark
// costs one branch.
#pragma once

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace hh {

class PhaseTimer {
 public:
  PhaseTimer() : on_(std::getenv("HH_TIMING") != nullptr), last_(Clock::now()) {}
  // Prints the time since the last mark (or since construction) under `phase`.
  void Mark(const char* phase) {
    if (!on_) return;
    const auto now = Clock::now();
    std::fprintf(stderr, "timing: %-22s %7.3f s\n", phase,
                 std::chrono::duration<double>(now - last_).count());
    last_ = now;
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool on_;
  Clock::time_point last_;
};

}  // namespace hh
