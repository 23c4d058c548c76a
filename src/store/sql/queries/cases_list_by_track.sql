-- The primary key, filtered by track.
SELECT id, track, state, facts_day, plate, (SELECT name FROM parties p WHERE p.case_id = cases.id AND p.addressee = 1 LIMIT 1), due_on, flags, warning, amount_cents, substr(created_at, 1, 4)
FROM cases
WHERE +track = ?1 AND id > ?7
  AND (?2 IS NULL OR +state = ?2)
  AND (?3 IS NULL OR +due_on < ?3)
  AND (?4 IS NULL OR +plate = ?4)
  AND (?5 IS NULL OR (+name_key >= ?5 AND +name_key < ?6))
ORDER BY id LIMIT ?8;
