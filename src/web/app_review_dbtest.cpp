// The review queue and acting on cases through HTTP (app_review.cpp): the real server on an
// ephemeral loopback port over a fresh SQLite file, as app_dbtest.cpp. Accept, correct and
// reject move the cases in the store; refusals are messages and change nothing; a viewer and a
// form without its CSRF token are refused; a case page offers only the actions the role may
// take; an act that owes a letter queues it. Every name and plate is synthetic.
#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "gas/procedure.h"
#include "store/sqlite_payment_store.h"
#include "web/i18n.h"
#include "web/web_test_fixture.h"

namespace hh {
namespace {

using json = nlohmann::json;

const Instant kStart = Instant::FromUnix(1'774'000'000);  // 2026-03-20T09:46:40Z
const Instant kFacts = Instant::FromUnix(1'774'000'000 - 86'400);
using webtest::kForm;

constexpr webtest::Person kPeople[] = {
    {"adam", "Adam Admin", Role::kAdministrator},
    {"olga", "Olga Officier", Role::kSanctioningOfficer},
    {"rik", "Rik Reviewer", Role::kReviewer},
    {"fien", "Fien Financien", Role::kFinance},
    {"kim", "Kim Kijker", Role::kViewer},
};

class ReviewWebTest : public webtest::WebServerTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(OpenDatabase(kStart, kPeople));
    payments_ = std::make_unique<SqlitePaymentStore>(*db_);
    for (const char* plate : {"1TST001", "1TST002", "1TST003"}) {
      cam_.push_back(Insert(Track::kAutoluw, CaseState::kAwaitingReview, plate, "Z1", false));
    }
    invite_ = Insert(Track::kParkeren, CaseState::kInvitationDue, "1TST010", "", false);
    hearing_ = Insert(Track::kOverlast, CaseState::kProcedureStarted, "", "", false);
    minor_ = Insert(Track::kOverlast, CaseState::kDecisionDue, "", "", true);

    ASSERT_NO_FATAL_FAILURE(StartServer(Options(), clock_));
  }

  int64_t Insert(Track track, CaseState state, const std::string& plate, const std::string& zone,
                 bool minor) {
    Case c;
    c.track = track;
    c.state = state;
    c.facts_at = kFacts;
    c.facts_day = kFacts.UtcDate();
    c.zone_id = zone;
    c.plate = plate;
    c.country = plate.empty() ? "" : "BE";
    c.minor = minor;
    if (track == Track::kOverlast) {
      c.article = "Art. 12 APV";
      c.description = "Luide muziek";
    } else {
      c.offence_code = track == Track::kAutoluw ? "C3" : "22bis-4a";
      c.article = "KB 9 maart 2014 art. 3";
      c.amount = Money::FromEuro(58);
    }
    c.created_at = c.updated_at = kStart;
    auto id = cases_->InsertCase(c, std::nullopt);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    if (id.ok() && !zone.empty()) {
      Evidence e;
      e.kind = "camera_read";
      e.ref = "img/" + plate + ".jpg";
      e.camera_id = "CAM01";
      e.detection_id = "D-" + plate;
      e.observed_at = kFacts;
      e.confidence = "0.93";
      EXPECT_TRUE(cases_->InsertEvidence(*id, e).ok());
    }
    return id.ok() ? id->value : 0;
  }

  // The page a redirect sends the browser to.
  std::string Follow(const LoggedIn& s, const httplib::Result& res) {
    EXPECT_EQ(res->status, 303);
    auto page = client_->Get(res->get_header_value("Location"), s.Cookie());
    EXPECT_TRUE(page && page->status == 200);
    return page ? page->body : "";
  }

  Case Get(int64_t id) {
    auto c = cases_->GetCase(CaseId{id});
    EXPECT_TRUE(c.ok());
    return c.ok() ? *c : Case{};
  }
  std::vector<CaseEvent> Events(int64_t id) {
    auto f = cases_->GetCaseFile(CaseId{id});
    EXPECT_TRUE(f.ok());
    return f.ok() ? f->events : std::vector<CaseEvent>{};
  }
  static bool Has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
  }
  static std::string Id(int64_t id) { return std::to_string(id); }

  std::unique_ptr<SqlitePaymentStore> payments_;
  std::vector<int64_t> cam_;
  int64_t invite_ = 0;
  int64_t hearing_ = 0;
  int64_t minor_ = 0;
  ManualClock clock_{kStart};
};

TEST_F(ReviewWebTest, AcceptCorrectAndRejectMoveTheCasesOneHitAfterAnother) {
  LoggedIn s = Login("rik");
  auto page = client_->Get("/review", s.Cookie());
  ASSERT_EQ(page->status, 200);
  EXPECT_TRUE(Has(page->body, "<strong id=\"waiting\">3</strong>")) << page->body;
  EXPECT_TRUE(Has(page->body, "data-case=\"" + Id(cam_[0]) + "\""));
  EXPECT_TRUE(Has(page->body, "img/1TST001.jpg"));  // the evidence reference
  EXPECT_TRUE(Has(page->body, "CAM01"));
  EXPECT_TRUE(Has(page->body, "0.93"));
  EXPECT_TRUE(Has(page->body, "19/03/2026 10:46"));  // the read, Brussels time
  EXPECT_TRUE(Has(page->body, "src=\"/static/review.js\""));

  // "next" skips to the following hit without changing anything.
  auto skipped = client_->Get("/review?after=" + Id(cam_[0]), s.Cookie());
  EXPECT_TRUE(Has(skipped->body, "data-case=\"" + Id(cam_[1]) + "\""));
  EXPECT_EQ(Get(cam_[0]).state, CaseState::kAwaitingReview);

  auto accepted = PostForm(s, "/review/" + Id(cam_[0]) + "/accept", "after=0");
  ASSERT_EQ(accepted->status, 303);
  EXPECT_EQ(accepted->get_header_value("Location"), "/review?after=0&done=review_done_accepted");
  EXPECT_EQ(Get(cam_[0]).state, CaseState::kHolderLookup);
  EXPECT_EQ(Events(cam_[0]).back().action, "review_accept");
  EXPECT_EQ(Events(cam_[0]).back().actor, "rik");
  std::string next = Follow(s, accepted);
  EXPECT_TRUE(Has(next, "<strong id=\"waiting\">2</strong>"));
  EXPECT_TRUE(Has(next, "data-case=\"" + Id(cam_[1]) + "\""));
  EXPECT_TRUE(Has(next, "Bevestigd. Dit is de volgende."));

  auto corrected = PostForm(s, "/review/" + Id(cam_[1]) + "/correct", "after=0&plate=1-tst-021");
  EXPECT_EQ(corrected->get_header_value("Location"), "/review?after=0&done=review_done_corrected");
  EXPECT_EQ(Get(cam_[1]).state, CaseState::kHolderLookup);
  EXPECT_EQ(Get(cam_[1]).plate, "1TST021");

  auto rejected = PostForm(s, "/review/" + Id(cam_[2]) + "/reject",
                           "after=0&reason_code=misread&reason=+schaduw+op+de+plaat+");
  EXPECT_EQ(rejected->get_header_value("Location"), "/review?after=0&done=review_done_rejected");
  const Case gone = Get(cam_[2]);
  EXPECT_EQ(gone.state, CaseState::kRejected);
  EXPECT_EQ(gone.plate, "");  // a rejected camera case keeps no plate
  EXPECT_EQ(Events(cam_[2]).back().reason, "Nummerplaat verkeerd gelezen: schaduw op de plaat");
  next = Follow(s, rejected);
  EXPECT_TRUE(Has(next, "<strong id=\"waiting\">0</strong>"));
  EXPECT_TRUE(Has(next, "id=\"queue-empty\""));

  // Each step audited under the reviewer, and each hit shown was audited as a view.
  for (const char* action : {"review_accept", "review_correct", "review_reject"}) {
    AuditFilter f;
    f.action = action;
    auto rows = users_->SearchAudit(f);
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 1u) << action;
    EXPECT_EQ((*rows)[0].user_login, "rik");
  }
  AuditFilter views;
  views.action = "view_case";
  views.object = "case:" + Id(cam_[1]);
  EXPECT_EQ(users_->SearchAudit(views)->size(), 2u);  // skipped to, then shown after accept

  // The timeline shows the action's label, not its code name.
  auto casepage = client_->Get("/cases/" + Id(cam_[0]), s.Cookie());
  EXPECT_TRUE(Has(casepage->body, "Controle: lezing bevestigd"));
}

TEST_F(ReviewWebTest, RefusedReviewStepsAreMessagesAndChangeNothing) {
  LoggedIn s = Login("olga");
  const std::string one = "/review/" + Id(cam_[1]);
  // Corrected to the plate of another camera case of the same zone and day: a duplicate.
  auto dup = PostForm(s, one + "/correct", "after=0&plate=1TST001");
  EXPECT_EQ(dup->get_header_value("Location"), "/review?after=0&error=review_error_duplicate");
  EXPECT_TRUE(Has(Follow(s, dup), "Een ander cameradossier heeft deze nummerplaat al"));
  auto empty = PostForm(s, one + "/correct", "after=0&plate=-+-");
  EXPECT_EQ(empty->get_header_value("Location"), "/review?after=0&error=review_error_plate_empty");
  auto same = PostForm(s, one + "/correct", "after=0&plate=1tst002");
  EXPECT_EQ(same->get_header_value("Location"),
            "/review?after=0&error=review_error_plate_unchanged");
  auto no_reason = PostForm(s, one + "/reject", "after=0&reason_code=&reason=+");
  EXPECT_EQ(no_reason->get_header_value("Location"), "/review?after=0&error=review_error_reason");
  const Case still = Get(cam_[1]);
  EXPECT_EQ(still.state, CaseState::kAwaitingReview);
  EXPECT_EQ(still.plate, "1TST002");
  EXPECT_EQ(Events(cam_[1]).size(), 0u);
  // A case that does not wait for review.
  auto twice = PostForm(s, "/review/" + Id(invite_) + "/accept", "after=0");
  EXPECT_EQ(twice->get_header_value("Location"), "/review?after=0&error=review_error_not_waiting");
  EXPECT_EQ(Get(invite_).state, CaseState::kInvitationDue);
  // The message in French.
  httplib::Headers fr = s.Cookie();
  fr.begin()->second += "; hh_lang=fr";
  auto page = client_->Get("/review?after=0&error=review_error_duplicate", fr);
  EXPECT_TRUE(Has(page->body, "Un autre dossier caméra a déjà cette plaque"));
  // A key that is not a message of the screen prints nothing.
  auto odd = client_->Get("/review?error=%3Cb%3E", s.Cookie());
  EXPECT_FALSE(Has(odd->body, "id=\"review-message\""));
}

TEST_F(ReviewWebTest, AViewerIsRefusedAndAFormNeedsItsCsrfToken) {
  LoggedIn kim = Login("kim");
  const std::string id = Id(cam_[0]);
  EXPECT_EQ(client_->Get("/review", kim.Cookie())->status, 403);
  EXPECT_EQ(client_->Get("/api/v1/review/next", kim.Cookie())->status, 403);
  for (const char* step : {"accept", "correct", "reject"}) {
    EXPECT_EQ(PostForm(kim, "/review/" + id + "/" + step, "plate=1TST009&reason=x")->status, 403)
        << step;
  }
  EXPECT_EQ(PostForm(kim, "/cases/" + Id(hearing_) + "/act", "action=offer_mediation")->status,
            403);
  EXPECT_EQ(
      client_->Post("/api/v1/review/" + id, kim.Api(), R"({"action":"accept"})", "application/json")
          ->status,
      403);
  EXPECT_EQ(client_
                ->Post("/api/v1/cases/" + Id(hearing_) + "/actions", kim.Api(),
                       R"({"action":"offer_mediation"})", "application/json")
                ->status,
            403);
  // The administrator does not review (gas/procedure.cpp: reviewers and the officer).
  LoggedIn adam = Login("adam");
  EXPECT_EQ(client_->Get("/review", adam.Cookie())->status, 403);
  // The reviewer without the token.
  LoggedIn rik = Login("rik");
  for (const char* step : {"accept", "correct", "reject"}) {
    EXPECT_EQ(PostForm(rik, "/review/" + id + "/" + step, "plate=1TST009&reason=x", false)->status,
              403)
        << step;
  }
  EXPECT_EQ(
      client_
          ->Post("/api/v1/review/" + id, rik.Cookie(), R"({"action":"accept"})", "application/json")
          ->status,
      403);
  LoggedIn olga = Login("olga");
  EXPECT_EQ(
      PostForm(olga, "/cases/" + Id(hearing_) + "/act", "action=offer_mediation", false)->status,
      403);
  EXPECT_EQ(Get(cam_[0]).state, CaseState::kAwaitingReview);
  EXPECT_EQ(Get(cam_[0]).plate, "1TST001");
  EXPECT_EQ(Get(hearing_).state, CaseState::kProcedureStarted);
}

TEST_F(ReviewWebTest, TheCasePageOffersOnlyTheActionsOfTheRole) {
  auto actions_of = [&](const std::string& login, int64_t id) {
    LoggedIn s = Login(login);
    auto page = client_->Get("/cases/" + Id(id), s.Cookie());
    EXPECT_EQ(page->status, 200);
    std::vector<std::string> out;
    const std::string marker = "class=\"act\" data-action=\"";
    for (size_t at = page->body.find(marker); at != std::string::npos;
         at = page->body.find(marker, at + 1)) {
      const size_t from = at + marker.size();
      out.push_back(page->body.substr(from, page->body.find('"', from) - from));
    }
    return out;
  };
  using V = std::vector<std::string>;
  // OVERLAST after the registered letter (gas/procedure.cpp, in table order).
  EXPECT_EQ(actions_of("olga", hearing_),
            (V{"register_defence", "request_hearing", "offer_mediation", "dismiss"}));
  EXPECT_EQ(actions_of("rik", hearing_), (V{"register_defence", "request_hearing"}));
  EXPECT_EQ(actions_of("fien", hearing_), V{});
  EXPECT_EQ(actions_of("adam", hearing_), V{});
  EXPECT_EQ(actions_of("kim", hearing_), V{});
  // A camera case waiting for review: review has its own screen; the officer may dismiss.
  EXPECT_EQ(actions_of("olga", cam_[0]), V{"dismiss"});
  EXPECT_EQ(actions_of("rik", cam_[0]), V{});
  // What each form asks for: the hearing needs the fine considered, the dismissal a reason.
  LoggedIn olga = Login("olga");
  const std::string body = client_->Get("/cases/" + Id(hearing_), olga.Cookie())->body;
  const size_t hearing = body.find("data-action=\"request_hearing\"");
  const size_t mediation = body.find("data-action=\"offer_mediation\"");
  ASSERT_NE(hearing, std::string::npos);
  EXPECT_NE(body.substr(hearing, mediation - hearing).find("name=\"amount\""), std::string::npos);
  EXPECT_EQ(body.substr(hearing, mediation - hearing).find("name=\"reason\""), std::string::npos);
  LoggedIn kim = Login("kim");
  EXPECT_TRUE(Has(client_->Get("/cases/" + Id(hearing_), kim.Cookie())->body,
                  "Uw rol heeft nu geen handelingen op dit dossier."));
}

TEST_F(ReviewWebTest, AnActTheLawRefusesGivesItsMessageAndLeavesTheCase) {
  LoggedIn s = Login("olga");
  const std::string act = "/cases/" + Id(hearing_) + "/act";
  const size_t events = Events(hearing_).size();
  // The EUR 70 hearing threshold (GAS.md 1.4.3).
  auto low = PostForm(s, act, "action=request_hearing&amount=70%2C00");
  EXPECT_EQ(low->get_header_value("Location"), "/cases/" + Id(hearing_) +
                                                   "?action=request_hearing&error=act_error_"
                                                   "hearing_threshold");
  const std::string page = Follow(s, low);
  EXPECT_TRUE(Has(page,
                  "Een mondelinge verdediging kan enkel als de overwogen boete hoger is dan "
                  "€ 70,00 (GAS-wet). (Mondelinge verdediging gevraagd)"));
  EXPECT_EQ(Get(hearing_).state, CaseState::kProcedureStarted);
  EXPECT_EQ(Events(hearing_).size(), events);
  // A minor: no fine before mediation was offered and failed (GAS.md 1.5).
  auto minor = PostForm(s, "/cases/" + Id(minor_) + "/act",
                        "action=decide_fine&amount=100&reason=feiten+bewezen&posted=2026-03-20");
  EXPECT_NE(minor->get_header_value("Location").find("error=act_error_minor_mediation"),
            std::string::npos);
  EXPECT_EQ(Get(minor_).state, CaseState::kDecisionDue);
  // A reviewer cannot dismiss, even with a forged form.
  LoggedIn rik = Login("rik");
  auto forged = PostForm(rik, act, "action=dismiss&reason=x");
  EXPECT_NE(forged->get_header_value("Location").find("error=act_error_denied"), std::string::npos);
  EXPECT_EQ(Get(hearing_).state, CaseState::kProcedureStarted);
  // Bad input never reaches the law.
  auto bad = PostForm(s, act, "action=request_hearing&amount=veel");
  EXPECT_NE(bad->get_header_value("Location").find("error=act_error_bad_amount"),
            std::string::npos);
  // Above the threshold: the case moves, and the page says so.
  auto ok = PostForm(s, act, "action=request_hearing&amount=120%2C00");
  EXPECT_EQ(ok->get_header_value("Location"), "/cases/" + Id(hearing_) + "?done=request_hearing");
  EXPECT_TRUE(Has(Follow(s, ok), "Geregistreerd: Mondelinge verdediging gevraagd"));
  EXPECT_EQ(Get(hearing_).state, CaseState::kHearing);
  EXPECT_EQ(Events(hearing_).back().actor, "olga");
  AuditFilter f;
  f.action = "case_act";
  auto rows = users_->SearchAudit(f);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->front().detail, "action=request_hearing");  // newest first
  EXPECT_EQ(rows->size(), 4u);  // three refusals by the law or the role, one act (bad input: none)
}

TEST_F(ReviewWebTest, AnActThatOwesALetterQueuesIt) {
  LoggedIn s = Login("olga");
  auto res =
      PostForm(s, "/cases/" + Id(invite_) + "/act", "action=send_invitation&posted=2026-03-20");
  EXPECT_EQ(res->get_header_value("Location"), "/cases/" + Id(invite_) + "?done=send_invitation");
  EXPECT_EQ(Get(invite_).state, CaseState::kInvited);
  auto queued = payments_->QueuedLetters();
  ASSERT_TRUE(queued.ok());
  ASSERT_EQ(queued->size(), 1u);
  EXPECT_EQ((*queued)[0].case_id.value, invite_);
  EXPECT_EQ((*queued)[0].kind, "payment_invitation");
  EXPECT_EQ((*queued)[0].posted_on.ToIsoString(), "2026-03-20");
  EXPECT_EQ((*queued)[0].requested_by, "olga");
}

TEST_F(ReviewWebTest, TheJsonApiReviewsAndActs) {
  LoggedIn s = Login("rik");
  auto next = client_->Get("/api/v1/review/next", s.Cookie());
  ASSERT_EQ(next->status, 200);
  json j = json::parse(next->body);
  EXPECT_EQ(j["waiting"], 3);
  EXPECT_EQ(j["case"]["id"], cam_[0]);
  EXPECT_EQ(j["case"]["plate"], "1TST001");
  EXPECT_EQ(j["case"]["evidence"][0]["camera_id"], "CAM01");
  EXPECT_EQ(json::parse(
                client_->Get("/api/v1/review/next?after=" + Id(cam_[2]), s.Cookie())->body)["case"],
            nullptr);
  const std::string json_type = "application/json";
  auto post = [&](int64_t id, const std::string& body) {
    return client_->Post("/api/v1/review/" + Id(id), s.Api(), body, json_type);
  };
  auto accepted = post(cam_[0], R"({"action":"accept"})");
  ASSERT_EQ(accepted->status, 200) << accepted->body;
  EXPECT_EQ(json::parse(accepted->body)["state"], "holder_lookup");
  EXPECT_EQ(post(cam_[1], R"({"action":"correct","plate":"--"})")->status, 400);
  EXPECT_EQ(post(cam_[1], R"({"action":"correct","plate":"1TST001"})")->status, 409);
  EXPECT_EQ(post(cam_[1], R"({"action":"reject"})")->status, 400);
  EXPECT_EQ(post(cam_[1], R"({"action":"approve"})")->status, 400);
  EXPECT_EQ(post(cam_[1], "not json")->status, 400);
  EXPECT_EQ(Get(cam_[1]).state, CaseState::kAwaitingReview);
  auto rejected = post(cam_[1], R"({"action":"reject","reason":"hulpdienst"})");
  EXPECT_EQ(json::parse(rejected->body)["outcome"], "rejected");
  EXPECT_EQ(Get(cam_[1]).state, CaseState::kRejected);

  LoggedIn olga = Login("olga");
  auto act = [&](const std::string& body) {
    return client_->Post("/api/v1/cases/" + Id(hearing_) + "/actions", olga.Api(), body, json_type);
  };
  auto refused = act(R"({"action":"request_hearing","amount":"60.00"})");
  EXPECT_EQ(refused->status, 409);
  EXPECT_NE(json::parse(refused->body)["error"].get<std::string>().find("70,00"),
            std::string::npos);
  EXPECT_EQ(Get(hearing_).state, CaseState::kProcedureStarted);
  EXPECT_EQ(act(R"({"action":"request_hearing","amount":[1]})")->status, 400);
  auto moved = act(R"({"action":"request_hearing","amount":120})");
  ASSERT_EQ(moved->status, 200) << moved->body;
  EXPECT_EQ(json::parse(moved->body)["state"], "hearing");
  EXPECT_EQ(Get(hearing_).state, CaseState::kHearing);
}

// The Dutch action labels are the procedure table's (gas/procedure.cpp), where an action has one.
TEST(ReviewTexts, TheDutchActionLabelsAreThoseOfTheProcedure) {
  auto tr = Translations::Load(std::string(HH_SOURCE_DIR) + "/templates/web/i18n.tsv");
  ASSERT_TRUE(tr.ok()) << tr.status().ToString();
  for (const Transition& t : AllTransitions()) {
    bool one_label = true;
    for (const Transition& u : AllTransitions()) {
      if (u.action == t.action && u.label_nl != t.label_nl) one_label = false;
    }
    const std::string key = "action." + std::string(t.action);
    ASSERT_TRUE(tr->Has(key)) << key;
    if (one_label) {
      EXPECT_EQ(tr->Get(Lang::kNl, key), t.label_nl) << key;
    }
    EXPECT_FALSE(tr->Get(Lang::kFr, key).empty()) << key;
  }
}

}  // namespace
}  // namespace hh
