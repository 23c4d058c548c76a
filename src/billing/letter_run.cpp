#include "billing/letter_run.h"

#include <fmt/core.h>
#include <fmt/ranges.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <utility>

#include "billing/digest.h"
#include "billing/letters_due.h"
#include "billing/payment_requests.h"
#include "core/local_time.h"
#include "csv/csv_reader.h"
#include "letters/letter_pdf.h"
#include "letters/letter_template.h"
#include "payref/epc_qr.h"

namespace hh {
namespace {

// A letter rendered, waiting for the transaction's end to be stored.
struct Made {
  Letter letter;  // what to draw (kept until rendered)
  LetterRecord record;
  std::string pdf;
  std::string file_name;
  std::string ogm_printed;
  int64_t queue_id = 0;
};

std::vector<std::string> Split(std::string_view text, char sep) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= text.size()) {
    size_t j = text.find(sep, i);
    if (j == std::string_view::npos) j = text.size();
    if (j > i) out.emplace_back(text.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// The window block: name, street and number, postal code and municipality (bpost's 3 lines).
std::optional<std::vector<std::string>> AddressLines(const Party& p) {
  const Address& a = p.address;
  if (p.name.empty() || a.street.empty() || a.postal_code.empty() || a.city.empty()) {
    return std::nullopt;
  }
  return std::vector<std::string>{p.name,
                                  a.street + (a.house_number.empty() ? "" : " " + a.house_number),
                                  a.postal_code + " " + a.city};
}

std::string OffenceDescription(const Case& c) {
  if (!c.description.empty()) return c.description;
  switch (c.track) {
    case Track::kAutoluw:
      return "het inrijden van de autoluwe zone zonder toelating (verkeersbord C3)";
    case Track::kParkeren:
      return "een inbreuk op de regels voor stilstaan en parkeren (" + c.offence_code + ")";
    case Track::kOverlast:
      return "een inbreuk op het politiereglement (" + c.offence_code + ")";
  }
  return c.offence_code;
}

std::string Place(const Case& c) {
  std::string out = c.place.street;
  if (!c.place.house_number.empty()) out += " " + c.place.house_number;
  if (!c.place.city.empty()) {
    out += (out.empty() ? "" : ", ") +
           (c.place.postal_code.empty() ? "" : c.place.postal_code + " ") + c.place.city;
  }
  if (!c.place_description.empty()) out += (out.empty() ? "" : ", ") + c.place_description;
  if (out.empty() && !c.zone_id.empty()) out = "autoluwe zone " + c.zone_id;
  return out.empty() ? "-" : out;
}

// The newest event `action` of the file, or nullptr.
const CaseEvent* LastEvent(const CaseFile& f, std::string_view action) {
  for (auto it = f.events.rbegin(); it != f.events.rend(); ++it) {
    if (it->action == action) return &*it;
  }
  return nullptr;
}

Status WriteFile(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Unavailable(path.string() + ": cannot be written");
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out.flush()) return Unavailable(path.string() + ": cannot be written");
  return Status::Ok();
}

class Run {
 public:
  Run(CaseStore& cases, PaymentStore& payments, const GasSettings& settings, const Actor& officer,
      const LetterRunOptions& options, Instant now, const TemplateSet& templates)
      : cases_(cases),
        payments_(payments),
        settings_(settings),
        officer_(officer),
        options_(options),
        now_(now),
        templates_(templates),
        reply_(fmt::format("{}", fmt::join(Split(settings.city_sender, '|'), ", "))) {}

  Status TakeDueActions(LetterRunReport& report) {
    struct Due {
      CaseState state;
      std::string_view action;
      int* counter;
    };
    const Due due[] = {{CaseState::kInvitationDue, "send_invitation", &report.invitations},
                       {CaseState::kWarningDue, "send_warning", &report.warnings},
                       {CaseState::kReminderDue, "send_reminder", &report.reminders}};
    for (const Due& d : due) {
      auto ids = CasesIn(d.state);
      if (!ids.ok()) return ids.status();
      for (CaseId id : *ids) {
        auto file = cases_.GetCaseFile(id);
        if (!file.ok()) return file.status();
        if (!Printable(*file, report)) continue;
        ActInput in;
        in.posted = options_.posted;
        in.detail = "brievenrun";
        Status s = ActWithLetter(cases_, payments_, settings_, id, d.action, officer_, in, now_);
        if (!s.ok()) return s;
        ++*d.counter;
      }
    }
    // A company holder asked to name the driver: the request goes out once.
    auto ids = CasesIn(CaseState::kDriverIdentification);
    if (!ids.ok()) return ids.status();
    auto queued = payments_.QueuedLetters();
    if (!queued.ok()) return queued.status();
    for (CaseId id : *ids) {
      bool owed = false;
      for (const QueuedLetter& q : *queued)
        owed = owed || (q.case_id == id && q.kind == "driver_request");
      auto sent = payments_.LettersOfCase(id);
      if (!sent.ok()) return sent.status();
      for (const LetterRecord& l : *sent) owed = owed || l.kind == "driver_request";
      if (owed) continue;
      auto file = cases_.GetCaseFile(id);
      if (!file.ok()) return file.status();
      if (!Printable(*file, report)) continue;
      QueuedLetter q;
      q.case_id = id;
      q.kind = "driver_request";
      q.posted_on = options_.posted;
      q.requested_by = officer_.login;
      q.created_at = now_;
      Status s = payments_.QueueLetter(q);
      if (!s.ok()) return s;
      ++report.driver_requests;
    }
    return Status::Ok();
  }

  // Prepares every queued letter: its request, fields and text (rendered afterwards).
  Status PrepareQueued(LetterRunReport& report, std::vector<Made>& made) {
    auto queued = payments_.QueuedLetters();
    if (!queued.ok()) return queued.status();
    for (const QueuedLetter& q : *queued) {
      auto file = cases_.GetCaseFile(q.case_id);
      if (!file.ok()) return file.status();
      if (!Printable(*file, report)) continue;
      auto m = Make(q, *file);
      if (!m.ok()) return m.status();
      if (m->record.amount) report.requested += *m->record.amount;
      made.push_back(std::move(*m));
    }
    report.queued = static_cast<int>(made.size()) - report.invitations - report.warnings -
                    report.reminders - report.driver_requests;
    return Status::Ok();
  }

 private:
  Result<std::vector<CaseId>> CasesIn(CaseState state) {
    std::vector<CaseId> ids;
    CaseFilter f;
    f.state = state;
    f.limit = 1000;
    for (;;) {
      auto page = cases_.ListCases(f);
      if (!page.ok()) return page.status();
      for (const CaseSummary& cs : page->cases) ids.push_back(cs.id);
      if (page->next.empty()) break;
      f.after = page->next;
    }
    return ids;
  }

  bool Printable(const CaseFile& file, LetterRunReport& report) {
    const Party* who = Addressee(file);
    if (who != nullptr && AddressLines(*who)) return true;
    const std::string why = who == nullptr ? "geen geadresseerde" : "onvolledig adres";
    const std::string line = fmt::format("case {}: {}", file.c.id.value, why);
    for (const std::string& s : report.skipped) {
      if (s == line) return false;
    }
    report.skipped.push_back(line);
    return false;
  }

  // The request a letter of `kind` asks payment under, created or brought up to date.
  Result<std::optional<PaymentRequest>> RequestFor(std::string_view kind, const Case& c) {
    const bool money = kind == "payment_invitation" || kind == "new_invitation" ||
                       kind == "reminder" || kind == "decision_fine";
    if (!money) return std::optional<PaymentRequest>();
    auto current = CurrentRequest(payments_, c.id);
    if (!current.ok()) return current.status();
    // A decision on an OVERLAST case asks for the fine decided: always a request of its own.
    if (*current && kind != "decision_fine" && (*current)->status != RequestStatus::kPaid) {
      PaymentRequest r = **current;
      r.due_on = c.state_deadline;
      Status s = payments_.UpdateRequest(r);
      if (!s.ok()) return s;
      return std::optional<PaymentRequest>(r);
    }
    if (!c.amount || *c.amount <= Money()) {
      return InvalidArgument(
          fmt::format("case {}: a {} letter needs the case's amount", c.id.value, kind));
    }
    auto r = OpenPaymentRequest(payments_, c, *c.amount, c.state_deadline, now_);
    if (!r.ok()) return r.status();
    return std::optional<PaymentRequest>(*r);
  }

  Result<Made> Make(const QueuedLetter& q, const CaseFile& file) {
    auto kind = ParseLetterKind(q.kind);
    if (!kind)
      return InvalidArgument("queued letter " + std::to_string(q.id) + ": unknown kind " + q.kind);
    const Case& c = file.c;
    const Party& who = *Addressee(file);
    const LetterLanguage lang = ParseLanguageCode(who.language).value_or(LetterLanguage::kDutch);
    auto req = RequestFor(q.kind, c);
    if (!req.ok()) return req.status();

    LetterFields f;
    auto set_text = [&](std::string_view name, std::string value) {
      if (FindLetterField(*kind, name) != nullptr && !value.empty())
        f.SetText(name, std::move(value));
    };
    auto set_date = [&](std::string_view name, std::optional<LocalDate> d) {
      if (FindLetterField(*kind, name) != nullptr && d) f.SetDate(name, *d);
    };
    const std::string number = CaseNumber(c.track, c.created_at.UtcDate().year(), c.id);
    set_text("case_number", number);
    set_date("letter_date", q.posted_on);
    set_text("recipient_name", who.name);
    set_text("signer_name", officer_.name);
    set_text("signer_title", lang == LetterLanguage::kFrench ? "Fonctionnaire sanctionnateur"
                                                             : "Sanctionerend ambtenaar");
    set_date("offence_date", c.facts_day);
    if (FindLetterField(*kind, "offence_time") != nullptr) {
      const LocalDateTime local = LocalTime::Brussels().ToLocal(c.facts_at);
      f.SetTime("offence_time", local.seconds_of_day / 3600, local.seconds_of_day / 60 % 60);
    }
    set_text("offence_place", Place(c));
    set_text("plate", c.plate);
    set_text("offence_description", OffenceDescription(c));
    set_text("legal_basis", c.article);
    set_text("qualification", c.article);
    for (const Evidence& e : file.evidence) {
      if (!e.ref.empty()) {
        set_text("photo_reference", e.ref);
        break;
      }
    }
    set_text("pv_number", c.source_ref);
    set_date("defence_deadline", c.state_deadline);
    set_text("defence_address", reply_);
    set_text("reply_address", reply_);
    set_date("reply_deadline", c.state_deadline);
    set_text("file_access", "op afspraak bij " + reply_);
    if (FindLetterField(*kind, "hearing_right") != nullptr) {
      const bool hearing =
          !IsTrafficTrack(c.track) || (c.amount && *c.amount > Money::FromEuro(70));
      f.SetFlag("hearing_right", hearing);
    }
    if (const CaseEvent* d = LastEvent(file, "register_defence")) {
      set_date("defence_date", LocalTime::Brussels().LocalDay(d->at));
    }
    if (const CaseEvent* r = LastEvent(file, "reject_defence"))
      set_text("rejection_reason", r->reason);
    set_date("decision_date", q.posted_on);
    for (std::string_view decision :
         {"decide_fine", "decide_community_service", "accept_defence", "dismiss"}) {
      if (const CaseEvent* d = LastEvent(file, decision)) {
        set_text("motivation", d->reason);
        break;
      }
    }
    set_date("appeal_deadline", c.state_deadline);
    set_text("appeal_court", c.minor ? "de jeugdrechtbank" : "de politierechtbank");
    set_date("completion_deadline", c.state_deadline);
    set_text("service_contact", "de dienst alternatieve maatregelen van " + settings_.city_name);
    if (const CaseEvent* d = LastEvent(file, "decide_community_service")) {
      const size_t at = d->detail.find(" uur");
      if (at != std::string::npos) {
        size_t b = at;
        while (b > 0 && d->detail[b - 1] >= '0' && d->detail[b - 1] <= '9') --b;
        set_text("service_hours", d->detail.substr(b, at - b));
      }
    }
    if (FindLetterField(*kind, "first_letter_date") != nullptr) {
      auto sent = payments_.LettersOfCase(c.id);
      if (!sent.ok()) return sent.status();
      for (const LetterRecord& l : *sent) {
        if (l.kind == "payment_invitation" || l.kind == "new_invitation") {
          f.SetDate("first_letter_date", l.posted_on);
          break;
        }
      }
    }
    std::string qr;
    std::optional<Money> asked;
    std::string ogm_printed;
    if (*req) {
      const PaymentRequest& r = **req;
      auto ogm = StructuredReference::FromDigits(r.ogm);
      if (!ogm.ok()) return ogm.status();
      asked = Balance(r);
      ogm_printed = ogm->Printed();
      f.SetMoney("amount", *asked);
      if (r.due_on) f.SetDate("due_date", *r.due_on);
      f.SetOgm("ogm", *ogm);
      f.SetText("iban", PrintedIban(settings_.city_iban));
      f.SetText("bic", settings_.city_bic);
      f.SetText("beneficiary", settings_.city_beneficiary);
      const OgmPlacement placement = settings_.qr_ogm_field == "structured"
                                         ? OgmPlacement::kStructured
                                         : OgmPlacement::kUnstructured;
      auto payload = EpcPayload(PaymentTransfer(settings_.city_bic, settings_.city_beneficiary,
                                                settings_.city_iban, *asked, *ogm, placement));
      if (!payload.ok())
        return Status(payload.status().code(), "letters: " + payload.status().message());
      qr = std::move(*payload);
    }
    auto expanded = templates_.Expand(*kind, lang, f);
    if (!expanded.ok()) {
      return Status(expanded.status().code(),
                    fmt::format("case {}: {}", c.id.value, expanded.status().message()));
    }
    Made m;
    m.letter = Letter{std::move(*expanded), *AddressLines(who), qr};
    m.record.case_id = c.id;
    m.record.kind = q.kind;
    m.record.language = std::string(LanguageCode(lang));
    m.record.recipient = who.name;
    if (*req) m.record.request_id = (*req)->id;
    m.record.amount = asked;
    m.record.registered = q.kind == "overlast_start" || q.kind.rfind("decision_", 0) == 0;
    m.record.posted_on = q.posted_on;
    m.record.created_at = now_;
    std::string safe = number;
    for (char& ch : safe) {
      if (ch == '/') ch = '-';
    }
    m.file_name = safe + "_" + q.kind + ".pdf";
    m.ogm_printed = ogm_printed;
    m.queue_id = q.id;
    return m;
  }

  CaseStore& cases_;
  PaymentStore& payments_;
  const GasSettings& settings_;
  const Actor& officer_;
  const LetterRunOptions& options_;
  Instant now_;
  const TemplateSet& templates_;
  const std::string reply_;  // the city's address on one line: where to send a defence or reply
};

// Renders every letter's own PDF and the print file on both cores: this thread draws the print
// file (in order) while a second renderer makes the own PDFs; when the print file is done this
// thread makes own PDFs too. One LetterRenderer per thread (letter_pdf.h).
Status RenderAll(const LetterLayout& layout, const SenderBlock& sender, std::vector<Made>& made,
                 PrintFile& print) {
  std::atomic<size_t> next{0};
  std::mutex failed_mu;
  Status failed;
  auto own = [&](LetterRenderer& r) {
    for (size_t i = next++; i < made.size(); i = next++) {
      auto pdf = r.Render(made[i].letter);
      if (!pdf.ok()) {
        std::lock_guard<std::mutex> lock(failed_mu);
        if (failed.ok()) {
          failed = Status(
              pdf.status().code(),
              fmt::format("case {}: {}", made[i].record.case_id.value, pdf.status().message()));
        }
        next = made.size();
        return;
      }
      made[i].record.sha256 = Sha256Hex(pdf->bytes);
      made[i].record.pages = pdf->pages;
      made[i].pdf = std::move(pdf->bytes);
    }
  };
  std::thread worker([&] {
    LetterRenderer r(layout, sender, sender);
    own(r);
  });
  LetterRenderer main_renderer(layout, sender, sender);
  Status printed;
  for (const Made& m : made) {
    printed = main_renderer.AddToPrint(m.letter, print);
    if (!printed.ok()) {
      printed = Status(printed.code(),
                       fmt::format("case {}: {}", m.record.case_id.value, printed.message()));
      break;
    }
  }
  if (printed.ok()) own(main_renderer);
  worker.join();
  if (!failed.ok()) return failed;
  return printed;
}

LetterLayout LayoutOf(const GasSettings& s) {
  LetterLayout l;
  if (s.window_left_mm > 0) l.address_x_mm = s.window_left_mm;
  if (s.window_top_mm > 0) l.address_y_mm = s.window_top_mm;
  if (s.window_width_mm > 0) l.address_width_mm = s.window_width_mm;
  if (s.window_height_mm > 0) l.address_height_mm = s.window_height_mm;
  return l;
}

}  // namespace

std::string PrintedIban(std::string_view iban) {
  std::string out;
  int n = 0;
  for (char ch : iban) {
    if (ch == ' ') continue;
    if (n > 0 && n % 4 == 0) out += ' ';
    out += ch;
    ++n;
  }
  return out;
}

Result<LetterRunReport> RunLetters(CaseStore& cases, PaymentStore& payments,
                                   const GasSettings& settings, const Actor& officer,
                                   const LetterRunOptions& options, Instant now) {
  if (officer.role != Role::kSanctioningOfficer) {
    return PermissionDenied(fmt::format(
        "user \"{}\" ({}) may not send letters: they go out in the name of the sanctioning "
        "officer, who takes the invitations' decisions",
        officer.login, RoleName(officer.role)));
  }
  auto templates = TemplateSet::Load(options.templates_dir);
  if (!templates.ok()) return templates.status();
  const LetterLayout layout = LayoutOf(settings);
  Status valid = ValidateLayout(layout);
  if (!valid.ok()) return valid;
  SenderBlock sender{Split(settings.city_sender, '|'), settings.city_place};
  std::error_code ec;
  if (!options.out_dir.empty()) {
    std::filesystem::create_directories(options.out_dir, ec);
    if (ec) return Unavailable(options.out_dir + ": " + ec.message());
  }

  LetterRunReport report;
  PrintFile print;
  std::vector<Made> made;
  std::string print_bytes;
  Run run(cases, payments, settings, officer, options, now, *templates);
  Status s = cases.Transact([&]() -> Status {
    Status due = run.TakeDueActions(report);
    if (!due.ok()) return due;
    Status r = run.PrepareQueued(report, made);
    if (!r.ok()) return r;
    r = RenderAll(layout, sender, made, print);
    if (!r.ok()) return r;
    for (const Made& m : made) report.pages += m.record.pages;
    auto bytes = print.Finish();
    if (!bytes.ok()) return bytes.status();
    print_bytes = std::move(*bytes);
    if (made.empty()) return Status::Ok();
    auto run_id = payments.InsertLetterRun(now, officer.login, static_cast<int64_t>(made.size()),
                                           Sha256Hex(print_bytes), print_bytes);
    if (!run_id.ok()) return run_id.status();
    report.run_id = *run_id;
    for (Made& m : made) {
      m.record.run_id = *run_id;
      auto id = payments.InsertLetter(
          m.record, {reinterpret_cast<const uint8_t*>(m.pdf.data()), m.pdf.size()});
      if (!id.ok()) return id.status();
      m.record.id = *id;
      Status d = payments.DeleteQueuedLetter(m.queue_id);
      if (!d.ok()) return d;
      // The letter is part of the case's file: its timeline says so.
      Status e = cases.AppendEvent(
          m.record.case_id, CaseEvent{now, officer.login, officer.name, officer.role, "letter_sent",
                                      std::nullopt, std::nullopt, "",
                                      fmt::format("brief {} ({}), verstuurd op {}, sha256 {}", *id,
                                                  m.record.kind, m.record.posted_on.ToDutchString(),
                                                  m.record.sha256.substr(0, 16))});
      if (!e.ok()) return e;
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  report.letters = static_cast<int>(made.size());
  if (made.empty() || options.out_dir.empty()) return report;

  // The files, after the commit: temporary names first, renamed together at the end.
  const std::filesystem::path dir(options.out_dir);
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> renames;
  auto put = [&](const std::string& name, std::string_view bytes) -> Status {
    const std::filesystem::path final_path = dir / name;
    std::filesystem::path tmp = final_path;
    tmp += ".tmp";
    Status w = WriteFile(tmp, bytes);
    if (!w.ok()) return w;
    renames.emplace_back(tmp, final_path);
    return Status::Ok();
  };
  std::string manifest = "letter;case;kind;recipient;ogm;amount;sha256;pages\n";
  for (const Made& m : made) {
    Status w = put(m.file_name, m.pdf);
    if (!w.ok()) return w;
    manifest += fmt::format("{};{};{};{};{};{};{};{}\n", m.record.id, m.record.case_id.value,
                            m.record.kind, CsvField(m.record.recipient, ';'), m.ogm_printed,
                            m.record.amount ? m.record.amount->ToDutchString() : "",
                            m.record.sha256, m.record.pages);
  }
  Status w = put("print.pdf", print_bytes);
  if (!w.ok()) return w;
  w = put("manifest.csv", manifest);
  if (!w.ok()) return w;
  for (const auto& [from, to] : renames) {
    std::filesystem::rename(from, to, ec);
    if (ec) return Unavailable(to.string() + ": " + ec.message());
  }
  report.print_file = (dir / "print.pdf").string();
  report.manifest = (dir / "manifest.csv").string();
  return report;
}

}  // namespace hh
