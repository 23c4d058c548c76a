SELECT id, case_id, ogm, amount_cents, paid_cents, due_on, status, created_at
FROM payment_requests WHERE id = ?1;
