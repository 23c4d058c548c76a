// hh_letterbench: the letter run of issue 4 ("Must reach": 1,000 payment invitations at least
// ten times faster a letter than the peer, the same letter as HTML printed to PDF by one
// headless Chromium). Makes a fresh SQLite database in --out with a sanctioning officer and
// --letters PARKEREN cases waiting for their invitation (addressee holder with a full address),
// then times hh::RunLetters on them: the send_invitation action per case, the payment request
// with its OGM and EPC QR, every PDF rendered and stored, the combined print file, the files
// and manifest.csv written. Then checks what it wrote (pdftotext: amount, OGM and plate in a few
// letters; pdftoppm + zbarimg: the QR of one letter holds the EPC payload), and with
// --peer-input writes the same letters' contents as JSON for bench/letters_peer (untimed).
// Exit status 1 when a step or a check fails; a missed target is only reported (letters.sh).
// Synthetic data only: no real plate or person; messages name cases by number, never by plate.
#include "billing/letter_run.h"

#include <fmt/core.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "billing/payment_requests.h"
#include "cases/case_actions.h"
#include "core/instant.h"
#include "core/local_time.h"
#include "letters/letter_template.h"
#include "payref/epc_qr.h"
#include "payref/qr.h"
#include "store/migrations.h"
#include "store/sqlite_case_store.h"
#include "store/sqlite_payment_store.h"

namespace hh {
namespace {

namespace fs = std::filesystem;

const char* const kSurnames[] = {"Peeters", "Janssens", "Maes",     "Jacobs",  "Mertens",
                                 "Willems", "Claes",    "Goossens", "Wouters", "De Smet"};
const char* const kFirst[] = {"Jan", "Marie", "Luc", "An", "Pieter", "Sofie", "Tom", "Els"};
const char* const kStreets[] = {
    "Bruul",      "IJzerenleen",  "Befferstraat",    "Onze-Lieve-Vrouwestraat",
    "Hoogstraat", "Adegemstraat", "Katelijnestraat", "Begijnenstraat"};
// The amount every letter asks: a category 1 parking fine since 2018-09-01 (GAS.md 2.1).
constexpr std::string_view kAmountPrinted = "€ 58,00";

struct Options {
  std::string out = "build/bench-out/letters/ours";
  std::string templates = HH_TEMPLATES_DIR;
  std::string peer_input;  // empty: none written
  int letters = 1000;
};

Instant At(std::string_view rfc3339) { return *Instant::Parse(std::string(rfc3339)); }
LocalDate Day(std::string_view iso) { return *LocalDate::Parse(std::string(iso)); }

// A synthetic Belgian-style plate, unique for i < 234,000: 1-9, three capitals, three digits.
std::string PlateOf(int i) {
  return fmt::format("{}B{}N{:03d}", 1 + (i / 26'000) % 9, static_cast<char>('A' + (i / 1000) % 26),
                     i % 1000);
}

double Since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// The standard output of `command` (run by the shell), or nullopt when it fails.
std::optional<std::string> Output(const std::string& command) {
  FILE* p = popen(command.c_str(), "r");
  if (p == nullptr) return std::nullopt;
  std::string out;
  char buf[4096];
  size_t n = 0;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  if (pclose(p) != 0) return std::nullopt;
  return out;
}

std::string Quote(const std::string& path) {
  std::string out = "'";
  for (char ch : path) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return out + "'";
}

std::optional<std::string> ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t v = static_cast<uint8_t>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<uint8_t>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) v |= static_cast<uint8_t>(bytes[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[v & 63] : '=';
  }
  return out;
}

std::vector<std::string> Split(std::string_view text, char sep) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= text.size()) {
    size_t j = text.find(sep, i);
    if (j == std::string_view::npos) j = text.size();
    out.emplace_back(text.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// One row of manifest.csv (letter;case;kind;recipient;ogm;amount;sha256;pages). The bench's
// recipients hold no ';' or '"', so a plain split is exact here.
struct ManifestRow {
  int64_t case_id = 0;
  std::string ogm_printed;
  std::string amount;
};

Result<std::vector<ManifestRow>> ReadManifest(const std::string& path) {
  auto text = ReadAll(path);
  if (!text) return Unavailable(path + ": cannot be read");
  std::vector<ManifestRow> rows;
  std::vector<std::string> lines = Split(*text, '\n');
  for (size_t i = 1; i < lines.size(); ++i) {
    if (lines[i].empty()) continue;
    std::vector<std::string> f = Split(lines[i], ';');
    if (f.size() != 8) {
      return InvalidArgument(
          fmt::format("{}: line {}: {} fields, expected 8", path, i + 1, f.size()));
    }
    rows.push_back({std::stoll(f[1]), f[4], f[5]});
  }
  return rows;
}

std::string FileNameOf(const Case& c) {
  std::string name = CaseNumber(c.track, c.created_at.UtcDate().year(), c.id);
  for (char& ch : name) {
    if (ch == '/') ch = '-';
  }
  return name + "_payment_invitation.pdf";
}

class Bench {
 public:
  explicit Bench(Options o) : o_(std::move(o)) {}

  int Run() {
    Status s = Setup();
    if (!s.ok()) return Fail("setup: " + s.ToString());
    const auto t0 = std::chrono::steady_clock::now();
    LetterRunOptions lo;
    lo.out_dir = (fs::path(o_.out) / "letters").string();
    lo.templates_dir = o_.templates;
    lo.posted = posted_;
    auto r = RunLetters(*cases_, *payments_, settings_, officer_, lo, now_);
    const double secs = Since(t0);
    if (!r.ok()) return Fail("letters run: " + r.status().ToString());
    fmt::print("letters: {}\npages: {}\ninvitations: {}\nskipped: {}\n", r->letters, r->pages,
               r->invitations, r->skipped.size());
    fmt::print("print_file: {} ({:.1f} MB)\n", r->print_file,
               static_cast<double>(fs::file_size(r->print_file)) / 1e6);
    std::error_code ec;
    const auto wal = fs::file_size(db_path_ + "-wal", ec);
    fmt::print("database: {:.1f} MB after the run (with its WAL)\n",
               static_cast<double>(fs::file_size(db_path_) + (ec ? 0 : wal)) / 1e6);
    fmt::print("seconds: {:.3f}\nms_per_letter: {:.3f}\n", secs,
               r->letters > 0 ? secs * 1000 / r->letters : 0.0);
    if (r->letters != o_.letters || r->invitations != o_.letters) {
      return Fail(fmt::format("{} letters made ({} invitations), expected {}", r->letters,
                              r->invitations, o_.letters));
    }
    auto rows = ReadManifest(r->manifest);
    if (!rows.ok()) return Fail(rows.status().ToString());
    if (rows->size() != static_cast<size_t>(o_.letters)) {
      return Fail(fmt::format("manifest.csv has {} rows, expected {}", rows->size(), o_.letters));
    }
    s = Check(lo.out_dir, *rows);
    if (!s.ok()) return Fail("check: " + s.ToString());
    fmt::print("checks: ok (text of 5 letters; {})\n", qr_note_);
    if (!o_.peer_input.empty()) {
      const auto p0 = std::chrono::steady_clock::now();
      s = WritePeerInput(*rows);
      if (!s.ok()) return Fail("peer input: " + s.ToString());
      fmt::print(stderr, "peer input: {} ({:.1f} s)\n", o_.peer_input, Since(p0));
    }
    return 0;
  }

 private:
  static int Fail(const std::string& why) {
    fmt::print(stderr, "hh_letterbench: {}\n", why);
    return 1;
  }

  Status Setup() {
    const auto t0 = std::chrono::steady_clock::now();
    std::error_code ec;
    fs::create_directories(o_.out, ec);
    if (ec) return Unavailable(o_.out + ": " + ec.message());
    // Only what this program makes in --out: the database and the letters folder.
    db_path_ = (fs::path(o_.out) / "bench.db").string();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_path_ + suffix, ec);
    fs::remove_all(fs::path(o_.out) / "letters", ec);
    // The options a command gets (durable commits): the run is timed as the CLI would make it.
    auto db = Database::Open(db_path_);
    if (!db.ok()) return db.status();
    db_ = std::move(*db);
    auto m = ApplyMigrations(*db_, now_);
    if (!m.ok()) return m.status();
    cases_ = std::make_unique<SqliteCaseStore>(*db_);
    payments_ = std::make_unique<SqlitePaymentStore>(*db_);
    Status s = cases_->AddUser({0, "olga", "Olga Officier", Role::kSanctioningOfficer, true}, now_);
    if (!s.ok()) return s;
    auto officer = ActorFor(*cases_, "olga");
    if (!officer.ok()) return officer.status();
    officer_ = *officer;
    s = cases_->Transact([&]() -> Status {
      for (int i = 0; i < o_.letters; ++i) {
        Case c;
        c.track = Track::kParkeren;
        c.state = CaseState::kInvitationDue;
        c.facts_day = Day("2026-02-27").AddDays(-(i % 20));
        c.facts_at = Instant::FromUnix(int64_t{c.facts_day.days()} * 86'400 + 30'600 +
                                       int64_t{60} * (i % 480));
        c.place = {kStreets[i % std::size(kStreets)], std::to_string(1 + i % 90), "2800",
                   "Mechelen"};
        c.offence_code = "P1";
        c.article = "KB 1 december 1975 art. 22";
        c.category = TrafficCategory::kCategory1;
        c.amount = Money::FromEuro(58);
        c.plate = PlateOf(i);
        c.country = "BE";
        c.source_ref = fmt::format("PV-MEC-2026-{:06d}", i + 1);
        Party p;
        p.role = PartyRole::kHolder;
        p.name = fmt::format("{} {}", kSurnames[i % std::size(kSurnames)],
                             kFirst[(i / 10) % std::size(kFirst)]);
        p.birth_date = Day("1980-05-05").AddDays(i % 9000);
        p.address = {kStreets[(i + 3) % std::size(kStreets)], std::to_string(2 + i % 150), "2800",
                     "Mechelen"};
        p.addressee = true;
        auto id = OpenCase(*cases_, settings_, c, {&p, 1}, {}, SystemActor(), now_, "bench");
        if (!id.ok()) return id.status();
        plates_[id->value] = c.plate;
      }
      return Status::Ok();
    });
    if (!s.ok()) return s;
    fmt::print(stderr, "setup: {} cases in {:.1f} s\n", o_.letters, Since(t0));
    return Status::Ok();
  }

  // pdftotext of five letters (first, last, three between): the amount, the printed OGM the
  // manifest gives and the case's plate; then the first page of one at 150 dpi through zbarimg:
  // an EPC payload ("BCD") with the city's IBAN and the OGM.
  Status Check(const std::string& dir, const std::vector<ManifestRow>& rows) {
    const size_t n = rows.size();
    for (size_t at : {size_t{0}, n / 4, n / 2, 3 * n / 4, n - 1}) {
      const ManifestRow& row = rows[at];
      if (row.amount != kAmountPrinted) {
        return InvalidArgument(fmt::format("manifest row {}: amount \"{}\"", at + 1, row.amount));
      }
      auto c = cases_->GetCase(CaseId{row.case_id});
      if (!c.ok()) return c.status();
      const std::string pdf = (fs::path(dir) / FileNameOf(*c)).string();
      auto text = Output("pdftotext -enc UTF-8 " + Quote(pdf) + " - 2>/dev/null");
      if (!text) return InvalidArgument(pdf + ": pdftotext failed (is the file a PDF?)");
      for (const auto& [what, value] :
           {std::pair<std::string, std::string>{"the amount", std::string(kAmountPrinted)},
            {"the OGM", row.ogm_printed},
            {"the plate", plates_[row.case_id]}}) {
        if (value.empty() || text->find(value) == std::string::npos) {
          return InvalidArgument(
              fmt::format("{}: the text of case {} lacks {}", pdf, row.case_id, what));
        }
      }
      if (at != n / 2) continue;
      std::string digits;
      for (char ch : row.ogm_printed) {
        if (ch >= '0' && ch <= '9') digits += ch;
      }
      // 150 dpi as the brief asks; a symbol of version 6 or more (the default settings' payload
      // is 86 bytes: version 6, 49 modules with the quiet zone in 32 mm) has fewer than 4 pixels
      // a module there, which zbarimg does not read: then 300 dpi, with a note.
      std::string decoded_at;
      for (int dpi : {150, 300}) {
        const std::string png = (fs::path(o_.out) / "qr-check").string();
        auto qr =
            Output(fmt::format("pdftoppm -r {} -png -f 1 -l 1 -singlefile {} {} && zbarimg "
                               "--nodbus --raw -q -Sqrcode.binary {}.png",
                               dpi, Quote(pdf), Quote(png), Quote(png)));
        if (!qr) continue;
        if (qr->rfind("BCD\n", 0) != 0 || qr->find(settings_.city_iban) == std::string::npos ||
            (qr->find(row.ogm_printed) == std::string::npos &&
             qr->find(digits) == std::string::npos)) {
          return InvalidArgument(pdf + ": the QR payload is not the EPC transfer of the letter");
        }
        decoded_at = std::to_string(dpi);
        break;
      }
      if (decoded_at.empty()) return InvalidArgument(pdf + ": no QR code decoded on page 1");
      qr_note_ = decoded_at == "150" ? "QR decoded at 150 dpi"
                                     : "QR not decoded at 150 dpi, decoded at 300 dpi";
    }
    return Status::Ok();
  }

  // The letters as the peer prints them: for each letter of the manifest, the same template
  // expanded with the same values (as letter_run.cpp fills them for a payment invitation), the
  // sender and address blocks, the EPC payload and its QR code as a PNG (base64).
  Status WritePeerInput(const std::vector<ManifestRow>& rows) {
    auto templates = TemplateSet::Load(o_.templates);
    if (!templates.ok()) return templates.status();
    const std::vector<std::string> sender = Split(settings_.city_sender, '|');
    std::string reply;
    for (const std::string& l : sender) reply += (reply.empty() ? "" : ", ") + l;
    const std::string png = (fs::path(o_.out) / "peer-qr.png").string();
    nlohmann::json letters = nlohmann::json::array();
    for (const ManifestRow& row : rows) {
      auto file = cases_->GetCaseFile(CaseId{row.case_id});
      if (!file.ok()) return file.status();
      const Case& c = file->c;
      const Party& who = *Addressee(*file);
      auto req = CurrentRequest(*payments_, c.id);
      if (!req.ok()) return req.status();
      if (!*req) return NotFound(fmt::format("case {}: no payment request", row.case_id));
      auto ogm = StructuredReference::FromDigits((*req)->ogm);
      if (!ogm.ok()) return ogm.status();
      LetterFields f;
      f.SetText("case_number", CaseNumber(c.track, c.created_at.UtcDate().year(), c.id));
      f.SetDate("letter_date", posted_);
      f.SetText("recipient_name", who.name);
      f.SetText("signer_name", officer_.name);
      f.SetText("signer_title", "Sanctionerend ambtenaar");
      f.SetDate("offence_date", c.facts_day);
      const LocalDateTime local = LocalTime::Brussels().ToLocal(c.facts_at);
      f.SetTime("offence_time", local.seconds_of_day / 3600, local.seconds_of_day / 60 % 60);
      f.SetText("offence_place", c.place.street + " " + c.place.house_number + ", " +
                                     c.place.postal_code + " " + c.place.city);
      f.SetText("plate", c.plate);
      f.SetText("offence_description",
                "een inbreuk op de regels voor stilstaan en parkeren (" + c.offence_code + ")");
      f.SetText("legal_basis", c.article);
      f.SetText("pv_number", c.source_ref);
      f.SetMoney("amount", Balance(**req));
      if ((*req)->due_on) f.SetDate("due_date", *(*req)->due_on);
      f.SetOgm("ogm", *ogm);
      f.SetText("iban", PrintedIban(settings_.city_iban));
      f.SetText("bic", settings_.city_bic);
      f.SetText("beneficiary", settings_.city_beneficiary);
      if (c.state_deadline) f.SetDate("defence_deadline", *c.state_deadline);
      f.SetText("defence_address", reply);
      f.SetFlag("hearing_right", false);
      auto text = templates->Expand(LetterKind::kPaymentInvitation, LetterLanguage::kDutch, f);
      if (!text.ok()) return text.status();
      auto payload = EpcPayload(PaymentTransfer(settings_.city_bic, settings_.city_beneficiary,
                                                settings_.city_iban, Balance(**req), *ogm,
                                                OgmPlacement::kUnstructured));
      if (!payload.ok()) return payload.status();
      auto matrix = EncodeQr(*payload);
      if (!matrix.ok()) return matrix.status();
      Status w = WriteQrPng(*matrix, png, 4);
      if (!w.ok()) return w;
      auto png_bytes = ReadAll(png);
      if (!png_bytes) return Unavailable(png + ": cannot be read");
      const Address& a = who.address;
      nlohmann::json blocks = nlohmann::json::array();
      for (const LetterBlock& b : text->blocks) {
        static constexpr const char* kTypes[] = {"heading", "paragraph", "bullet",
                                                 "payment", "signature", "pagebreak"};
        blocks.push_back({{"type", kTypes[static_cast<int>(b.type)]}, {"markup", b.markup}});
      }
      nlohmann::json letter = {
          {"case_id", row.case_id},
          {"case_number", text->case_number},
          {"date_line", settings_.city_place + ", " + text->letter_date},
          {"sender", sender},
          {"address", {who.name, a.street + " " + a.house_number, a.postal_code + " " + a.city}},
          {"title", text->title},
          {"blocks", blocks},
          {"signer_name", text->signer_name},
          {"signer_title", text->signer_title},
          {"epc_payload", *payload},
          {"qr_png_base64", Base64(*png_bytes)},
      };
      if (text->payment) {
        const PaymentBox& p = *text->payment;
        letter["payment"] = {{"amount", p.amount}, {"due_date", p.due_date},
                             {"ogm", p.ogm},       {"iban", p.iban},
                             {"bic", p.bic},       {"beneficiary", p.beneficiary}};
      }
      letters.push_back(std::move(letter));
    }
    std::error_code ec;
    fs::remove(png, ec);
    fs::create_directories(fs::path(o_.peer_input).parent_path(), ec);
    std::ofstream out(o_.peer_input, std::ios::binary | std::ios::trunc);
    out << nlohmann::json{{"letters", letters}}.dump() << '\n';
    if (!out.flush()) return Unavailable(o_.peer_input + ": cannot be written");
    return Status::Ok();
  }

  Options o_;
  std::string db_path_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<SqliteCaseStore> cases_;
  std::unique_ptr<SqlitePaymentStore> payments_;
  GasSettings settings_;
  Actor officer_;
  Instant now_ = At("2026-03-02T08:00:00Z");
  LocalDate posted_ = Day("2026-03-02");
  std::map<int64_t, std::string> plates_;  // case id -> plate, for the checks
  std::string qr_note_;
};

int Main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--out" && has_value) {
      o.out = argv[++i];
    } else if (arg == "--templates" && has_value) {
      o.templates = argv[++i];
    } else if (arg == "--peer-input" && has_value) {
      o.peer_input = argv[++i];
    } else if (arg == "--letters" && has_value) {
      const std::string_view v = argv[++i];
      if (std::from_chars(v.data(), v.data() + v.size(), o.letters).ec != std::errc())
        o.letters = 0;
    } else {
      fmt::print(stderr,
                 "usage: hh_letterbench [--out DIR] [--letters N] [--templates DIR] "
                 "[--peer-input FILE.json]\n");
      return 2;
    }
  }
  if (o.letters < 5) {
    fmt::print(stderr, "hh_letterbench: --letters must be at least 5\n");
    return 2;
  }
  return Bench(std::move(o)).Run();
}

}  // namespace
}  // namespace hh

int main(int argc, char** argv) {
  try {
    return hh::Main(argc, argv);
  } catch (const std::exception& e) {
    std::fputs("hh_letterbench: ", stderr);
    std::fputs(e.what(), stderr);
    std::fputs("\n", stderr);
    return 1;
  }
}
