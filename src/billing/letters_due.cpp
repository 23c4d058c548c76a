#include "billing/letters_due.h"

#include <array>
#include <utility>

#include "core/local_time.h"

namespace hh {

std::string_view LetterKindForAction(std::string_view action, Track track) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kLetters = {{
      {"send_invitation", "payment_invitation"},
      {"reject_defence", "new_invitation"},
      {"send_warning", "warning"},
      {"send_reminder", "reminder"},
      {"start_procedure", "overlast_start"},
      {"decide_fine", "decision_fine"},
      {"decide_community_service", "decision_community_service"},
      {"accept_defence", "decision_dismissal"},
  }};
  for (const auto& [a, kind] : kLetters) {
    if (a != action) continue;
    // A traffic defence accepted closes the file: the same dismissal letter as OVERLAST.
    if (a == "accept_defence" && !IsTrafficTrack(track)) return "";
    return kind;
  }
  return "";
}

Status ActWithLetter(CaseStore& cases, PaymentStore& payments, const GasSettings& settings,
                     CaseId id, std::string_view action, const Actor& actor, const ActInput& input,
                     Instant now) {
  return cases.Transact([&]() -> Status {
    auto before = cases.GetCase(id);
    if (!before.ok()) return before.status();
    Status s = Act(cases, settings, id, action, actor, input, now);
    if (!s.ok()) return s;
    const std::string_view kind = LetterKindForAction(action, before->track);
    if (kind.empty()) return Status::Ok();
    QueuedLetter q;
    q.case_id = id;
    q.kind = std::string(kind);
    q.posted_on = input.posted.value_or(LocalTime::Brussels().LocalDay(now));
    q.requested_by = actor.login;
    q.created_at = now;
    return payments.QueueLetter(q);
  });
}

}  // namespace hh
