-- What a move along the procedure changes, and nothing else (so the plate, source and name
-- indexes are not rewritten); only when the case is still in the state the caller saw (?9).
UPDATE cases SET state = ?2, amount_cents = ?3, state_deadline = ?4, due_on = ?5,
  alarm_months = ?6, wake_on = ?7, updated_at = ?8
WHERE id = ?1 AND state = ?9;
