// Engine-level tests of screening: configuration errors, and that the result does not depend on
// how the detections file is cut between parser threads (the hand-written cases in
// tests/cases/screening check the rules themselves).
#include "anpr/screening.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace hh {
namespace {

namespace fs = std::filesystem;

class ScreeningTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("hh_screening_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    std::string p = (dir_ / name).string();
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  ScreeningFiles Files() {
    return {(dir_ / "cameras.csv").string(), (dir_ / "permits.csv").string(),
            (dir_ / "detections.csv").string(),
            fs::exists(dir_ / "zones.csv") ? (dir_ / "zones.csv").string() : ""};
  }

  fs::path dir_;
};

constexpr const char* kCameras =
    "camera_id,zone_id,direction,active_from,active_to\n"
    "C1,Z1,entry,2020-01-01T00:00:00Z,\n"
    "C2,Z1,entry,2020-01-01T00:00:00Z,\n"
    "C3,Z2,entry,2020-01-01T00:00:00Z,2026-03-27T00:00:00Z\n"
    "C4,Z2,exit,2020-01-01T00:00:00Z,\n";
constexpr const char* kPermitsHeader = "permit_id,plate,zone_id,valid_from,valid_to,category\n";

TEST_F(ScreeningTest, ConfigErrorsNameFileLineAndField) {
  Write("cameras.csv", std::string(kCameras) + "C5,Z1,sideways,2020-01-01T00:00:00Z,\n");
  Write("permits.csv", kPermitsHeader);
  auto r = LoadScreeningConfig(Files());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("cameras.csv: line 6, field direction"), std::string::npos)
      << r.status().message();

  Write("cameras.csv", kCameras);
  Write("permits.csv", std::string(kPermitsHeader) +
                           "P1,1ABC123,Z1,2026-01-01T00:00:00Z,2027-01-01T00:00:00Z,resident\n"
                           "P2,1ABC124,*,2026-02-30T00:00:00Z,2027-01-01T00:00:00Z,resident\n");
  r = LoadScreeningConfig(Files());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("permits.csv: line 3, field valid_from"), std::string::npos)
      << r.status().message();

  Write("permits.csv", std::string(kPermitsHeader) +
                           "P1,1ABC123,Z1,2026-01-01T00:00:00Z,2027-01-01T00:00:00Z,resident\n"
                           "P1,1ABC124,*,2026-01-01T00:00:00Z,2027-01-01T00:00:00Z,resident\n");
  r = LoadScreeningConfig(Files());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("line 3, field permit_id"), std::string::npos);

  Write("permits.csv", kPermitsHeader);
  Write("zones.csv", "zone_id,weekdays,restricted_from,restricted_to\nZ1,12345,18:00,11:00\n");
  r = LoadScreeningConfig(Files());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("zones.csv: line 2, field restricted_to"), std::string::npos);

  Write("zones.csv", "zone_id,weekdays,restricted_from\nZ1,12345,18:00\n");
  r = LoadScreeningConfig(Files());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("field restricted_to: column missing"), std::string::npos);
}

// A messy detections file: duplicates, bad rows, quoted fields with line breaks, CRLF, low
// confidence, reads on several days and cameras.
std::string MessyDetections(int rows, uint32_t seed) {
  std::mt19937 rng(seed);
  std::string s = "camera_id,detection_id,observed_at,plate,country,confidence,image_ref\n";
  std::vector<std::string> lines;
  for (int i = 0; i < rows; ++i) {
    std::string cam = "C" + std::to_string(1 + rng() % 5);              // C5 is unknown
    std::string id = "D" + std::to_string(rng() % (rows * 3 / 4 + 1));  // repeats
    int day = 26 + static_cast<int>(rng() % 4);
    char at[64];
    std::snprintf(at, sizeof at, "2026-03-%02dT%02u:%02u:%02u.%uZ", day,
                  static_cast<unsigned>(rng() % 24), static_cast<unsigned>(rng() % 60),
                  static_cast<unsigned>(rng() % 60), static_cast<unsigned>(rng() % 10));
    std::string plate = (rng() % 2 ? "1-abc-" : "2 XY ") + std::to_string(rng() % 20);
    std::string conf = rng() % 10 == 0 ? "0.7" : "0.95";
    std::string image = rng() % 7 == 0 ? "\"img, with\n\"\"newline\"\"\"" : "img/" + id;
    std::string line = cam + "," + id + "," + at + "," + plate + ",BE," + conf + "," + image;
    switch (rng() % 40) {
      case 0:
        line = cam + "," + id + ",2026-02-30T10:00:00Z,1ABC1,BE,0.9,x";
        break;
      case 1:
        line = cam + "," + id + ",2026-03-27T10:00:00Z,--,BE,0.9,x";
        break;
      case 2:
        line = cam + "," + id + ",2026-03-27T10:00:00Z,1ABC1,BE,1.5,x";
        break;
      case 3:
        line = cam + "," + id;
        break;
      case 4:
        line = "\"unclosed,x\n";
        break;
      default:
        break;
    }
    s += line + (rng() % 5 == 0 ? "\r\n" : "\n");
    if (rng() % 50 == 0) s += "\n";  // an empty line
  }
  return s;
}

std::string Render(const ScreeningConfig& cfg, const ScreenResult& r) {
  std::string out = FormatGroupsCsv(cfg, r.violations) + FormatGroupsCsv(cfg, r.review) +
                    FormatRejectsCsv(r.rejects);
  const ScreenStats& s = r.stats;
  for (uint64_t v : {s.rows, s.rejects, s.reads, s.repeated_reads, s.dropped_exit_camera,
                     s.dropped_camera_inactive, s.dropped_outside_zone_hours, s.exempt, s.pending,
                     s.violations, s.review_items}) {
    out += std::to_string(v) + ";";
  }
  return out;
}

TEST_F(ScreeningTest, ResultDoesNotDependOnThreadsOrBlockCuts) {
  Write("cameras.csv", kCameras);
  Write("permits.csv", std::string(kPermitsHeader) +
                           "P1,1ABC1,Z1,2026-03-27T00:00:00Z,2026-03-28T00:00:00Z,resident\n"
                           "P2,2XY3,*,2026-03-26T00:00:00Z,2026-03-30T00:00:00Z,taxi\n");
  Write("zones.csv", "zone_id,weekdays,restricted_from,restricted_to\nZ2,12345,07:00,19:00\n");
  auto cfg = LoadScreeningConfig(Files());
  ASSERT_TRUE(cfg.ok()) << cfg.status().message();
  for (uint32_t seed : {1u, 2u, 3u}) {
    std::string path = Write("detections.csv", MessyDetections(3000, seed));
    ScreenOptions base;
    base.threads = 1;
    base.block_bytes = size_t{1} << 30;
    auto reference = ScreenDetections(*cfg, path, base);
    ASSERT_TRUE(reference.ok());
    ASSERT_GT(reference->stats.violations, 10u);
    ASSERT_GT(reference->stats.review_items, 0u);
    ASSERT_GT(reference->stats.repeated_reads, 10u);
    ASSERT_GT(reference->stats.rejects, 10u);
    const std::string want = Render(*cfg, *reference);
    for (auto [threads, block] : {std::pair{2, 1}, {2, 7}, {3, 64}, {2, 1000}, {1, 333}}) {
      ScreenOptions o = base;
      o.threads = threads;
      o.block_bytes = static_cast<size_t>(block);
      auto got = ScreenDetections(*cfg, path, o);
      ASSERT_TRUE(got.ok());
      EXPECT_EQ(Render(*cfg, *got), want)
          << "seed " << seed << " threads " << threads << " block " << block;
    }
    // With --as-of before every deadline, everything decided is pending instead.
    ScreenOptions early = base;
    early.as_of = *Instant::Parse("2026-03-20T00:00:00Z");
    auto pending = ScreenDetections(*cfg, path, early);
    ASSERT_TRUE(pending.ok());
    EXPECT_EQ(pending->stats.violations + pending->stats.review_items, 0u);
    EXPECT_GE(pending->stats.pending, reference->stats.violations + reference->stats.review_items);
  }
}

TEST_F(ScreeningTest, DetectionsHeaderMustHaveEveryColumn) {
  Write("cameras.csv", kCameras);
  Write("permits.csv", kPermitsHeader);
  auto cfg = LoadScreeningConfig(Files());
  ASSERT_TRUE(cfg.ok());
  std::string path =
      Write("detections.csv", "camera_id,detection_id,observed_at,plate,country,image_ref\n");
  auto r = ScreenDetections(*cfg, path, ScreenOptions());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("field confidence"), std::string::npos);
}

}  // namespace
}  // namespace hh
