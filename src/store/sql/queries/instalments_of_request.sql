SELECT id, request_id, due_on, amount_cents
FROM instalments WHERE request_id = ?1 ORDER BY due_on, id;
