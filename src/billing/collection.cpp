#include "billing/collection.h"

#include <fmt/core.h>

#include <string_view>
#include <vector>

#include "billing/payment_requests.h"
#include "csv/csv_reader.h"

namespace hh {
namespace {

// The same day `n` months later, or the month's last day when it has fewer days.
LocalDate AddMonths(LocalDate d, int n) {
  int y = d.year();
  int m = d.month() + n;
  y += (m - 1) / 12;
  m = (m - 1) % 12 + 1;
  for (int day = d.day(); day >= 28; --day) {
    LocalDate out;
    if (LocalDate::FromYmd(y, m, day, &out)) return out;
  }
  LocalDate out;
  (void)LocalDate::FromYmd(y, m, d.day(), &out);
  return out;
}

// States in which a case waits for its payment (and a plan can stand in for the deadline).
bool AwaitsPayment(CaseState s) {
  return s == CaseState::kInvited || s == CaseState::kReinvited || s == CaseState::kReminderDue ||
         s == CaseState::kReminded || s == CaseState::kDecisionNotified || s == CaseState::kPayable;
}

}  // namespace

std::optional<LocalDate> NextInstalmentDue(const PaymentRequest& request,
                                           std::span<const Instalment> plan) {
  int64_t planned = 0;
  for (const Instalment& i : plan) planned += i.amount.cents();
  const int64_t before = request.amount.cents() - planned;
  const int64_t under_plan = request.paid.cents() - before;
  int64_t due = 0;
  for (const Instalment& i : plan) {
    due += i.amount.cents();
    if (under_plan < due) return i.due_on;
  }
  return std::nullopt;
}

Status CreatePaymentPlan(CaseStore& cases, PaymentStore& payments, const GasSettings& settings,
                         CaseId id, int count, LocalDate first_due, const Actor& actor,
                         Instant now) {
  if (count < 2 || count > 24) return InvalidArgument("a payment plan has 2 to 24 instalments");
  return cases.Transact([&]() -> Status {
    auto c = cases.GetCase(id);
    if (!c.ok()) return c.status();
    if (!AwaitsPayment(c->state)) {
      return FailedPrecondition(fmt::format("case {} is not waiting for a payment ({})", id.value,
                                            CaseStateLabelNl(c->state)));
    }
    auto req = CurrentRequest(payments, id);
    if (!req.ok()) return req.status();
    if (!*req || (*req)->status == RequestStatus::kPaid) {
      return NotFound(fmt::format("case {} has no open payment request", id.value));
    }
    auto existing = payments.InstalmentsOf((*req)->id);
    if (!existing.ok()) return existing.status();
    if (!existing->empty()) {
      return FailedPrecondition(fmt::format("case {} has a payment plan already", id.value));
    }
    const Money balance = Balance(**req);
    const int64_t each = balance.cents() / count;
    if (each <= 0) return InvalidArgument("the balance is too small for this many instalments");
    LocalDate last = first_due;
    for (int i = 0; i < count; ++i) {
      Instalment in;
      in.request_id = (*req)->id;
      in.due_on = AddMonths(first_due, i);
      in.amount = Money::FromCents(i + 1 < count ? each : balance.cents() - each * (count - 1));
      Status s = payments.AddInstalment(in);
      if (!s.ok()) return s;
      last = in.due_on;
    }
    PaymentRequest r = **req;
    r.due_on = last;
    Status s = payments.UpdateRequest(r);
    if (!s.ok()) return s;
    c->state_deadline = first_due;
    c->updated_at = now;
    s = cases.UpdateCase(*c, c->state, WakeOn(*c, settings));
    if (!s.ok()) return s;
    return cases.AppendEvent(
        id, CaseEvent{now, actor.login, actor.name, actor.role, "payment_plan", std::nullopt,
                      std::nullopt, "",
                      fmt::format("Afbetalingsplan: {} termijnen vanaf {}, laatste op {}; saldo {}",
                                  count, first_due.ToDutchString(), last.ToDutchString(),
                                  balance.ToDutchString())});
  });
}

Result<BailiffExport> ExportToBailiff(CaseStore& cases, PaymentStore& payments,
                                      const GasSettings& settings, const Actor& actor,
                                      Instant now) {
  BailiffExport out;
  out.csv =
      "dossier;naam;onderneming;ondernemingsnummer;geboortedatum;straat;huisnummer;postcode;"
      "gemeente;taal;datum_feiten;overtreding;artikel;bedrag;betaald;saldo;"
      "gestructureerde_mededeling;brieven\n";
  Status s = cases.Transact([&]() -> Status {
    auto t = FindTransition(Track::kAutoluw, CaseState::kEnforceable, "hand_to_bailiff");
    if (!t.ok()) return t.status();
    Status role = CheckRole(**t, actor);
    if (!role.ok()) return role;
    // Collect first: moving a case changes the list being paged.
    std::vector<CaseId> ids;
    CaseFilter f;
    f.state = CaseState::kEnforceable;
    f.limit = 500;
    for (;;) {
      auto page = cases.ListCases(f);
      if (!page.ok()) return page.status();
      for (const CaseSummary& cs : page->cases) ids.push_back(cs.id);
      if (page->next.empty()) break;
      f.after = page->next;
    }
    for (CaseId id : ids) {
      auto file = cases.GetCaseFile(id);
      if (!file.ok()) return file.status();
      Case& c = file->c;
      const Party* who = Addressee(*file);
      auto req = CurrentRequest(payments, id);
      if (!req.ok()) return req.status();
      auto letters = payments.LettersOfCase(id);
      if (!letters.ok()) return letters.status();
      std::string sent;
      for (const LetterRecord& l : *letters) {
        if (!sent.empty()) sent += ", ";
        sent += l.kind + " " + l.posted_on.ToDutchString();
      }
      const Money amount = *req ? (*req)->amount : c.amount.value_or(Money());
      const Money paid = *req ? (*req)->paid : Money();
      const std::vector<std::string> row = {
          CaseNumber(c.track, c.created_at.UtcDate().year(), id),
          who != nullptr ? who->name : "",
          who != nullptr && who->company ? "ja" : "nee",
          who != nullptr ? who->company_number : "",
          who != nullptr && who->birth_date ? who->birth_date->ToDutchString() : "",
          who != nullptr ? who->address.street : "",
          who != nullptr ? who->address.house_number : "",
          who != nullptr ? who->address.postal_code : "",
          who != nullptr ? who->address.city : "",
          who != nullptr ? who->language : "",
          c.facts_day.ToDutchString(),
          c.offence_code,
          c.article,
          amount.ToDutchString(),
          paid.ToDutchString(),
          (amount - paid).ToDutchString(),
          *req ? StructuredReference::FromDigits((*req)->ogm)->Printed() : "",
          sent};
      std::string line;
      for (const std::string& v : row) {
        if (!line.empty()) line += ';';
        AppendCsvField(line, v, ';');
      }
      out.csv += line + "\n";
      ++out.cases;
      out.total += amount - paid;
      auto move = FindTransition(c.track, c.state, "hand_to_bailiff");
      if (!move.ok()) return move.status();
      ActInput in;
      in.detail = fmt::format("saldo {} in de export voor de gerechtsdeurwaarder",
                              (amount - paid).ToDutchString());
      Status m = Move(cases, settings, c, **move, actor, in, now, CaseWrite::kProgress);
      if (!m.ok()) return m;
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace hh
