INSERT INTO contract_resolutions (what, original, confirmed, value, resolved_at, resolved_by)
VALUES (?1, ?2, ?3, ?4, ?5, ?6)
ON CONFLICT (what, original) DO UPDATE SET confirmed = excluded.confirmed, value = excluded.value,
  resolved_at = excluded.resolved_at, resolved_by = excluded.resolved_by;
