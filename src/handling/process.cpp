#include "handling/process.h"

#include <fmt/core.h>

#include <algorithm>
#include <utility>

#include "cases/case_actions.h"
#include "core/local_time.h"
#include "intake/camera_import.h"

namespace hh {

Result<ProcessReport> Process(CaseStore& store, const GasSettings& settings, Instant as_of,
                              Instant now) {
  ProcessReport report;
  const LocalDate today = LocalTime::Brussels().LocalDay(as_of);

  // Camera reads whose window closed: decided against the permits as they are now.
  auto pending = store.CountPendingReads();
  if (!pending.ok()) return pending.status();
  if (*pending > 0) {
    auto config = ConfigFromStore(store);
    if (!config.ok()) return config.status();
    Status s = store.Transact([&]() -> Status {
      auto d = DecidePendingReads(store, settings, *config, as_of, now);
      if (!d.ok()) return d.status();
      report.pending_decided = d->decided;
      report.pending_exempt = d->exempt;
      report.new_cases = d->new_cases;
      report.joined_reads = d->joined_reads;
      return Status::Ok();
    });
    if (!s.ok()) return s;
  }

  auto ids = store.CasesToWake(today);
  if (!ids.ok()) return ids.status();
  const Actor clock = SystemActor();
  for (CaseId id : *ids) {
    Status s = store.Transact([&]() -> Status {
      auto c = store.GetCase(id);
      if (!c.ok()) return c.status();
      // The decision limit first: a case past it can only expire.
      if (BeforeDecision(c->track, c->state)) {
        if (auto limit = DecisionLimitOf(*c, settings)) {
          if (today > limit->limit.last_day) {
            ActInput in;
            in.detail =
                "beslissingstermijn liep tot en met " + limit->limit.last_day.ToDutchString();
            ++report.expired;
            return Move(store, settings, *c, ExpiryTransition(c->track), clock, in, now);
          }
          // Each alarm once, in order; a run that missed the 4-month day raises both.
          for (const auto& [months, day] :
               {std::pair{4, limit->first_alarm}, std::pair{5, limit->second_alarm}}) {
            if (today < day || c->alarm_months >= months) continue;
            c->alarm_months = months;
            c->updated_at = now;
            CaseEvent ev{now,
                         clock.login,
                         clock.name,
                         clock.role,
                         fmt::format("alarm_{}_months", months),
                         std::nullopt,
                         std::nullopt,
                         "",
                         "beslissing uiterlijk " + limit->limit.last_day.ToDutchString()};
            Status a = store.AppendEvent(c->id, ev);
            if (!a.ok()) return a;
            ++report.alarms;
          }
        }
      }
      const Transition* t = DeadlineTransition(c->track, c->state);
      if (t != nullptr && c->state_deadline && today > *c->state_deadline) {
        ActInput in;
        in.detail = "termijn liep tot en met " + c->state_deadline->ToDutchString();
        ++report.moved;
        return Move(store, settings, *c, *t, clock, in, now);
      }
      // Nothing moved: store the alarm (if any) and the next wake-up day.
      return store.UpdateCase(*c, c->state, WakeOn(*c, settings));
    });
    if (!s.ok()) return s;
  }
  // The GAS register forgets decisions older than its retention period (GAS.md 1.6).
  LocalDate keep_from;
  const bool ok =
      LocalDate::FromYmd(today.year() - settings.register_retention_years, today.month(),
                         today.month() == 2 ? std::min(today.day(), 28) : today.day(), &keep_from);
  if (ok) {
    auto purged = store.PurgeSanctionsBefore(keep_from);
    if (!purged.ok()) return purged.status();
    report.register_purged = static_cast<uint64_t>(*purged);
  }
  return report;
}

}  // namespace hh
