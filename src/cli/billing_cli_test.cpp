// End-to-end tests of the letters and payments commands (issue 4): the real handhaving
// executable on a fresh database in a temporary folder, with HANDHAVING_NOW fixing the clock. A
// parking case is imported and looked up, its invitation goes out in a letter run (PDFs,
// print.pdf, manifest.csv), a hand-made camt.053 statement pays it by its structured reference
// and leaves a second credit in the unmatched queue; the refusals (a viewer, a statement imported
// twice, a file that is no statement) are checked with their exit codes. Every plate, name,
// address and account is synthetic.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_test_util.h"
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

// Friday 20 March 2026, 10:00 in Brussels (09:00Z): the letter run.
constexpr const char* kNow = "2026-03-20T10:00:00+01:00";
// Monday 30 March 2026, 10:00 in Brussels: the finance desk imports the statement of Friday.
constexpr const char* kPayDay = "2026-03-30T10:00:00+02:00";

// The names of the files in `dir` (not recursive).
std::set<std::string> FilesIn(const std::string& dir) {
  std::set<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    out.insert(e.path().filename().string());
  }
  return out;
}

// The 12 digits of a printed reference `+++ddd/dddd/ddddd+++`, or "" when it is not of that
// shape.
std::string OgmDigits(const std::string& printed) {
  if (printed.size() != 20 || printed.substr(0, 3) != "+++" || printed.substr(17) != "+++" ||
      printed[6] != '/' || printed[11] != '/') {
    return "";
  }
  std::string digits = printed.substr(3, 3) + printed.substr(7, 4) + printed.substr(12, 5);
  for (char c : digits) {
    if (c < '0' || c > '9') return "";
  }
  return digits;
}

// A camt.053.001.08 statement of `account` (EUR), number `number`, booked on Friday 27 March
// 2026, with the entries `entries` (each an <Ntry> element).
std::string Camt053(const std::string& account, const std::string& number,
                    const std::string& entries) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">\n"
         "  <BkToCstmrStmt>\n"
         "    <GrpHdr><MsgId>HH-CLI-053-" +
         number +
         "</MsgId><CreDtTm>2026-03-28T06:00:00+01:00</CreDtTm></GrpHdr>\n"
         "    <Stmt>\n"
         "      <Id>" +
         number +
         "</Id>\n"
         "      <ElctrncSeqNb>" +
         number +
         "</ElctrncSeqNb>\n"
         "      <Acct><Id><IBAN>" +
         account +
         "</IBAN></Id><Ccy>EUR</Ccy></Acct>\n"
         "      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">1000.00</Amt>"
         "<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-26</Dt></Dt></Bal>\n"
         "      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">1070.00</Amt>"
         "<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-27</Dt></Dt></Bal>\n" +
         entries +
         "    </Stmt>\n"
         "  </BkToCstmrStmt>\n"
         "</Document>\n";
}

// A booked credit entry of `amount` on 27 March 2026 with the remittance `rmt` (an <RmtInf>).
std::string Credit(const std::string& amount, const std::string& bank_ref, const std::string& payer,
                   const std::string& rmt) {
  return "      <Ntry>\n"
         "        <Amt Ccy=\"EUR\">" +
         amount +
         "</Amt>\n"
         "        <CdtDbtInd>CRDT</CdtDbtInd>\n"
         "        <Sts><Cd>BOOK</Cd></Sts>\n"
         "        <BookgDt><Dt>2026-03-27</Dt></BookgDt>\n"
         "        <ValDt><Dt>2026-03-27</Dt></ValDt>\n"
         "        <AcctSvcrRef>" +
         bank_ref +
         "</AcctSvcrRef>\n"
         "        <NtryDtls><TxDtls>\n"
         "          <RltdPties><Dbtr><Pty><Nm>" +
         payer +
         "</Nm></Pty></Dbtr>"
         "<DbtrAcct><Id><IBAN>BE68539007547034</IBAN></Id></DbtrAcct></RltdPties>\n"
         "          " +
         rmt +
         "\n"
         "        </TxDtls></NtryDtls>\n"
         "      </Ntry>\n";
}

class BillingCliTest : public ::testing::Test {
 protected:
  // Runs handhaving with `args` and the clock at `now`.
  Outcome Run(const std::vector<std::string>& args, const std::string& now = kNow) {
    return clitest::RunHandhaving(dir_, args, now);
  }
  // Runs a command on the test's database that must succeed.
  Outcome Ok(std::vector<std::string> args, const std::string& now = kNow) {
    args.push_back("--db");
    args.push_back(db_);
    Outcome o = Run(args, now);
    EXPECT_EQ(o.code, 0) << args[0] << " " << (args.size() > 1 ? args[1] : "") << ": " << o.err;
    return o;
  }
  // Runs a command on the test's database; its exit code.
  Outcome Db(std::vector<std::string> args, const std::string& now = kNow) {
    args.push_back("--db");
    args.push_back(db_);
    return Run(args, now);
  }

  std::string Write(const std::string& name, const std::string& content) {
    const std::string path = dir_.File(name);
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  // init and the three users of every test.
  void SetUp() override {
    Outcome init = Run({"init", "--db", db_});
    ASSERT_EQ(init.code, 0) << init.err;
    const std::vector<std::vector<std::string>> users = {
        {"officer", "Sofie Sanctie", "sanctioning_officer"},
        {"fin", "Frans Financien", "finance"},
        {"view", "Vera Kijker", "viewer"}};
    for (const auto& u : users) {
      Outcome o = Ok({"users", "add", "--login", u[0], "--name", u[1], "--role", u[2]});
      EXPECT_EQ(o.out, "user: " + u[0] + "\nname: " + u[1] + "\nrole: " + u[2] + "\n");
    }
  }

  // The `cases list --csv` rows of `filter` (header dropped), each split on ';'.
  std::vector<std::vector<std::string>> CsvRows(std::vector<std::string> filter) {
    filter.insert(filter.begin(), {"cases", "list", "--csv"});
    Outcome o = Ok(filter);
    std::vector<std::vector<std::string>> out;
    std::vector<std::string> lines = Lines(o.out);
    for (size_t i = 1; i < lines.size(); ++i) out.push_back(Split(lines[i], ';'));
    return out;
  }

  // One parking finding of Wednesday 18 March 2026 (category 1, with a photo), imported and
  // its holder looked up by the officer: the case waits for its invitation. Sets case_ and
  // number_ (the dossier number).
  void ParkingCaseDueForInvitation() {
    const std::string parking = Write(
        "parking.csv",
        "finding_id,found_at,plate,country,street,house_number,postal_code,offence_code,category,"
        "officer_id,photo_refs,remarks\n"
        "PK-1,2026-03-18T10:00:00+01:00,1TST501,BE,Proefstraat,7,2800,22bis-4a,1,W17,p1.jpg,\n");
    Outcome imported = Ok({"import", "parking", parking});
    ASSERT_TRUE(HasLine(imported.out, "new_cases: 1")) << imported.out;
    ASSERT_TRUE(HasLine(imported.out, "refused_rows: 0")) << imported.out;
    const std::string reg =
        Write("register.csv",
              "plate,country,valid_from,valid_to,holder_kind,name,street,house_number,postal_code,"
              "city,birth_date,company_number,language\n"
              "1TST501,BE,2020-01-01T00:00:00Z,,person,Testhouder Een,Proefstraat,1,2800,"
              "Mechelen,1980-05-17,,nl\n");
    Outcome looked_up = Ok({"holders", "lookup", "--register", reg, "--user", "officer"});
    ASSERT_TRUE(HasLine(looked_up.out, "cases: 1")) << looked_up.out;
    ASSERT_TRUE(HasLine(looked_up.out, "persons: 1")) << looked_up.out;
    auto due = CsvRows({"--state", "invitation_due"});
    ASSERT_EQ(due.size(), 1u);
    ASSERT_EQ(due[0].size(), 10u);
    EXPECT_EQ(due[0][2], "parkeren");
    EXPECT_EQ(due[0][5], "1TST501");
    EXPECT_EQ(due[0][6], "Testhouder Een");
    EXPECT_EQ(due[0][8], "€ 58,00");  // category 1 since 1 September 2018
    case_ = due[0][1];
    number_ = due[0][0];
  }

  TempDir dir_;
  std::string db_ = dir_.File("hh.db");
  std::string case_;
  std::string number_;
};

TEST_F(BillingCliTest, ParkingInvitationLetterPaidByCamtStatement) {
  ASSERT_NO_FATAL_FAILURE(ParkingCaseDueForInvitation());
  ASSERT_FALSE(case_.empty());
  EXPECT_EQ(number_, "PK/2026/" + std::string(6 - case_.size(), '0') + case_);

  // 2. A viewer may not send letters: 6, no folder, no letter, the case still waits.
  const std::string out_dir = dir_.File("letters");
  Outcome denied = Db({"letters", "run", "--out", out_dir, "--user", "view"});
  EXPECT_EQ(denied.code, 6) << denied.err;
  EXPECT_EQ(denied.out, "");
  EXPECT_FALSE(std::filesystem::exists(out_dir));
  EXPECT_EQ(Ok({"letters", "list", "--case", case_}).out, "");
  EXPECT_EQ(CsvRows({"--state", "invitation_due"}).size(), 1u);

  // The sanctioning officer's run: one invitation, posted today.
  Outcome run = Ok({"letters", "run", "--out", out_dir, "--user", "officer"});
  EXPECT_TRUE(HasLine(run.out, "letters: 1")) << run.out;
  EXPECT_TRUE(HasLine(run.out, "invitations: 1")) << run.out;
  EXPECT_TRUE(HasLine(run.out, "warnings: 0")) << run.out;
  EXPECT_TRUE(HasLine(run.out, "reminders: 0")) << run.out;
  EXPECT_TRUE(HasLine(run.out, "requested: € 58,00")) << run.out;
  EXPECT_TRUE(HasLine(run.out, "posted: 20/03/2026")) << run.out;
  EXPECT_TRUE(HasLine(run.out, "written: " + out_dir + "/print.pdf, " + out_dir + "/manifest.csv"))
      << run.out;
  EXPECT_EQ(run.err, "");
  // Posted Friday 20 March, notified on the 3rd working day (Wednesday 25 March), 30 days:
  // Friday 24 April 2026.
  auto invited = CsvRows({"--state", "invited"});
  ASSERT_EQ(invited.size(), 1u);
  EXPECT_EQ(invited[0][1], case_);
  EXPECT_EQ(invited[0][7], "24/04/2026");

  // The manifest: the header and one row for the invitation.
  const std::set<std::string> files = FilesIn(out_dir);
  ASSERT_EQ(files.size(), 3u) << "files: " << ::testing::PrintToString(files);
  ASSERT_EQ(files.count("print.pdf"), 1u);
  ASSERT_EQ(files.count("manifest.csv"), 1u);
  std::vector<std::string> manifest = Lines(ReadFile(out_dir + "/manifest.csv"));
  ASSERT_EQ(manifest.size(), 2u);
  EXPECT_EQ(manifest[0], "letter;case;kind;recipient;ogm;amount;sha256;pages");
  std::vector<std::string> row = Split(manifest[1], ';');
  ASSERT_EQ(row.size(), 8u) << manifest[1];
  const std::string letter = row[0];
  EXPECT_EQ(row[1], case_);
  const std::string kind = row[2];
  EXPECT_EQ(row[3], "Testhouder Een");
  const std::string ogm_printed = row[4];
  EXPECT_EQ(row[5], "€ 58,00");
  const std::string sha = row[6];
  EXPECT_EQ(sha.size(), 64u);
  EXPECT_EQ(sha.find_first_not_of("0123456789abcdef"), std::string::npos) << sha;
  EXPECT_GE(std::atoi(row[7].c_str()), 1);
  ASSERT_FALSE(letter.empty());

  // The reference: 12 digits, track 2 (PARKEREN) first, the check the first ten mod 97 (0 is
  // written 97).
  const std::string ogm = OgmDigits(ogm_printed);
  ASSERT_EQ(ogm.size(), 12u) << "printed reference \"" << ogm_printed << "\"";
  EXPECT_EQ(ogm[0], '2');
  const int64_t check = std::stoll(ogm.substr(0, 10)) % 97;
  EXPECT_EQ(std::stoi(ogm.substr(10)), check == 0 ? 97 : check) << ogm;

  // The letter's own PDF: named after the dossier number and the kind.
  std::string safe = number_;
  for (char& c : safe) {
    if (c == '/') c = '-';
  }
  const std::string letter_file = safe + "_" + kind + ".pdf";
  ASSERT_EQ(files.count(letter_file), 1u) << "files: " << ::testing::PrintToString(files);
  const std::string pdf_bytes = ReadFile(out_dir + "/" + letter_file);
  EXPECT_EQ(pdf_bytes.substr(0, 5), "%PDF-");
  EXPECT_EQ(ReadFile(out_dir + "/print.pdf").substr(0, 5), "%PDF-");

  // The case's letters: the one sent, with its posting day, pages, amount and checksum.
  Outcome list = Ok({"letters", "list", "--case", case_});
  std::vector<std::string> listed = Lines(list.out);
  ASSERT_EQ(listed.size(), 1u) << list.out;
  EXPECT_EQ(listed[0].rfind("brief " + letter + "  " + kind + "  nl  verstuurd 20/03/2026  " +
                                row[7] + " blz.  € 58,00",
                            0),
            0u)
      << listed[0];
  EXPECT_TRUE(Contains(listed[0], "sha256 " + sha)) << listed[0];
  EXPECT_FALSE(Contains(listed[0], "aangetekend")) << "an invitation is not registered";

  // The stored PDF is the one sent, byte for byte.
  const std::string copy = dir_.File("copy.pdf");
  Outcome pdf = Ok({"letters", "pdf", letter, "--out", copy});
  EXPECT_EQ(pdf.out, "written: " + copy + " (sha256 " + sha + ")\n");
  const std::string copied = ReadFile(copy);
  EXPECT_EQ(copied.size(), pdf_bytes.size());
  EXPECT_TRUE(copied == pdf_bytes) << "letters pdf wrote other bytes than the run";
  EXPECT_EQ(Db({"letters", "pdf", "999999", "--out", dir_.File("none.pdf")}).code, 4);

  // The text of the letter: the reference and the amount (pdftotext, when installed).
  if (std::system("command -v pdftotext >/dev/null 2>&1") == 0) {
    const std::string text_file = dir_.File("letter.txt");
    ASSERT_EQ(std::system(("pdftotext -layout " + Quote(copy) + " " + Quote(text_file)).c_str()),
              0);
    const std::string text = ReadFile(text_file);
    EXPECT_TRUE(Contains(text, ogm_printed)) << text;
    EXPECT_TRUE(Contains(text, "€ 58,00")) << text;
  } else {
    std::cout << "pdftotext not installed: the letter's text is not checked\n";
  }

  // 3. The bank statement of Friday 27 March on the city's account: the fine paid with its
  // reference, and 12.00 that names nothing.
  std::string iban;
  for (const std::string& l : Lines(Ok({"settings", "list"}).out)) {
    const std::string key = "letters.iban = ";
    if (l.rfind(key, 0) == 0) iban = l.substr(key.size(), l.find("  (") - key.size());
  }
  EXPECT_EQ(iban, "BE71096123456769");
  ASSERT_FALSE(iban.empty());
  const std::string paid_entry =
      Credit("58.00", "BANK-REF-1", "Testhouder Een",
             "<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>BBA</Issr>"
             "</Tp><Ref>" +
                 ogm + "</Ref></CdtrRefInf></Strd></RmtInf>");
  const std::string stray_entry =
      Credit("12.00", "BANK-REF-2", "Onbekende Betaler", "<RmtInf><Ustrd>gift</Ustrd></RmtInf>");
  const std::string camt = Write("statement.xml", Camt053(iban, "87", paid_entry + stray_entry));

  Outcome show = Run({"statement", "show", camt}, kPayDay);
  ASSERT_EQ(show.code, 0) << show.err;
  nlohmann::json j = nlohmann::json::parse(show.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << show.out;
  ASSERT_TRUE(j.contains("statements")) << show.out;
  ASSERT_EQ(j["statements"].size(), 1u) << show.out;
  const nlohmann::json& st = j["statements"][0];
  EXPECT_EQ(st["account"], iban);
  EXPECT_EQ(st["currency"], "EUR");
  EXPECT_EQ(st["warnings"].size(), 0u) << show.out;
  ASSERT_EQ(st["transactions"].size(), 2u) << show.out;
  EXPECT_EQ(st["transactions"][0]["ogm"], ogm);
  EXPECT_EQ(st["transactions"][0]["amount"], "58.00");
  EXPECT_EQ(st["transactions"][0]["booking_date"], "2026-03-27");
  EXPECT_TRUE(st["transactions"][1]["ogm"].is_null()) << show.out;
  EXPECT_EQ(st["transactions"][1]["amount"], "12.00");

  // 4. The finance desk imports it: the fine exact, the gift to the queue.
  Outcome imported = Ok({"payments", "import", camt, "--user", "fin"}, kPayDay);
  EXPECT_EQ(imported.out, "imported: " + camt +
                              "\nstatements: 1\ncredits: 2\ndebits: 0\nexact: 1\npartial: 0\n"
                              "overpaid: 0\nduplicate: 0\nafter_close: 0\nunmatched: 1\n"
                              "matched: € 58,00\nrefunds: € 0,00\n");
  EXPECT_EQ(imported.err, "");
  const std::string shown = Ok({"cases", "show", case_}, kPayDay).out;
  EXPECT_TRUE(HasLine(shown, "state: paid (Betaald)")) << shown;
  EXPECT_TRUE(Contains(shown, "Frans Financien (fin, finance): record_payment -> paid")) << shown;
  auto paid = CsvRows({"--state", "paid"});
  ASSERT_EQ(paid.size(), 1u);
  EXPECT_EQ(paid[0][1], case_);
  EXPECT_TRUE(CsvRows({"--state", "invited"}).empty());
  const std::string queue = Ok({"payments", "unmatched"}, kPayDay).out;
  const std::string refunds = Ok({"payments", "refunds"}, kPayDay).out;
  EXPECT_EQ(refunds, "open_refunds: 0\n");

  // The same file again: refused whole (5), naming the file; nothing changes.
  Outcome again = Db({"payments", "import", camt, "--user", "fin"}, kPayDay);
  EXPECT_EQ(again.code, 5) << again.err;
  EXPECT_EQ(again.out, "");
  EXPECT_TRUE(Contains(again.err, camt + ": this file was imported before")) << again.err;
  // The same statement in another file (a comment added): refused as well.
  std::string other_bytes = ReadFile(camt);
  other_bytes.insert(other_bytes.find("<Document"), "<!-- a copy -->\n");
  const std::string other = Write("statement-copy.xml", other_bytes);
  Outcome copy_again = Db({"payments", "import", other, "--user", "fin"}, kPayDay);
  EXPECT_EQ(copy_again.code, 5) << copy_again.err;
  EXPECT_TRUE(Contains(copy_again.err, other + ": statement 87 of ")) << copy_again.err;
  EXPECT_TRUE(Contains(copy_again.err, " was imported before")) << copy_again.err;
  EXPECT_EQ(Ok({"cases", "show", case_}, kPayDay).out, shown);
  EXPECT_EQ(Ok({"payments", "unmatched"}, kPayDay).out, queue);
  EXPECT_EQ(Ok({"payments", "refunds"}, kPayDay).out, refunds);

  // The queue: the 12.00 payment only, with its booking day and payer.
  std::vector<std::string> queued;
  for (const std::string& l : Lines(queue)) {
    if (l.rfind("betaling ", 0) == 0) queued.push_back(l);
  }
  ASSERT_EQ(queued.size(), 1u) << queue;
  EXPECT_TRUE(Contains(queued[0], "  27/03/2026  € 12,00  Onbekende Betaler  \"gift\""))
      << queued[0];
  EXPECT_TRUE(HasLine(queue, "unmatched: 1")) << queue;
  EXPECT_FALSE(Contains(queue, "€ 58,00")) << queue;

  // 5. A file that is not a statement: 3, the message names the file; nothing imported.
  const std::string junk = Write("notes.txt", "dit is geen rekeninguittreksel\n");
  Outcome not_statement = Db({"payments", "import", junk, "--user", "fin"}, kPayDay);
  EXPECT_EQ(not_statement.code, 3) << not_statement.err;
  EXPECT_TRUE(Contains(not_statement.err, junk + ": not a bank statement")) << not_statement.err;
  EXPECT_EQ(not_statement.out, "");
  EXPECT_EQ(Ok({"payments", "unmatched"}, kPayDay).out, queue);
  // A statement of another account is refused too (3), and a missing file is 4.
  const std::string foreign = Write(
      "foreign.xml", Camt053("BE68539007547034", "88", Credit("5.00", "BANK-REF-3", "X", "")));
  EXPECT_EQ(Db({"payments", "import", foreign, "--user", "fin"}, kPayDay).code, 3);
  EXPECT_EQ(Db({"payments", "import", dir_.File("none.xml"), "--user", "fin"}, kPayDay).code, 4);
  EXPECT_EQ(Ok({"payments", "unmatched"}, kPayDay).out, queue);
}

TEST_F(BillingCliTest, BailiffExportDeniedToViewer) {
  const std::string out = dir_.File("bailiff.csv");
  Outcome denied = Db({"payments", "bailiff", "--out", out, "--user", "view"});
  EXPECT_EQ(denied.code, 6) << denied.err;
  EXPECT_EQ(denied.out, "");
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_FALSE(std::filesystem::exists(out + ".tmp"));
}

}  // namespace
}  // namespace hh
