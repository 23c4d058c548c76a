-- The expression and the condition are those of the partial index payment_requests_open_balance
-- (SQLite uses it only when they match it exactly).
SELECT id, case_id, ogm, amount_cents, paid_cents, due_on, status, created_at
FROM payment_requests
WHERE amount_cents - paid_cents = ?1 AND status IN ('open', 'partial')
ORDER BY id LIMIT ?2;
