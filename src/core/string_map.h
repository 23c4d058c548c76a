// StringMap<V>: an insert-only open-addressing hash map from byte strings to V, with the keys
// copied into one arena. Built for the hot loops of bulk imports (millions of keys, few
// allocations, no per-key node); not a general container: no erase, and references to values
// are invalidated by an insert. One map belongs to one thread.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include "core/huge_pages.h"

namespace hh {

// A fast 64-bit hash of bytes (multiply-xorshift over 8-byte words). Not for adversarial
// protection: inputs here are files a city receives, and the probing stays correct anyway.
inline uint64_t HashBytes(const void* data, size_t n, uint64_t seed = 0) {
  const auto* p = static_cast<const unsigned char*>(data);
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  uint64_t h = seed ^ (n * kMul);
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    // The last 1-7 bytes, read with fixed-size (overlapping) loads rather than a variable memcpy.
    uint64_t w;
    if (n >= 4) {
      uint32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      w = lo | static_cast<uint64_t>(hi) << 32;
    } else {
      w = p[0] | static_cast<uint64_t>(p[n / 2]) << 8 | static_cast<uint64_t>(p[n - 1]) << 16;
    }
    h = (h ^ w ^ (static_cast<uint64_t>(n) << 59)) * kMul;
  }
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ULL;
  h ^= h >> 32;
  return h;
}

// Byte equality, inlined for the short keys (ids, plates) the hot loops compare.
inline bool EqualBytes(const char* a, const char* b, size_t n) {
  if (n > 16) return std::memcmp(a, b, n) == 0;
  for (size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

template <typename V>
class StringMap {
 public:
  explicit StringMap(size_t expected = 16) { Rehash(CapacityFor(expected)); }

  size_t size() const { return entries_.size(); }

  // Returns the value for key, or nullptr.
  V* Find(std::string_view key) { return FindHashed(key, HashBytes(key.data(), key.size())); }
  const V* Find(std::string_view key) const { return const_cast<StringMap*>(this)->Find(key); }

  // Inserts key with value v unless present. Returns {value, inserted}.
  std::pair<V*, bool> Insert(std::string_view key, V v = V()) {
    return InsertHashed(key, HashBytes(key.data(), key.size()), std::move(v));
  }
  // The same with h = HashBytes(key) computed by the caller (for example on another thread).
  std::pair<V*, bool> InsertHashed(std::string_view key, uint64_t h, V v = V()) {
    if (V* found = FindHashed(key, h)) return {found, false};
    if ((entries_.size() + 1) * 10 > slots_.size() * 7) Rehash(slots_.size() * 2);
    uint32_t index = static_cast<uint32_t>(entries_.size());
    const size_t at = arena_.size();
    entries_.push_back(
        Entry{static_cast<uint64_t>(at), static_cast<uint32_t>(key.size()), std::move(v)});
    arena_.resize(at + key.size());  // then one memcpy (an insert would copy byte by byte)
    if (!key.empty()) std::memcpy(arena_.data() + at, key.data(), key.size());
    Place(h, index);
    return {&entries_.back().value, true};
  }

  std::string_view KeyAt(size_t i) const { return KeyOf(entries_[i]); }
  const V& ValueAt(size_t i) const { return entries_[i].value; }
  V& ValueAt(size_t i) { return entries_[i].value; }
  // Index of key in insertion order, or -1.
  int64_t IndexOf(std::string_view key) const {
    return FindIndex(key, HashBytes(key.data(), key.size()));
  }

 private:
  struct Entry {
    uint64_t key_offset;
    uint32_t key_size;
    V value;
  };

  static size_t CapacityFor(size_t n) {
    size_t cap = 16;
    while (cap * 7 < n * 10) cap *= 2;
    return cap;
  }
  std::string_view KeyOf(const Entry& e) const {
    return std::string_view(arena_.data() + e.key_offset, e.key_size);
  }

  int64_t FindIndex(std::string_view key, uint64_t h) const {
    const uint64_t mask = slots_.size() - 1;
    const uint32_t tag = static_cast<uint32_t>(h >> 32);
    for (uint64_t i = h & mask;; i = (i + 1) & mask) {
      uint64_t s = slots_[i];
      if (s == 0) return -1;
      if (static_cast<uint32_t>(s >> 32) == tag) {
        uint32_t index = static_cast<uint32_t>(s) - 1;
        const Entry& e = entries_[index];
        if (e.key_size == key.size() &&
            EqualBytes(arena_.data() + e.key_offset, key.data(), key.size())) {
          return index;
        }
      }
    }
  }
  V* FindHashed(std::string_view key, uint64_t h) {
    int64_t i = FindIndex(key, h);
    return i < 0 ? nullptr : &entries_[static_cast<size_t>(i)].value;
  }

  void Place(uint64_t h, uint32_t index) {
    const uint64_t mask = slots_.size() - 1;
    uint64_t i = h & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = (h >> 32 << 32) | (static_cast<uint64_t>(index) + 1);
  }

  void Rehash(size_t capacity) {
    slots_.assign(capacity, 0);
    for (uint32_t i = 0; i < entries_.size(); ++i) {
      std::string_view k = KeyOf(entries_[i]);
      Place(HashBytes(k.data(), k.size()), i);
    }
  }

  HugeVector<uint64_t> slots_;  // 0 = empty; else (hash high 32 bits << 32) | (entry index + 1)
  HugeVector<Entry> entries_;
  HugeVector<char> arena_;
};

}  // namespace hh
