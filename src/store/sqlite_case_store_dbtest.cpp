// SqliteCaseStore on a fresh, migrated SQLite file, through the CaseStore interface.
#include <gtest/gtest.h>

#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "store/migrations.h"
#include "store/sqlite_case_store.h"
#include "store/test_db.h"
#include "store/test_temp_dir.h"

namespace hh {
namespace {

const Instant kNow = Instant::FromUnix(1'774'000'000);  // 2026-03-20T09:46:40Z

LocalDate D(const char* iso) { return *LocalDate::Parse(iso); }

class CaseStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = OpenMigratedDb(dir_, kNow);
    ASSERT_NE(db_, nullptr);
    store_ = std::make_unique<SqliteCaseStore>(*db_);
  }

  Case CameraCase(const std::string& plate, const char* day) {
    Case c;
    c.track = Track::kAutoluw;
    c.state = CaseState::kAwaitingReview;
    c.facts_at = kNow;
    c.facts_day = D(day);
    c.zone_id = "Z1";
    c.plate = plate;
    c.country = "BE";
    c.offence_code = "C3";
    c.article = "KB 9 maart 2014 art. 3";
    c.category = TrafficCategory::kCameraC3F103;
    c.amount = Money::FromEuro(58);
    c.created_at = c.updated_at = kNow;
    return c;
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<CaseStore> store_;
};

TEST_F(CaseStoreTest, CaseRoundTripsWithItsFile) {
  Case c = CameraCase("1ABC123", "2026-03-20");
  c.state_deadline = D("2026-04-30");
  c.limit_day = D("2026-09-20");
  auto id = store_->InsertCase(c, std::nullopt);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  Evidence e{"camera_read", "img/1.jpg", "CAM1", "D1", kNow, "0.93"};
  EXPECT_TRUE(*store_->InsertEvidence(*id, e));
  // The same read is evidence once.
  EXPECT_FALSE(*store_->InsertEvidence(*id, e));
  Party holder;
  holder.role = PartyRole::kHolder;
  holder.name = "Jan Peeters";
  holder.birth_date = D("1980-02-29");
  holder.addressee = true;
  ASSERT_TRUE(store_->InsertParty(*id, holder).ok());
  CaseEvent ev{kNow,
               "rev1",
               "Rita Reviewer",
               Role::kReviewer,
               "review_accept",
               CaseState::kAwaitingReview,
               CaseState::kHolderLookup,
               "",
               ""};
  ASSERT_TRUE(store_->AppendEvent(*id, ev).ok());

  auto f = store_->GetCaseFile(*id);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->c.plate, "1ABC123");
  EXPECT_EQ(f->c.amount->cents(), 5800);
  EXPECT_EQ(f->c.category, TrafficCategory::kCameraC3F103);
  EXPECT_EQ(f->c.state_deadline, D("2026-04-30"));
  ASSERT_EQ(f->evidence.size(), 1u);
  EXPECT_EQ(f->evidence[0].confidence, "0.93");
  ASSERT_EQ(f->parties.size(), 1u);
  EXPECT_EQ(f->parties[0].birth_date, D("1980-02-29"));
  EXPECT_TRUE(f->parties[0].addressee);
  ASSERT_EQ(f->events.size(), 1u);
  EXPECT_EQ(f->events[0].to, CaseState::kHolderLookup);
  EXPECT_EQ(f->events[0].actor_name, "Rita Reviewer");
}

TEST_F(CaseStoreTest, OneCameraCasePerPlateZoneAndDay) {
  ASSERT_TRUE(store_->InsertCase(CameraCase("1ABC123", "2026-03-20"), std::nullopt).ok());
  auto again = store_->InsertCase(CameraCase("1ABC123", "2026-03-20"), std::nullopt);
  EXPECT_EQ(again.status().code(), StatusCode::kAlreadyExists);
  EXPECT_TRUE(store_->InsertCase(CameraCase("1ABC123", "2026-03-21"), std::nullopt).ok());
  int seen = 0;
  ASSERT_TRUE(store_
                  ->ForEachCameraCase(D("2026-03-20"), D("2026-03-20"),
                                      [&](const CameraCaseKey& k) {
                                        ++seen;
                                        EXPECT_EQ(k.plate, "1ABC123");
                                      })
                  .ok());
  EXPECT_EQ(seen, 1);
}

TEST_F(CaseStoreTest, UpdateRefusesWhenSomeoneActedFirst) {
  auto id = store_->InsertCase(CameraCase("1ABC123", "2026-03-20"), std::nullopt);
  ASSERT_TRUE(id.ok());
  Case c = *store_->GetCase(*id);
  c.state = CaseState::kHolderLookup;
  ASSERT_TRUE(store_->UpdateCase(c, CaseState::kAwaitingReview, std::nullopt).ok());
  c.state = CaseState::kRejected;
  EXPECT_EQ(store_->UpdateCase(c, CaseState::kAwaitingReview, std::nullopt).code(),
            StatusCode::kFailedPrecondition);
  c.id = CaseId{999};
  EXPECT_EQ(store_->UpdateCase(c, CaseState::kHolderLookup, std::nullopt).code(),
            StatusCode::kNotFound);
}

// Held writes (reconciliation's bulk path): moves, events and sanctions land at the flush as
// direct ones would, a second move of a case flushes the first, and a case no longer in the
// state the mover saw fails the flush.
TEST_F(CaseStoreTest, HeldNewCasesLandAtTheFlushWithTheIdsTheyWereGiven) {
  const CaseId before = *store_->InsertCase(CameraCase("1AAA111", "2026-03-20"), std::nullopt);
  const Evidence read{"camera_read", "img/2.jpg", "CAM1", "D2", kNow, "0.95"};
  const CaseEvent opened{kNow,
                         "system",
                         "Systeem",
                         Role::kAdministrator,
                         "opened",
                         std::nullopt,
                         CaseState::kAwaitingReview,
                         "",
                         "1 camera-lezing(en)"};
  CaseId a, b;
  Status s = store_->Transact([&]() -> Status {
    EXPECT_TRUE(store_->HoldWrites().ok());
    Case ca = CameraCase("1BBB222", "2026-03-20");
    ca.state_deadline = D("2026-04-30");
    ca.limit_day = D("2026-09-20");
    a = *store_->InsertCase(ca, D("2026-04-01"));
    b = *store_->InsertCase(CameraCase("1CCC333", "2026-03-21"), std::nullopt);
    EXPECT_TRUE(*store_->InsertEvidence(a, read));
    EXPECT_TRUE(store_->AppendEvent(a, opened).ok());
    EXPECT_TRUE(store_->AppendEvent(b, opened).ok());
    // Evidence of a case that was stored before is written at once, as without holding.
    EXPECT_TRUE(*store_->InsertEvidence(before, {"camera_read", "", "CAM1", "D1", kNow, "0.9"}));
    // Not written yet.
    EXPECT_EQ(store_->GetCase(a).status().code(), StatusCode::kNotFound);
    EXPECT_EQ(store_->GetCaseFile(before)->evidence.size(), 1u);
    return store_->FlushWrites();
  });
  store_->StopHolding();
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(a.value, before.value + 1);
  EXPECT_EQ(b.value, before.value + 2);
  const CaseFile fa = *store_->GetCaseFile(a);
  EXPECT_EQ(fa.c.plate, "1BBB222");
  EXPECT_EQ(fa.c.state, CaseState::kAwaitingReview);
  EXPECT_EQ(fa.c.state_deadline, D("2026-04-30"));
  EXPECT_EQ(fa.c.limit_day, D("2026-09-20"));
  EXPECT_EQ(fa.c.amount, Money::FromEuro(58));
  EXPECT_EQ(fa.c.article, "KB 9 maart 2014 art. 3");
  EXPECT_EQ(fa.c.facts_at, kNow);
  ASSERT_EQ(fa.evidence.size(), 1u);
  EXPECT_EQ(fa.evidence[0].detection_id, "D2");
  EXPECT_EQ(fa.evidence[0].confidence, "0.95");
  ASSERT_EQ(fa.events.size(), 1u);
  EXPECT_EQ(fa.events[0].to, CaseState::kAwaitingReview);
  EXPECT_EQ(store_->GetCaseFile(b)->events.size(), 1u);
  EXPECT_EQ(store_->GetCase(b)->facts_day, D("2026-03-21"));
  EXPECT_EQ(*store_->CasesToWake(D("2026-04-01")), std::vector<CaseId>{a});
  // A case opened directly afterwards takes the next id.
  EXPECT_EQ(store_->InsertCase(CameraCase("1DDD444", "2026-03-20"), std::nullopt)->value,
            before.value + 3);
}

TEST_F(CaseStoreTest, HeldCaseThatCollidesFailsTheFlushAndAPartyOfAHeldCaseFlushesFirst) {
  ASSERT_TRUE(store_->InsertCase(CameraCase("1AAA111", "2026-03-20"), std::nullopt).ok());
  Status s = store_->Transact([&]() -> Status {
    EXPECT_TRUE(store_->HoldWrites().ok());
    const CaseId held = *store_->InsertCase(CameraCase("1BBB222", "2026-03-20"), std::nullopt);
    Party holder;
    holder.role = PartyRole::kHolder;
    holder.name = "Jan Peeters";
    holder.addressee = true;
    // The party needs its case in the table: the held case is written first.
    auto party = store_->InsertParty(held, holder);
    EXPECT_TRUE(party.ok()) << party.status().ToString();
    EXPECT_EQ(store_->GetCaseFile(held)->parties.size(), 1u);
    // The same plate, zone and day as the first case: refused when written.
    EXPECT_TRUE(store_->InsertCase(CameraCase("1AAA111", "2026-03-20"), std::nullopt).ok());
    return store_->FlushWrites();
  });
  store_->StopHolding();
  EXPECT_EQ(s.code(), StatusCode::kAlreadyExists) << s.ToString();
  // Rolled back whole: the party's case too.
  CaseFilter all;
  EXPECT_EQ(store_->ListCases(all)->cases.size(), 1u);
}

TEST_F(CaseStoreTest, HeldMovesEventsAndSanctionsLandAtTheFlush) {
  const CaseId a = *store_->InsertCase(CameraCase("1AAA111", "2026-03-20"), std::nullopt);
  const CaseId b = *store_->InsertCase(CameraCase("1BBB222", "2026-03-20"), std::nullopt);
  EXPECT_EQ(store_->HoldWrites().code(), StatusCode::kInternal);  // no transaction open
  const Instant later = Instant::FromUnix(1'774'086'400);
  auto event = [&](const char* action, std::optional<CaseState> to) {
    return CaseEvent{later,
                     "fien",
                     "Fien Peeters",
                     Role::kFinance,
                     action,
                     CaseState::kAwaitingReview,
                     to,
                     "",
                     std::string("detail ") + action};
  };
  Status s = store_->Transact([&]() -> Status {
    EXPECT_TRUE(store_->HoldWrites().ok());
    Case ca = *store_->GetCase(a);
    ca.state = CaseState::kInvited;
    ca.state_deadline = D("2026-04-20");
    ca.amount = Money::FromEuro(116);
    ca.alarm_months = 4;
    ca.updated_at = later;
    EXPECT_TRUE(store_->UpdateCaseProgress(ca, CaseState::kAwaitingReview, D("2026-04-21")).ok());
    Case cb = *store_->GetCase(b);
    cb.state = CaseState::kRejected;
    cb.updated_at = later;
    EXPECT_TRUE(store_->UpdateCaseProgress(cb, CaseState::kAwaitingReview, std::nullopt).ok());
    EXPECT_TRUE(store_->AppendEvent(a, event("first", CaseState::kInvited)).ok());
    EXPECT_TRUE(store_->AppendEvent(b, event("other", CaseState::kRejected)).ok());
    EXPECT_TRUE(store_->AppendEvent(a, event("second", std::nullopt)).ok());
    EXPECT_TRUE(store_
                    ->RecordSanction(a, "person:z|1990-01-01", "art. 5", D("2026-03-21"),
                                     "traffic_fine", Money::FromEuro(58))
                    .ok());
    EXPECT_TRUE(store_
                    ->RecordSanction(b, "person:a|1990-01-01", "art. 6", D("2026-03-21"), "fine",
                                     std::nullopt)
                    .ok());
    // Not written yet: the reads see the stored rows.
    EXPECT_EQ(store_->GetCase(a)->state, CaseState::kAwaitingReview);
    EXPECT_EQ(store_->GetCaseFile(a)->events.size(), 0u);
    EXPECT_TRUE(store_->SanctionsOf("person:z|1990-01-01")->empty());
    return store_->FlushWrites();
  });
  store_->StopHolding();
  ASSERT_TRUE(s.ok()) << s.ToString();

  const Case ca = *store_->GetCase(a);
  EXPECT_EQ(ca.state, CaseState::kInvited);
  EXPECT_EQ(ca.state_deadline, D("2026-04-20"));
  EXPECT_EQ(ca.amount, Money::FromEuro(116));
  EXPECT_EQ(ca.alarm_months, 4);
  EXPECT_EQ(ca.updated_at, later);
  EXPECT_EQ(ca.plate, "1AAA111");  // what a move does not change stays
  EXPECT_EQ(store_->GetCase(b)->state, CaseState::kRejected);
  EXPECT_EQ(*store_->CasesToWake(D("2026-04-21")), std::vector<CaseId>{a});
  EXPECT_TRUE(store_->CasesToWake(D("2026-04-20"))->empty());
  const CaseFile fa = *store_->GetCaseFile(a);
  ASSERT_EQ(fa.events.size(), 2u);  // in the order appended
  EXPECT_EQ(fa.events[0].action, "first");
  EXPECT_EQ(fa.events[0].actor_name, "Fien Peeters");
  EXPECT_EQ(fa.events[0].role, Role::kFinance);
  EXPECT_EQ(fa.events[0].from, CaseState::kAwaitingReview);
  EXPECT_EQ(fa.events[0].to, CaseState::kInvited);
  EXPECT_EQ(fa.events[0].detail, "detail first");
  EXPECT_EQ(fa.events[0].at, later);
  EXPECT_EQ(fa.events[1].action, "second");
  EXPECT_EQ(fa.events[1].to, std::nullopt);
  auto z = store_->SanctionsOf("person:z|1990-01-01");
  ASSERT_EQ(z->size(), 1u);
  EXPECT_EQ((*z)[0].article, "art. 5");
  EXPECT_EQ((*z)[0].decided, D("2026-03-21"));
  EXPECT_EQ(store_->SanctionsOf("person:a|1990-01-01")->size(), 1u);

  // A second move of a held case: the first is flushed before it, so both apply in order.
  s = store_->Transact([&]() -> Status {
    EXPECT_TRUE(store_->HoldWrites().ok());
    Case c = *store_->GetCase(a);
    c.state = CaseState::kReminded;
    EXPECT_TRUE(store_->UpdateCaseProgress(c, CaseState::kInvited, std::nullopt).ok());
    c.state = CaseState::kPaid;
    c.state_deadline = std::nullopt;
    EXPECT_TRUE(store_->UpdateCaseProgress(c, CaseState::kReminded, std::nullopt).ok());
    return store_->FlushWrites();
  });
  store_->StopHolding();
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(store_->GetCase(a)->state, CaseState::kPaid);
  EXPECT_EQ(store_->GetCase(a)->state_deadline, std::nullopt);

  // A move from a state the case is no longer in fails at the flush, and nothing of it stays.
  s = store_->Transact([&]() -> Status {
    EXPECT_TRUE(store_->HoldWrites().ok());
    Case c = *store_->GetCase(b);
    c.state = CaseState::kInvited;
    EXPECT_TRUE(store_->UpdateCaseProgress(c, CaseState::kAwaitingReview, std::nullopt).ok());
    EXPECT_TRUE(store_->AppendEvent(b, event("lost", CaseState::kInvited)).ok());
    return store_->FlushWrites();
  });
  store_->StopHolding();
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << s.ToString();
  EXPECT_EQ(store_->GetCase(b)->state, CaseState::kRejected);
  EXPECT_EQ(store_->GetCaseFile(b)->events.size(), 1u);
}

TEST_F(CaseStoreTest, TransactRollsBackEverything) {
  Status s = store_->Transact([&] {
    auto id = store_->InsertCase(CameraCase("1ABC123", "2026-03-20"), std::nullopt);
    if (!id.ok()) return id.status();
    return FailedPrecondition("changed my mind");
  });
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  auto page = store_->ListCases({});
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(page->cases.empty());
}

TEST_F(CaseStoreTest, ListFiltersAndPagesByKeyset) {
  for (int i = 0; i < 7; ++i) {
    Case c = CameraCase("PLATE" + std::to_string(i), "2026-03-20");
    c.state = i % 2 == 0 ? CaseState::kAwaitingReview : CaseState::kInvited;
    c.state_deadline = LocalDate::FromDays(D("2026-04-01").days() + (7 - i));
    auto id = store_->InsertCase(c, std::nullopt);
    ASSERT_TRUE(id.ok());
    if (i == 3) {
      Party p;
      p.role = PartyRole::kHolder;
      p.name = "De Smet Jan";
      p.addressee = true;
      ASSERT_TRUE(store_->InsertParty(*id, p).ok());
    }
  }
  CaseFilter f;
  f.state = CaseState::kAwaitingReview;
  f.limit = 3;
  auto p1 = store_->ListCases(f);
  ASSERT_TRUE(p1.ok());
  ASSERT_EQ(p1->cases.size(), 3u);
  EXPECT_EQ(p1->cases[0].plate, "PLATE0");
  EXPECT_EQ(p1->cases[2].plate, "PLATE4");
  ASSERT_FALSE(p1->next.empty());
  f.after = p1->next;
  auto p2 = store_->ListCases(f);
  ASSERT_EQ(p2->cases.size(), 1u);
  EXPECT_EQ(p2->cases[0].plate, "PLATE6");
  EXPECT_TRUE(p2->next.empty());

  CaseFilter plate;
  plate.plate = "PLATE5";
  EXPECT_EQ(store_->ListCases(plate)->cases.size(), 1u);
  CaseFilter name;
  name.name = "De Sm";
  auto by_name = store_->ListCases(name);
  ASSERT_EQ(by_name->cases.size(), 1u);
  EXPECT_EQ(by_name->cases[0].plate, "PLATE3");

  // Deadline before 2026-04-05: deadlines are 04-08 - i, so i = 4, 5, 6; earliest first.
  CaseFilter due;
  due.due_before = D("2026-04-05");
  due.limit = 2;
  auto d1 = store_->ListCases(due);
  ASSERT_EQ(d1->cases.size(), 2u);
  EXPECT_EQ(d1->cases[0].plate, "PLATE6");
  EXPECT_EQ(d1->cases[1].plate, "PLATE5");
  due.after = d1->next;
  auto d2 = store_->ListCases(due);
  ASSERT_EQ(d2->cases.size(), 1u);
  EXPECT_EQ(d2->cases[0].plate, "PLATE4");
  due.after = "garbage:x";
  EXPECT_EQ(store_->ListCases(due).status().code(), StatusCode::kInvalidArgument);
}

// A state without a track is one range of cases_track_state per track, merged by id
// (cases_list_by_state.sql): the pages hold every track's cases of that state, in id order,
// none twice and none skipped, and a track or a deadline still filters.
TEST_F(CaseStoreTest, StateListWithoutATrackMergesTheTracksInIdOrder) {
  const Track kA = Track::kAutoluw, kO = Track::kOverlast, kP = Track::kParkeren;
  const Track tracks[] = {kA, kO, kP, kA, kA, kP, kO, kO, kA, kP, kP, kO, kP};
  std::vector<int64_t> invited, invited_parkeren, invited_due;
  int64_t named = 0;
  for (int i = 0; i < static_cast<int>(std::size(tracks)); ++i) {
    Case c = CameraCase("MIX" + std::to_string(i), "2026-03-20");
    c.track = tracks[i];
    if (c.track != kA) c.zone_id.clear();
    c.state = i % 4 == 3 ? CaseState::kAwaitingReview : CaseState::kInvited;
    c.state_deadline = D(i % 3 == 0 ? "2026-04-01" : "2026-05-01");
    auto id = store_->InsertCase(c, std::nullopt);
    ASSERT_TRUE(id.ok()) << id.status().ToString();
    if (c.state != CaseState::kInvited) continue;
    invited.push_back(id->value);
    if (c.track == kP) invited_parkeren.push_back(id->value);
    if (i % 3 == 0) invited_due.push_back(id->value);
    if (c.track == kO && named == 0) {
      Party p;
      p.role = PartyRole::kOffender;
      p.name = "Testpersoon An";
      p.addressee = true;
      ASSERT_TRUE(store_->InsertParty(*id, p).ok());
      named = id->value;
    }
  }
  // Every page of `f`, 2 a page, as ids (and each case's name checked against `named`).
  auto all_pages = [&](CaseFilter f) {
    f.limit = 2;
    std::vector<int64_t> ids;
    for (int pages = 0; pages < 20; ++pages) {
      auto page = store_->ListCases(f);
      EXPECT_TRUE(page.ok()) << page.status().ToString();
      if (!page.ok()) break;
      EXPECT_LE(page->cases.size(), 2u);
      for (const CaseSummary& c : page->cases) {
        EXPECT_EQ(c.state, CaseState::kInvited);
        EXPECT_EQ(c.name, c.id.value == named ? "Testpersoon An" : "");
        ids.push_back(c.id.value);
      }
      if (page->next.empty()) break;
      f.after = page->next;
    }
    return ids;
  };
  CaseFilter f;
  f.state = CaseState::kInvited;
  ASSERT_EQ(invited.size(), 10u);
  EXPECT_EQ(all_pages(f), invited);
  f.track = kP;
  EXPECT_EQ(all_pages(f), invited_parkeren);
  f.track.reset();
  f.due_before = D("2026-04-15");
  EXPECT_EQ(all_pages(f), invited_due);
  // A state no case is in: an empty page.
  CaseFilter none;
  none.state = CaseState::kPaid;
  auto empty = store_->ListCases(none);
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->cases.empty());
  EXPECT_TRUE(empty->next.empty());
}

// The review queue's next case is the next one awaiting review in id order, whatever its track
// (cases_next_review.sql merges one range per track).
TEST_F(CaseStoreTest, NextForReviewTakesEveryTrackInIdOrder) {
  const Track tracks[] = {Track::kParkeren, Track::kAutoluw,  Track::kOverlast,
                          Track::kAutoluw,  Track::kParkeren, Track::kOverlast};
  std::vector<int64_t> waiting;
  for (int i = 0; i < static_cast<int>(std::size(tracks)); ++i) {
    Case c = CameraCase("NEXT" + std::to_string(i), "2026-03-20");
    c.track = tracks[i];
    c.state = i == 3 ? CaseState::kInvited : CaseState::kAwaitingReview;
    auto id = store_->InsertCase(c, std::nullopt);
    ASSERT_TRUE(id.ok()) << id.status().ToString();
    if (i != 3) waiting.push_back(id->value);
  }
  std::vector<int64_t> seen;
  CaseId after{0};
  for (;;) {
    auto next = store_->NextForReview(after);
    ASSERT_TRUE(next.ok()) << next.status().ToString();
    if (!next->has_value()) break;
    seen.push_back((*next)->value);
    after = **next;
    ASSERT_LE(seen.size(), waiting.size());
  }
  EXPECT_EQ(seen, waiting);
}

TEST_F(CaseStoreTest, ReadMemoryKeepsKeysByDayAndPurges) {
  const uint64_t a[] = {1, 2, 0};
  const uint64_t b[] = {99};
  ASSERT_TRUE(store_->AppendReadKeys(100, a).ok());
  ASSERT_TRUE(store_->AppendReadKeys(105, b).ok());
  std::vector<uint64_t> seen;
  ASSERT_TRUE(store_
                  ->ForEachReadKeyBlock(0,
                                        [&](std::span<const uint64_t> keys) {
                                          seen.insert(seen.end(), keys.begin(), keys.end());
                                        })
                  .ok());
  EXPECT_EQ(seen, (std::vector<uint64_t>{1, 2, 0, 99}));
  EXPECT_EQ(*store_->PurgeReadKeys(101), 3);
  seen.clear();
  ASSERT_TRUE(store_
                  ->ForEachReadKeyBlock(0,
                                        [&](std::span<const uint64_t> keys) {
                                          seen.insert(seen.end(), keys.begin(), keys.end());
                                        })
                  .ok());
  EXPECT_EQ(seen, (std::vector<uint64_t>{99}));
}

TEST_F(CaseStoreTest, PendingReadsComeDueAtTheirDeadline) {
  PendingRead r;
  r.zone_id = "Z1";
  r.plate = "1ABC123";
  r.country = "BE";
  r.local_day = D("2026-03-20");
  r.camera_id = "CAM1";
  r.detection_id = "D1";
  r.observed_at = kNow;
  r.confidence = "0.95";
  r.strong = true;
  r.deadline = *Instant::Parse("2026-03-23T22:00:00Z");
  r.image_ref = "img/1.jpg";
  ASSERT_TRUE(store_->AddPendingRead(r).ok());
  ASSERT_TRUE(store_->AddPendingRead(r).ok());  // again: ignored
  EXPECT_EQ(*store_->CountPendingReads(), 1);
  EXPECT_TRUE(store_->PendingReadsDue(*Instant::Parse("2026-03-23T21:59:59Z"))->empty());
  auto due = store_->PendingReadsDue(*Instant::Parse("2026-03-23T22:00:00Z"));
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].confidence, "0.95");
  ASSERT_TRUE(store_->DeletePendingRead((*due)[0].id).ok());
  EXPECT_EQ(*store_->CountPendingReads(), 0);
}

TEST_F(CaseStoreTest, UsersAndSanctions) {
  ASSERT_TRUE(
      store_->AddUser({0, "jdv", "Jan De Vos", Role::kSanctioningOfficer, true}, kNow).ok());
  EXPECT_EQ(store_->AddUser({0, "jdv", "Other", Role::kViewer, true}, kNow).code(),
            StatusCode::kAlreadyExists);
  auto u = store_->FindUser("jdv");
  ASSERT_TRUE(u.ok() && u->has_value());
  EXPECT_EQ((*u)->role, Role::kSanctioningOfficer);
  EXPECT_FALSE(store_->FindUser("nobody")->has_value());

  auto id = store_->InsertCase(CameraCase("1ABC123", "2026-03-20"), std::nullopt);
  ASSERT_TRUE(store_
                  ->RecordSanction(*id, "person:x|2000-01-01", "art. 5", D("2025-06-01"), "fine",
                                   Money::FromEuro(100))
                  .ok());
  auto prior = store_->SanctionsOf("person:x|2000-01-01");
  ASSERT_EQ(prior->size(), 1u);
  EXPECT_EQ((*prior)[0].article, "art. 5");
  EXPECT_TRUE(store_->SanctionsOf("person:y|2000-01-01")->empty());
}

// A one-row lookup leaves no read transaction open on the connection: another connection (the
// server, say) may write after it, and this connection's next transaction still begins (an open
// snapshot would make it fail as busy, which waiting cannot cure).
TEST_F(CaseStoreTest, OneRowLookupsHoldNoSnapshotAgainstOtherWriters) {
  ASSERT_TRUE(
      store_->AddUser({0, "jdv", "Jan De Vos", Role::kSanctioningOfficer, true}, kNow).ok());
  auto u = store_->FindUser("jdv");
  ASSERT_TRUE(u.ok() && u->has_value());
  auto other_db = Database::Open(db_->path());
  ASSERT_TRUE(other_db.ok()) << other_db.status().ToString();
  SqliteCaseStore other(**other_db);
  ASSERT_TRUE(other.AddUser({0, "ann", "Ann Peeters", Role::kViewer, true}, kNow).ok());
  Status s = store_->Transact([&]() -> Status {
    return store_->AddUser({0, "bob", "Bob Claes", Role::kViewer, true}, kNow);
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_TRUE(store_->FindUser("ann")->has_value());
}

}  // namespace
}  // namespace hh
