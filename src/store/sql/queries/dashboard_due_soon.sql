-- Cases whose due_on is at most ?2 (index cases_due), with the days the dashboard tests:
-- track, state, limit_day and state_deadline. due_on is the earlier of the state's deadline and,
-- before the decision, the decision limit, so every case with either in [?1, ?2] is among them.
SELECT track, state, limit_day, state_deadline FROM cases
WHERE due_on IS NOT NULL AND due_on <= ?2
  AND ((limit_day >= ?1 AND limit_day <= ?2) OR (state_deadline >= ?1 AND state_deadline <= ?2));
