#include "core/radix_sort.h"

#include <gtest/gtest.h>

#include <algorithm>
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
