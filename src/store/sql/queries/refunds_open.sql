-- The condition is that of the partial index refunds_open.
SELECT id, payment_id, case_id, amount_cents, reason, status, created_at, done_at, done_by
FROM refunds WHERE status = 'open' ORDER BY id;
