// Holder identification (GAS.md 2.3, 2.4, 6.3, 6.7) on a fresh SQLite store per test, with a
// CSV vehicle register: persons of age, minors (the 18th birthday on the day of the facts),
// companies and their 15-day driver request, unknown plates, plates that moved between holders,
// foreign plates with and without an agreement, the lookup log, who may look up, and the named
// driver. Cases are opened by the camera import. All plates, names and addresses are synthetic.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "gas/deadlines.h"
#include "handling/holder_identification.h"
#include "handling/review.h"
#include "holders/csv_vehicle_register.h"
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
[[maybe_unused]] static void PrintTo(const LocalDate& d, std::ostream* os) {
  *os << d.ToIsoString();
}
[[maybe_unused]] static void PrintTo(CaseState s, std::ostream* os) { *os << CaseStateName(s); }

namespace {

Instant At(const char* text) { return *Instant::Parse(text); }
LocalDate D(const char* iso) { return *LocalDate::Parse(iso); }

// The reads are imported on 11 March 2026; the lookups run on Friday 20 March 2026.
Instant ImportNow() { return At("2026-03-11T08:00:00Z"); }
Instant LookupNow() { return At("2026-03-20T09:00:00Z"); }

constexpr const char* kCameras =
    "camera_id,zone_id,direction,active_from,active_to,warning_until\n"
    "CAM1,Z1,entry,2026-01-01T00:00:00Z,,\n"
    "CAM2,Z2,entry,2026-01-01T00:00:00Z,,\n"
    "CAMW,Z3,entry,2026-03-01T00:00:00Z,,2026-04-01T00:00:00Z\n";

constexpr const char* kDetectionsHeader =
    "camera_id,detection_id,observed_at,plate,country,confidence,image_ref\n";

// The register. 3MIN003's holder turns 18 on 11 March 2026, 4ADU004's on 10 March 2026 (the
// day of the facts). 5MOV005 moves to another holder at 2026-03-10T09:00:00Z. 6NEW006 is
// registered only from 11 March. 7NLD007 is Dutch, 8DEU008 German.
constexpr const char* kRegister =
    "plate,country,valid_from,valid_to,holder_kind,name,street,house_number,postal_code,city,"
    "birth_date,company_number,language\n"
    "1PER001,BE,2020-01-01T00:00:00Z,,person,Testpersoon Volwassen,Proefstraat,12,2800,"
    "Mechelen,1980-05-17,,\n"
    "2COM002,BE,2020-01-01T00:00:00Z,,company,Voorbeeld NV,Testlaan,3A,2800,Mechelen,,"
    "0123.456.789,fr\n"
    "2COM012,BE,2020-01-01T00:00:00Z,,company,Voorbeeld NV,Testlaan,3A,2800,Mechelen,,"
    "0123.456.789,fr\n"
    "3MIN003,BE,2020-01-01T00:00:00Z,,person,Testpersoon Minderjarig,Proefstraat,1,2800,"
    "Mechelen,2008-03-11,,nl\n"
    "4ADU004,BE,2020-01-01T00:00:00Z,,person,Testpersoon Achttien,Proefstraat,2,2800,Mechelen,"
    "2008-03-10,,nl\n"
    "5MOV005,BE,2020-01-01T00:00:00Z,2026-03-10T09:00:00Z,person,Testpersoon Vroeger,Oudstraat,"
    "5,2800,Mechelen,1970-01-01,,nl\n"
    "5MOV005,BE,2026-03-10T09:00:00Z,,person,Testpersoon Later,Nieuwstraat,6,9000,Gent,"
    "1990-01-01,,de\n"
    "6NEW006,BE,2026-03-11T00:00:00Z,,person,Testpersoon Nieuw,Straat,7,1000,Brussel,"
    "1985-01-01,,nl\n"
    "7NLD007,NL,2021-01-01T00:00:00Z,,person,Testpersoon Nederland,Proefweg,1,1234 AB,Utrecht,"
    "1975-12-31,,en\n"
    "8DEU008,DE,2021-01-01T00:00:00Z,,person,Testpersoon Deutschland,Probeweg,2,10115,Berlin,"
    "1975-12-31,,de\n"
    "9WAR009,BE,2020-01-01T00:00:00Z,,person,Testpersoon Waarschuwing,Proefstraat,9,2800,"
    "Mechelen,1960-06-30,,nl\n";

class HolderIdentificationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = OpenMigratedDb(dir_, ImportNow());
    ASSERT_NE(db_, nullptr);
    store_ = std::make_unique<SqliteCaseStore>(*db_);
    settings_store_ = std::make_unique<SqliteSettingsStore>(*db_);
    ASSERT_TRUE(ImportCameras(*store_, Write("cameras.csv", kCameras)).ok());
    register_path_ = Write("register.csv", kRegister);
    auto reg = CsvVehicleRegister::Load(register_path_);
    ASSERT_TRUE(reg.ok()) << reg.status().ToString();
    register_ = std::move(*reg);

    ASSERT_TRUE(
        store_->AddUser({0, "rev1", "Rita Reviewer", Role::kReviewer, true}, ImportNow()).ok());
    ASSERT_TRUE(
        store_->AddUser({0, "view1", "Victor Viewer", Role::kViewer, true}, ImportNow()).ok());
    ASSERT_TRUE(
        store_->AddUser({0, "fin1", "Frida Finance", Role::kFinance, true}, ImportNow()).ok());
    reviewer_ = *ActorFor(*store_, "rev1");
    viewer_ = *ActorFor(*store_, "view1");
    finance_ = *ActorFor(*store_, "fin1");
    // Strong reads go straight to the holder lookup (as if reviewed), unless a test says not.
    settings_.review_camera_cases = false;
  }

  std::string Write(const std::string& name, const std::string& content) {
    const std::string path = dir_.File(name);
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  // Imports the detections `rows` (a new file each call).
  void OpenCases(const std::string& rows) {
    auto r = ImportDetections(*store_, *settings_store_, settings_,
                              Write("detections" + std::to_string(++files_) + ".csv",
                                    std::string(kDetectionsHeader) + rows),
                              {}, ImportNow());
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_TRUE(r->rejects.empty());
  }

  Result<LookupReport> Identify(const Actor& actor, uint64_t limit = 0) {
    return IdentifyHolders(*store_, *register_, settings_, actor, LookupNow(), limit);
  }
  LookupReport IdentifyOk() {
    auto r = Identify(reviewer_);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : LookupReport{};
  }

  // The one case with `plate` on `zone`.
  CaseFile FileOf(const std::string& plate, const std::string& zone = "Z1") {
    CaseFilter f;
    f.plate = plate;
    auto page = store_->ListCases(f);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    if (!page.ok()) return {};
    for (const CaseSummary& s : page->cases) {
      auto file = store_->GetCaseFile(s.id);
      EXPECT_TRUE(file.ok()) << file.status().ToString();
      if (file.ok() && file->c.zone_id == zone) return *file;
    }
    ADD_FAILURE() << "no case with the plate on zone " << zone;
    return {};
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

  struct LookupRow {
    std::string at, user, purpose, register_name, outcome;
  };
  // The lookups logged for case `id`, in order.
  std::vector<LookupRow> LookupsOf(CaseId id) {
    std::vector<LookupRow> out;
    auto st = db_->Prepare(
        "SELECT at, user_login, purpose, register, outcome FROM register_lookups "
        "WHERE case_id = ?1 ORDER BY id");
    EXPECT_TRUE(st.ok()) << st.status().ToString();
    if (!st.ok()) return out;
    st->BindInt64(1, id.value);
    for (;;) {
      auto row = st->Step();
      EXPECT_TRUE(row.ok()) << row.status().ToString();
      if (!row.ok() || !*row) break;
      out.push_back({st->ColumnText(0), st->ColumnText(1), st->ColumnText(2), st->ColumnText(3),
                     st->ColumnText(4)});
    }
    return out;
  }
  // Checks that case `id` has exactly one lookup, by rev1, with the purpose, this register and
  // `outcome`.
  void ExpectOneLookup(CaseId id, const std::string& outcome) {
    const auto rows = LookupsOf(id);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].at, "2026-03-20T09:00:00Z");
    EXPECT_EQ(rows[0].user, "rev1");
    EXPECT_EQ(rows[0].purpose, kLookupPurpose);
    EXPECT_EQ(rows[0].register_name, "csv:" + register_path_);
    EXPECT_EQ(rows[0].outcome, outcome);
  }

  Party Driver(const char* birth) {
    Party p;
    p.role = PartyRole::kDriver;
    p.name = "Testbestuurder Een";
    p.birth_date = D(birth);
    p.address = {"Bestuurdersstraat", "4", "3000", "Leuven"};
    p.language = "nl";
    return p;
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<CaseStore> store_;
  std::unique_ptr<SettingsStore> settings_store_;
  std::string register_path_;
  std::unique_ptr<CsvVehicleRegister> register_;
  GasSettings settings_;
  Actor reviewer_, viewer_, finance_;
  int files_ = 0;
};

// An adult person holds the plate: the case waits for the payment invitation, addressed to the
// holder (GAS.md 2.3, Wegverkeerswet art. 67bis).
TEST_F(HolderIdentificationTest, AdultPersonGetsTheInvitation) {
  OpenCases("CAM1,H1,2026-03-10T09:30:00Z,1PER001,BE,0.95,img/h1.jpg\n");
  const LookupReport r = IdentifyOk();
  EXPECT_EQ(r.cases, 1u);
  EXPECT_EQ(r.persons, 1u);
  EXPECT_EQ(r.companies + r.minors + r.foreign + r.unknown + r.warnings, 0u);

  const CaseFile f = FileOf("1PER001");
  EXPECT_EQ(f.c.state, CaseState::kInvitationDue);
  ASSERT_EQ(f.parties.size(), 1u);
  const Party& p = f.parties[0];
  EXPECT_EQ(p.role, PartyRole::kHolder);
  EXPECT_FALSE(p.company);
  EXPECT_EQ(p.name, "Testpersoon Volwassen");
  EXPECT_EQ(p.birth_date, D("1980-05-17"));
  EXPECT_EQ(p.address.street, "Proefstraat");
  EXPECT_EQ(p.address.house_number, "12");
  EXPECT_EQ(p.address.postal_code, "2800");
  EXPECT_EQ(p.address.city, "Mechelen");
  EXPECT_EQ(p.language, "nl");  // empty in the register: Dutch
  EXPECT_TRUE(p.addressee);
  ASSERT_NE(Addressee(f), nullptr);
  EXPECT_EQ(Addressee(f)->name, "Testpersoon Volwassen");

  const CaseEvent& ev = f.events.back();
  EXPECT_EQ(ev.action, "holder_person");
  EXPECT_EQ(ev.actor, "rev1");
  EXPECT_EQ(ev.from, CaseState::kHolderLookup);
  EXPECT_EQ(ev.to, CaseState::kInvitationDue);
  ExpectOneLookup(f.c.id, "person");

  // The name filter now finds the case by its addressee.
  CaseFilter by_name;
  by_name.name = "testpersoon volw";
  auto page = store_->ListCases(by_name);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->cases.size(), 1u);
  EXPECT_EQ(page->cases[0].id, f.c.id);

  // Nothing is left to look up: a second run does nothing and logs nothing.
  const LookupReport again = IdentifyOk();
  EXPECT_EQ(again.cases, 0u);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM register_lookups"), 1);
}

// GAS.md 1.5, 6.3: traffic GAS is for adults; age on the day of the facts (10 March 2026).
// Born 10 March 2008: 18 that day, an adult. Born 11 March 2008: still 17, a minor: the case is
// not applicable and no data of the minor are kept (the lookup itself is logged).
TEST_F(HolderIdentificationTest, EighteenthBirthdayOnTheDayOfTheFactsIsAdult) {
  OpenCases(
      "CAM1,H3,2026-03-10T09:30:00Z,3MIN003,BE,0.95,img/h3.jpg\n"
      "CAM1,H4,2026-03-10T09:30:00Z,4ADU004,BE,0.95,img/h4.jpg\n");
  const LookupReport r = IdentifyOk();
  EXPECT_EQ(r.cases, 2u);
  EXPECT_EQ(r.persons, 1u);
  EXPECT_EQ(r.minors, 1u);

  const CaseFile adult = FileOf("4ADU004");
  EXPECT_EQ(adult.c.state, CaseState::kInvitationDue);
  ASSERT_EQ(adult.parties.size(), 1u);
  EXPECT_EQ(adult.parties[0].birth_date, D("2008-03-10"));

  const CaseFile minor = FileOf("3MIN003");
  EXPECT_EQ(minor.c.state, CaseState::kNotApplicable);
  EXPECT_TRUE(minor.parties.empty());
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM parties WHERE case_id = ?1", minor.c.id.value), 0);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM parties WHERE name = 'Testpersoon Minderjarig' OR "
                   "birth_date = '2008-03-11'"),
            0);
  EXPECT_EQ(minor.events.back().action, "holder_minor");
  ExpectOneLookup(minor.c.id, "minor");
  ExpectOneLookup(adult.c.id, "person");
}

// GAS.md 2.3 (Wegverkeerswet art. 67ter): a company holder must name the driver within 15
// days of the request, counted from the day it is sent: the day of the lookup, Friday 20 March
// 2026 (not the facts, 10 March). 20 March + 15 days = Saturday 4 April; Sunday 5 April and
// Easter Monday 6 April are no working days, so the last day is Tuesday 7 April (Ger.W. art.
// 53, the default shift).
TEST_F(HolderIdentificationTest, CompanyGetsTheDriverRequestWithA15DayDeadline) {
  OpenCases("CAM1,H2,2026-03-10T09:30:00Z,2COM002,BE,0.95,img/h2.jpg\n");
  const LookupReport r = IdentifyOk();
  EXPECT_EQ(r.companies, 1u);
  const CaseFile f = FileOf("2COM002");
  EXPECT_EQ(f.c.state, CaseState::kDriverIdentification);
  ASSERT_TRUE(f.c.state_deadline.has_value());
  EXPECT_EQ(*f.c.state_deadline, D("2026-04-07"));
  EXPECT_EQ(*f.c.state_deadline, DriverIdentificationDeadline(D("2026-03-20"), settings_).last_day);
  ASSERT_EQ(f.parties.size(), 1u);
  const Party& p = f.parties[0];
  EXPECT_EQ(p.role, PartyRole::kHolder);
  EXPECT_TRUE(p.company);
  EXPECT_EQ(p.name, "Voorbeeld NV");
  EXPECT_EQ(p.company_number, "0123456789");
  EXPECT_FALSE(p.birth_date.has_value());
  EXPECT_EQ(p.language, "fr");
  EXPECT_TRUE(p.addressee);
  EXPECT_EQ(f.events.back().action, "holder_company");
  ExpectOneLookup(f.c.id, "company");
}

// Without the weekend shift the 15 days end on Saturday 4 April itself.
TEST_F(HolderIdentificationTest, DriverRequestDeadlineWithoutWeekendShift) {
  settings_.citizen_deadline_weekend_rule = WeekendRule::kNoShift;
  OpenCases("CAM1,H2,2026-03-10T09:30:00Z,2COM012,BE,0.95,img/h2.jpg\n");
  IdentifyOk();
  const CaseFile f = FileOf("2COM012");
  ASSERT_TRUE(f.c.state_deadline.has_value());
  EXPECT_EQ(*f.c.state_deadline, D("2026-04-04"));
}

// A camera's warning period: an adult holder gets a warning, not an invitation.
TEST_F(HolderIdentificationTest, WarningCaseGoesToWarningDue) {
  OpenCases("CAMW,H9,2026-03-10T09:30:00Z,9WAR009,BE,0.95,img/h9.jpg\n");
  const LookupReport r = IdentifyOk();
  EXPECT_EQ(r.warnings, 1u);
  EXPECT_EQ(r.persons, 0u);
  const CaseFile f = FileOf("9WAR009", "Z3");
  EXPECT_TRUE(f.c.warning);
  EXPECT_EQ(f.c.state, CaseState::kWarningDue);
  ASSERT_EQ(f.parties.size(), 1u);
  EXPECT_TRUE(f.parties[0].addressee);
  EXPECT_EQ(f.events.back().action, "holder_person_warning");
  ExpectOneLookup(f.c.id, "person");
}

// GAS.md 2.4: the lookup is for the instant of the facts. A plate registered only from the day
// after is unknown then; so is a plate the register does not know (an empty country is a
// Belgian plate). 5MOV005 changed holder at 09:00:00Z: a read one second before is the earlier
// holder's, a read at that instant the later one's.
TEST_F(HolderIdentificationTest, TheHolderAtTheInstantOfTheFacts) {
  OpenCases(
      "CAM1,U1,2026-03-10T09:30:00Z,6NEW006,BE,0.95,img/u1.jpg\n"
      "CAM1,U2,2026-03-10T09:30:00Z,0UNK000,,0.95,img/u2.jpg\n"
      "CAM1,M1,2026-03-10T08:59:59Z,5MOV005,BE,0.95,img/m1.jpg\n"
      "CAM2,M2,2026-03-10T09:00:00Z,5MOV005,BE,0.95,img/m2.jpg\n");
  const LookupReport r = IdentifyOk();
  EXPECT_EQ(r.cases, 4u);
  EXPECT_EQ(r.unknown, 2u);
  EXPECT_EQ(r.persons, 2u);

  for (const char* plate : {"6NEW006", "0UNK000"}) {
    SCOPED_TRACE(plate);
    const CaseFile f = FileOf(plate);
    EXPECT_EQ(f.c.state, CaseState::kHolderUnknown);
    EXPECT_TRUE(f.parties.empty());
    EXPECT_EQ(f.events.back().action, "holder_unknown");
    ExpectOneLookup(f.c.id, "not_found");
  }
  const CaseFile before = FileOf("5MOV005", "Z1");
  ASSERT_EQ(before.parties.size(), 1u);
  EXPECT_EQ(before.parties[0].name, "Testpersoon Vroeger");
  const CaseFile after = FileOf("5MOV005", "Z2");
  ASSERT_EQ(after.parties.size(), 1u);
  EXPECT_EQ(after.parties[0].name, "Testpersoon Later");
  EXPECT_EQ(after.parties[0].language, "de");
}

// GAS.md 2.4: with the default agreements (NL, FR) a German plate goes to the foreign queue
// without any register lookup (nothing logged); a Dutch plate is looked up in the Dutch
// register. The country is part of the question: a Belgian registration does not answer for an
// NL read of the same plate.
TEST_F(HolderIdentificationTest, ForeignPlatesWithoutAgreementWaitInTheirQueue) {
  ASSERT_EQ(settings_.foreign_agreements, "NL,FR");
  OpenCases(
      "CAM1,F1,2026-03-10T09:30:00Z,8DEU008,DE,0.95,img/f1.jpg\n"
      "CAM1,F2,2026-03-10T09:30:00Z,7NLD007,NL,0.95,img/f2.jpg\n"
      "CAM1,F3,2026-03-10T09:30:00Z,1PER001,NL,0.95,img/f3.jpg\n");
  const LookupReport r = IdentifyOk();
  EXPECT_EQ(r.cases, 3u);
  EXPECT_EQ(r.foreign, 1u);
  EXPECT_EQ(r.persons, 1u);
  EXPECT_EQ(r.unknown, 1u);

  const CaseFile de = FileOf("8DEU008");
  EXPECT_EQ(de.c.state, CaseState::kForeignQueue);
  EXPECT_TRUE(de.parties.empty());
  EXPECT_EQ(de.events.back().action, "holder_foreign");
  EXPECT_TRUE(LookupsOf(de.c.id).empty());
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM register_lookups WHERE case_id = ?1", de.c.id.value), 0);

  const CaseFile nl = FileOf("7NLD007");
  EXPECT_EQ(nl.c.state, CaseState::kInvitationDue);
  ASSERT_EQ(nl.parties.size(), 1u);
  EXPECT_EQ(nl.parties[0].name, "Testpersoon Nederland");
  EXPECT_EQ(nl.parties[0].language, "en");
  ExpectOneLookup(nl.c.id, "person");

  const CaseFile be_in_nl = FileOf("1PER001");
  EXPECT_EQ(be_in_nl.c.state, CaseState::kHolderUnknown);
  ExpectOneLookup(be_in_nl.c.id, "not_found");

  // Every lookup is logged, none for the foreign queue.
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM register_lookups"), 2);
}

// GasSettings::foreign_agreements adds a country (Ghent adds DE).
TEST_F(HolderIdentificationTest, AgreementSettingAddsACountry) {
  settings_.foreign_agreements = "NL,FR,DE";
  OpenCases("CAM1,F1,2026-03-10T09:30:00Z,8DEU008,DE,0.95,img/f1.jpg\n");
  const LookupReport r = IdentifyOk();
  EXPECT_EQ(r.foreign, 0u);
  EXPECT_EQ(r.persons, 1u);
  const CaseFile f = FileOf("8DEU008");
  EXPECT_EQ(f.c.state, CaseState::kInvitationDue);
  ExpectOneLookup(f.c.id, "person");
}

// The camera's country is taken as ISO 3166-1 in any case: an "nl" read is a Dutch plate, which
// has an agreement (the register, too, compares countries case-insensitively).
TEST_F(HolderIdentificationTest, LowerCaseCountryFromTheCameraHasItsAgreement) {
  OpenCases("CAM1,F2,2026-03-10T09:30:00Z,7NLD007,nl,0.95,img/f2.jpg\n");
  const LookupReport r = IdentifyOk();
  EXPECT_EQ(r.foreign, 0u);
  EXPECT_EQ(r.persons, 1u);
  const CaseFile f = FileOf("7NLD007");
  EXPECT_EQ(f.c.state, CaseState::kInvitationDue);
  ExpectOneLookup(f.c.id, "person");
}

// GAS.md 6.7: lookups only for cases confirmed by review. A case still awaiting review is not
// looked up; once accepted it is. `limit` caps the cases of one run.
TEST_F(HolderIdentificationTest, OnlyReviewedCasesAreLookedUp) {
  settings_.review_camera_cases = true;
  OpenCases(
      "CAM1,H1,2026-03-10T09:30:00Z,1PER001,BE,0.95,img/h1.jpg\n"
      "CAM1,H4,2026-03-10T09:30:00Z,4ADU004,BE,0.95,img/h4.jpg\n"
      "CAM1,H9,2026-03-10T09:30:00Z,9WAR009,BE,0.95,img/h9.jpg\n");
  LookupReport r = IdentifyOk();
  EXPECT_EQ(r.cases, 0u);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM register_lookups"), 0);

  const CaseId first = FileOf("1PER001").c.id;
  const CaseId second = FileOf("4ADU004").c.id;
  ASSERT_TRUE(ReviewAccept(*store_, settings_, first, reviewer_, LookupNow()).ok());
  ASSERT_TRUE(ReviewAccept(*store_, settings_, second, reviewer_, LookupNow()).ok());

  auto limited = Identify(reviewer_, 1);
  ASSERT_TRUE(limited.ok()) << limited.status().ToString();
  EXPECT_EQ(limited->cases, 1u);
  EXPECT_EQ(FileOf("1PER001").c.state, CaseState::kInvitationDue);
  EXPECT_EQ(FileOf("4ADU004").c.state, CaseState::kHolderLookup);

  r = IdentifyOk();
  EXPECT_EQ(r.cases, 1u);
  EXPECT_EQ(FileOf("4ADU004").c.state, CaseState::kInvitationDue);
  EXPECT_EQ(FileOf("9WAR009").c.state, CaseState::kAwaitingReview);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM register_lookups"), 2);
  ExpectOneLookup(first, "person");
  ExpectOneLookup(second, "person");
}

// Only reviewers, sanctioning officers and administrators may query the register.
TEST_F(HolderIdentificationTest, ViewerAndFinanceMayNotLookUp) {
  OpenCases("CAM1,H1,2026-03-10T09:30:00Z,1PER001,BE,0.95,img/h1.jpg\n");
  EXPECT_EQ(Identify(viewer_).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Identify(finance_).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM register_lookups"), 0);
  const CaseFile f = FileOf("1PER001");
  EXPECT_EQ(f.c.state, CaseState::kHolderLookup);
  EXPECT_TRUE(f.parties.empty());
}

// The company names its driver: the driver (of age on the day of the facts) becomes the
// addressee, the company holder stays on the case, and the case goes on to the invitation.
TEST_F(HolderIdentificationTest, NamedDriverReaddressesTheCase) {
  OpenCases("CAM1,H2,2026-03-10T09:30:00Z,2COM002,BE,0.95,img/h2.jpg\n");
  IdentifyOk();
  const CaseId id = FileOf("2COM002").c.id;

  // A driver who was 17 on 10 March 2026 (18 on the 11th) is refused; nothing changes.
  Status minor = NameDriver(*store_, settings_, id, Driver("2008-03-11"), reviewer_, LookupNow());
  EXPECT_EQ(minor.code(), StatusCode::kFailedPrecondition) << minor.ToString();
  CaseFile f = FileOf("2COM002");
  EXPECT_EQ(f.c.state, CaseState::kDriverIdentification);
  EXPECT_EQ(f.parties.size(), 1u);

  EXPECT_EQ(NameDriver(*store_, settings_, id, Driver("1990-01-01"), viewer_, LookupNow()).code(),
            StatusCode::kPermissionDenied);
  Party nameless = Driver("1990-01-01");
  nameless.name.clear();
  EXPECT_EQ(NameDriver(*store_, settings_, id, nameless, reviewer_, LookupNow()).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(FileOf("2COM002").parties.size(), 1u);

  // 18 on the day of the facts: of age.
  Status named = NameDriver(*store_, settings_, id, Driver("2008-03-10"), reviewer_, LookupNow());
  ASSERT_TRUE(named.ok()) << named.ToString();
  f = FileOf("2COM002");
  EXPECT_EQ(f.c.state, CaseState::kInvitationDue);
  EXPECT_FALSE(f.c.state_deadline.has_value());
  ASSERT_EQ(f.parties.size(), 2u);
  EXPECT_EQ(f.parties[0].role, PartyRole::kHolder);
  EXPECT_TRUE(f.parties[0].company);
  EXPECT_EQ(f.parties[0].name, "Voorbeeld NV");
  EXPECT_FALSE(f.parties[0].addressee);
  EXPECT_EQ(f.parties[1].role, PartyRole::kDriver);
  EXPECT_EQ(f.parties[1].name, "Testbestuurder Een");
  EXPECT_EQ(f.parties[1].birth_date, D("2008-03-10"));
  EXPECT_TRUE(f.parties[1].addressee);
  ASSERT_NE(Addressee(f), nullptr);
  EXPECT_EQ(Addressee(f)->role, PartyRole::kDriver);
  EXPECT_EQ(f.events.back().action, "name_driver");
  EXPECT_EQ(f.events.back().actor, "rev1");

  // The name filter follows the addressee.
  CaseFilter by_driver;
  by_driver.name = "testbestuurder";
  EXPECT_EQ(store_->ListCases(by_driver)->cases.size(), 1u);
  CaseFilter by_company;
  by_company.name = "voorbeeld";
  EXPECT_TRUE(store_->ListCases(by_company)->cases.empty());

  // Now the case no longer waits for a driver.
  EXPECT_EQ(NameDriver(*store_, settings_, id, Driver("1990-01-01"), reviewer_, LookupNow()).code(),
            StatusCode::kFailedPrecondition);
}

// Only a case waiting for the driver's name can be re-addressed.
TEST_F(HolderIdentificationTest, NameDriverNeedsACaseInDriverIdentification) {
  OpenCases(
      "CAM1,H1,2026-03-10T09:30:00Z,1PER001,BE,0.95,img/h1.jpg\n"
      "CAM1,H5,2026-03-10T09:30:00Z,6NEW006,BE,0.95,img/h5.jpg\n");
  const CaseId waiting = FileOf("1PER001").c.id;
  // Still in holder_lookup.
  EXPECT_EQ(
      NameDriver(*store_, settings_, waiting, Driver("1990-01-01"), reviewer_, LookupNow()).code(),
      StatusCode::kFailedPrecondition);
  IdentifyOk();
  // A person holder's case (invitation_due) and an unknown holder's.
  for (const char* plate : {"1PER001", "6NEW006"}) {
    SCOPED_TRACE(plate);
    const CaseId id = FileOf(plate).c.id;
    const size_t parties = FileOf(plate).parties.size();
    EXPECT_EQ(
        NameDriver(*store_, settings_, id, Driver("1990-01-01"), reviewer_, LookupNow()).code(),
        StatusCode::kFailedPrecondition);
    EXPECT_EQ(FileOf(plate).parties.size(), parties);
  }
}

// A register that answers `answers` lookups from the CSV register and then cannot be reached.
class FlakyRegister : public VehicleRegister {
 public:
  FlakyRegister(VehicleRegister& inner, int answers) : inner_(inner), answers_(answers) {}
  Result<std::optional<Holder>> Lookup(const RegisterQuery& query) override {
    if (answers_-- <= 0) return Unavailable("register: connection refused");
    return inner_.Lookup(query);
  }
  std::string Name() const override { return "flaky"; }

 private:
  VehicleRegister& inner_;
  int answers_;
};

// Unavailable when the register cannot be reached; the cases done so far stay done, the one
// that failed stays in holder_lookup with nothing logged, and a later run picks it up.
TEST_F(HolderIdentificationTest, UnreachableRegisterKeepsWhatWasDone) {
  OpenCases(
      "CAM1,H1,2026-03-10T09:30:00Z,1PER001,BE,0.95,img/h1.jpg\n"
      "CAM1,H4,2026-03-10T09:30:00Z,4ADU004,BE,0.95,img/h4.jpg\n");
  FlakyRegister flaky(*register_, 1);
  auto r = IdentifyHolders(*store_, flaky, settings_, reviewer_, LookupNow());
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
  // Cases are taken in id order: 1PER001 (opened first, its plate sorts first) was done.
  const CaseFile done = FileOf("1PER001");
  EXPECT_EQ(done.c.state, CaseState::kInvitationDue);
  EXPECT_EQ(done.parties.size(), 1u);
  const CaseFile failed = FileOf("4ADU004");
  EXPECT_EQ(failed.c.state, CaseState::kHolderLookup);
  EXPECT_TRUE(failed.parties.empty());
  EXPECT_TRUE(LookupsOf(failed.c.id).empty());

  const LookupReport again = IdentifyOk();
  EXPECT_EQ(again.cases, 1u);
  EXPECT_EQ(FileOf("4ADU004").c.state, CaseState::kInvitationDue);
  ExpectOneLookup(failed.c.id, "person");
}

}  // namespace
}  // namespace hh
