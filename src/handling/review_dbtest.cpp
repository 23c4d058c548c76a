// Review of camera cases (GAS.md 6.4 "human verification queue") on a fresh SQLite store per
// test: the queue's order, accept, reject, the plate correction (screened again against the
// permits, and erased when a permit covers it), and who may review. Cases are opened by the
// camera import, as in production. All plates and people are synthetic.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "handling/review.h"
#include "intake/camera_import.h"
#include "store/migrations.h"
#include "store/sqlite_case_store.h"
#include "store/sqlite_settings_store.h"
#include "store/test_db.h"
#include "store/test_temp_dir.h"

namespace hh {

// Readable failures (none of these is personal data). Static: other test files of the binary
// may have their own.
[[maybe_unused]] static void PrintTo(const Instant& t, std::ostream* os) { *os << t.ToRfc3339(); }
[[maybe_unused]] static void PrintTo(CaseState s, std::ostream* os) { *os << CaseStateName(s); }

namespace {

Instant At(const char* text) { return *Instant::Parse(text); }
Instant Now() { return At("2026-03-20T09:00:00Z"); }

constexpr const char* kCameras =
    "camera_id,zone_id,direction,active_from,active_to\n"
    "CAM1,Z1,entry,2026-01-01T00:00:00Z,\n"
    "CAM2,Z2,entry,2026-01-01T00:00:00Z,\n";

// Five cases, opened in the import's order (zone, plate, day): on Z1 on 10 March 2026
// 1AAA111, 2BBB222 (low confidence) and 3CCC333; on Z1 on 11 March 4DDD444; on Z2 on 10 March
// 5EEE555.
constexpr const char* kDetections =
    "camera_id,detection_id,observed_at,plate,country,confidence,image_ref\n"
    "CAM1,A1,2026-03-10T09:00:00Z,1AAA111,BE,0.95,img/a1.jpg\n"
    "CAM1,A2,2026-03-10T09:30:00Z,1AAA111,BE,0.60,img/a2.jpg\n"
    "CAM1,B1,2026-03-10T10:00:00Z,2BBB222,BE,0.70,img/b1.jpg\n"
    "CAM1,C1,2026-03-10T11:00:00Z,3CCC333,BE,0.95,img/c1.jpg\n"
    "CAM1,D1,2026-03-11T09:00:00Z,4DDD444,BE,0.95,img/d1.jpg\n"
    "CAM2,E1,2026-03-10T09:00:00Z,5EEE555,BE,0.95,img/e1.jpg\n";

// Permits for plates a reviewer may correct to. facts_at of 1AAA111 is 2026-03-10T09:00:00Z.
constexpr const char* kPermits =
    "permit_id,plate,zone_id,valid_from,valid_to,category\n"
    "P1,9-per-001,Z1,2026-03-01T00:00:00Z,2026-04-01T00:00:00Z,resident\n"
    "P2,9PER002,*,2026-03-10T09:00:00Z,2026-03-10T09:00:01Z,temporary\n"
    "P3,9OTH003,Z2,2026-03-01T00:00:00Z,2026-04-01T00:00:00Z,resident\n"
    "P4,9END004,Z1,2026-03-01T00:00:00Z,2026-03-10T09:00:00Z,temporary\n"
    "P5,9ANY005,*,2026-03-01T00:00:00Z,2026-04-01T00:00:00Z,taxi\n";

class ReviewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = OpenMigratedDb(dir_, Now());
    ASSERT_NE(db_, nullptr);
    store_ = std::make_unique<SqliteCaseStore>(*db_);
    SqliteSettingsStore settings_store(*db_);

    // The configuration first (ReplacePermits needs a connection without open statements).
    ASSERT_TRUE(ImportCameras(*store_, Write("cameras.csv", kCameras)).ok());
    auto permits = ImportPermits(*store_, Write("permits.csv", kPermits));
    ASSERT_TRUE(permits.ok()) << permits.status().ToString();
    auto imported = ImportDetections(*store_, settings_store, settings_,
                                     Write("detections.csv", kDetections), {}, Now());
    ASSERT_TRUE(imported.ok()) << imported.status().ToString();
    ASSERT_EQ(imported->new_cases, 5u);

    ASSERT_TRUE(store_->AddUser({0, "rev1", "Rita Reviewer", Role::kReviewer, true}, Now()).ok());
    ASSERT_TRUE(store_->AddUser({0, "view1", "Victor Viewer", Role::kViewer, true}, Now()).ok());
    ASSERT_TRUE(
        store_->AddUser({0, "off1", "Olga Officer", Role::kSanctioningOfficer, true}, Now()).ok());
    reviewer_ = *ActorFor(*store_, "rev1");
    viewer_ = *ActorFor(*store_, "view1");
    officer_ = *ActorFor(*store_, "off1");
  }

  std::string Write(const std::string& name, const std::string& content) {
    const std::string path = dir_.File(name);
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  // The case that the import opened for `plate` (before any correction).
  CaseId IdOf(const std::string& plate) {
    CaseFilter f;
    f.plate = plate;
    auto page = store_->ListCases(f);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    if (!page.ok() || page->cases.size() != 1) {
      ADD_FAILURE() << "expected one case with the plate";
      return CaseId{};
    }
    return page->cases[0].id;
  }
  CaseFile File(CaseId id) {
    auto f = store_->GetCaseFile(id);
    EXPECT_TRUE(f.ok()) << f.status().ToString();
    return f.ok() ? *f : CaseFile{};
  }
  // The first integer of the first row of `sql`, with ?1 bound to `id` when given.
  int64_t Scalar(const std::string& sql, std::optional<int64_t> id = std::nullopt) {
    auto st = db_->Prepare(sql);
    EXPECT_TRUE(st.ok()) << st.status().ToString();
    if (!st.ok()) return -1;
    if (id) st->BindInt64(1, *id);
    auto row = st->Step();
    EXPECT_TRUE(row.ok() && *row);
    if (!row.ok() || !*row) return -1;
    return st->ColumnInt64(0);
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<CaseStore> store_;
  GasSettings settings_;
  Actor reviewer_, viewer_, officer_;
};

// ReviewNext walks the queue in id order, from `after`, skipping cases that left review; each
// comes with its evidence.
TEST_F(ReviewTest, ReviewNextWalksTheQueueInIdOrder) {
  const CaseId a = IdOf("1AAA111"), b = IdOf("2BBB222"), c = IdOf("3CCC333"), d = IdOf("4DDD444"),
               e = IdOf("5EEE555");
  ASSERT_LT(a, b);
  ASSERT_LT(b, c);
  ASSERT_LT(c, d);
  ASSERT_LT(d, e);

  auto first = ReviewNext(*store_, CaseId{0});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_TRUE(first->has_value());
  EXPECT_EQ((*first)->c.id, a);
  ASSERT_EQ((*first)->evidence.size(), 2u);
  EXPECT_EQ((*first)->evidence[0].detection_id, "A1");
  EXPECT_EQ((*first)->evidence[0].ref, "img/a1.jpg");
  EXPECT_EQ((*first)->evidence[1].detection_id, "A2");

  ASSERT_TRUE(ReviewAccept(*store_, settings_, b, reviewer_, Now()).ok());
  auto next = ReviewNext(*store_, a);
  ASSERT_TRUE(next.ok());
  ASSERT_TRUE(next->has_value());
  EXPECT_EQ((*next)->c.id, c);  // b left the queue

  next = ReviewNext(*store_, d);
  ASSERT_TRUE(next.ok());
  ASSERT_TRUE(next->has_value());
  EXPECT_EQ((*next)->c.id, e);

  next = ReviewNext(*store_, e);
  ASSERT_TRUE(next.ok());
  EXPECT_FALSE(next->has_value());
}

// Accept: the case goes to the holder lookup, and the timeline names the reviewer.
TEST_F(ReviewTest, AcceptMovesToHolderLookupNamingTheReviewer) {
  const CaseId id = IdOf("1AAA111");
  const Instant when = At("2026-03-20T10:15:00Z");
  ASSERT_TRUE(ReviewAccept(*store_, settings_, id, reviewer_, when).ok());
  const CaseFile f = File(id);
  EXPECT_EQ(f.c.state, CaseState::kHolderLookup);
  EXPECT_EQ(f.c.plate, "1AAA111");
  EXPECT_EQ(f.evidence.size(), 2u);
  ASSERT_EQ(f.events.size(), 2u);
  const CaseEvent& ev = f.events[1];
  EXPECT_EQ(ev.action, "review_accept");
  EXPECT_EQ(ev.actor, "rev1");
  EXPECT_EQ(ev.actor_name, "Rita Reviewer");
  EXPECT_EQ(ev.role, Role::kReviewer);
  EXPECT_EQ(ev.from, CaseState::kAwaitingReview);
  EXPECT_EQ(ev.to, CaseState::kHolderLookup);
  EXPECT_EQ(ev.at, when);

  // A sanctioning officer may review too.
  ASSERT_TRUE(ReviewAccept(*store_, settings_, IdOf("3CCC333"), officer_, when).ok());
  EXPECT_EQ(File(IdOf("3CCC333")).c.state, CaseState::kHolderLookup);
}

// Reject needs a reason, which the timeline keeps.
TEST_F(ReviewTest, RejectNeedsAReason) {
  const CaseId id = IdOf("2BBB222");
  Status no_reason = ReviewReject(*store_, settings_, id, "", reviewer_, Now());
  EXPECT_EQ(no_reason.code(), StatusCode::kInvalidArgument) << no_reason.ToString();
  EXPECT_EQ(File(id).c.state, CaseState::kAwaitingReview);
  EXPECT_EQ(File(id).events.size(), 1u);

  ASSERT_TRUE(
      ReviewReject(*store_, settings_, id, "nummerplaat onleesbaar op de foto", reviewer_, Now())
          .ok());
  const CaseFile f = File(id);
  EXPECT_EQ(f.c.state, CaseState::kRejected);
  ASSERT_EQ(f.events.size(), 2u);
  EXPECT_EQ(f.events[1].action, "review_reject");
  EXPECT_EQ(f.events[1].reason, "nummerplaat onleesbaar op de foto");
  EXPECT_EQ(f.events[1].actor, "rev1");
  // A rejected camera case keeps nothing of the vehicle: no plate, no reads.
  EXPECT_EQ(f.c.plate, "");
  EXPECT_EQ(f.c.country, "");
  EXPECT_TRUE(f.evidence.empty());
  EXPECT_EQ(f.events[1].detail, "camera-lezingen en nummerplaat gewist");
}

// A viewer may not review: every review act is PermissionDenied and changes nothing.
TEST_F(ReviewTest, ViewerMayNotReview) {
  const CaseId id = IdOf("1AAA111");
  EXPECT_EQ(ReviewAccept(*store_, settings_, id, viewer_, Now()).code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(ReviewReject(*store_, settings_, id, "reden", viewer_, Now()).code(),
            StatusCode::kPermissionDenied);
  auto corrected = ReviewCorrect(*store_, settings_, id, "7NEW777", viewer_, Now());
  EXPECT_EQ(corrected.status().code(), StatusCode::kPermissionDenied);
  auto permitted = ReviewCorrect(*store_, settings_, id, "9PER001", viewer_, Now());
  EXPECT_EQ(permitted.status().code(), StatusCode::kPermissionDenied);
  const CaseFile f = File(id);
  EXPECT_EQ(f.c.state, CaseState::kAwaitingReview);
  EXPECT_EQ(f.c.plate, "1AAA111");
  EXPECT_EQ(f.evidence.size(), 2u);
  EXPECT_EQ(f.events.size(), 1u);
}

// Correct to a plate without a permit: the case goes on under the corrected plate (normalised
// as rule 1), to the holder lookup, with its evidence.
TEST_F(ReviewTest, CorrectToAPlateWithoutPermitGoesToHolderLookup) {
  const CaseId id = IdOf("1AAA111");
  auto r = ReviewCorrect(*store_, settings_, id, "7-new-777", reviewer_, Now());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r, CorrectionOutcome::kCorrected);
  const CaseFile f = File(id);
  EXPECT_EQ(f.c.state, CaseState::kHolderLookup);
  EXPECT_EQ(f.c.plate, "7NEW777");
  EXPECT_EQ(f.c.country, "BE");
  EXPECT_EQ(f.evidence.size(), 2u);
  EXPECT_EQ(f.events.back().action, "review_correct");
  EXPECT_EQ(f.events.back().actor, "rev1");
  EXPECT_EQ(f.events.back().to, CaseState::kHolderLookup);
  // The plate filter finds it under the new plate only.
  EXPECT_EQ(IdOf("7NEW777"), id);
  CaseFilter old;
  old.plate = "1AAA111";
  EXPECT_TRUE(store_->ListCases(old)->cases.empty());
}

// Permits that do not cover the corrected plate at facts_at (another zone; one that ended at
// the instant of the facts, [from, to)) do not exempt it.
TEST_F(ReviewTest, PermitsThatDoNotCoverTheFactsDoNotExempt) {
  auto other_zone = ReviewCorrect(*store_, settings_, IdOf("1AAA111"), "9OTH003", reviewer_, Now());
  ASSERT_TRUE(other_zone.ok()) << other_zone.status().ToString();
  EXPECT_EQ(*other_zone, CorrectionOutcome::kCorrected);
  auto ended = ReviewCorrect(*store_, settings_, IdOf("3CCC333"), "9END004", reviewer_, Now());
  ASSERT_TRUE(ended.ok()) << ended.status().ToString();
  // 3CCC333's facts are 11:00Z, P4 ended at 09:00Z.
  EXPECT_EQ(*ended, CorrectionOutcome::kCorrected);
  EXPECT_EQ(File(IdOf("9END004")).c.state, CaseState::kHolderLookup);
}

// Correct to a plate with a permit for the case's zone valid at facts_at: the case ends as
// permitted, and nothing of the vehicle is kept (rule 3): the plate and country are erased and
// the camera-read evidence deleted.
TEST_F(ReviewTest, CorrectToAPermittedPlateErasesTheCase) {
  const CaseId id = IdOf("1AAA111");
  auto r = ReviewCorrect(*store_, settings_, id, "9per001", reviewer_, Now());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r, CorrectionOutcome::kPermitted);
  const CaseFile f = File(id);
  EXPECT_EQ(f.c.state, CaseState::kPermitted);
  EXPECT_EQ(f.c.plate, "");
  EXPECT_EQ(f.c.country, "");
  EXPECT_TRUE(f.evidence.empty());
  EXPECT_EQ(f.events.back().action, "review_correct_permitted");
  EXPECT_EQ(f.events.back().actor, "rev1");

  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM evidence WHERE case_id = ?1", id.value), 0);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM evidence WHERE detection_id IN ('A1', 'A2')"), 0);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM cases WHERE id = ?1 AND plate IS NULL AND "
                   "(country IS NULL OR country = '')",
                   id.value),
            1);
  // Neither plate is in the timeline.
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM case_events WHERE case_id = ?1 AND (detail LIKE "
                   "'%9PER001%' OR detail LIKE '%1AAA111%' OR reason LIKE '%9PER001%' OR "
                   "reason LIKE '%1AAA111%')",
                   id.value),
            0);
  // The other cases keep their evidence.
  EXPECT_EQ(File(IdOf("3CCC333")).evidence.size(), 1u);
}

// A permit for every zone (`*`), valid from exactly facts_at, exempts too.
TEST_F(ReviewTest, CorrectToAPlateWithAnAnyZonePermitFromTheInstantOfTheFacts) {
  const CaseId id = IdOf("1AAA111");
  auto r = ReviewCorrect(*store_, settings_, id, "9PER002", reviewer_, Now());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r, CorrectionOutcome::kPermitted);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM evidence WHERE case_id = ?1", id.value), 0);
}

// Correcting to a plate that already has a case on the same zone and day is refused
// (FailedPrecondition: reject it as a duplicate instead), and changes nothing. The same plate on
// another zone or another day is no conflict.
TEST_F(ReviewTest, CorrectToAPlateWithACaseOnThatZoneAndDayIsRefused) {
  const CaseId id = IdOf("1AAA111");
  auto dup = ReviewCorrect(*store_, settings_, id, "3-ccc-333", reviewer_, Now());
  EXPECT_EQ(dup.status().code(), StatusCode::kFailedPrecondition) << dup.status().ToString();
  CaseFile f = File(id);
  EXPECT_EQ(f.c.state, CaseState::kAwaitingReview);
  EXPECT_EQ(f.c.plate, "1AAA111");
  EXPECT_EQ(f.evidence.size(), 2u);
  EXPECT_EQ(f.events.size(), 1u);

  // 4DDD444 has a case on Z1 on 11 March, 5EEE555 on Z2 on 10 March.
  auto other_day = ReviewCorrect(*store_, settings_, id, "4DDD444", reviewer_, Now());
  ASSERT_TRUE(other_day.ok()) << other_day.status().ToString();
  EXPECT_EQ(*other_day, CorrectionOutcome::kCorrected);
  auto other_zone = ReviewCorrect(*store_, settings_, IdOf("3CCC333"), "5EEE555", reviewer_, Now());
  ASSERT_TRUE(other_zone.ok()) << other_zone.status().ToString();
}

// The corrected plate must be a plate and must differ from the case's.
TEST_F(ReviewTest, CorrectNeedsADifferentPlate) {
  const CaseId id = IdOf("1AAA111");
  EXPECT_EQ(ReviewCorrect(*store_, settings_, id, " - . ", reviewer_, Now()).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ReviewCorrect(*store_, settings_, id, "1-aaa-111", reviewer_, Now()).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(File(id).c.state, CaseState::kAwaitingReview);
}

// A case that is not waiting for review cannot be reviewed again.
TEST_F(ReviewTest, CaseNotAwaitingReviewIsRefused) {
  const CaseId id = IdOf("1AAA111");
  ASSERT_TRUE(ReviewAccept(*store_, settings_, id, reviewer_, Now()).ok());
  EXPECT_EQ(ReviewAccept(*store_, settings_, id, reviewer_, Now()).code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(ReviewReject(*store_, settings_, id, "reden", reviewer_, Now()).code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(ReviewCorrect(*store_, settings_, id, "7NEW777", reviewer_, Now()).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(ReviewCorrect(*store_, settings_, id, "9PER001", reviewer_, Now()).status().code(),
            StatusCode::kFailedPrecondition);
  const CaseFile f = File(id);
  EXPECT_EQ(f.c.state, CaseState::kHolderLookup);
  EXPECT_EQ(f.c.plate, "1AAA111");
  EXPECT_EQ(f.evidence.size(), 2u);

  const CaseId rejected = IdOf("2BBB222");
  ASSERT_TRUE(ReviewReject(*store_, settings_, rejected, "geen inrit", reviewer_, Now()).ok());
  EXPECT_EQ(ReviewAccept(*store_, settings_, rejected, reviewer_, Now()).code(),
            StatusCode::kFailedPrecondition);

  EXPECT_EQ(ReviewAccept(*store_, settings_, CaseId{999}, reviewer_, Now()).code(),
            StatusCode::kNotFound);
}

// A parking finding flagged for review (no photo) is corrected like a camera case, but a
// low-traffic-zone permit, even one for every zone, does not exempt from a parking ban: the
// case goes on under the corrected plate. (Fixed in review.cpp: it screened every traffic case
// against the zone permits, so a `*` permit ended a parking case as "permitted" and erased it.)
TEST_F(ReviewTest, ZonePermitsDoNotExemptAParkingFinding) {
  Case c;
  c.track = Track::kParkeren;
  c.state = CaseState::kAwaitingReview;
  c.flags = kFlagNoPhoto;
  c.facts_at = At("2026-03-10T09:00:00Z");
  c.facts_day = *LocalDate::Parse("2026-03-10");
  c.offence_code = "PK01";
  c.article = "PK01";
  c.category = TrafficCategory::kCategory1;
  c.amount = Money::FromEuro(58);
  c.plate = "1PRK001";
  c.country = "BE";
  c.source_ref = "F-0001";
  c.finding_officer = "GW7";
  c.finding_officer_kind = "parking_warden";
  CaseId id;
  Status opened = store_->Transact([&]() -> Status {
    auto r = OpenCase(*store_, settings_, c, {}, {}, SystemActor(), Now(), "vaststelling");
    if (!r.ok()) return r.status();
    id = *r;
    return Status::Ok();
  });
  ASSERT_TRUE(opened.ok()) << opened.ToString();

  auto r = ReviewCorrect(*store_, settings_, id, "9ANY005", reviewer_, Now());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r, CorrectionOutcome::kCorrected);
  const CaseFile f = File(id);
  EXPECT_EQ(f.c.state, CaseState::kHolderLookup);
  EXPECT_EQ(f.c.plate, "9ANY005");

  // The same permit does exempt a camera case on any zone.
  auto camera = ReviewCorrect(*store_, settings_, IdOf("5EEE555"), "9ANY005", reviewer_, Now());
  ASSERT_TRUE(camera.ok()) << camera.status().ToString();
  EXPECT_EQ(*camera, CorrectionOutcome::kPermitted);
}

}  // namespace
}  // namespace hh
