INSERT INTO refunds (payment_id, case_id, amount_cents, reason, status, created_at, done_at,
  done_by)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8);
