// handhaving cases list|show|act|driver, review next|accept|correct|reject, holders lookup,
// process: the officers' work on cases from the command line (src/cases, src/handling). Thin:
// each parses its options, calls the library, prints the answer. Lists print a table for
// people or, with --csv, `;`-separated CSV for Belgian Excel.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "billing/letters_due.h"
#include "cli/commands.h"
#include "cli/session.h"
#include "core/local_time.h"
#include "core/plate.h"
#include "csv/csv_reader.h"
#include "handling/holder_identification.h"
#include "handling/process.h"
#include "handling/review.h"
#include "holders/csv_vehicle_register.h"

namespace hh {
namespace {

struct CaseArgs {
  std::string db;
  std::string user;
  int64_t id = 0;
  std::string action;
  std::string reason;
  std::string posted;
  std::string amount;
  int hours = 0;
  std::string detail;
  // list
  std::string track, state, due_before, plate, name, after;
  int limit = 50;
  bool csv = false;
  // review correct
  std::string new_plate;
  // holders
  std::string register_file;
  // driver
  std::string driver_name, birth_date, street, house_number, postal_code, city, language = "nl";
  // process
  std::string as_of;
};

std::string Dutch(const std::optional<LocalDate>& d) { return d ? d->ToDutchString() : "-"; }

std::string FlagText(uint32_t flags, bool warning) {
  std::string out;
  auto add = [&out](const char* s) {
    if (!out.empty()) out += ',';
    out += s;
  };
  if (warning) add("waarschuwing");
  if ((flags & kFlagLowConfidence) != 0) add("lage_betrouwbaarheid");
  if ((flags & kFlagNoPhoto) != 0) add("geen_foto");
  if ((flags & kFlagRecidivism) != 0) add("herhaling");
  if ((flags & kFlagGrouped) != 0) add("gegroepeerd");
  return out;
}

Status RunList(const CaseArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  Session& s = **session;
  CaseFilter f;
  if (!a.track.empty()) {
    auto t = ParseTrack(a.track);
    if (!t.ok()) return InvalidArgument("--track: " + t.status().message());
    f.track = *t;
  }
  if (!a.state.empty()) {
    auto st = ParseCaseState(a.state);
    if (!st.ok()) return InvalidArgument("--state: " + st.status().message());
    f.state = *st;
  }
  if (!a.due_before.empty()) {
    auto d = LocalDate::Parse(a.due_before);
    if (!d.ok()) return InvalidArgument("--deadline-before: must be a date YYYY-MM-DD");
    f.due_before = *d;
  }
  if (!a.plate.empty()) {
    auto p = Plate::Parse(a.plate);
    if (!p.ok()) return InvalidArgument("--plate: has no letter or digit");
    f.plate = p->normalised();
  }
  f.name = a.name;
  f.after = a.after;
  f.limit = a.limit;
  auto page = s.cases->ListCases(f);
  if (!page.ok()) return page.status();
  if (a.csv) {
    fmt::print("dossier;id;spoor;status;datum_feiten;nummerplaat;naam;termijn;bedrag;vlaggen\n");
  } else {
    fmt::print("{:<16} {:>8}  {:<9} {:<22} {:<10}  {:<10} {:<24} {:<10} {}\n", "dossier", "id",
               "spoor", "status", "feiten", "plaat", "naam", "termijn", "vlaggen");
  }
  for (const CaseSummary& c : page->cases) {
    const std::string number = CaseNumber(c.track, c.year_opened, c.id);
    if (a.csv) {
      fmt::print("{};{};{};{};{};{};{};{};{};{}\n", number, c.id.value, TrackName(c.track),
                 CaseStateName(c.state), c.facts_day.ToDutchString(), c.plate,
                 CsvField(c.name, ';'), c.due_on ? c.due_on->ToDutchString() : "",
                 c.amount ? c.amount->ToDutchString() : "", FlagText(c.flags, c.warning));
    } else {
      fmt::print("{:<16} {:>8}  {:<9} {:<22} {:<10}  {:<10} {:<24} {:<10} {}\n", number, c.id.value,
                 TrackName(c.track), CaseStateName(c.state), c.facts_day.ToDutchString(), c.plate,
                 c.name.substr(0, 24), Dutch(c.due_on), FlagText(c.flags, c.warning));
    }
  }
  if (!page->next.empty()) {
    fmt::print(a.csv ? stderr : stdout, "next: --after {}\n", page->next);
  }
  return Status::Ok();
}

void PrintFile(Session& s, const CaseFile& f, const Actor* viewer) {
  const Case& c = f.c;
  LocalTime brussels = LocalTime::Brussels();
  fmt::print("case: {}\nid: {}\ntrack: {}\nstate: {} ({})\n",
             CaseNumber(c.track, c.created_at.UtcDate().year(), c.id), c.id.value,
             TrackName(c.track), CaseStateName(c.state), CaseStateLabelNl(c.state));
  const LocalDateTime local = brussels.ToLocal(c.facts_at);
  fmt::print("facts: {} {:02d}:{:02d}\n", local.date.ToDutchString(), local.seconds_of_day / 3600,
             local.seconds_of_day % 3600 / 60);
  if (!c.zone_id.empty()) fmt::print("zone: {}\n", c.zone_id);
  if (!c.place.street.empty()) {
    fmt::print("place: {}{}{}, {} {}\n", c.place.street, c.place.house_number.empty() ? "" : " ",
               c.place.house_number, c.place.postal_code, c.place.city);
  }
  if (!c.description.empty()) fmt::print("description: {}\n", c.description);
  fmt::print("offence: {}\narticle: {}\n", c.offence_code, c.article);
  if (c.category) fmt::print("category: {}\n", TrafficCategoryName(*c.category));
  if (c.amount) fmt::print("amount: {}\n", c.amount->ToDutchString());
  if (!c.plate.empty())
    fmt::print("plate: {} ({})\n", c.plate, c.country.empty() ? "?" : c.country);
  if (!c.finding_officer.empty()) {
    fmt::print("finding_officer: {} ({})\n", c.finding_officer, c.finding_officer_kind);
  }
  const std::string flags = FlagText(c.flags, c.warning);
  if (!flags.empty()) fmt::print("flags: {}\n", flags);
  if (c.minor) fmt::print("minor: yes (parents get every letter; mediation offer compulsory)\n");
  fmt::print("deadline: {}\n", Dutch(c.state_deadline));
  if (auto limit = DecisionLimitOf(c, s.gas)) {
    fmt::print("decision_limit: {} (alarms {} and {})\n", limit->limit.last_day.ToDutchString(),
               limit->first_alarm.ToDutchString(), limit->second_alarm.ToDutchString());
  }
  auto rec = RecidivismOf(*s.cases, f);
  if (rec.ok()) {
    fmt::print("recidivism: {}\n",
               rec->flagged ? fmt::format("yes: {} sanction(s) for {} since {}, latest {}",
                                          rec->matching_decisions, c.article,
                                          RecidivismWindowStart(c.facts_day).ToDutchString(),
                                          rec->most_recent->ToDutchString())
                            : std::string("no"));
  }
  for (const Party& p : f.parties) {
    fmt::print("party: {}{}: {}{}{}\n", PartyRoleName(p.role), p.addressee ? " (addressee)" : "",
               p.name, p.birth_date ? ", born " + p.birth_date->ToDutchString() : "",
               p.company ? ", KBO " + p.company_number : "");
  }
  for (const Evidence& e : f.evidence) {
    if (!e.camera_id.empty()) {
      fmt::print("evidence: {} {} camera {} read {} at {} confidence {}\n", e.kind, e.ref,
                 e.camera_id, e.detection_id, e.observed_at ? e.observed_at->ToUtcString() : "",
                 e.confidence);
    } else {
      fmt::print("evidence: {} {}\n", e.kind, e.ref);
    }
  }
  for (const CaseEvent& e : f.events) {
    fmt::print("event: {} {} ({}, {}): {}{}{}{}\n", e.at.ToUtcString(), e.actor_name, e.actor,
               RoleName(e.role), e.action, e.to ? " -> " + std::string(CaseStateName(*e.to)) : "",
               e.reason.empty() ? "" : "; reason: " + e.reason,
               e.detail.empty() ? "" : "; " + e.detail);
  }
  if (viewer != nullptr) {
    std::string actions;
    for (const Transition* t : AvailableActions(c.track, c.state, viewer->role)) {
      if (!actions.empty()) actions += ", ";
      actions += t->action;
    }
    fmt::print("actions: {}\n", actions.empty() ? "none for this user" : actions);
  }
}

Status RunShow(const CaseArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  Session& s = **session;
  std::optional<Actor> viewer;
  if (!a.user.empty()) {
    auto u = s.User(a.user);
    if (!u.ok()) return u.status();
    viewer = *u;
  }
  auto f = s.cases->GetCaseFile(CaseId{a.id});
  if (!f.ok()) return f.status();
  PrintFile(s, *f, viewer ? &*viewer : nullptr);
  return Status::Ok();
}

Status RunAct(const CaseArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  Session& s = **session;
  auto actor = s.User(a.user);
  if (!actor.ok()) return actor.status();
  ActInput in;
  in.reason = a.reason;
  in.detail = a.detail;
  if (!a.posted.empty()) {
    auto d = LocalDate::Parse(a.posted);
    if (!d.ok()) return InvalidArgument("--posted: must be a date YYYY-MM-DD");
    in.posted = *d;
  }
  if (!a.amount.empty()) {
    auto m = Money::Parse(a.amount);
    if (!m.ok()) return InvalidArgument("--amount: " + m.status().message());
    in.amount = *m;
  }
  if (a.hours > 0) in.hours = a.hours;
  Status r = ActWithLetter(*s.cases, *s.payments, s.gas, CaseId{a.id}, a.action, *actor, in, s.now);
  if (!r.ok()) return r;
  auto c = s.cases->GetCase(CaseId{a.id});
  if (!c.ok()) return c.status();
  fmt::print("case: {}\naction: {}\nstate: {}\ndeadline: {}\n", a.id, a.action,
             CaseStateName(c->state), Dutch(c->state_deadline));
  return Status::Ok();
}

Status RunDriver(const CaseArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  Session& s = **session;
  auto actor = s.User(a.user);
  if (!actor.ok()) return actor.status();
  Party d;
  d.name = a.driver_name;
  auto birth = LocalDate::Parse(a.birth_date);
  if (!birth.ok()) return InvalidArgument("--birth-date: must be a date YYYY-MM-DD");
  d.birth_date = *birth;
  d.address = {a.street, a.house_number, a.postal_code, a.city};
  d.language = a.language;
  Status r = NameDriver(*s.cases, s.gas, CaseId{a.id}, d, *actor, s.now);
  if (!r.ok()) return r;
  fmt::print("case: {}\nstate: {}\n", a.id, CaseStateName(CaseState::kInvitationDue));
  return Status::Ok();
}

Status RunReview(const CaseArgs& a, const std::string& what) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  Session& s = **session;
  auto actor = s.User(a.user);
  if (!actor.ok()) return actor.status();
  const CaseId id{a.id};
  if (what == "next") {
    auto next = ReviewNext(*s.cases, CaseId{a.id});
    if (!next.ok()) return next.status();
    if (!next->has_value()) {
      fmt::print("review: queue empty\n");
      return Status::Ok();
    }
    PrintFile(s, **next, &*actor);
    return Status::Ok();
  }
  if (what == "accept") {
    Status r = ReviewAccept(*s.cases, s.gas, id, *actor, s.now);
    if (!r.ok()) return r;
    fmt::print("case: {}\nreview: accepted\nstate: holder_lookup\n", a.id);
  } else if (what == "correct") {
    auto r = ReviewCorrect(*s.cases, s.gas, id, a.new_plate, *actor, s.now);
    if (!r.ok()) return r.status();
    fmt::print("case: {}\nreview: corrected\nstate: {}\n", a.id,
               *r == CorrectionOutcome::kPermitted ? "permitted" : "holder_lookup");
  } else {
    Status r = ReviewReject(*s.cases, s.gas, id, a.reason, *actor, s.now);
    if (!r.ok()) return r;
    fmt::print("case: {}\nreview: rejected\nstate: rejected\n", a.id);
  }
  return Status::Ok();
}

Status RunLookup(const CaseArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  Session& s = **session;
  auto actor = s.User(a.user);
  if (!actor.ok()) return actor.status();
  auto reg = CsvVehicleRegister::Load(a.register_file);
  if (!reg.ok()) return reg.status();
  auto r = IdentifyHolders(*s.cases, **reg, s.gas, *actor, s.now,
                           static_cast<uint64_t>(std::max(0, a.limit)));
  if (!r.ok()) return r.status();
  fmt::print(
      "cases: {}\npersons: {}\nwarnings: {}\ncompanies: {}\nminors: {}\nforeign: {}\n"
      "unknown: {}\n",
      r->cases, r->persons, r->warnings, r->companies, r->minors, r->foreign, r->unknown);
  return Status::Ok();
}

Status RunProcess(const CaseArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  Session& s = **session;
  Instant as_of = s.now;
  if (!a.as_of.empty()) {
    auto t = Instant::Parse(a.as_of);
    if (!t.ok()) return InvalidArgument("--as-of \"" + a.as_of + "\": " + t.status().message());
    as_of = *t;
  }
  auto r = Process(*s.cases, s.gas, as_of, s.now);
  if (!r.ok()) return r.status();
  fmt::print(
      "as_of: {}\npending_decided: {}\npending_exempt: {}\nnew_cases: {}\njoined_reads: {}\n"
      "moved: {}\nexpired: {}\nalarms: {}\nregister_purged: {}\n",
      as_of.ToUtcString(), r->pending_decided, r->pending_exempt, r->new_cases, r->joined_reads,
      r->moved, r->expired, r->alarms, r->register_purged);
  return Status::Ok();
}

}  // namespace

void RegisterCaseCommands(CLI::App& app, CommandFn* run) {
  CLI::App* cases = app.add_subcommand("cases", "List, show and act on GAS cases");
  cases->require_subcommand(1);
  {
    auto a = std::make_shared<CaseArgs>();
    CLI::App* c = cases->add_subcommand("list", "List cases (keyset pages, newest filters)");
    c->add_option("--db", a->db, "the SQLite database")->required();
    c->add_option("--track", a->track, "overlast, parkeren or autoluw");
    c->add_option("--state", a->state, "a state (e.g. awaiting_review, invited)");
    c->add_option("--deadline-before", a->due_before,
                  "a deadline (state or decision limit) before this day YYYY-MM-DD");
    c->add_option("--plate", a->plate, "a plate (any spelling)");
    c->add_option("--name", a->name, "the start of the addressee's name");
    c->add_option("--after", a->after, "the cursor the previous page printed");
    c->add_option("--limit", a->limit, "cases per page (1-1000, default 50)")
        ->check(CLI::Range(1, 1000));
    c->add_flag("--csv", a->csv, "';'-separated CSV (Belgian Excel) instead of a table");
    c->callback([a, run] { *run = [a] { return RunList(*a); }; });
  }
  {
    auto a = std::make_shared<CaseArgs>();
    CLI::App* c = cases->add_subcommand("show", "Show a case: facts, parties, evidence, timeline");
    c->add_option("ID", a->id, "the case id")->required();
    c->add_option("--db", a->db, "the SQLite database")->required();
    c->add_option("--user", a->user, "show the actions this user may take");
    c->callback([a, run] { *run = [a] { return RunShow(*a); }; });
  }
  {
    auto a = std::make_shared<CaseArgs>();
    CLI::App* c = cases->add_subcommand("act", "Take an action on a case as a named user");
    c->add_option("ID", a->id, "the case id")->required();
    c->add_option("ACTION", a->action, "the action (cases show --user lists them)")->required();
    c->add_option("--db", a->db, "the SQLite database")->required();
    c->add_option("--user", a->user, "the acting user's login")->required();
    c->add_option("--reason", a->reason, "the reason (required where the law needs one)");
    c->add_option("--posted", a->posted,
                  "the day the letter is posted (YYYY-MM-DD; default today)");
    c->add_option("--amount", a->amount, "an amount in euro (58.00)");
    c->add_option("--hours", a->hours, "community-service hours");
    c->add_option("--detail", a->detail, "a note for the timeline");
    c->callback([a, run] { *run = [a] { return RunAct(*a); }; });
  }
  {
    auto a = std::make_shared<CaseArgs>();
    CLI::App* c =
        cases->add_subcommand("driver", "Re-address a case to the driver a company named");
    c->add_option("ID", a->id, "the case id")->required();
    c->add_option("--db", a->db, "the SQLite database")->required();
    c->add_option("--user", a->user, "the acting user's login")->required();
    c->add_option("--name", a->driver_name, "the driver's name")->required();
    c->add_option("--birth-date", a->birth_date, "YYYY-MM-DD")->required();
    c->add_option("--street", a->street, "");
    c->add_option("--house-number", a->house_number, "");
    c->add_option("--postal-code", a->postal_code, "");
    c->add_option("--city", a->city, "");
    c->add_option("--language", a->language, "nl, fr, de or en (default nl)");
    c->callback([a, run] { *run = [a] { return RunDriver(*a); }; });
  }
  CLI::App* review = app.add_subcommand("review", "Review camera cases and flagged findings");
  review->require_subcommand(1);
  for (const char* what : {"next", "accept", "correct", "reject"}) {
    auto a = std::make_shared<CaseArgs>();
    const std::string w = what;
    CLI::App* c =
        review->add_subcommand(what, w == "next" ? "Show the next case to review" : "Review: " + w);
    if (w == "next") {
      c->add_option("--after", a->id, "start after this case id");
    } else {
      c->add_option("ID", a->id, "the case id")->required();
    }
    c->add_option("--db", a->db, "the SQLite database")->required();
    c->add_option("--user", a->user, "the reviewer's login")->required();
    if (w == "correct") c->add_option("--plate", a->new_plate, "the corrected plate")->required();
    if (w == "reject") c->add_option("--reason", a->reason, "why")->required();
    c->callback([a, run, w] { *run = [a, w] { return RunReview(*a, w); }; });
  }
  {
    CLI::App* holders = app.add_subcommand("holders", "Registration holders of reviewed cases");
    holders->require_subcommand(1);
    auto a = std::make_shared<CaseArgs>();
    a->limit = 0;
    CLI::App* c = holders->add_subcommand("lookup", "Identify the holders of every reviewed case");
    c->add_option("--db", a->db, "the SQLite database")->required();
    c->add_option("--user", a->user, "the user on whose behalf the register is asked")->required();
    c->add_option("--register", a->register_file,
                  "a CSV vehicle register (demo and tests; the DIV adapter replaces it)")
        ->required();
    c->add_option("--limit", a->limit, "at most this many cases (default all)");
    c->callback([a, run] { *run = [a] { return RunLookup(*a); }; });
  }
  {
    auto a = std::make_shared<CaseArgs>();
    CLI::App* c = app.add_subcommand("process", "Take every transition that time has made due");
    c->add_option("--db", a->db, "the SQLite database")->required();
    c->add_option("--as-of", a->as_of, "the instant to process as of (default now)");
    c->callback([a, run] { *run = [a] { return RunProcess(*a); }; });
  }
}

}  // namespace hh
