-- City settings: policy values the council or the administration chooses (for example the
-- minimum age for a GAS sanction, 14 or 16), one row per key. `source` says where the value comes
-- from (a council decision, a regulation article, or "[UNVERIFIED] default"); `updated_at`
-- (UTC, "YYYY-MM-DDTHH:MM:SSZ") and `updated_by` say who set it last and when.
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  source TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
