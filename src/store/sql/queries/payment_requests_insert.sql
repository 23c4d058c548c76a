INSERT INTO payment_requests (id, case_id, ogm, amount_cents, paid_cents, due_on, status,
  created_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8);
