#include "core/radix_sort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

namespace hh {
namespace {

TEST(RadixSort, SortsByKeyAndKeepsEqualKeysInOrder) {
  std::mt19937_64 rng(7);
  HugeVector<KeyedIndex> v;
  for (uint32_t i = 0; i < 100000; ++i) {
    // Few distinct keys in places, to exercise stability; full-width keys elsewhere.
    uint64_t key = i % 3 == 0 ? rng() % 50 : rng();
    v.push_back({key, i});
  }
  std::vector<KeyedIndex> want(v.begin(), v.end());
  std::stable_sort(want.begin(), want.end(),
                   [](const KeyedIndex& a, const KeyedIndex& b) { return a.key < b.key; });
  SortByKey(v);
  ASSERT_EQ(v.size(), want.size());
  for (size_t i = 0; i < v.size(); ++i) {
    ASSERT_EQ(v[i].key, want[i].key) << i;
    ASSERT_EQ(v[i].index, want[i].index) << i;
  }
}

TEST(RadixSort, EmptyAndAllEqual) {
  HugeVector<KeyedIndex> none;
  SortByKey(none);
  EXPECT_TRUE(none.empty());
  HugeVector<KeyedIndex> same{{5, 2}, {5, 0}, {5, 1}};
  SortByKey(same);
  EXPECT_EQ(same[0].index, 2u);
  EXPECT_EQ(same[2].index, 1u);
}

}  // namespace
}  // namespace hh

namespace hh {
namespace {

TEST(RadixSort, GroupByKeyMakesEqualKeysAdjacentInTheirOrder) {
  std::mt19937_64 rng(11);
  HugeVector<KeyedIndex> v;
  for (uint32_t i = 0; i < 50000; ++i) {
    // Keys that share their high half but differ below it, interleaved: the case the fix-up
    // of GroupByKey exists for.
    uint64_t high = (rng() % 1000) << 32;
    uint64_t low = rng() % 3;
    v.push_back({high | low, i});
  }
  GroupByKey(v);
  std::map<uint64_t, std::vector<uint32_t>> runs;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i > 0 && v[i].key != v[i - 1].key) {
      // A key that ends a run never appears again.
      ASSERT_EQ(runs.count(v[i].key), 0u) << "key split into two runs";
    }
    runs[v[i].key].push_back(v[i].index);
  }
  for (const auto& [key, indexes] : runs) {
    EXPECT_TRUE(std::is_sorted(indexes.begin(), indexes.end())) << "not stable for key " << key;
  }
  for (size_t i = 1; i < v.size(); ++i) ASSERT_LE(v[i - 1].key >> 32, v[i].key >> 32);
}

}  // namespace
}  // namespace hh
