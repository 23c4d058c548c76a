-- Driven by cases_due, earliest deadline first; the cursor is (?9 due_on, ?7 id).
SELECT id, track, state, facts_day, plate, (SELECT name FROM parties p WHERE p.case_id = cases.id AND p.addressee = 1 LIMIT 1), due_on, flags, warning, amount_cents, substr(created_at, 1, 4)
FROM cases
WHERE due_on >= ?9 AND due_on < ?3 AND (due_on, id) > (?9, ?7)
  AND (?1 IS NULL OR +track = ?1)
  AND (?2 IS NULL OR +state = ?2)
  AND (?4 IS NULL OR +plate = ?4)
  AND (?5 IS NULL OR (+name_key >= ?5 AND +name_key < ?6))
ORDER BY due_on, id LIMIT ?8;
