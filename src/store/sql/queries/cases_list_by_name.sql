-- Driven by cases_name (prefix range [?5, ?6)), in name order, so a page stops after its 50
-- rows whatever else is filtered; the cursor is (?9 name_key, ?7 id), and ?5 is the larger of
-- the prefix and the cursor's name, so the scan starts at the cursor (an OR here would make
-- SQLite scan from the cursor's bound alone).
SELECT id, track, state, facts_day, plate, (SELECT name FROM parties p WHERE p.case_id = cases.id AND p.addressee = 1 LIMIT 1), due_on, flags, warning, amount_cents, substr(created_at, 1, 4)
FROM cases
WHERE name_key >= ?5 AND name_key < ?6 AND (name_key, id) > (?9, ?7)
  AND (?1 IS NULL OR +track = ?1)
  AND (?2 IS NULL OR +state = ?2)
  AND (?3 IS NULL OR +due_on < ?3)
  AND (?4 IS NULL OR +plate = ?4)
ORDER BY name_key, id LIMIT ?8;
