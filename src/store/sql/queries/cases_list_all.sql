-- No filter: the primary key.
SELECT id, track, state, facts_day, plate, (SELECT name FROM parties p WHERE p.case_id = cases.id AND p.addressee = 1 LIMIT 1), due_on, flags, warning, amount_cents, substr(created_at, 1, 4)
FROM cases
WHERE id > ?7
ORDER BY id LIMIT ?8;
