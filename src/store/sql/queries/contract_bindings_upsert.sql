-- Binds an indicator (by key) to a measure, replacing an earlier binding of that key.
INSERT INTO contract_bindings (indicator_key, indicator_text, measure, bound_at, bound_by)
VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT (indicator_key) DO UPDATE SET indicator_text = excluded.indicator_text,
  measure = excluded.measure, bound_at = excluded.bound_at, bound_by = excluded.bound_by;
