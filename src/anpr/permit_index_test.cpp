#include "anpr/permit_index.h"

#include <gtest/gtest.h>

#include <string>

namespace hh {
namespace {

Instant I(std::string_view s) { return *Instant::Parse(s); }

bool Exempt(const PermitIndex& idx, std::string_view plate, uint32_t zone, std::string_view at) {
  const char* rec = idx.Find(PermitIndex::Hash(plate), plate);
  return rec != nullptr && PermitIndex::Covers(rec, zone, I(at));
}

TEST(PermitIndex, FindsEveryPermitOfAPlateAcrossBuilders) {
  std::vector<PermitIndex::Builder> parts(2);
  parts[0].Add("1ABC123", 0, I("2026-03-01T00:00:00Z"), I("2026-03-02T00:00:00Z"));
  parts[1].Add("1ABC123", 1, I("2026-04-01T00:00:00Z"), I("2026-04-02T00:00:00Z"));
  parts[1].Add("2XYZ999", PermitIndex::kAnyZone, I("2026-01-01T00:00:00Z"),
               I("2027-01-01T00:00:00Z"));
  parts[0].Add("ZZ", PermitIndex::kNoZone, I("2026-01-01T00:00:00Z"), I("2027-01-01T00:00:00Z"));
  PermitIndex idx;
  idx.Build(parts);
  EXPECT_EQ(idx.plates(), 3u);
  EXPECT_EQ(idx.permits(), 4u);
  // Zone and validity [from, to) both matter.
  EXPECT_TRUE(Exempt(idx, "1ABC123", 0, "2026-03-01T00:00:00Z"));
  EXPECT_TRUE(Exempt(idx, "1ABC123", 0, "2026-03-01T23:59:59.999Z"));
  EXPECT_FALSE(Exempt(idx, "1ABC123", 0, "2026-03-02T00:00:00Z"));
  EXPECT_FALSE(Exempt(idx, "1ABC123", 1, "2026-03-01T12:00:00Z"));
  EXPECT_TRUE(Exempt(idx, "1ABC123", 1, "2026-04-01T12:00:00Z"));
  // '*' covers every zone; a zone no camera guards covers none.
  EXPECT_TRUE(Exempt(idx, "2XYZ999", 7, "2026-06-01T12:00:00Z"));
  EXPECT_FALSE(Exempt(idx, "ZZ", 0, "2026-06-01T12:00:00Z"));
  // Unknown plates and prefixes of known ones are not found.
  EXPECT_EQ(idx.Find(PermitIndex::Hash("1ABC12"), "1ABC12"), nullptr);
  EXPECT_EQ(idx.Find(PermitIndex::Hash("9NOPE"), "9NOPE"), nullptr);
}

TEST(PermitIndex, ManyPlatesAndAnEmptyIndex) {
  PermitIndex empty;
  empty.Build();
  EXPECT_EQ(empty.Find(PermitIndex::Hash("1ABC123"), "1ABC123"), nullptr);

  PermitIndex idx;
  for (int i = 0; i < 20000; ++i) {
    std::string plate = "P" + std::to_string(i);
    idx.Add(plate, static_cast<uint32_t>(i % 3), I("2026-01-01T00:00:00Z"),
            I("2026-02-01T00:00:00Z"));
    if (i % 5 == 0)
      idx.Add(plate, PermitIndex::kAnyZone, I("2026-05-01T00:00:00Z"), I("2026-06-01T00:00:00Z"));
  }
  idx.Build();
  EXPECT_EQ(idx.plates(), 20000u);
  for (int i = 0; i < 20000; ++i) {
    std::string plate = "P" + std::to_string(i);
    ASSERT_TRUE(Exempt(idx, plate, static_cast<uint32_t>(i % 3), "2026-01-15T00:00:00Z")) << plate;
    ASSERT_FALSE(Exempt(idx, plate, static_cast<uint32_t>((i + 1) % 3), "2026-01-15T00:00:00Z"))
        << plate;
    ASSERT_EQ(Exempt(idx, plate, 9, "2026-05-15T00:00:00Z"), i % 5 == 0) << plate;
  }
}

}  // namespace
}  // namespace hh
