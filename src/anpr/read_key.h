// Read keys: a keyed 64-bit hash of a read's (camera_id, detection_id), so that a case store can
// remember the reads it imported (SCREENING.md: a pair seen again "in a later import" is one read)
// without keeping the pair; without the store's secret a key reveals nothing. Pure and
// thread-safe; KnownReads, a set of keys, is built by one thread and then shared read-only.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/huge_pages.h"
#include "core/status.h"

namespace hh {

// The SipHash-2-4 key (libsodium crypto_shorthash: 16 bytes).
using ReadKeySecret = std::array<unsigned char, 16>;

// SipHash-2-4 (libsodium crypto_shorthash) of the read's identity, encoded unambiguously as the
// 4-byte little-endian length of camera_id, camera_id, then detection_id (so ("AB", "C") and
// ("A", "BC") differ). The 8 output bytes are read as a little-endian number: the same value on
// every platform. Throws std::runtime_error only if libsodium cannot initialise, and
// std::length_error for a camera_id of 4 GiB or more. Thread-safe.
uint64_t ReadKey(const ReadKeySecret& secret, std::string_view camera_id,
                 std::string_view detection_id);

// A fresh random secret (crypto_shorthash_keygen). Thread-safe.
ReadKeySecret NewReadKeySecret();

// 32 lower-case hex digits.
std::string ReadKeySecretToHex(const ReadKeySecret& secret);
// Exactly 32 hex digits, either case. InvalidArgument otherwise; the message never repeats the
// text (it may be a secret).
Result<ReadKeySecret> ReadKeySecretFromHex(std::string_view hex);

// A set of read keys with open addressing (load at most one half, linear probing). Every
// uint64_t is a valid key, 0 included (held apart, as 0 marks an empty slot). Add and Reserve
// are for building; afterwards Contains and Prefetch may run in many threads at once.
class KnownReads {
 public:
  // Makes room for `keys` keys in all, so that building does not rehash.
  void Reserve(size_t keys);
  // Adds a key; adding one that is there already changes nothing.
  void Add(uint64_t key);
  bool Contains(uint64_t key) const {
    if (key == 0) return has_zero_;
    if (slots_.empty()) return false;
    for (uint64_t i = Slot(key);; i = (i + 1) & mask_) {
      const uint64_t s = slots_[i];
      if (s == key) return true;
      if (s == 0) return false;
    }
  }
  // A hint that Contains(key) follows soon: fetches its first slot.
  void Prefetch(uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[Slot(key)]);
  }
  // Distinct keys added.
  size_t size() const { return size_; }

 private:
  // Fibonacci hashing: keys from ReadKey are uniform already, this spreads any others too.
  uint64_t Slot(uint64_t key) const { return (key * 0x9E3779B97F4A7C15ULL) >> shift_; }
  void Rehash(size_t capacity);

  ZeroedArray<uint64_t> slots_;  // 0 empty; else a non-zero key
  uint64_t mask_ = 0;
  int shift_ = 64;
  size_t size_ = 0;  // keys in slots_ plus the zero key
  bool has_zero_ = false;
};

}  // namespace hh
