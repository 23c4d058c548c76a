// SortByKey and GroupByKey: stable LSD radix sorts of (64-bit key, 32-bit value) pairs, for
// grouping hundreds of thousands of hashed keys (permits by plate, permit ids) faster than
// std::sort. Passes of 11 bits; a pass is skipped when every key shares its digit.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/huge_pages.h"

namespace hh {

struct KeyedIndex {
  uint64_t key;
  uint32_t index;
};

namespace detail {

// Stable LSD radix passes of 11 bits over key bits [first_bit, 64).
inline void RadixPasses(HugeVector<KeyedIndex>& v, int first_bit) {
  if (v.empty()) return;
  constexpr int kBits = 11;
  constexpr size_t kBuckets = size_t{1} << kBits;
  const int passes = (64 - first_bit + kBits - 1) / kBits;
  std::vector<std::array<uint32_t, kBuckets>> counts(static_cast<size_t>(passes));
  for (auto& c : counts) c.fill(0);
  for (const KeyedIndex& e : v) {
    for (int p = 0; p < passes; ++p)
      ++counts[p][(e.key >> (first_bit + p * kBits)) & (kBuckets - 1)];
  }
  // The passes alternate between v and an uninitialised buffer (writing zeros into it first
  // would only cost time).
  HugePageAllocator<KeyedIndex> alloc;
  KeyedIndex* tmp = alloc.allocate(v.size());
  KeyedIndex* src = v.data();
  KeyedIndex* dst = tmp;
  for (int p = 0; p < passes; ++p) {
    auto& c = counts[p];
    bool trivial = false;  // every key has the same digit: the pass would change nothing
    for (uint32_t x : c) {
      if (x == v.size()) trivial = true;
    }
    if (trivial) continue;
    uint32_t sum = 0;
    for (uint32_t& x : c) {
      uint32_t n = x;
      x = sum;
      sum += n;
    }
    const int shift = first_bit + p * kBits;
    for (size_t i = 0; i < v.size(); ++i) {
      const KeyedIndex e = src[i];
      dst[c[(e.key >> shift) & (kBuckets - 1)]++] = e;
    }
    std::swap(src, dst);
  }
  if (src != v.data()) std::memcpy(v.data(), src, v.size() * sizeof(KeyedIndex));
  alloc.deallocate(tmp, v.size());
}

}  // namespace detail

// Sorts by the whole key, stably (six passes).
inline void SortByKey(HugeVector<KeyedIndex>& v) { detail::RadixPasses(v, 0); }

// Makes equal keys adjacent, stably, in half the passes of SortByKey: the order is by the key's
// high 32 bits; only where two different keys share those (rare for hashes) is a run sorted by
// the whole key.
inline void GroupByKey(HugeVector<KeyedIndex>& v) {
  detail::RadixPasses(v, 32);
  for (size_t i = 0; i < v.size();) {
    size_t j = i + 1;
    bool mixed = false;
    while (j < v.size() && (v[j].key >> 32) == (v[i].key >> 32)) {
      mixed |= v[j].key != v[i].key;
      ++j;
    }
    if (mixed) {
      std::stable_sort(v.begin() + static_cast<std::ptrdiff_t>(i),
                       v.begin() + static_cast<std::ptrdiff_t>(j),
                       [](const KeyedIndex& a, const KeyedIndex& b) { return a.key < b.key; });
    }
    i = j;
  }
}

}  // namespace hh
