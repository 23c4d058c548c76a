// Clock: where the web application reads the time (session expiry, lock-outs, the audit log),
// so that tests can move it by hand. SystemClock reads the wall clock; ManualClock is set by its
// owner. Both are safe to call from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

#include "core/instant.h"

namespace hh {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant Now() const = 0;
};

// The wall clock, shifted by a fixed number of seconds: 0 for the real time; a demo that fixes
// its "today" (HANDHAVING_NOW) starts the clock there and lets it run.
class SystemClock final : public Clock {
 public:
  explicit SystemClock(int64_t shift_seconds = 0) : shift_(shift_seconds) {}
  Instant Now() const override {
    const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
    const int64_t nanos = std::chrono::duration_cast<std::chrono::nanoseconds>(since_epoch).count();
    return Instant::FromUnix(shift_, nanos);
  }

 private:
  int64_t shift_;
};

// A clock that stands still until Set or Advance moves it (tests).
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Instant start) : seconds_(start.unix_seconds()) {}
  Instant Now() const override { return Instant::FromUnix(seconds_.load()); }
  void Set(Instant t) { seconds_ = t.unix_seconds(); }
  void Advance(int64_t seconds) { seconds_ += seconds; }

 private:
  std::atomic<int64_t> seconds_;
};

}  // namespace hh
