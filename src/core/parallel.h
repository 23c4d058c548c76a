// ForHalves: the smallest parallel loop, for the few steps of a batch that would otherwise run on
// one core while the other idles (building output rows, laying out an index). Exceptions thrown
// on the second thread are rethrown on the calling one.
#pragma once

#include <cstddef>
#include <exception>
#include <thread>

namespace hh {

// Runs fn(begin, end) over [0, n) in two halves, the second on another thread when n is at least
// min_for_thread (a thread costs tens of microseconds); else fn(0, n) on this thread.
template <typename F>
void ForHalves(size_t n, F fn, size_t min_for_thread = 8192) {
  if (n < min_for_thread) {
    fn(size_t{0}, n);
    return;
  }
  std::exception_ptr thrown;
  std::thread second([&] {
    try {
      fn(n / 2, n);
    } catch (...) {
      thrown = std::current_exception();
    }
  });
  try {
    fn(size_t{0}, n / 2);
  } catch (...) {
    second.join();
    throw;
  }
  second.join();
  if (thrown) std::rethrow_exception(thrown);
}

}  // namespace hh
