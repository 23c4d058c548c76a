-- Fewer case indexes that hold the state, so that a move along the procedure rewrites fewer of
-- them. Bank reconciliation moves some 92,000 cases from invited to paid in one transaction,
-- and most of that UPDATE's cost was index upkeep: set-based in the sqlite3 shell on the
-- reconcile benchmark's setup.db, 0.59 s with cases_state and a cases_facts_zone holding the
-- state, 0.32 s without. A state change now rewrites cases_track_state alone among the indexes
-- that hold the state.
--
-- Every query that filtered on the state alone now names the three tracks (0002_cases.sql's
-- CHECK) so that cases_track_state (track, state, id) serves it: a count as `track IN (...)`,
-- a page in id order as one range per track merged by id (queries/cases_list_by_state.sql,
-- cases_next_review.sql).
DROP INDEX cases_state;

-- Violations per day and zone (camera cases), now without the state: the dashboard counts all
-- camera cases of a day and zone here and subtracts the rejected and permitted ones, which
-- cases_no_violation holds by day and zone (queries/dashboard_violations.sql).
DROP INDEX cases_facts_zone;
CREATE INDEX cases_facts_zone ON cases (facts_day, zone_id) WHERE zone_id IS NOT NULL;
-- The camera cases that are no violation. Only a move into or out of rejected or permitted
-- (review, a late permit) writes it; for any other state change SQLite tests the condition on
-- the old and the new row and writes nothing (the reconcile UPDATE measured the same with and
-- without it). Through cases_track_state instead, the dashboard read every rejected or
-- permitted case of the window's span of ids: 26-120 ms on a million cases, 5 ms with this.
CREATE INDEX cases_no_violation ON cases (facts_day, zone_id)
  WHERE zone_id IS NOT NULL AND state IN ('rejected', 'permitted');
