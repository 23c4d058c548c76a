-- Sets a setting, replacing any earlier value, source and author.
INSERT INTO settings (key, value, source, updated_at, updated_by)
VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT (key) DO UPDATE SET
  value = excluded.value,
  source = excluded.source,
  updated_at = excluded.updated_at,
  updated_by = excluded.updated_by;
