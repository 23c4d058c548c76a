// ImportParking and RegisterOverlast on a fresh, migrated SQLite file each: parking rows kept and
// refused, amounts by the Brussels day of the facts, the grouping policy, re-imports; nuisance
// files registered whole or not at all (minimum age, minors' parents, competence), the
// recidivism flag. Every plate, name and address is synthetic.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "intake/finding_import.h"
#include "store/migrations.h"
#include "store/sqlite_case_store.h"
#include "store/test_db.h"
#include "store/test_temp_dir.h"

namespace hh {
namespace {

const Instant kNow = Instant::FromUnix(1'774'000'000);  // 2026-03-20T09:46:40Z

LocalDate D(const char* iso) { return *LocalDate::Parse(iso); }

constexpr const char* kParkingHeader =
    "finding_id,found_at,plate,country,street,house_number,postal_code,offence_code,category,"
    "officer_id,photo_refs,remarks\n";

// One parking row in kParkingHeader's order.
std::string ParkingRow(const std::string& id, const std::string& found_at, const std::string& plate,
                       const std::string& category, const std::string& photos = "img/p1.jpg",
                       const std::string& country = "BE", const std::string& postal_code = "2800") {
  return id + "," + found_at + "," + plate + "," + country + ",Proefstraat,7," + postal_code +
         ",22bis-4a," + category + ",W17," + photos + ",voor de inrit\n";
}

// One nuisance finding as the JSON of overlast_json.cpp, 13 lines (12 line breaks), without a
// trailing newline. `offender` and `parents` are the JSON values of those fields.
struct OverlastSpec {
  std::string id = "PV-1";
  std::string facts_at = "2026-03-14T22:40:00+01:00";
  std::string article = "Art. 12 APV";
  std::string offence_kind = "administrative";
  std::string officer_kind = "municipal";
  std::string name = "Test Persoon";
  std::string birth_date = "1990-01-01";
  std::string parents = "[]";
};

std::string OverlastFinding(const OverlastSpec& s) {
  return "  {\n"
         "    \"finding_id\": \"" +
         s.id +
         "\",\n"
         "    \"facts_at\": \"" +
         s.facts_at +
         "\",\n"
         "    \"received_on\": \"2026-03-16\",\n"
         "    \"place\": {\"street\": \"Proefplein\", \"house_number\": \"1\", \"postal_code\": "
         "\"2800\", \"city\": \"Mechelen\"},\n"
         "    \"description\": \"Luide muziek na 22:00\",\n"
         "    \"article\": \"" +
         s.article +
         "\",\n"
         "    \"offence_kind\": \"" +
         s.offence_kind +
         "\",\n"
         "    \"finding_officer\": {\"name\": \"Vaststeller A\", \"kind\": \"" +
         s.officer_kind +
         "\"},\n"
         "    \"offender\": {\"kind\": \"person\", \"name\": \"" +
         s.name + "\", \"birth_date\": \"" + s.birth_date +
         "\", \"street\": \"Teststraat\", \"postal_code\": \"2000\", \"city\": \"Antwerpen\"},\n"
         "    \"parents\": " +
         s.parents +
         ",\n"
         "    \"evidence\": [\"pv-scan.pdf\"]\n"
         "  }";
}

// An array of findings: "[" on line 1, so finding k (1-based) starts on line 2 + 13 (k - 1).
std::string OverlastFile(const std::vector<OverlastSpec>& findings) {
  std::string out = "[\n";
  for (size_t i = 0; i < findings.size(); ++i) {
    if (i > 0) out += ",\n";
    out += OverlastFinding(findings[i]);
  }
  return out + "\n]\n";
}

constexpr const char* kOneParent =
    "[{\"name\": \"Ouder Een\", \"street\": \"Ouderstraat\", \"house_number\": \"3\", "
    "\"postal_code\": \"2018\", \"city\": \"Antwerpen\"}]";

class FindingImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = OpenMigratedDb(dir_, kNow);
    ASSERT_NE(db_, nullptr);
    store_ = std::make_unique<SqliteCaseStore>(*db_);
  }

  std::string Write(const std::string& name, const std::string& content) {
    const std::string path = dir_.File(name);
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  ParkingImportReport Parking(const std::string& path) {
    auto r = ImportParking(*store_, settings_, path, kNow);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : ParkingImportReport{};
  }
  OverlastImportReport Overlast(const std::string& path) {
    auto r = RegisterOverlast(*store_, settings_, path, kNow);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : OverlastImportReport{};
  }
  // The refusal of an overlast file with `code`; its message.
  std::string OverlastRefusal(const std::string& path, StatusCode code) {
    auto r = RegisterOverlast(*store_, settings_, path, kNow);
    if (r.ok()) {
      ADD_FAILURE() << "registered";
      return "";
    }
    EXPECT_EQ(r.status().code(), code) << r.status().ToString();
    return r.status().message();
  }

  // Every case of the store, all pages.
  int64_t CountCases() {
    CaseFilter f;
    f.limit = 1000;
    int64_t n = 0;
    for (;;) {
      auto page = store_->ListCases(f);
      EXPECT_TRUE(page.ok()) << page.status().ToString();
      if (!page.ok()) return -1;
      n += static_cast<int64_t>(page->cases.size());
      if (page->next.empty()) return n;
      f.after = page->next;
    }
  }

  CaseFile FileOf(Track track, const std::string& source_ref) {
    auto id = store_->FindBySource(track, source_ref);
    EXPECT_TRUE(id.ok() && id->has_value()) << "no case for " << source_ref;
    if (!id.ok() || !id->has_value()) return {};
    auto f = store_->GetCaseFile(**id);
    EXPECT_TRUE(f.ok()) << f.status().ToString();
    return f.ok() ? *f : CaseFile{};
  }

  int64_t CentsOf(const std::string& source_ref) {
    const Case c = FileOf(Track::kParkeren, source_ref).c;
    EXPECT_TRUE(c.amount.has_value()) << source_ref;
    return c.amount ? c.amount->cents() : -1;
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<CaseStore> store_;
  GasSettings settings_;
};

// ---------------------------------------------------------------------------------------------
// Parking.

TEST_F(FindingImportTest, ParkingGoodRowsBecomeCasesAndBadRowsAreListed) {
  const std::string path = Write(
      "parking.csv",
      std::string(kParkingHeader) +
          // line 2: with two photos -> holder_lookup
          ParkingRow("F1", "2026-03-14T10:00:00+01:00", "1-tst-001", "1", "img/a.jpg; img/b.jpg") +
          // line 3: no photo -> awaiting_review, flagged
          ParkingRow("F2", "2026-03-14T10:05:00+01:00", "1TST002", "2", "") +
          // line 4: category 3 does not exist
          ParkingRow("F3", "2026-03-14T10:10:00+01:00", "1TST003", "3") +
          // line 5: not a Belgian postal code
          ParkingRow("F4", "2026-03-14T10:15:00+01:00", "1TST004", "1", "img/c.jpg", "BE", "0999") +
          // line 6: a Dutch plate, category 2
          ParkingRow("F5", "2026-03-14T10:20:00+01:00", "TS-01-XY", "2", "img/d.jpg", "nl"));
  ParkingImportReport r = Parking(path);
  EXPECT_EQ(r.rows, 5u);
  EXPECT_EQ(r.new_cases, 3u);
  EXPECT_EQ(r.flagged, 1u);
  EXPECT_EQ(r.grouped, 0u);
  EXPECT_EQ(r.already_imported, 0u);
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0].line, 4u);
  EXPECT_EQ(r.errors[0].field, "category");
  EXPECT_EQ(r.errors[0].message, path + ": line 4, field category: \"3\" must be 1 or 2");
  EXPECT_EQ(r.errors[1].line, 5u);
  EXPECT_EQ(r.errors[1].field, "postal_code");
  EXPECT_EQ(r.errors[1].message.rfind(path + ": line 5, field postal_code: ", 0), 0u)
      << r.errors[1].message;
  for (const RowError& e : r.errors) {
    EXPECT_EQ(e.message.find("TST"), std::string::npos) << "a plate in " << e.message;
  }
  EXPECT_EQ(CountCases(), 3);

  const CaseFile f1 = FileOf(Track::kParkeren, "F1");
  EXPECT_EQ(f1.c.track, Track::kParkeren);
  EXPECT_EQ(f1.c.state, CaseState::kHolderLookup);
  EXPECT_EQ(f1.c.flags, kFlagNone);
  EXPECT_EQ(f1.c.plate, "1TST001");
  EXPECT_EQ(f1.c.country, "BE");
  EXPECT_EQ(f1.c.facts_day, D("2026-03-14"));
  // 10:00 CET is 09:00Z on day 20526 (see overlast_json_test): 20526 * 86400 + 9 * 3600.
  EXPECT_EQ(f1.c.facts_at.unix_seconds(), 1773478800);
  EXPECT_EQ(f1.c.offence_code, "22BIS-4A");
  EXPECT_EQ(f1.c.category, TrafficCategory::kCategory1);
  EXPECT_EQ(f1.c.amount->cents(), 5800);
  EXPECT_EQ(f1.c.place.street, "Proefstraat");
  EXPECT_EQ(f1.c.place.postal_code, "2800");
  EXPECT_EQ(f1.c.finding_officer, "W17");
  EXPECT_EQ(f1.c.finding_officer_kind, "parking_warden");
  EXPECT_EQ(f1.c.description, "voor de inrit");
  // Traffic decision limit (default on): 6 months from the facts.
  EXPECT_EQ(f1.c.limit_day, D("2026-09-14"));
  ASSERT_EQ(f1.evidence.size(), 3u);
  EXPECT_EQ(f1.evidence[0].kind, "photo");
  EXPECT_EQ(f1.evidence[0].ref, "img/a.jpg");
  EXPECT_EQ(f1.evidence[1].ref, "img/b.jpg");
  EXPECT_EQ(f1.evidence[2].kind, "finding");
  EXPECT_EQ(f1.evidence[2].ref, "F1");
  ASSERT_EQ(f1.events.size(), 1u);
  EXPECT_EQ(f1.events[0].action, "opened");
  EXPECT_EQ(f1.events[0].to, CaseState::kHolderLookup);
  EXPECT_EQ(f1.events[0].role, Role::kSystem);

  const CaseFile f2 = FileOf(Track::kParkeren, "F2");
  EXPECT_EQ(f2.c.state, CaseState::kAwaitingReview);
  EXPECT_EQ(f2.c.flags, kFlagNoPhoto);
  EXPECT_EQ(f2.c.amount->cents(), 11600);
  ASSERT_EQ(f2.evidence.size(), 1u);
  EXPECT_EQ(f2.evidence[0].kind, "finding");
  EXPECT_EQ(f2.events[0].to, CaseState::kAwaitingReview);

  const CaseFile f5 = FileOf(Track::kParkeren, "F5");
  EXPECT_EQ(f5.c.plate, "TS01XY");
  EXPECT_EQ(f5.c.country, "NL");
  EXPECT_EQ(f5.c.state, CaseState::kHolderLookup);
  EXPECT_EQ(f5.c.amount->cents(), 11600);

  // The review queue holds the finding without a photo only.
  auto next = store_->NextForReview(CaseId{0});
  ASSERT_TRUE(next.ok());
  ASSERT_TRUE(next->has_value());
  EXPECT_EQ(**next, f2.c.id);

  // The same file again: nothing new, the same rows refused.
  ParkingImportReport again = Parking(path);
  EXPECT_EQ(again.rows, 5u);
  EXPECT_EQ(again.new_cases, 0u);
  EXPECT_EQ(again.already_imported, 3u);
  EXPECT_EQ(again.flagged, 0u);
  EXPECT_EQ(again.errors.size(), 2u);
  EXPECT_EQ(CountCases(), 3);
  EXPECT_EQ(FileOf(Track::kParkeren, "F1").events.size(), 1u);
}

TEST_F(FindingImportTest, ParkingFileThatCannotBeReadChangesNothing) {
  auto missing = ImportParking(*store_, settings_, dir_.File("none.csv"), kNow);
  EXPECT_EQ(missing.status().code(), StatusCode::kUnavailable);
  auto no_column =
      ImportParking(*store_, settings_, Write("bad.csv", "finding_id,found_at\nF1,x\n"), kNow);
  EXPECT_EQ(no_column.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(CountCases(), 0);
}

TEST_F(FindingImportTest, ParkingAmountFollowsTheBrusselsDayOfTheFacts) {
  const std::string path = Write(
      "amounts.csv", std::string(kParkingHeader) +
                         // KB 9 maart 2014: EUR 55 / EUR 110 up to 2018-08-31 ...
                         ParkingRow("C1-OLD", "2018-08-31T12:00:00+02:00", "1TST011", "1") +
                         ParkingRow("C2-OLD", "2018-08-31T12:00:00+02:00", "1TST012", "2") +
                         // ... and EUR 58 / EUR 116 from 2018-09-01.
                         ParkingRow("C1-NEW", "2018-09-01T12:00:00+02:00", "1TST013", "1") +
                         ParkingRow("C2-NEW", "2018-09-01T12:00:00+02:00", "1TST014", "2") +
                         // 23:30Z on 31 August is 01:30 CEST on 1 September: the new amounts.
                         ParkingRow("UTC-LATE", "2018-08-31T23:30:00Z", "1TST015", "1") +
                         // 21:59:59Z is 23:59:59 CEST on 31 August: still the old amount.
                         ParkingRow("UTC-EDGE", "2018-08-31T21:59:59Z", "1TST016", "2") +
                         // line 8: before the KB applied (2014-07-01): refused, naming found_at.
                         ParkingRow("TOO-OLD", "2014-06-30T12:00:00+02:00", "1TST017", "1") +
                         // 00:30 CEST on 1 July 2014 (22:30Z on 30 June): the first day of the KB.
                         ParkingRow("FIRST-DAY", "2014-07-01T00:30:00+02:00", "1TST018", "1"));
  ParkingImportReport r = Parking(path);
  EXPECT_EQ(r.rows, 8u);
  EXPECT_EQ(r.new_cases, 7u);
  EXPECT_EQ(CentsOf("C1-OLD"), 5500);
  EXPECT_EQ(CentsOf("C2-OLD"), 11000);
  EXPECT_EQ(CentsOf("C1-NEW"), 5800);
  EXPECT_EQ(CentsOf("C2-NEW"), 11600);
  EXPECT_EQ(CentsOf("UTC-LATE"), 5800);
  EXPECT_EQ(FileOf(Track::kParkeren, "UTC-LATE").c.facts_day, D("2018-09-01"));
  EXPECT_EQ(CentsOf("UTC-EDGE"), 11000);
  EXPECT_EQ(FileOf(Track::kParkeren, "UTC-EDGE").c.facts_day, D("2018-08-31"));
  EXPECT_EQ(CentsOf("FIRST-DAY"), 5500);
  EXPECT_EQ(FileOf(Track::kParkeren, "FIRST-DAY").c.facts_day, D("2014-07-01"));

  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].line, 8u);
  EXPECT_EQ(r.errors[0].field, "found_at");
  EXPECT_EQ(r.errors[0].message.rfind(path + ": line 8, field found_at: ", 0), 0u)
      << r.errors[0].message;
  EXPECT_NE(r.errors[0].message.find("2014-07-01"), std::string::npos) << r.errors[0].message;
  EXPECT_FALSE(store_->FindBySource(Track::kParkeren, "TOO-OLD")->has_value());
  EXPECT_EQ(CountCases(), 7);
}

// G1 10:00 (photo), G2 10:30 (no photo), G3 11:00 (exactly 60 minutes after G1), G4 11:30 (90
// minutes after G1, 30 after G3: the window counts from the case's first finding), all of
// 1TST100 in Belgium; O1 10:15 another plate; N1 10:20 the same plate text in the Netherlands.
std::string GroupingFile() {
  return std::string(kParkingHeader) +
         ParkingRow("G1", "2026-03-14T10:00:00+01:00", "1TST100", "1", "img/g1.jpg") +
         ParkingRow("G2", "2026-03-14T10:30:00+01:00", "1-TST-100", "1", "") +
         ParkingRow("G3", "2026-03-14T11:00:00+01:00", "1TST100", "1", "img/g3.jpg") +
         ParkingRow("G4", "2026-03-14T11:30:00+01:00", "1TST100", "1", "img/g4.jpg") +
         ParkingRow("O1", "2026-03-14T10:15:00+01:00", "1TST200", "1", "img/o1.jpg") +
         ParkingRow("N1", "2026-03-14T10:20:00+01:00", "1TST100", "1", "img/n1.jpg", "NL");
}

TEST_F(FindingImportTest, ParkingGroupingJoinsFindingsWithinTheWindow) {
  settings_.parking_grouping_minutes = 60;
  const std::string path = Write("grouping.csv", GroupingFile());
  ParkingImportReport r = Parking(path);
  EXPECT_EQ(r.rows, 6u);
  EXPECT_EQ(r.new_cases, 4u);  // G1 (with G2, G3), G4, O1, N1
  EXPECT_EQ(r.grouped, 2u);
  EXPECT_EQ(r.flagged, 0u);  // G2 has no photo, but it opened no case
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(CountCases(), 4);

  const CaseFile g1 = FileOf(Track::kParkeren, "G1");
  EXPECT_EQ(g1.c.flags, kFlagGrouped);
  EXPECT_EQ(g1.c.state, CaseState::kHolderLookup);
  EXPECT_EQ(g1.c.facts_at.unix_seconds(), 1773478800);  // the first finding's instant
  EXPECT_EQ(g1.c.amount->cents(), 5800);                // one fine for the group
  std::vector<std::string> refs;
  for (const Evidence& e : g1.evidence) refs.push_back(e.kind + ":" + e.ref);
  // The store lists evidence by instant (photos have none, so they come first), then by id.
  EXPECT_EQ(refs, (std::vector<std::string>{"photo:img/g1.jpg", "photo:img/g3.jpg", "finding:G1",
                                            "finding:G2", "finding:G3"}));
  ASSERT_EQ(g1.events.size(), 3u);
  EXPECT_EQ(g1.events[0].action, "opened");
  EXPECT_EQ(g1.events[1].action, "finding_grouped");
  EXPECT_NE(g1.events[1].detail.find("G2"), std::string::npos);
  EXPECT_EQ(g1.events[2].action, "finding_grouped");
  EXPECT_NE(g1.events[2].detail.find("G3"), std::string::npos);
  EXPECT_FALSE(store_->FindBySource(Track::kParkeren, "G2")->has_value());
  EXPECT_FALSE(store_->FindBySource(Track::kParkeren, "G3")->has_value());

  const CaseFile g4 = FileOf(Track::kParkeren, "G4");
  EXPECT_NE(g4.c.id, g1.c.id);
  EXPECT_EQ(g4.c.flags, kFlagNone);
  EXPECT_EQ(FileOf(Track::kParkeren, "O1").c.flags, kFlagNone);
  const CaseFile n1 = FileOf(Track::kParkeren, "N1");
  EXPECT_EQ(n1.c.country, "NL");
  EXPECT_EQ(n1.c.flags, kFlagNone);

  // The same file again adds nothing: not a case, not a grouped finding, not evidence.
  ParkingImportReport again = Parking(path);
  EXPECT_EQ(again.new_cases, 0u);
  EXPECT_EQ(again.grouped, 0u);
  EXPECT_EQ(again.already_imported, 6u);
  EXPECT_EQ(CountCases(), 4);
  const CaseFile g1_again = FileOf(Track::kParkeren, "G1");
  EXPECT_EQ(g1_again.evidence.size(), 5u);
  EXPECT_EQ(g1_again.events.size(), 3u);
}

TEST_F(FindingImportTest, ParkingGroupedFindingReimportedAfterTheCaseMovedOnAddsNothing) {
  settings_.parking_grouping_minutes = 60;
  const std::string path = Write("grouping.csv", GroupingFile());
  Parking(path);
  // The first case leaves the joinable states (a letter is on its way), and the policy is
  // switched off: G2 and G3 are still findings of G1's case, not new cases.
  Case g1 = FileOf(Track::kParkeren, "G1").c;
  g1.state = CaseState::kInvited;
  ASSERT_TRUE(store_->UpdateCase(g1, CaseState::kHolderLookup, std::nullopt).ok());
  settings_.parking_grouping_minutes = 0;
  ParkingImportReport again = Parking(path);
  EXPECT_EQ(again.new_cases, 0u);
  EXPECT_EQ(again.grouped, 0u);
  EXPECT_EQ(again.already_imported, 6u);
  EXPECT_EQ(CountCases(), 4);
}

TEST_F(FindingImportTest, ParkingGroupingIsOffByDefault) {
  ASSERT_EQ(settings_.parking_grouping_minutes, 0);
  ParkingImportReport r = Parking(Write("grouping.csv", GroupingFile()));
  EXPECT_EQ(r.new_cases, 6u);
  EXPECT_EQ(r.grouped, 0u);
  EXPECT_EQ(r.flagged, 1u);  // G2, alone, has no photo
  EXPECT_EQ(CountCases(), 6);
  EXPECT_EQ(FileOf(Track::kParkeren, "G1").c.flags, kFlagNone);
  EXPECT_EQ(FileOf(Track::kParkeren, "G2").c.flags, kFlagNoPhoto);
}

// ---------------------------------------------------------------------------------------------
// Overlast.

TEST_F(FindingImportTest, OverlastAdultAndMinorBecomeCases) {
  OverlastSpec adult;
  adult.id = "PV-A";
  OverlastSpec minor;
  minor.id = "PV-M";
  minor.name = "Jonge Persoon";
  minor.birth_date = "2009-06-01";  // 16 on 2026-03-14: the default minimum age, a minor
  minor.parents = kOneParent;
  const std::string path = Write("overlast.json", OverlastFile({adult, minor}));
  OverlastImportReport r = Overlast(path);
  EXPECT_EQ(r.findings, 2u);
  EXPECT_EQ(r.new_cases, 2u);
  EXPECT_EQ(r.minors, 1u);
  EXPECT_EQ(r.recidivism, 0u);
  EXPECT_EQ(r.already_imported, 0u);
  EXPECT_EQ(CountCases(), 2);

  const CaseFile a = FileOf(Track::kOverlast, "PV-A");
  EXPECT_EQ(a.c.track, Track::kOverlast);
  EXPECT_EQ(a.c.state, CaseState::kFindingReceived);
  EXPECT_FALSE(a.c.minor);
  EXPECT_EQ(a.c.flags, kFlagNone);
  EXPECT_EQ(a.c.facts_day, D("2026-03-14"));
  EXPECT_EQ(a.c.received_on, D("2026-03-16"));
  // The 6-month limit counts from the facts (default): 14 March -> 14 September 2026.
  EXPECT_EQ(a.c.limit_day, D("2026-09-14"));
  EXPECT_EQ(a.c.article, "Art. 12 APV");
  EXPECT_EQ(a.c.offence_code, "Art. 12 APV");
  EXPECT_EQ(a.c.finding_officer, "Vaststeller A");
  EXPECT_EQ(a.c.finding_officer_kind, "municipal");
  EXPECT_FALSE(a.c.amount.has_value());
  EXPECT_FALSE(a.c.category.has_value());
  ASSERT_EQ(a.parties.size(), 1u);
  EXPECT_EQ(a.parties[0].role, PartyRole::kOffender);
  EXPECT_TRUE(a.parties[0].addressee);
  EXPECT_EQ(a.parties[0].name, "Test Persoon");
  EXPECT_EQ(a.parties[0].birth_date, D("1990-01-01"));
  EXPECT_EQ(a.parties[0].address.city, "Antwerpen");
  ASSERT_EQ(a.evidence.size(), 1u);
  EXPECT_EQ(a.evidence[0].kind, "document");
  EXPECT_EQ(a.evidence[0].ref, "pv-scan.pdf");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].action, "opened");
  EXPECT_EQ(a.events[0].to, CaseState::kFindingReceived);

  const CaseFile m = FileOf(Track::kOverlast, "PV-M");
  EXPECT_TRUE(m.c.minor);
  EXPECT_EQ(m.c.state, CaseState::kFindingReceived);
  EXPECT_EQ(m.c.limit_day, D("2026-09-14"));
  ASSERT_EQ(m.parties.size(), 2u);
  EXPECT_EQ(m.parties[0].role, PartyRole::kOffender);
  EXPECT_TRUE(m.parties[0].addressee);
  EXPECT_EQ(m.parties[1].role, PartyRole::kParent);
  EXPECT_FALSE(m.parties[1].addressee);
  EXPECT_EQ(m.parties[1].name, "Ouder Een");
  EXPECT_EQ(m.parties[1].address.street, "Ouderstraat");
  EXPECT_NE(m.events[0].detail.find("minderjarige"), std::string::npos);

  // Registering the same file again adds nothing.
  OverlastImportReport again = Overlast(path);
  EXPECT_EQ(again.findings, 2u);
  EXPECT_EQ(again.new_cases, 0u);
  EXPECT_EQ(again.already_imported, 2u);
  EXPECT_EQ(again.minors, 0u);
  EXPECT_EQ(CountCases(), 2);
  EXPECT_EQ(FileOf(Track::kOverlast, "PV-M").parties.size(), 2u);
}

TEST_F(FindingImportTest, OverlastBelowTheMinimumAgeRefusesTheWholeFile) {
  OverlastSpec good;
  good.id = "PV-GOOD";
  OverlastSpec child;
  child.id = "PV-CHILD";
  child.birth_date = "2012-05-01";  // 13 on 2026-03-14
  child.parents = kOneParent;
  const std::string path = Write("overlast.json", OverlastFile({good, child}));
  const std::string m = OverlastRefusal(path, StatusCode::kFailedPrecondition);
  // Finding 2 starts on line 2 + 13.
  EXPECT_EQ(m.rfind(path + ": line 15 (finding 2), field offender.birth_date: ", 0), 0u) << m;
  EXPECT_EQ(m.find("13"), std::string::npos) << "an age in " << m;
  EXPECT_NE(m.find("minimum age of 16"), std::string::npos) << m;
  EXPECT_EQ(m.find("2012"), std::string::npos) << "a birth date in " << m;
  // Nothing stored, not even the good finding before it.
  EXPECT_EQ(CountCases(), 0);
  EXPECT_FALSE(store_->FindBySource(Track::kOverlast, "PV-GOOD")->has_value());

  // 15 is below the default minimum of 16 too; one day before the 16th birthday as well.
  child.birth_date = "2010-06-01";
  EXPECT_NE(
      OverlastRefusal(Write("o15.json", OverlastFile({child})), StatusCode::kFailedPrecondition)
          .find("below the city's minimum age of 16"),
      std::string::npos);
  child.birth_date = "2010-03-15";
  OverlastRefusal(Write("o16eve.json", OverlastFile({child})), StatusCode::kFailedPrecondition);
  EXPECT_EQ(CountCases(), 0);
  // On the 16th birthday GAS applies.
  child.birth_date = "2010-03-14";
  EXPECT_EQ(Overlast(Write("o16.json", OverlastFile({child}))).minors, 1u);
  EXPECT_EQ(CountCases(), 1);
}

TEST_F(FindingImportTest, OverlastFifteenIsAllowedWithMinimumAgeFourteen) {
  settings_.minimum_age = 14;
  OverlastSpec child;
  child.id = "PV-15";
  child.birth_date = "2010-06-01";  // 15 on 2026-03-14
  child.parents = kOneParent;
  OverlastImportReport r = Overlast(Write("overlast.json", OverlastFile({child})));
  EXPECT_EQ(r.new_cases, 1u);
  EXPECT_EQ(r.minors, 1u);
  EXPECT_TRUE(FileOf(Track::kOverlast, "PV-15").c.minor);
  // 13 stays below 14.
  child.id = "PV-13";
  child.birth_date = "2012-05-01";
  const std::string m =
      OverlastRefusal(Write("o13.json", OverlastFile({child})), StatusCode::kFailedPrecondition);
  EXPECT_NE(m.find("minimum age of 14"), std::string::npos) << m;
  EXPECT_EQ(CountCases(), 1);
}

TEST_F(FindingImportTest, OverlastMinorWithoutParentsIsRefused) {
  OverlastSpec good;
  good.id = "PV-GOOD";
  OverlastSpec minor;
  minor.id = "PV-M";
  minor.birth_date = "2008-05-01";  // 17
  const std::string path = Write("overlast.json", OverlastFile({good, minor}));
  const std::string m = OverlastRefusal(path, StatusCode::kInvalidArgument);
  EXPECT_EQ(m.rfind(path + ": line 15 (finding 2), field parents: ", 0), 0u) << m;
  EXPECT_EQ(CountCases(), 0);
}

TEST_F(FindingImportTest, OverlastMunicipalOfficerMayNotRecordAMixedOffence) {
  OverlastSpec good;
  good.id = "PV-GOOD";
  OverlastSpec mixed;
  mixed.id = "PV-MIXED";
  mixed.offence_kind = "mixed";
  const std::string path = Write("overlast.json", OverlastFile({good, mixed}));
  const std::string m = OverlastRefusal(path, StatusCode::kInvalidArgument);
  EXPECT_EQ(m.rfind(path + ": line 15 (finding 2), field finding_officer.kind: ", 0), 0u) << m;
  EXPECT_EQ(CountCases(), 0);
  // The police may (art. 21 GAS-wet).
  mixed.officer_kind = "police";
  EXPECT_EQ(Overlast(Write("police.json", OverlastFile({good, mixed}))).new_cases, 2u);
  EXPECT_EQ(FileOf(Track::kOverlast, "PV-MIXED").c.finding_officer_kind, "police");
}

TEST_F(FindingImportTest, OverlastRecidivismFlagsTheSameArticleWithin24Months) {
  // An earlier case, whose sanction the register records (the register needs a case to point
  // to; decisions of other people hang on it too, which the register allows).
  OverlastSpec old;
  old.id = "PV-OLD";
  old.facts_at = "2024-12-01T20:00:00+01:00";
  ASSERT_EQ(Overlast(Write("old.json", OverlastFile({old}))).new_cases, 1u);
  const CaseId old_id = FileOf(Track::kOverlast, "PV-OLD").c.id;
  // OffenderKey (gas/case.h): letters and digits lower-cased, one space between words, '|',
  // the birth date.
  ASSERT_TRUE(store_
                  ->RecordSanction(old_id, "person:test persoon|1990-01-01", "Art. 12 APV",
                                   D("2025-01-10"), "fine", Money::FromEuro(100))
                  .ok());
  // Another person, sanctioned for the same article on 2024-03-13: one day before the window
  // of facts on 2026-03-14 opens (2024-03-14).
  ASSERT_TRUE(store_
                  ->RecordSanction(old_id, "person:ander persoon|1985-02-02", "Art. 12 APV",
                                   D("2024-03-13"), "fine", Money::FromEuro(100))
                  .ok());
  // A third, sanctioned exactly on the first day of the window.
  ASSERT_TRUE(store_
                  ->RecordSanction(old_id, "person:derde persoon|1975-07-07", "Art. 12 APV",
                                   D("2024-03-14"), "fine", Money::FromEuro(100))
                  .ok());

  OverlastSpec same;  // the same person, the name spelled otherwise
  same.id = "PV-SAME";
  same.name = "  TEST   persoon ";
  OverlastSpec other_article = same;
  other_article.id = "PV-ART";
  other_article.article = "Art. 13 APV";
  OverlastSpec other_birth = same;  // same name, another person
  other_birth.id = "PV-BIRTH";
  other_birth.birth_date = "1990-01-02";
  OverlastSpec too_old;
  too_old.id = "PV-TOO-OLD";
  too_old.name = "Ander Persoon";
  too_old.birth_date = "1985-02-02";
  OverlastSpec edge;
  edge.id = "PV-EDGE";
  edge.name = "Derde Persoon";
  edge.birth_date = "1975-07-07";
  OverlastImportReport r =
      Overlast(Write("new.json", OverlastFile({same, other_article, other_birth, too_old, edge})));
  EXPECT_EQ(r.new_cases, 5u);
  EXPECT_EQ(r.recidivism, 2u);
  EXPECT_EQ(FileOf(Track::kOverlast, "PV-SAME").c.flags, kFlagRecidivism);
  EXPECT_EQ(FileOf(Track::kOverlast, "PV-ART").c.flags, kFlagNone);
  EXPECT_EQ(FileOf(Track::kOverlast, "PV-BIRTH").c.flags, kFlagNone);
  EXPECT_EQ(FileOf(Track::kOverlast, "PV-TOO-OLD").c.flags, kFlagNone);
  EXPECT_EQ(FileOf(Track::kOverlast, "PV-EDGE").c.flags, kFlagRecidivism);
  // The old case itself had no history when it came in.
  EXPECT_EQ(FileOf(Track::kOverlast, "PV-OLD").c.flags, kFlagNone);
}

TEST_F(FindingImportTest, OverlastBadJsonRegistersNothing) {
  OverlastSpec good;
  const std::string path = Write("broken.json", OverlastFile({good}) + "]");
  const std::string m = OverlastRefusal(path, StatusCode::kInvalidArgument);
  EXPECT_EQ(m.rfind(path + ": line ", 0), 0u) << m;
  EXPECT_EQ(CountCases(), 0);
  auto missing = RegisterOverlast(*store_, settings_, dir_.File("none.json"), kNow);
  EXPECT_EQ(missing.status().code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace hh
