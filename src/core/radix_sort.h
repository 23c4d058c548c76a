// SortByKey: a stable LSD radix sort of (64-bit key, 32-bit value) pairs by key, for grouping
// hundreds of thousands of hashed keys (permits by plate, permit ids) faster than std::sort.
// Six passes of 11 bits; one pass is skipped when every key shares its digit.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/huge_pages.h"

namespace hh {

struct KeyedIndex {
  uint64_t key;
  uint32_t index;
};

inline void SortByKey(HugeVector<KeyedIndex>& v) {
  constexpr int kBits = 11;
  constexpr int kPasses = 6;  // 6 * 11 >= 64
  constexpr size_t kBuckets = size_t{1} << kBits;
  std::vector<std::array<uint32_t, kBuckets>> counts(kPasses);
  for (auto& c : counts) c.fill(0);
  for (const KeyedIndex& e : v) {
    for (int p = 0; p < kPasses; ++p) ++counts[p][(e.key >> (p * kBits)) & (kBuckets - 1)];
  }
  HugeVector<KeyedIndex> tmp(v.size());
  for (int p = 0; p < kPasses; ++p) {
    auto& c = counts[p];
    bool trivial = false;
    for (uint32_t x : c) {
      if (x == v.size()) trivial = true;
    }
    if (trivial || v.empty()) continue;
    uint32_t sum = 0;
    for (uint32_t& x : c) {
      uint32_t n = x;
      x = sum;
      sum += n;
    }
    for (const KeyedIndex& e : v) tmp[c[(e.key >> (p * kBits)) & (kBuckets - 1)]++] = e;
    v.swap(tmp);
  }
}

}  // namespace hh
