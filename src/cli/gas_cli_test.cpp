// End-to-end tests of the officers' commands: the real handhaving executable on a fresh database
// in a temporary folder, with HANDHAVING_NOW fixing the clock, fed small hand-made files. A
// camera case goes from detection through review, holder lookup, invitation and payment or the
// reminder; parking and nuisance files are imported or refused; every exit code of README.md is
// reached. Every plate, name and address is synthetic.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_test_util.h"
#include "store/migrations.h"
#include "store/test_temp_dir.h"

namespace hh {
namespace {

using clitest::Contains;
using clitest::HasLine;
using clitest::Lines;
using clitest::Outcome;
using clitest::Quote;
using clitest::ReadFile;
using clitest::Split;

// Friday 20 March 2026, 10:00 in Brussels (09:00Z).
constexpr const char* kNow = "2026-03-20T10:00:00+01:00";

class GasCliTest : public ::testing::Test {
 protected:
  // Runs handhaving with `args` and the clock at `now`.
  Outcome Run(const std::vector<std::string>& args, const std::string& now = kNow) {
    return clitest::RunHandhaving(dir_, args, now);
  }
  // Runs a command on the test's database that must succeed.
  Outcome Ok(std::vector<std::string> args) {
    args.push_back("--db");
    args.push_back(db_);
    Outcome o = Run(args);
    EXPECT_EQ(o.code, 0) << args[0] << " " << (args.size() > 1 ? args[1] : "") << ": " << o.err;
    return o;
  }
  // Runs a command on the test's database; its exit code.
  Outcome Db(std::vector<std::string> args) {
    args.push_back("--db");
    args.push_back(db_);
    return Run(args);
  }

  std::string Write(const std::string& name, const std::string& content) {
    const std::string path = dir_.File(name);
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  // init and the five users of every test.
  void SetUp() override {
    Outcome init = Run({"init", "--db", db_});
    ASSERT_EQ(init.code, 0) << init.err;
    // Every migration, in order (the list is the one the program embeds).
    std::string applied = "applied: ";
    for (const Migration& m : EmbeddedMigrations()) {
      applied += (m.number == 1 ? "" : ", ") + m.Label();
    }
    EXPECT_TRUE(HasLine(init.out, applied)) << init.out;
    EXPECT_EQ(applied.rfind("applied: 0001_settings, 0002_cases, 0003_letters_payments", 0), 0U);
    const std::vector<std::vector<std::string>> users = {
        {"admin", "Ada Beheer", "administrator"},
        {"rev", "Rita Reviewer", "reviewer"},
        {"officer", "Sofie Sanctie", "sanctioning_officer"},
        {"fin", "Frans Financien", "finance"},
        {"view", "Vera Kijker", "viewer"}};
    for (const auto& u : users) {
      Outcome o = Ok({"users", "add", "--login", u[0], "--name", u[1], "--role", u[2]});
      EXPECT_EQ(o.out, "user: " + u[0] + "\nname: " + u[1] + "\nrole: " + u[2] + "\n");
    }
    // A login is taken once.
    EXPECT_EQ(Db({"users", "add", "--login", "rev", "--name", "X", "--role", "reviewer"}).code, 5);
  }

  // The `cases list --csv` rows (header dropped) as plate -> fields.
  std::map<std::string, std::vector<std::string>> CsvByPlate(std::vector<std::string> filter) {
    filter.insert(filter.begin(), {"cases", "list", "--csv"});
    Outcome o = Ok(filter);
    std::map<std::string, std::vector<std::string>> out;
    std::vector<std::string> lines = Lines(o.out);
    for (size_t i = 1; i < lines.size(); ++i) {
      std::vector<std::string> f = Split(lines[i], ';');
      EXPECT_EQ(f.size(), 10u) << lines[i];
      if (f.size() == 10) out[f[5]] = f;
    }
    return out;
  }

  TempDir dir_;
  std::string db_ = dir_.File("hh.db");
};

// Monday 16 March 2026, zone Z1 restricted 07:00-19:00 every day: D1, D2 and D3 are violations
// (D3 a misread of 1TST003), D4 is covered by a resident's permit and leaves no case. Their
// regularisation window closed on Tuesday 17 March, 23:00, before the clock's Friday.
TEST_F(GasCliTest, CameraCaseFromDetectionToPaymentAndReminder) {
  const std::string cameras = Write("cameras.csv",
                                    "camera_id,zone_id,direction,active_from,active_to\n"
                                    "CAM01,Z1,entry,2025-01-01T00:00:00Z,\n");
  const std::string zones = Write("zones.csv",
                                  "zone_id,weekdays,restricted_from,restricted_to\n"
                                  "Z1,1234567,07:00,19:00\n");
  const std::string permits =
      Write("permits.csv",
            "permit_id,plate,zone_id,valid_from,valid_to,category\n"
            "P1,1-tst-900,Z1,2026-01-01T00:00:00+01:00,2027-01-01T00:00:00+01:00,resident\n");
  const std::string detections =
      Write("detections.csv",
            "camera_id,detection_id,observed_at,plate,country,confidence,image_ref\n"
            "CAM01,D1,2026-03-16T09:00:00Z,1TST001,BE,0.95,img/d1.jpg\n"
            "CAM01,D2,2026-03-16T10:00:00Z,1TST002,BE,0.95,img/d2.jpg\n"
            "CAM01,D3,2026-03-16T11:00:00Z,1TST00B,BE,0.95,img/d3.jpg\n"
            "CAM01,D4,2026-03-16T12:00:00Z,1TST900,BE,0.97,img/d4.jpg\n");
  EXPECT_TRUE(HasLine(Ok({"import", "cameras", cameras}).out, "cameras: 1"));
  EXPECT_TRUE(HasLine(Ok({"import", "zones", zones}).out, "zones: 1"));
  EXPECT_TRUE(HasLine(Ok({"import", "permits", permits}).out, "permits: 1"));
  Outcome det = Ok({"import", "detections", detections});
  EXPECT_TRUE(HasLine(det.out, "rows: 4")) << det.out;
  EXPECT_TRUE(HasLine(det.out, "exempt: 1")) << det.out;
  EXPECT_TRUE(HasLine(det.out, "new_cases: 3")) << det.out;

  // The review queue: three camera cases, the permitted plate absent.
  auto queue = CsvByPlate({"--state", "awaiting_review"});
  ASSERT_EQ(queue.size(), 3u);
  ASSERT_TRUE(queue.count("1TST001") && queue.count("1TST002") && queue.count("1TST00B"));
  EXPECT_EQ(queue.count("1TST900"), 0u);
  for (const auto& [plate, f] : queue) {
    EXPECT_EQ(f[2], "autoluw");
    EXPECT_EQ(f[3], "awaiting_review");
    EXPECT_EQ(f[4], "16/03/2026");
    EXPECT_EQ(f[7], "16/09/2026");  // the traffic decision limit, 6 months from the facts
    EXPECT_EQ(f[8], "€ 58,00");
    EXPECT_EQ(f[0], "AL/2026/" + std::string(6 - f[1].size(), '0') + f[1]);
  }
  const std::string a = queue["1TST001"][1];
  const std::string b = queue["1TST002"][1];
  const std::string c = queue["1TST00B"][1];
  // The table form shows the same cases.
  Outcome table = Ok({"cases", "list", "--state", "awaiting_review"});
  EXPECT_EQ(Lines(table.out).size(), 4u) << table.out;
  EXPECT_TRUE(Contains(table.out, "1TST00B"));

  Outcome next = Ok({"review", "next", "--user", "rev"});
  EXPECT_TRUE(HasLine(next.out, "state: awaiting_review (Wacht op controle)")) << next.out;
  EXPECT_TRUE(HasLine(next.out, "actions: none for this user")) << next.out;

  // The viewer may not review; the reviewer accepts, corrects and rejects.
  EXPECT_EQ(Db({"review", "accept", a, "--user", "view"}).code, 6);
  EXPECT_EQ(Ok({"review", "accept", a, "--user", "rev"}).out,
            "case: " + a + "\nreview: accepted\nstate: holder_lookup\n");
  EXPECT_EQ(Ok({"review", "correct", c, "--plate", "1-tst-003", "--user", "rev"}).out,
            "case: " + c + "\nreview: corrected\nstate: holder_lookup\n");
  EXPECT_EQ(
      Ok({"review", "reject", b, "--reason", "voertuig reed niet binnen", "--user", "rev"}).out,
      "case: " + b + "\nreview: rejected\nstate: rejected\n");
  // Reviewed twice: the case no longer waits for review.
  EXPECT_EQ(Db({"review", "accept", a, "--user", "rev"}).code, 5);
  EXPECT_TRUE(HasLine(Ok({"review", "next", "--user", "rev"}).out, "review: queue empty"));

  // Holder lookup: finance may not query the register; the reviewer may.
  const std::string reg =
      Write("register.csv",
            "plate,country,valid_from,valid_to,holder_kind,name,street,house_number,postal_code,"
            "city,birth_date,company_number,language\n"
            "1TST001,BE,2020-01-01T00:00:00Z,,person,Testhouder Een,Proefstraat,1,2800,Mechelen,"
            "1980-05-17,,nl\n"
            "1TST003,BE,2020-01-01T00:00:00Z,,person,Testhouder Drie,Proeflaan,3,2800,Mechelen,"
            "1975-01-01,,nl\n");
  EXPECT_EQ(Db({"holders", "lookup", "--register", reg, "--user", "fin"}).code, 6);
  EXPECT_EQ(Ok({"holders", "lookup", "--register", reg, "--user", "rev"}).out,
            "cases: 2\npersons: 2\nwarnings: 0\ncompanies: 0\nminors: 0\nforeign: 0\n"
            "unknown: 0\n");
  auto looked_up = CsvByPlate({"--state", "invitation_due"});
  ASSERT_EQ(looked_up.size(), 2u);
  EXPECT_EQ(looked_up["1TST001"][6], "Testhouder Een");
  EXPECT_EQ(looked_up["1TST003"][6], "Testhouder Drie");
  EXPECT_EQ(looked_up["1TST003"][1], c);

  // Exit codes of `cases act`: a wrong-state action 5, a viewer 6, an unknown case 4, an
  // unknown user 4, a bad option 2, a missing input 3.
  EXPECT_EQ(Db({"cases", "act", a, "record_payment", "--user", "fin"}).code, 5);
  Outcome denied =
      Db({"cases", "act", a, "send_invitation", "--user", "view", "--posted", "2026-03-20"});
  EXPECT_EQ(denied.code, 6) << denied.err;
  EXPECT_EQ(Db({"cases", "act", "999", "send_invitation", "--user", "officer"}).code, 4);
  EXPECT_EQ(Db({"cases", "show", "999"}).code, 4);
  EXPECT_EQ(Db({"cases", "act", a, "send_invitation", "--user", "nobody"}).code, 4);
  EXPECT_EQ(Db({"cases", "act", a, "send_invitation", "--user", "officer", "--bogus"}).code, 2);
  EXPECT_EQ(Db({"cases", "list", "--limit", "0"}).code, 2);
  EXPECT_EQ(Run({"cases", "act", a}).code, 2);
  EXPECT_EQ(
      Db({"cases", "act", a, "send_invitation", "--user", "officer", "--posted", "20/03/2026"})
          .code,
      3);
  EXPECT_EQ(Db({"cases", "act", a, "no_such_action", "--user", "officer"}).code, 4);

  // The invitations: posted Friday 20 March, deemed notified on the 3rd working day after
  // (Wednesday 25 March), payable within 30 days: Friday 24 April 2026.
  EXPECT_EQ(
      Ok({"cases", "act", a, "send_invitation", "--user", "officer", "--posted", "2026-03-20"}).out,
      "case: " + a + "\naction: send_invitation\nstate: invited\ndeadline: 24/04/2026\n");
  EXPECT_TRUE(HasLine(
      Ok({"cases", "act", c, "send_invitation", "--user", "officer", "--posted", "2026-03-20"}).out,
      "state: invited"));
  EXPECT_EQ(Ok({"cases", "act", c, "record_payment", "--user", "fin"}).out,
            "case: " + c + "\naction: record_payment\nstate: paid\ndeadline: -\n");
  // Paid is final: inviting again is refused by the state.
  EXPECT_EQ(Db({"cases", "act", c, "send_invitation", "--user", "officer"}).code, 5);

  // The timeline names the people who acted.
  Outcome show = Ok({"cases", "show", a, "--user", "fin"});
  EXPECT_TRUE(HasLine(show.out, "state: invited (Uitgenodigd tot betaling)")) << show.out;
  EXPECT_TRUE(HasLine(show.out, "plate: 1TST001 (BE)")) << show.out;
  EXPECT_TRUE(HasLine(show.out, "amount: € 58,00")) << show.out;
  EXPECT_TRUE(HasLine(show.out, "deadline: 24/04/2026")) << show.out;
  EXPECT_TRUE(HasLine(show.out, "party: holder (addressee): Testhouder Een, born 17/05/1980"))
      << show.out;
  EXPECT_TRUE(HasLine(show.out,
                      "event: 2026-03-20T09:00:00Z Rita Reviewer (rev, reviewer): review_accept "
                      "-> holder_lookup"))
      << show.out;
  EXPECT_TRUE(HasLine(show.out,
                      "event: 2026-03-20T09:00:00Z Sofie Sanctie (officer, sanctioning_officer): "
                      "send_invitation -> invited; verstuurd op 20/03/2026; termijn tot en met "
                      "24/04/2026"))
      << show.out;
  EXPECT_TRUE(HasLine(show.out, "actions: record_payment")) << show.out;
  Outcome corrected = Ok({"cases", "show", c});
  EXPECT_TRUE(HasLine(corrected.out, "plate: 1TST003 (BE)")) << corrected.out;
  EXPECT_TRUE(HasLine(corrected.out, "state: paid (Betaald)")) << corrected.out;
  EXPECT_TRUE(Contains(corrected.out, "Frans Financien (fin, finance): record_payment -> paid"));
  Outcome rejected = Ok({"cases", "show", b});
  EXPECT_TRUE(
      Contains(rejected.out, "review_reject -> rejected; reason: voertuig reed niet binnen"))
      << rejected.out;

  // The CSV list: ';' separated, ten fields a row, the header first.
  Outcome csv = Ok({"cases", "list", "--csv"});
  std::vector<std::string> rows = Lines(csv.out);
  ASSERT_EQ(rows.size(), 4u) << csv.out;
  EXPECT_EQ(rows[0],
            "dossier;id;spoor;status;datum_feiten;nummerplaat;naam;termijn;bedrag;vlaggen");
  for (const std::string& r : rows) EXPECT_EQ(Split(r, ';').size(), 10u) << r;
  // The amount keeps its decimal comma (Belgian Excel), which is why the separator is ';'.
  EXPECT_TRUE(Contains(csv.out, ";1TST001;Testhouder Een;24/04/2026;€ 58,00;\n")) << csv.out;

  // The clock: on the last day of the payment term nothing moves; the next Brussels day
  // (22:30Z on 24 April is 00:30 CEST on 25 April) the unpaid case is due for a reminder.
  Outcome last_day = Ok({"process", "--as-of", "2026-04-24T23:59:00+02:00"});
  EXPECT_TRUE(HasLine(last_day.out, "moved: 0")) << last_day.out;
  EXPECT_EQ(CsvByPlate({"--state", "invited"}).count("1TST001"), 1u);
  Outcome after = Ok({"process", "--as-of", "2026-04-24T22:30:00Z"});
  EXPECT_TRUE(HasLine(after.out, "as_of: 2026-04-24T22:30:00Z")) << after.out;
  EXPECT_TRUE(HasLine(after.out, "moved: 1")) << after.out;
  EXPECT_TRUE(HasLine(after.out, "expired: 0")) << after.out;
  auto due = CsvByPlate({"--state", "reminder_due"});
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due["1TST001"][1], a);
  EXPECT_TRUE(
      Contains(Ok({"cases", "show", a}).out,
               "Handhaving (automatisch) (system, system): deadline_unpaid -> reminder_due"));
  // Idempotent for the same as-of.
  EXPECT_TRUE(HasLine(Ok({"process", "--as-of", "2026-04-24T22:30:00Z"}).out, "moved: 0"));
  EXPECT_EQ(Db({"process", "--as-of", "tomorrow"}).code, 3);
}

TEST_F(GasCliTest, ParkingImportKeepsGoodRowsAndListsBadOnes) {
  // Grouping on (local policy), set by the administrator only.
  EXPECT_EQ(Db({"settings", "set", "gas.parking_grouping_minutes", "60", "--user", "view",
                "--source", "x"})
                .code,
            6);
  EXPECT_EQ(Ok({"settings", "set", "gas.parking_grouping_minutes", "60", "--user", "admin",
                "--source", "collegebesluit 2026-03-02"})
                .out,
            "gas.parking_grouping_minutes = 60\n");
  EXPECT_EQ(Db({"settings", "set", "gas.parking_grouping_minutes", "-1", "--user", "admin",
                "--source", "x"})
                .code,
            3);
  EXPECT_TRUE(Contains(Ok({"settings", "list"}).out, "gas.parking_grouping_minutes = 60"));

  const std::string header =
      "finding_id,found_at,plate,country,street,house_number,postal_code,offence_code,category,"
      "officer_id,photo_refs,remarks\n";
  const std::string path = Write(
      "parking.csv",
      header +
          // line 2: a new case; line 4, 30 minutes later, joins it
          "PK-1,2026-03-18T10:00:00+01:00,1TST501,BE,Proefstraat,7,2800,22bis-4a,1,W17,p1.jpg,\n"
          // line 3: category 3 does not exist
          "PK-2,2026-03-18T10:10:00+01:00,1TST502,BE,Proefstraat,9,2800,22bis-4a,3,W17,p2.jpg,\n"
          "PK-3,2026-03-18T10:30:00+01:00,1-TST-501,BE,Proefstraat,7,2800,22bis-4a,1,W17,p3.jpg,\n"
          // line 5: no photo, so it waits for review; category 2
          "PK-4,2026-03-18T11:00:00+01:00,1TST503,BE,Proefstraat,11,2800,24-1,2,W17,,\n");
  Outcome r = Ok({"import", "parking", path});
  EXPECT_EQ(r.out, "imported: " + path +
                       "\nrows: 4\nnew_cases: 2\ngrouped: 1\nalready_imported: 0\n"
                       "flagged_for_review: 1\nrefused_rows: 1\n"
                       "result: good rows imported, refused rows listed on stderr\n");
  EXPECT_EQ(r.err, path + ": line 3, field category: \"3\" must be 1 or 2\n");
  EXPECT_FALSE(Contains(r.err, "TST")) << "a plate on stderr";

  auto parking = CsvByPlate({"--track", "parkeren"});
  ASSERT_EQ(parking.size(), 2u);
  EXPECT_EQ(parking["1TST501"][3], "holder_lookup");
  EXPECT_EQ(parking["1TST501"][8], "€ 58,00");
  EXPECT_EQ(parking["1TST501"][9], "gegroepeerd");
  EXPECT_EQ(parking["1TST501"][0], "PK/2026/" + std::string(6 - parking["1TST501"][1].size(), '0') +
                                       parking["1TST501"][1]);
  EXPECT_EQ(parking["1TST503"][3], "awaiting_review");
  EXPECT_EQ(parking["1TST503"][8], "€ 116,00");
  EXPECT_EQ(parking["1TST503"][9], "geen_foto");
  Outcome grouped = Ok({"cases", "show", parking["1TST501"][1]});
  EXPECT_TRUE(HasLine(grouped.out, "evidence: finding PK-3")) << grouped.out;
  EXPECT_TRUE(HasLine(grouped.out, "flags: gegroepeerd")) << grouped.out;
  EXPECT_TRUE(HasLine(grouped.out, "place: Proefstraat 7, 2800 ")) << grouped.out;

  // The same file again: nothing new, the grouped finding included; the bad row again.
  Outcome again = Ok({"import", "parking", path});
  EXPECT_TRUE(HasLine(again.out, "new_cases: 0")) << again.out;
  EXPECT_TRUE(HasLine(again.out, "grouped: 0")) << again.out;
  EXPECT_TRUE(HasLine(again.out, "already_imported: 3")) << again.out;
  EXPECT_TRUE(HasLine(again.out, "refused_rows: 1")) << again.out;
  EXPECT_EQ(CsvByPlate({"--track", "parkeren"}).size(), 2u);

  // A file without a required column is refused whole (3); a missing file is 4.
  Outcome no_column = Db({"import", "parking", Write("bad.csv", "finding_id,found_at\n")});
  EXPECT_EQ(no_column.code, 3);
  EXPECT_TRUE(Contains(no_column.err, "bad.csv: line 1, field")) << no_column.err;
  EXPECT_EQ(Db({"import", "parking", dir_.File("none.csv")}).code, 4);
}

// One nuisance finding on one line (personal data synthetic).
std::string OverlastLine(const std::string& id, const std::string& birth_date,
                         const std::string& parents) {
  return R"({"finding_id": ")" + id +
         R"(", "facts_at": "2026-03-14T22:40:00+01:00", "place": {"street": "Proefplein", )"
         R"("postal_code": "2800"}, "description": "Luide muziek", "article": "Art. 12 APV", )"
         R"("offence_kind": "administrative", "finding_officer": {"name": "Vaststeller A", )"
         R"("kind": "municipal"}, "offender": {"kind": "person", "name": "Test Persoon", )"
         R"("birth_date": ")" +
         birth_date + R"("}, "parents": )" + parents + "}";
}

TEST_F(GasCliTest, OverlastRegisterAllOrNothing) {
  const std::string parents = R"([{"name": "Ouder Een"}])";
  // A good file: an adult.
  const std::string good = Write("good.json", OverlastLine("PV-CLI-1", "1990-01-01", "[]") + "\n");
  Outcome r = Ok({"overlast", "register", good});
  EXPECT_EQ(r.out, "registered: " + good +
                       "\nfindings: 1\nnew_cases: 1\nalready_imported: 0\nminors: 0\n"
                       "recidivism_flags: 0\n");
  EXPECT_TRUE(HasLine(Ok({"overlast", "register", good}).out, "already_imported: 1"));

  // Malformed JSON: 3, nothing registered.
  const std::string broken =
      Write("broken.json", "[\n" + OverlastLine("PV-CLI-2", "1990-01-01", "[]"));
  Outcome bad = Db({"overlast", "register", broken});
  EXPECT_EQ(bad.code, 3) << bad.err;
  EXPECT_TRUE(Contains(bad.err, broken + ": line ")) << bad.err;
  EXPECT_TRUE(Contains(bad.err, "(nothing of the file was registered)")) << bad.err;

  // A good minor (with parents) first, then a 13-year-old on line 3: the minimum age (16)
  // refuses the whole file with 5, and the good finding is not registered either.
  const std::string young =
      Write("young.json", "[\n" + OverlastLine("PV-CLI-3", "2009-06-01", parents) + ",\n" +
                              OverlastLine("PV-CLI-4", "2012-05-01", parents) + "\n]\n");
  Outcome refused = Db({"overlast", "register", young});
  EXPECT_EQ(refused.code, 5) << refused.err;
  EXPECT_TRUE(Contains(refused.err, young + ": line 3 (finding 2), field offender.birth_date: "))
      << refused.err;
  EXPECT_TRUE(Contains(refused.err, "(nothing of the file was registered)")) << refused.err;
  EXPECT_FALSE(Contains(refused.err, "2012")) << "a birth date on stderr";

  // A minor without parents: 3.
  const std::string orphan =
      Write("orphan.json", OverlastLine("PV-CLI-5", "2009-06-01", "[]") + "\n");
  Outcome no_parents = Db({"overlast", "register", orphan});
  EXPECT_EQ(no_parents.code, 3);
  EXPECT_TRUE(Contains(no_parents.err, "field parents")) << no_parents.err;

  auto overlast = CsvByPlate({"--track", "overlast"});
  ASSERT_EQ(overlast.size(), 1u);  // keyed by the (empty) plate: one case
  EXPECT_EQ(overlast[""][3], "finding_received");
  EXPECT_EQ(overlast[""][6], "Test Persoon");
  EXPECT_EQ(overlast[""][7], "14/09/2026");  // the 6-month decision limit

  // With the city's minimum age at 14 the minor file is taken (16 and 13 -> 13 still not).
  EXPECT_EQ(Ok({"settings", "set", "gas.minimum_age", "14", "--user", "admin", "--source",
                "gemeenteraad 2026-01-26"})
                .out,
            "gas.minimum_age = 14\n");
  EXPECT_EQ(Db({"overlast", "register", young}).code, 5);
  const std::string fifteen =
      Write("fifteen.json", OverlastLine("PV-CLI-6", "2010-06-01", parents) + "\n");
  Outcome taken = Ok({"overlast", "register", fifteen});
  EXPECT_TRUE(HasLine(taken.out, "minors: 1")) << taken.out;
}

}  // namespace
}  // namespace hh
