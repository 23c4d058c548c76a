// Tests of read keys (ReadKey against a reference SipHash-2-4, the secret's hex form, KnownReads)
// and of the screening engine's import mode: the candidates and new reads of a hand-made file,
// a second import of the same file, the too_old horizon, and that import mode neither changes
// the plain result nor depends on threads or block cuts.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <set>

#include "anpr/read_key.h"
#include "anpr/screening.h"

namespace hh {
namespace {

namespace fs = std::filesystem;

// --- Read keys -------------------------------------------------------------------------------

uint64_t Le64(const unsigned char* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = v << 8 | p[i];
  return v;
}
uint64_t Rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

// SipHash-2-4 written out from Aumasson and Bernstein, "SipHash: a fast short-input PRF" (2012),
// section 2: independent of libsodium, to check ReadKey's encoding.
uint64_t ReferenceSipHash24(const ReadKeySecret& key, std::string_view msg) {
  const uint64_t k0 = Le64(key.data());
  const uint64_t k1 = Le64(key.data() + 8);
  uint64_t v0 = 0x736f6d6570736575ULL ^ k0;
  uint64_t v1 = 0x646f72616e646f6dULL ^ k1;
  uint64_t v2 = 0x6c7967656e657261ULL ^ k0;
  uint64_t v3 = 0x7465646279746573ULL ^ k1;
  auto round = [&] {
    v0 += v1;
    v1 = Rotl(v1, 13);
    v1 ^= v0;
    v0 = Rotl(v0, 32);
    v2 += v3;
    v3 = Rotl(v3, 16);
    v3 ^= v2;
    v0 += v3;
    v3 = Rotl(v3, 21);
    v3 ^= v0;
    v2 += v1;
    v1 = Rotl(v1, 17);
    v1 ^= v2;
    v2 = Rotl(v2, 32);
  };
  const auto* m = reinterpret_cast<const unsigned char*>(msg.data());
  const size_t full = msg.size() / 8 * 8;
  for (size_t i = 0; i < full; i += 8) {
    const uint64_t w = Le64(m + i);
    v3 ^= w;
    round();
    round();
    v0 ^= w;
  }
  uint64_t last = static_cast<uint64_t>(msg.size()) << 56;
  for (size_t j = 0; j < msg.size() - full; ++j)
    last |= static_cast<uint64_t>(m[full + j]) << 8 * j;
  v3 ^= last;
  round();
  round();
  v0 ^= last;
  v2 ^= 0xff;
  for (int i = 0; i < 4; ++i) round();
  return v0 ^ v1 ^ v2 ^ v3;
}

ReadKeySecret Counting(unsigned char first) {
  ReadKeySecret k;
  for (size_t i = 0; i < k.size(); ++i) k[i] = static_cast<unsigned char>(first + i);
  return k;
}

TEST(ReadKeyTest, ReferenceSipHashMatchesThePaper) {
  // The paper's appendix A: key 00 01 .. 0f, message 00 01 .. 0e.
  std::string msg;
  for (char c = 0; c < 15; ++c) msg.push_back(c);
  EXPECT_EQ(ReferenceSipHash24(Counting(0), msg), 0xa129ca6149be45e5ULL);
  // The reference implementation's first test vector (empty message).
  EXPECT_EQ(ReferenceSipHash24(Counting(0), ""), 0x726fdb47dd0e0e31ULL);
}

TEST(ReadKeyTest, IsSipHashOfLengthPrefixedCameraThenDetection) {
  const ReadKeySecret k = Counting(0);
  using namespace std::string_literals;
  EXPECT_EQ(ReadKey(k, "AB", "C"), ReferenceSipHash24(k, "\x02\x00\x00\x00"s + "ABC"));
  EXPECT_EQ(ReadKey(k, "A", "BC"), ReferenceSipHash24(k, "\x01\x00\x00\x00"s + "ABC"));
  EXPECT_NE(ReadKey(k, "AB", "C"), ReadKey(k, "A", "BC"));
  EXPECT_NE(ReadKey(k, "", "ABC"), ReadKey(k, "ABC", ""));
  EXPECT_EQ(ReadKey(k, "", ""), ReferenceSipHash24(k, "\x00\x00\x00\x00"s));
  // Longer than the stack buffer, and a length above 255 (0x012c = 300).
  const std::string cam(300, 'c');
  const std::string id(200, 'd');
  EXPECT_EQ(ReadKey(k, cam, id), ReferenceSipHash24(k, "\x2c\x01\x00\x00"s + cam + id));
}

TEST(ReadKeyTest, StableForASecretAndDifferentForAnother) {
  const ReadKeySecret a = Counting(0);
  const ReadKeySecret b = Counting(1);
  EXPECT_EQ(ReadKey(a, "CAM-01", "D123"), ReadKey(a, "CAM-01", "D123"));
  EXPECT_EQ(ReadKey(Counting(0), "CAM-01", "D123"), ReadKey(a, "CAM-01", "D123"));
  EXPECT_NE(ReadKey(a, "CAM-01", "D123"), ReadKey(b, "CAM-01", "D123"));
  EXPECT_NE(ReadKey(a, "CAM-01", "D123"), ReadKey(a, "CAM-01", "D124"));
  EXPECT_NE(ReadKey(a, "CAM-01", "D123"), ReadKey(a, "CAM-02", "D123"));
}

TEST(ReadKeyTest, SecretsAreFreshAndRoundTripThroughHex) {
  const ReadKeySecret s1 = NewReadKeySecret();
  const ReadKeySecret s2 = NewReadKeySecret();
  EXPECT_NE(s1, s2);  // equal with probability 2^-128
  auto back = ReadKeySecretFromHex(ReadKeySecretToHex(s1));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, s1);

  EXPECT_EQ(ReadKeySecretToHex(Counting(0)), "000102030405060708090a0b0c0d0e0f");
  EXPECT_EQ(ReadKeySecretToHex(Counting(0xf0)), "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
  auto upper = ReadKeySecretFromHex("F0F1F2F3F4F5F6F7F8F9FAFBFCFDFEFF");
  ASSERT_TRUE(upper.ok());
  EXPECT_EQ(*upper, Counting(0xf0));
}

TEST(ReadKeyTest, BadHexIsRejectedWithoutRepeatingIt) {
  auto short_hex = ReadKeySecretFromHex("000102030405060708090a0b0c0d0e0");  // 31
  ASSERT_FALSE(short_hex.ok());
  EXPECT_EQ(short_hex.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(short_hex.status().message(),
            "read key secret: expected 32 hex digits, found 31 characters");
  EXPECT_FALSE(ReadKeySecretFromHex("000102030405060708090a0b0c0d0e0f0").ok());  // 33
  EXPECT_FALSE(ReadKeySecretFromHex("").ok());
  auto bad = ReadKeySecretFromHex("0001g2030405060708090a0b0c0d0e0f");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "read key secret: character 5 is not a hex digit");
  bad = ReadKeySecretFromHex("00010203040506070809 a0b0c0d0e0f");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "read key secret: character 21 is not a hex digit");
  EXPECT_FALSE(ReadKeySecretFromHex("0x0102030405060708090a0b0c0d0e0f").ok());
}

TEST(KnownReadsTest, EmptySetAndKeyZero) {
  KnownReads known;
  EXPECT_EQ(known.size(), 0u);
  EXPECT_FALSE(known.Contains(0));
  EXPECT_FALSE(known.Contains(1));
  known.Prefetch(1);  // harmless on an empty set
  known.Add(0);
  EXPECT_TRUE(known.Contains(0));
  EXPECT_FALSE(known.Contains(1));
  EXPECT_EQ(known.size(), 1u);
  known.Add(0);
  EXPECT_EQ(known.size(), 1u);
  known.Add(UINT64_MAX);
  EXPECT_TRUE(known.Contains(UINT64_MAX));
  EXPECT_TRUE(known.Contains(0));
  EXPECT_EQ(known.size(), 2u);
}

TEST(KnownReadsTest, ManyKeysWithAndWithoutReserve) {
  for (bool reserve : {false, true}) {
    KnownReads known;
    if (reserve) known.Reserve(5000);
    // Keys that differ only in their high bits, keys that differ only in their low bits, and
    // random ones; every key added twice.
    std::vector<uint64_t> keys;
    for (uint64_t i = 1; i <= 1000; ++i) keys.push_back(i << 40);
    for (uint64_t i = 1; i <= 1000; ++i) keys.push_back(i);
    std::mt19937_64 rng(7);
    for (int i = 0; i < 2000; ++i) keys.push_back(rng() | 1);
    std::set<uint64_t> distinct(keys.begin(), keys.end());
    for (uint64_t k : keys) known.Add(k);
    for (uint64_t k : keys) known.Add(k);
    EXPECT_EQ(known.size(), distinct.size());
    for (uint64_t k : keys) EXPECT_TRUE(known.Contains(k)) << k;
    EXPECT_FALSE(known.Contains(0));
    size_t false_hits = 0;
    for (uint64_t i = 1; i <= 1000; ++i) false_hits += known.Contains((i << 40) + 7);
    for (int i = 0; i < 2000; ++i) false_hits += known.Contains(rng() & ~uint64_t{1});
    EXPECT_EQ(false_hits, 0u);
    // Reserve after adding keeps everything.
    known.Reserve(100000);
    for (uint64_t k : keys) EXPECT_TRUE(known.Contains(k)) << k;
    EXPECT_EQ(known.size(), distinct.size());
  }
}

// --- Import mode -----------------------------------------------------------------------------

TEST(RegularisationDeadlineTest, TwentyThreeHoursOnTheNextWorkingDay) {
  const LocalTime tz = LocalTime::Brussels();
  auto deadline = [&](const char* day) {
    std::string s;
    RegularisationDeadline(*LocalDate::Parse(day), tz).AppendUtc(s);
    return s;
  };
  EXPECT_EQ(deadline("2026-03-26"), "2026-03-27T22:00:00Z");  // Thursday -> Friday, CET
  EXPECT_EQ(deadline("2026-03-27"), "2026-03-30T21:00:00Z");  // Friday -> Monday, CEST by then
  EXPECT_EQ(deadline("2026-03-28"), "2026-03-30T21:00:00Z");  // Saturday
  EXPECT_EQ(deadline("2026-04-03"), "2026-04-07T21:00:00Z");  // Easter Monday 6 April skipped
  EXPECT_EQ(deadline("2026-12-24"), "2026-12-28T22:00:00Z");  // Christmas, then the weekend
}

class ImportModeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("hh_import_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    std::string p = (dir_ / name).string();
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  ScreeningConfig Config(const std::string& cameras, const std::string& permits,
                         const std::string& zones = "") {
    Write("cameras.csv", cameras);
    Write("permits.csv", permits);
    if (!zones.empty()) Write("zones.csv", zones);
    auto cfg =
        LoadScreeningConfig({(dir_ / "cameras.csv").string(), (dir_ / "permits.csv").string(), "",
                             zones.empty() ? "" : (dir_ / "zones.csv").string()});
    EXPECT_TRUE(cfg.ok()) << cfg.status().message();
    return std::move(*cfg);
  }

  fs::path dir_;
};

Instant At(const char* text) { return *Instant::Parse(text); }
std::string Utc(Instant t) {
  std::string s;
  t.AppendUtc(s);
  return s;
}
std::string Day(LocalDate d) { return d.ToIsoString(); }

std::string StatsLine(const ScreenStats& s) {
  std::string out;
  for (uint64_t v : {s.rows, s.rejects, s.reads, s.repeated_reads, s.dropped_exit_camera,
                     s.dropped_camera_inactive, s.dropped_outside_zone_hours, s.exempt, s.pending,
                     s.violations, s.review_items}) {
    out += std::to_string(v) + ";";
  }
  return out;
}

// Everything of a result, import parts included, as text.
std::string Render(const ScreeningConfig& cfg, const ScreenResult& r) {
  std::string out = FormatGroupsCsv(cfg, r.violations) + FormatGroupsCsv(cfg, r.review) +
                    FormatRejectsCsv(r.rejects) + StatsLine(r.stats) + "\nnew:";
  for (const NewRead& n : r.new_reads) {
    out += std::to_string(n.key) + "/" + std::to_string(n.utc_day) + " ";
  }
  out += "\ncandidates:\n";
  for (const CandidateRead& c : r.candidates) {
    out += cfg.zone_ids[c.zone] + "|" + cfg.cameras[c.camera].id + "|" + c.plate + "|" + c.country +
           "|" + Day(c.local_day) + "|" + c.detection_id + "|" +
           std::to_string(c.observed_at.unix_seconds()) + "." +
           std::to_string(c.observed_at.nanos()) + "|" + c.confidence + "|" +
           (c.strong ? "S" : "w") + (c.pending ? "P" : "d") + "|" + Utc(c.deadline) + "|" +
           c.image_ref + "|" + std::to_string(c.key) + "\n";
  }
  return out;
}

constexpr const char* kCameras =
    "camera_id,zone_id,direction,active_from,active_to\n"
    "C1,Z1,entry,2020-01-01T00:00:00Z,\n"
    "C2,Z1,entry,2020-01-01T00:00:00Z,\n"
    "C4,Z2,exit,2020-01-01T00:00:00Z,\n";
constexpr const char* kPermits =
    "permit_id,plate,zone_id,valid_from,valid_to,category\n"
    "P1,PERMIT1,Z1,2026-01-01T00:00:00Z,2027-01-01T00:00:00Z,resident\n";

// The columns in another order than SCREENING.md lists them, to check they are found by name.
// 2026-03-26 is a Thursday; 2026-04-03 a Friday before Easter Monday.
constexpr const char* kDetections =
    "image_ref,camera_id,detection_id,observed_at,plate,country,confidence\n"
    "img/1,C1,D1,2026-03-26T10:00:00Z,1-abc-123,BE,0.95\n"   // 2: strong
    "img/1b,C1,D1,2026-03-26T11:00:00Z,1ABC123,BE,0.95\n"    // 3: repeated
    "img/2,C2,D1,2026-03-26T10:05:00Z,1abc123,,0.8999\n"     // 4: weak, joins 2's violation
    "\"img, 3\",C1,D2,2026-03-26T23:30:00Z,2XYZ9,NL,0.90\n"  // 5: local day 27 March; pending
    "img/4,C4,D3,2026-03-26T12:00:00Z,3AAA1,BE,0.99\n"       // 6: exit camera
    "img/5,C1,D4,2026-03-26T12:00:00Z,PERMIT1,BE,0.99\n"     // 7: exempt
    "img/6,C1,D5,2026-04-03T09:00:00.25Z,4BBB2,FR,1\n"       // 8: pending (Easter)
    "img/7,C1,D6,2026-03-20T10:00:00Z,5CCC3,BE,0.95\n"       // 9: too_old
    "img/x,C9,D7,2026-03-20T10:00:00Z,9ZZZ9,BE,0.95\n"       // 10: unknown camera first
    "img/y,C1,D8,2026-03-19T10:00:00Z,6DDD4,BE,1.5\n"        // 11: bad confidence first
    "img/8,C1,D6,2026-03-26T13:00:00Z,5CCC3,BE,0.95\n"       // 12: D6's first valid row
    "img/9,C2,D9,2026-03-26T14:00:00Z,7EEE5,BE,0.5\n";       // 13: weak: review

ScreenOptions ImportOptions(const ReadKeySecret& secret) {
  ScreenOptions o;
  o.as_of = At("2026-03-29T00:00:00Z");
  o.import = ImportMode{secret, nullptr, At("2026-03-25T00:00:00Z")};
  return o;
}

TEST_F(ImportModeTest, CandidatesNewReadsAndRejects) {
  const ScreeningConfig cfg = Config(kCameras, kPermits);
  const std::string path = Write("detections.csv", kDetections);
  const ReadKeySecret secret = Counting(0x40);
  auto r = ScreenDetections(cfg, path, ImportOptions(secret));
  ASSERT_TRUE(r.ok()) << r.status().message();

  // rows, rejects, reads, repeated, exit, inactive, outside hours, exempt, pending, violations,
  // review.
  EXPECT_EQ(StatsLine(r->stats), "12;3;8;1;1;0;0;1;2;2;1;");
  ASSERT_EQ(r->rejects.size(), 3u);
  EXPECT_EQ(r->rejects[0].line, 9u);
  EXPECT_EQ(r->rejects[0].reason,
            "too_old: observed_at \"2026-03-20T10:00:00Z\" is before the store's read memory "
            "horizon 2026-03-25T00:00:00Z");
  EXPECT_EQ(r->rejects[1].line, 10u);
  EXPECT_EQ(r->rejects[1].reason.rfind("unknown_camera: ", 0), 0u) << r->rejects[1].reason;
  EXPECT_EQ(r->rejects[2].line, 11u);
  EXPECT_EQ(r->rejects[2].reason.rfind("bad_confidence: ", 0), 0u) << r->rejects[2].reason;

  EXPECT_EQ(FormatGroupsCsv(cfg, r->violations),
            "zone_id,plate,local_day,first_camera_id,first_detection_id,first_observed_at,"
            "read_count\n"
            "Z1,1ABC123,2026-03-26,C1,D1,2026-03-26T10:00:00Z,2\n"
            "Z1,5CCC3,2026-03-26,C1,D6,2026-03-26T13:00:00Z,1\n");
  EXPECT_EQ(FormatGroupsCsv(cfg, r->review),
            "zone_id,plate,local_day,first_camera_id,first_detection_id,first_observed_at,"
            "read_count\n"
            "Z1,7EEE5,2026-03-26,C2,D9,2026-03-26T14:00:00Z,1\n");

  // One new read per distinct valid read, in file order, whatever its outcome.
  const int32_t d26 = LocalDate::Parse("2026-03-26")->days();
  const int32_t a03 = LocalDate::Parse("2026-04-03")->days();
  const std::vector<std::pair<std::pair<const char*, const char*>, int32_t>> want_new = {
      {{"C1", "D1"}, d26}, {{"C2", "D1"}, d26}, {{"C1", "D2"}, d26},  // 23:30 UTC on the 26th
      {{"C4", "D3"}, d26}, {{"C1", "D4"}, d26}, {{"C1", "D5"}, a03},
      {{"C1", "D6"}, d26}, {{"C2", "D9"}, d26}};
  ASSERT_EQ(r->new_reads.size(), want_new.size());
  for (size_t i = 0; i < want_new.size(); ++i) {
    EXPECT_EQ(r->new_reads[i].key,
              ReadKey(secret, want_new[i].first.first, want_new[i].first.second))
        << i;
    EXPECT_EQ(r->new_reads[i].utc_day, want_new[i].second) << i;
  }

  struct Want {
    const char* camera;
    const char* plate;
    const char* country;
    const char* local_day;
    const char* detection;
    const char* observed;
    const char* confidence;
    bool strong;
    bool pending;
    const char* deadline;
    const char* image;
  };
  const Want want[] = {
      {"C1", "1ABC123", "BE", "2026-03-26", "D1", "2026-03-26T10:00:00Z", "0.95", true, false,
       "2026-03-27T22:00:00Z", "img/1"},
      {"C2", "1ABC123", "", "2026-03-26", "D1", "2026-03-26T10:05:00Z", "0.8999", false, false,
       "2026-03-27T22:00:00Z", "img/2"},
      {"C1", "2XYZ9", "NL", "2026-03-27", "D2", "2026-03-26T23:30:00Z", "0.90", true, true,
       "2026-03-30T21:00:00Z", "img, 3"},
      {"C1", "4BBB2", "FR", "2026-04-03", "D5", "2026-04-03T09:00:00.25Z", "1", true, true,
       "2026-04-07T21:00:00Z", "img/6"},
      {"C1", "5CCC3", "BE", "2026-03-26", "D6", "2026-03-26T13:00:00Z", "0.95", true, false,
       "2026-03-27T22:00:00Z", "img/8"},
      {"C2", "7EEE5", "BE", "2026-03-26", "D9", "2026-03-26T14:00:00Z", "0.5", false, false,
       "2026-03-27T22:00:00Z", "img/9"},
  };
  ASSERT_EQ(r->candidates.size(), std::size(want));
  for (size_t i = 0; i < std::size(want); ++i) {
    const CandidateRead& c = r->candidates[i];
    const Want& w = want[i];
    SCOPED_TRACE("candidate " + std::to_string(i));
    EXPECT_EQ(cfg.zone_ids[c.zone], "Z1");
    EXPECT_EQ(cfg.cameras[c.camera].id, w.camera);
    EXPECT_EQ(c.plate, w.plate);
    EXPECT_EQ(c.country, w.country);
    EXPECT_EQ(Day(c.local_day), w.local_day);
    EXPECT_EQ(c.detection_id, w.detection);
    EXPECT_TRUE(c.observed_at == At(w.observed));
    EXPECT_EQ(c.confidence, w.confidence);
    EXPECT_EQ(c.strong, w.strong);
    EXPECT_EQ(c.pending, w.pending);
    EXPECT_EQ(Utc(c.deadline), w.deadline);
    EXPECT_EQ(c.image_ref, w.image);
    EXPECT_EQ(c.key, ReadKey(secret, w.camera, w.detection));
  }
}

TEST_F(ImportModeTest, KnownReadsAreRepeatedAndProduceNothing) {
  const ScreeningConfig cfg = Config(kCameras, kPermits);
  const std::string path = Write("detections.csv", kDetections);
  const ReadKeySecret secret = Counting(0x40);
  auto first = ScreenDetections(cfg, path, ImportOptions(secret));
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->new_reads.size(), 8u);

  // The same file again, with every read of the first run known.
  KnownReads known;
  known.Reserve(first->new_reads.size());
  for (const NewRead& n : first->new_reads) known.Add(n.key);
  ScreenOptions again = ImportOptions(secret);
  again.import->known = &known;
  auto second = ScreenDetections(cfg, path, again);
  ASSERT_TRUE(second.ok());
  // All 9 valid rows are repeated reads; the 3 bad rows are rejected as before.
  EXPECT_EQ(StatsLine(second->stats), "12;3;0;9;0;0;0;0;0;0;0;");
  EXPECT_TRUE(second->candidates.empty());
  EXPECT_TRUE(second->new_reads.empty());
  EXPECT_TRUE(second->violations.empty());
  EXPECT_TRUE(second->review.empty());
  EXPECT_EQ(second->rejects.size(), 3u);

  // Known under another secret, the keys mean nothing: everything is new again.
  again.import->secret = Counting(0x41);
  auto other = ScreenDetections(cfg, path, again);
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->new_reads.size(), 8u);
  EXPECT_EQ(other->candidates.size(), 6u);

  // Only C2/D1 known: the 1ABC123 violation has one read left, and line 4 is a repeated read.
  KnownReads one;
  one.Add(ReadKey(secret, "C2", "D1"));
  ScreenOptions partly = ImportOptions(secret);
  partly.import->known = &one;
  auto third = ScreenDetections(cfg, path, partly);
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(StatsLine(third->stats), "12;3;7;2;1;0;0;1;2;2;1;");
  EXPECT_EQ(third->new_reads.size(), 7u);
  ASSERT_EQ(third->candidates.size(), 5u);
  for (const CandidateRead& c : third->candidates) {
    EXPECT_FALSE(c.detection_id == "D1" && cfg.cameras[c.camera].id == "C2");
  }
  ASSERT_FALSE(third->violations.empty());
  EXPECT_EQ(third->violations[0].read_count, 1u);
}

TEST_F(ImportModeTest, WithoutAHorizonOldReadsAreScreenedAsUsual) {
  const ScreeningConfig cfg = Config(kCameras, kPermits);
  const std::string path = Write("detections.csv", kDetections);
  ScreenOptions o = ImportOptions(Counting(0x40));
  o.import->not_before.reset();
  auto r = ScreenDetections(cfg, path, o);
  ASSERT_TRUE(r.ok());
  // Line 9 is D6's first valid row now (Friday 20 March, decided), line 12 a repeated read.
  EXPECT_EQ(StatsLine(r->stats), "12;2;8;2;1;0;0;1;2;2;1;");
  ASSERT_EQ(r->violations.size(), 2u);
  EXPECT_EQ(Utc(r->violations[1].first_observed_at), "2026-03-20T10:00:00Z");
  ASSERT_EQ(r->candidates.size(), 6u);
  EXPECT_EQ(r->candidates[4].image_ref, "img/7");                     // line 9, in file order
  EXPECT_EQ(Utc(r->candidates[4].deadline), "2026-03-23T22:00:00Z");  // Friday -> Monday, CET

  // A horizon equal to a read's instant keeps that read (only observed_at < not_before is too
  // old); one nanosecond later it is too old.
  o.import->not_before = At("2026-03-20T10:00:00Z");
  auto edge = ScreenDetections(cfg, path, o);
  ASSERT_TRUE(edge.ok());
  ASSERT_EQ(edge->rejects.size(), 2u);  // line 11 (19 March) has a bad confidence first
  EXPECT_EQ(edge->rejects[0].line, 10u);
  EXPECT_EQ(edge->rejects[1].line, 11u);
  EXPECT_EQ(edge->stats.reads, 8u);
  o.import->not_before = At("2026-03-20T10:00:00.000000001Z");
  edge = ScreenDetections(cfg, path, o);
  ASSERT_TRUE(edge.ok());
  ASSERT_EQ(edge->rejects.size(), 3u);
  EXPECT_EQ(edge->rejects[0].line, 9u);
  EXPECT_EQ(edge->rejects[0].reason.rfind("too_old: ", 0), 0u);
}

// The messy generator of screening_test.cpp, shortened: duplicates, bad rows, quoted fields with
// line breaks, CRLF, low confidence, reads on several days and cameras.
std::string MessyDetections(int rows, uint32_t seed) {
  std::mt19937 rng(seed);
  std::string s = "camera_id,detection_id,observed_at,plate,country,confidence,image_ref\n";
  for (int i = 0; i < rows; ++i) {
    std::string cam = "C" + std::to_string(1 + rng() % 5);  // C3 is unknown
    std::string id = "D" + std::to_string(rng() % (rows * 3 / 4 + 1));
    int day = 26 + static_cast<int>(rng() % 4);
    char at[64];
    std::snprintf(at, sizeof at, "2026-03-%02dT%02u:%02u:%02u.%uZ", day,
                  static_cast<unsigned>(rng() % 24), static_cast<unsigned>(rng() % 60),
                  static_cast<unsigned>(rng() % 60), static_cast<unsigned>(rng() % 10));
    std::string plate = (rng() % 2 ? "1-abc-" : "2 XY ") + std::to_string(rng() % 20);
    std::string conf = rng() % 10 == 0 ? "0.7" : "0.95";
    std::string country = rng() % 3 == 0 ? "" : "NL";
    std::string image = rng() % 7 == 0 ? "\"img, with\n\"\"newline\"\"\"" : "img/" + id;
    std::string line =
        cam + "," + id + "," + at + "," + plate + "," + country + "," + conf + "," + image;
    if (rng() % 30 == 0) line = cam + "," + id;
    if (rng() % 40 == 0) line = "\"unclosed,x\n";
    s += line + (rng() % 5 == 0 ? "\r\n" : "\n");
  }
  return s;
}

TEST_F(ImportModeTest, SameAsPlainAndIndependentOfThreadsAndBlocks) {
  const ScreeningConfig cfg =
      Config(std::string(kCameras) + "C5,Z2,entry,2020-01-01T00:00:00Z,2026-03-28T00:00:00Z\n",
             std::string(kPermits) + "P2,2XY3,*,2026-03-26T00:00:00Z,2026-03-30T00:00:00Z,taxi\n",
             "zone_id,weekdays,restricted_from,restricted_to\nZ2,12345,07:00,19:00\n");
  for (uint32_t seed : {1u, 2u}) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const std::string path = Write("detections.csv", MessyDetections(3000, seed));
    ScreenOptions plain;
    plain.as_of = At("2026-03-31T00:00:00Z");  // reads of local day 30 March are pending
    plain.threads = 1;
    auto reference = ScreenDetections(cfg, path, plain);
    ASSERT_TRUE(reference.ok());
    ASSERT_GT(reference->stats.violations, 10u);
    ASSERT_GT(reference->stats.review_items, 0u);
    ASSERT_GT(reference->stats.pending, 0u);
    ASSERT_GT(reference->stats.exempt, 0u);
    ASSERT_GT(reference->stats.repeated_reads, 10u);
    EXPECT_TRUE(reference->new_reads.empty());
    EXPECT_TRUE(reference->candidates.empty());

    // Import mode without known reads or horizon: the same groups, rejects and stats.
    ScreenOptions imp = plain;
    imp.import = ImportMode{Counting(3), nullptr, std::nullopt};
    auto first = ScreenDetections(cfg, path, imp);
    ASSERT_TRUE(first.ok());
    ScreenResult stripped = *first;
    stripped.new_reads.clear();
    stripped.candidates.clear();
    EXPECT_EQ(Render(cfg, stripped), Render(cfg, *reference));
    EXPECT_EQ(first->new_reads.size(), first->stats.reads);
    // Every grouped read (violations and review items, extra evidence included) and every
    // pending read is a candidate.
    uint64_t grouped = 0;
    for (const auto* groups : {&first->violations, &first->review}) {
      for (const ScreenedGroup& g : *groups) grouped += g.read_count;
    }
    EXPECT_EQ(first->candidates.size(), grouped + first->stats.pending);
    uint64_t pending = 0;
    for (const CandidateRead& c : first->candidates) pending += c.pending;
    EXPECT_EQ(pending, first->stats.pending);

    // With a third of the reads known and a horizon, under every split of the work.
    KnownReads known;
    for (size_t i = 0; i < first->new_reads.size(); i += 3) known.Add(first->new_reads[i].key);
    imp.import->known = &known;
    imp.import->not_before = At("2026-03-27T12:00:00Z");
    auto base = ScreenDetections(cfg, path, imp);
    ASSERT_TRUE(base.ok());
    ASSERT_GT(base->candidates.size(), 0u);
    // The new reads are some of the first run's, none of them known.
    std::set<uint64_t> first_keys;
    for (const NewRead& n : first->new_reads) first_keys.insert(n.key);
    for (const NewRead& n : base->new_reads) {
      EXPECT_TRUE(first_keys.count(n.key) == 1 && !known.Contains(n.key));
    }
    EXPECT_EQ(base->new_reads.size(), base->stats.reads);
    EXPECT_LT(base->new_reads.size(), first->new_reads.size() - known.size());
    size_t too_old = 0;
    for (const RejectedRow& rej : base->rejects) too_old += rej.reason.rfind("too_old: ", 0) == 0;
    EXPECT_GT(too_old, 100u);
    const std::string want = Render(cfg, *base);
    for (auto [threads, block] : {std::pair<int, size_t>{1, 1}, {4, 1}, {4, 4u << 20}, {2, 97}}) {
      ScreenOptions o = imp;
      o.threads = threads;
      o.block_bytes = block;
      auto got = ScreenDetections(cfg, path, o);
      ASSERT_TRUE(got.ok());
      EXPECT_EQ(Render(cfg, *got), want) << "threads " << threads << " block " << block;
    }
  }
}

}  // namespace
}  // namespace hh
