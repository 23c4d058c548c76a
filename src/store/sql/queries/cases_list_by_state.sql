-- Driven by cases_track_state (track, state, id): one arm per track (0002_cases.sql's CHECK),
-- each a range scan from the cursor (?7) in id order, merged by id; the merge reads an arm only
-- as far as the page needs, so a page reads at most ?8 + 3 index entries. With a track (?1),
-- the other arms' constant test fails before they read anything. The residual filters are
-- written with + so that no arm picks another index.
SELECT id, track, state, facts_day, plate, (SELECT name FROM parties p WHERE p.case_id = cases.id AND p.addressee = 1 LIMIT 1), due_on, flags, warning, amount_cents, substr(created_at, 1, 4)
FROM cases
WHERE (?1 IS NULL OR ?1 = 'overlast') AND track = 'overlast' AND state = ?2 AND id > ?7
  AND (?3 IS NULL OR +due_on < ?3)
  AND (?4 IS NULL OR +plate = ?4)
  AND (?5 IS NULL OR (+name_key >= ?5 AND +name_key < ?6))
UNION ALL
SELECT id, track, state, facts_day, plate, (SELECT name FROM parties p WHERE p.case_id = cases.id AND p.addressee = 1 LIMIT 1), due_on, flags, warning, amount_cents, substr(created_at, 1, 4)
FROM cases
WHERE (?1 IS NULL OR ?1 = 'parkeren') AND track = 'parkeren' AND state = ?2 AND id > ?7
  AND (?3 IS NULL OR +due_on < ?3)
  AND (?4 IS NULL OR +plate = ?4)
  AND (?5 IS NULL OR (+name_key >= ?5 AND +name_key < ?6))
UNION ALL
SELECT id, track, state, facts_day, plate, (SELECT name FROM parties p WHERE p.case_id = cases.id AND p.addressee = 1 LIMIT 1), due_on, flags, warning, amount_cents, substr(created_at, 1, 4)
FROM cases
WHERE (?1 IS NULL OR ?1 = 'autoluw') AND track = 'autoluw' AND state = ?2 AND id > ?7
  AND (?3 IS NULL OR +due_on < ?3)
  AND (?4 IS NULL OR +plate = ?4)
  AND (?5 IS NULL OR (+name_key >= ?5 AND +name_key < ?6))
ORDER BY id LIMIT ?8;
