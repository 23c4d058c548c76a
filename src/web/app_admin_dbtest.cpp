// The dashboard, settings and users screens (app_admin.cpp) over the real server on an ephemeral
// loopback port and a fresh SQLite file: the stats JSON counts the cases inserted here by day
// and zone, non-administrators are refused, a bad setting is refused with its message and
// nothing stored, a user added through the form logs in, a deactivated user's session ends, and
// a permit file with a bad line is refused naming file, line and field. Names are synthetic.
#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "store/gas_settings_store.h"
#include "store/sqlite_payment_store.h"
#include "store/sqlite_settings_store.h"
#include "web/crypto.h"
#include "web/web_test_fixture.h"

namespace hh {
namespace {

using json = nlohmann::json;

// 2026-03-20T09:46:40Z: Friday 20 March 2026 in Brussels (10:46 CET).
const Instant kNow = Instant::FromUnix(1'774'000'000);
const LocalDate kToday = *LocalDate::Parse("2026-03-20");
using webtest::kPassword;

class AdminTest : public webtest::WebServerTest {
 protected:
  void SetUp() override {
    static constexpr webtest::Person kPeople[] = {
        {"adam", "Adam Admin", Role::kAdministrator},
        {"olga", "Olga Officier", Role::kSanctioningOfficer},
    };
    ASSERT_NO_FATAL_FAILURE(OpenDatabase(kNow, kPeople));
    payments_ = std::make_unique<SqlitePaymentStore>(*db_);
    settings_ = std::make_unique<SqliteSettingsStore>(*db_);
    ASSERT_NO_FATAL_FAILURE(StartServer(Options(), clock_, 64 * 1024));
  }

  // A case of `track` in `state`, facts on `facts`, created at `created`.
  int64_t InsertCase(Track track, CaseState state, LocalDate facts, const std::string& zone,
                     Instant created, std::optional<LocalDate> limit = std::nullopt,
                     std::optional<LocalDate> deadline = std::nullopt) {
    Case c;
    c.track = track;
    c.state = state;
    c.facts_day = facts;
    c.facts_at = LocalTime::Brussels().FromLocal(facts, 10 * 3600);
    c.zone_id = zone;
    c.plate = "1TST" + std::to_string(100 + serial_++);
    c.country = "BE";
    c.offence_code = "C3";
    c.article = "KB 9 maart 2014";
    c.limit_day = limit;
    c.state_deadline = deadline;
    c.created_at = c.updated_at = created;
    auto id = cases_->InsertCase(c, std::nullopt);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? id->value : 0;
  }

  std::unique_ptr<SqliteUserStore> Users() { return std::make_unique<SqliteUserStore>(*db_); }

  int64_t UserId(const std::string& login) {
    auto c = Users()->FindCredentials(login);
    return c.ok() && c->has_value() ? (*c)->user.id : 0;
  }

  std::unique_ptr<SqlitePaymentStore> payments_;
  std::unique_ptr<SqliteSettingsStore> settings_;
  ManualClock clock_{kNow};
  int serial_ = 0;
};

TEST_F(AdminTest, StatsCountTheCasesByDayZoneAndFigure) {
  const Instant yesterday = Instant::FromUnix(kNow.unix_seconds() - 86400);
  // Violations: Z1 twice on the 18th, once today; Z2 once on the 19th; a rejected read and one
  // older than 30 days do not count; a parking case has no zone.
  InsertCase(Track::kAutoluw, CaseState::kAwaitingReview, kToday.AddDays(-2), "Z1", yesterday);
  InsertCase(Track::kAutoluw, CaseState::kInvitationDue, kToday.AddDays(-2), "Z1", yesterday);
  InsertCase(Track::kAutoluw, CaseState::kAwaitingReview, kToday, "Z1", kNow);
  InsertCase(Track::kAutoluw, CaseState::kAwaitingReview, kToday.AddDays(-1), "Z2", kNow);
  InsertCase(Track::kAutoluw, CaseState::kRejected, kToday, "Z2", kNow);
  InsertCase(Track::kAutoluw, CaseState::kInvitationDue, kToday.AddDays(-30), "Z1", yesterday);
  InsertCase(Track::kParkeren, CaseState::kInvitationDue, kToday, "", kNow);
  // Deadlines: a decision limit in 10 days counts, one in 40 days and one of a decided case do
  // not; a defence period ending in 3 days counts, one ending in 9 days does not.
  InsertCase(Track::kOverlast, CaseState::kDecisionDue, kToday.AddDays(-170), "", yesterday,
             kToday.AddDays(10));
  InsertCase(Track::kOverlast, CaseState::kDecisionDue, kToday.AddDays(-140), "", yesterday,
             kToday.AddDays(40));
  InsertCase(Track::kOverlast, CaseState::kDecisionNotified, kToday.AddDays(-170), "", yesterday,
             kToday.AddDays(10), kToday.AddDays(20));
  InsertCase(Track::kOverlast, CaseState::kProcedureStarted, kToday.AddDays(-20), "", kNow,
             kToday.AddDays(100), kToday.AddDays(3));
  InsertCase(Track::kParkeren, CaseState::kInvited, kToday.AddDays(-20), "", yesterday,
             std::nullopt, kToday.AddDays(9));
  // Two letters this week, one 11 weeks back; an unmatched and a matched payment this week.
  const int64_t some_case =
      InsertCase(Track::kParkeren, CaseState::kInvited, kToday, "", yesterday);
  for (LocalDate posted : {kToday, kToday.AddDays(-1), kToday.AddDays(-77)}) {
    LetterRecord l;
    l.case_id = CaseId{some_case};
    l.kind = "invitation";
    l.language = "nl";
    l.recipient = "Testhouder";
    l.posted_on = posted;
    l.sha256 = std::string(64, 'a');
    l.pages = 1;
    l.created_at = kNow;
    const std::vector<uint8_t> pdf = {'%', 'P', 'D', 'F'};
    ASSERT_TRUE(payments_->InsertLetter(l, pdf).ok());
  }
  StatementRecord st;
  st.file_sha256 = std::string(64, 'b');
  st.file_name = "s.xml";
  st.format = "camt053";
  st.account = "BE00";
  st.number = "1";
  st.imported_at = kNow;
  st.imported_by = "fien";
  auto sid = payments_->InsertStatement(st);
  ASSERT_TRUE(sid.ok());
  for (PaymentOutcome o : {PaymentOutcome::kUnmatched, PaymentOutcome::kExact}) {
    PaymentRecord p;
    p.statement_id = *sid;
    p.amount = Money::FromEuro(58);
    p.booking_date = kToday.AddDays(-4);  // Monday 16 March: this week
    p.outcome = o;
    ASSERT_TRUE(payments_->InsertPayment(p).ok());
  }

  LoggedIn s = Login("olga");  // every role sees the dashboard
  auto res = client_->Get("/api/v1/stats/dashboard", s.Cookie());
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const json j = json::parse(res->body);
  EXPECT_EQ(j["today"], "2026-03-20");
  EXPECT_EQ(j["opened_today"]["autoluw"], 3);
  EXPECT_EQ(j["opened_today"]["parkeren"], 1);
  EXPECT_EQ(j["opened_today"]["overlast"], 1);
  EXPECT_EQ(j["review_waiting"], 3);
  EXPECT_EQ(j["decision_limit_soon"], 1);
  EXPECT_EQ(j["defence_ending_soon"], 1);
  EXPECT_EQ(j["payments_to_match"], 1);
  const json& days = j["violations"]["days"];
  ASSERT_EQ(days.size(), 30u);
  EXPECT_EQ(days.front(), "2026-02-19");
  EXPECT_EQ(days.back(), "2026-03-20");
  const json& zones = j["violations"]["zones"];
  ASSERT_EQ(zones.size(), 2u);
  EXPECT_EQ(zones[0]["zone_id"], "Z1");
  std::vector<int64_t> z1(30, 0), z2(30, 0);
  z1[27] = 2;  // 18 March
  z1[29] = 1;  // today
  z2[28] = 1;  // 19 March
  EXPECT_EQ(zones[0]["counts"].get<std::vector<int64_t>>(), z1);
  EXPECT_EQ(zones[1]["zone_id"], "Z2");
  EXPECT_EQ(zones[1]["counts"].get<std::vector<int64_t>>(), z2);
  const json& weeks = j["weeks"];
  ASSERT_EQ(weeks["starts"].size(), 12u);
  EXPECT_EQ(weeks["starts"].back(), "2026-03-16");  // this week's Monday
  EXPECT_EQ(weeks["starts"].front(), "2025-12-29");
  std::vector<int64_t> letters(12, 0), paid(12, 0);
  letters[11] = 2;
  letters[0] = 1;  // 2026-01-02, in the week of 29 December
  paid[11] = 2;
  EXPECT_EQ(weeks["letters"].get<std::vector<int64_t>>(), letters);
  EXPECT_EQ(weeks["payments"].get<std::vector<int64_t>>(), paid);
  EXPECT_EQ(weeks["received"][11], "116.00");

  // The page shows the same figures, with links to the filtered lists.
  auto page = client_->Get("/dashboard", s.Cookie());
  ASSERT_TRUE(page && page->status == 200);
  EXPECT_NE(page->body.find("href=\"/cases?state=awaiting_review\">3</a>"), std::string::npos);
  EXPECT_NE(page->body.find("href=\"/cases?due_before=2026-04-20\">1</a>"), std::string::npos);
  EXPECT_NE(page->body.find("href=\"/cases?due_before=2026-03-28\">1</a>"), std::string::npos);
  EXPECT_NE(page->body.find("id=\"chart-violations\""), std::string::npos);
}

TEST_F(AdminTest, NonAdministratorsAreRefusedSettingsAndUsers) {
  LoggedIn s = Login("olga");
  for (const char* path : {"/settings", "/users"}) {
    auto res = client_->Get(path, s.Cookie());
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 403) << path;
  }
  auto set = PostForm(s, "/settings", "key=gas.minimum_age&value=14");
  ASSERT_TRUE(set);
  EXPECT_EQ(set->status, 403);
  EXPECT_EQ(*settings_->Get("gas.minimum_age"), std::nullopt);
  auto add = PostForm(s, "/users",
                      "login=sneaky&name=S&role=administrator&password=" + UrlEncode(kPassword));
  EXPECT_EQ(add->status, 403);
  EXPECT_EQ(UserId("sneaky"), 0);
}

TEST_F(AdminTest, ABadSettingIsRefusedWithItsMessageAndNothingStored) {
  LoggedIn s = Login("adam");
  // The message SetGasSetting gives for the value, on a scratch store.
  TempDir scratch;
  auto sdb = Database::Open(scratch.File("s.db"));
  ASSERT_TRUE(sdb.ok());
  ASSERT_TRUE(ApplyMigrations(**sdb, kNow).ok());
  SqliteSettingsStore scratch_settings(**sdb);
  Status expected = SetGasSetting(scratch_settings, "gas.minimum_age", "15", "x", "adam", kNow);
  ASSERT_EQ(expected.code(), StatusCode::kInvalidArgument);

  auto bad = PostForm(s, "/settings", "key=gas.minimum_age&value=15&source=raad");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find(HtmlEscape(expected.message())), std::string::npos) << bad->body;
  EXPECT_EQ(*settings_->Get("gas.minimum_age"), std::nullopt);
  AuditFilter f;
  f.action = "setting_set";
  EXPECT_TRUE(Users()->SearchAudit(f)->empty());
  // An unknown key: 404, nothing stored.
  auto unknown = PostForm(s, "/settings", "key=gas.nothing&value=1");
  EXPECT_EQ(unknown->status, 404);

  // A good value is stored with its source and user, audited, and shown as changed.
  auto good =
      PostForm(s, "/settings", "key=gas.minimum_age&value=14&source=gemeenteraad+2026-03-01");
  ASSERT_TRUE(good);
  ASSERT_EQ(good->status, 303) << good->body;
  EXPECT_EQ(*settings_->Get("gas.minimum_age"), std::optional<std::string>("14"));
  auto audit = Users()->SearchAudit(f);
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ((*audit)[0].object, "setting:gas.minimum_age");
  EXPECT_EQ((*audit)[0].detail, "16 -> 14; source gemeenteraad 2026-03-01");
  auto page = client_->Get(good->get_header_value("Location"), s.Cookie());
  ASSERT_TRUE(page && page->status == 200);
  EXPECT_NE(page->body.find("<tr id=\"setting-gas.minimum_age\" class=\"changed\">"),
            std::string::npos);
  EXPECT_NE(page->body.find("name=\"value\" value=\"14\""), std::string::npos);
  // The law tables are on the page, the unverified row marked.
  EXPECT_NE(page->body.find("€ 116,00"), std::string::npos);
  EXPECT_NE(page->body.find("[UNVERIFIED]</mark> KB 9 maart 2014 (C3/F103"), std::string::npos);
}

TEST_F(AdminTest, AUserAddedThroughTheFormCanLogIn) {
  LoggedIn s = Login("adam");
  const std::string pw = "een nieuw wachtwoord";
  auto weak = PostForm(s, "/users", "login=nina&name=Nina+Nieuw&role=reviewer&password=kort");
  ASSERT_TRUE(weak);
  EXPECT_EQ(weak->status, 400);
  EXPECT_EQ(UserId("nina"), 0);
  auto bad_login =
      PostForm(s, "/users", "login=Nina+N&name=Nina&role=reviewer&password=" + UrlEncode(pw));
  EXPECT_EQ(bad_login->status, 400);
  auto add =
      PostForm(s, "/users", "login=nina&name=Nina+Nieuw&role=reviewer&password=" + UrlEncode(pw));
  ASSERT_TRUE(add);
  EXPECT_EQ(add->status, 200) << add->body;
  auto again = PostForm(s, "/users", "login=nina&name=Nina&role=viewer&password=" + UrlEncode(pw));
  EXPECT_EQ(again->status, 409);
  LoggedIn nina = Login("nina", pw);
  auto me = client_->Get("/api/v1/me", nina.Cookie());
  ASSERT_TRUE(me && me->status == 200);
  EXPECT_EQ(json::parse(me->body)["role"], "reviewer");
  AuditFilter f;
  f.action = "user_add";
  ASSERT_EQ(Users()->SearchAudit(f)->size(), 1u);
  // The role is changed; the change applies to her open session at once.
  auto role = PostForm(s, "/users/" + std::to_string(UserId("nina")) + "/role", "role=finance");
  EXPECT_EQ(role->status, 200);
  EXPECT_EQ(json::parse(client_->Get("/api/v1/me", nina.Cookie())->body)["role"], "finance");
  // A password reset ends her session; the new password works.
  const std::string pw2 = "nog een ander wachtwoord";
  auto reset = PostForm(s, "/users/" + std::to_string(UserId("nina")) + "/password",
                        "password=" + UrlEncode(pw2));
  EXPECT_EQ(reset->status, 200);
  EXPECT_EQ(client_->Get("/api/v1/me", nina.Cookie())->status, 401);
  EXPECT_EQ(PostLogin("nina", pw)->status, 401);
  Login("nina", pw2);
}

TEST_F(AdminTest, ADeactivatedUsersSessionEnds) {
  LoggedIn admin = Login("adam");
  LoggedIn olga = Login("olga");
  ASSERT_EQ(client_->Get("/api/v1/me", olga.Cookie())->status, 200);
  // Not themselves.
  auto self = PostForm(admin, "/users/" + std::to_string(UserId("adam")) + "/deactivate", "");
  ASSERT_TRUE(self);
  EXPECT_EQ(self->status, 409);
  EXPECT_TRUE((*Users()->GetUser(UserId("adam")))->active);
  auto res = PostForm(admin, "/users/" + std::to_string(UserId("olga")) + "/deactivate", "");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  EXPECT_NE(res->body.find("Gedeactiveerd"), std::string::npos) << res->body;
  EXPECT_FALSE((*Users()->GetUser(UserId("olga")))->active);
  EXPECT_EQ(client_->Get("/api/v1/me", olga.Cookie())->status, 401);
  EXPECT_EQ(PostLogin("olga", kPassword)->status, 401);
  AuditFilter f;
  f.action = "user_deactivate";
  auto audit = Users()->SearchAudit(f);
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ((*audit)[0].object, "user:olga");
  EXPECT_EQ((*audit)[0].detail, "1 sessions ended");
}

TEST_F(AdminTest, APermitFileWithABadLineIsRefusedNamingFileLineAndField) {
  LoggedIn s = Login("adam");
  const std::string header = "permit_id,plate,zone_id,valid_from,valid_to,category\n";
  const std::string good_row = "P1,1ABC123,Z1,2026-01-01T00:00:00Z,2026-12-31T23:59:59Z,resident\n";
  auto upload = [&](const std::string& name, const std::string& content) {
    httplib::MultipartFormDataItems items = {{"csrf", s.csrf, "", ""},
                                             {"permits", content, name, "text/csv"}};
    return client_->Post("/settings/permits", s.Cookie(), items);
  };
  auto bad = upload("vergunningen.csv",
                    header + good_row + "P2,2ABC123,Z1,2026-01-01T00:00:00Z,gisteren,resident\n");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("vergunningen.csv: line 3, field valid_to"), std::string::npos)
      << bad->body;
  EXPECT_EQ(bad->body.find("hh-permits-"), std::string::npos);  // not our temporary path
  int permits = 0;
  ASSERT_TRUE(cases_->ForEachPermit([&](const PermitRow&) { ++permits; }).ok());
  EXPECT_EQ(permits, 0);
  auto ok = upload("vergunningen.csv", header + good_row);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200) << ok->body;
  ASSERT_TRUE(cases_->ForEachPermit([&](const PermitRow&) { ++permits; }).ok());
  EXPECT_EQ(permits, 1);
  AuditFilter f;
  f.action = "import_permits";
  ASSERT_EQ(Users()->SearchAudit(f)->size(), 1u);
}

TEST_F(AdminTest, ACamerasWarningPeriodIsSetThroughTheSettings) {
  CameraRow cam;
  cam.camera_id = "CAM 1";
  cam.zone_id = "Z1";
  cam.active_from = *Instant::Parse("2025-01-01T00:00:00Z");
  ASSERT_TRUE(cases_->ReplaceCameras(std::vector<CameraRow>{cam}).ok());
  LoggedIn s = Login("adam");
  auto bad = PostForm(s, "/settings/cameras/CAM%201/warning", "warning_until=31-03-2026");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  auto res = PostForm(s, "/settings/cameras/CAM%201/warning", "warning_until=2026-03-31");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  auto cams = SqliteCaseStore(*db_).Cameras();
  ASSERT_TRUE(cams.ok());
  ASSERT_EQ(cams->size(), 1u);
  // The period includes 31 March: it ends at midnight Brussels time (CEST) that night.
  EXPECT_EQ((*cams)[0].warning_until, Instant::Parse("2026-03-31T22:00:00Z").value());
  EXPECT_NE(res->body.find("value=\"2026-03-31\""), std::string::npos);
  AuditFilter f;
  f.action = "camera_warning_set";
  ASSERT_EQ(Users()->SearchAudit(f)->size(), 1u);
  EXPECT_EQ(PostForm(s, "/settings/cameras/CAM2/warning", "")->status, 404);
}

}  // namespace
}  // namespace hh
