-- The requests whose references are in the JSON array ?1 (a statement file's credits at once).
SELECT id, case_id, ogm, amount_cents, paid_cents, due_on, status, created_at
FROM payment_requests WHERE ogm IN (SELECT value FROM json_each(?1));
