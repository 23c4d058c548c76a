-- Amends a part (by path), replacing an earlier amendment of that path.
INSERT INTO contract_amendments (path, value, original, amended_at, amended_by)
VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT (path) DO UPDATE SET value = excluded.value, original = excluded.original,
  amended_at = excluded.amended_at, amended_by = excluded.amended_by;
