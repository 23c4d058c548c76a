-- The record of applied migrations (store/migrations.h). Created before the first migration,
-- so it is not a migration itself.
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
);
