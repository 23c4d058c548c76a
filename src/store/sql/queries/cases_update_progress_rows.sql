-- cases_update_progress.sql for a batch of moves held by the store (RowBatch, hh_rows): c0 the
-- case id, c1 state, c2 amount_cents, c3 state_deadline, c4 due_on, c5 alarm_months, c6 wake_on,
-- c7 updated_at, and c8 the state the caller saw (a case no longer in it is left as it is, and
-- the caller counts the changes). One row per case. OR FAIL: an error stops the statement
-- without undoing its rows (SQLite then keeps no statement journal, a copy of every page it
-- changes); the caller's transaction is rolled back whole on any error.
UPDATE OR FAIL cases SET state = m.c1, amount_cents = m.c2, state_deadline = m.c3, due_on = m.c4,
  alarm_months = m.c5, wake_on = m.c6, updated_at = m.c7
FROM hh_rows(?1) AS m
WHERE cases.id = m.c0 AND cases.state = m.c8;
