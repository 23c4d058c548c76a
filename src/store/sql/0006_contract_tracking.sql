-- Issue 6: what people add to the contract, kept apart from the imported rows so that it
-- survives a re-import of the decision (which deletes and rewrites those rows with new ids).
-- An indicator is named by its key: rubric, activity sector (when the rubric has them),
-- strategic objective number and the indicator's 1-based position in that objective's list,
-- joined by dots ("II.1.4.2", "I.2.1"); its text is kept beside the key, so that a re-import
-- that moved or changed the indicator is noticed (contract/tracking.h).

-- An indicator bound to a named measure of the registry (contract/measures.h). The measures
-- take the period only; what they count is in the name (gas.cases.state.<state>).
CREATE TABLE contract_bindings (
  indicator_key TEXT PRIMARY KEY,
  indicator_text TEXT NOT NULL,
  measure TEXT NOT NULL,
  bound_at TEXT NOT NULL,
  bound_by TEXT NOT NULL
) WITHOUT ROWID;

-- Evidence for an indicator and a working year: a note (required) and optionally a file, kept
-- in the database with its SHA-256 (hex), so that the evaluation report can name it and a
-- moved file system loses nothing.
CREATE TABLE contract_evidence (
  id INTEGER PRIMARY KEY,
  indicator_key TEXT NOT NULL,
  indicator_text TEXT NOT NULL,
  year INTEGER NOT NULL,
  note TEXT NOT NULL CHECK (note <> ''),
  file_name TEXT,
  content_type TEXT,
  sha256 TEXT,
  content BLOB,
  size INTEGER,
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL,
  CHECK ((file_name IS NULL) = (content IS NULL) AND (content IS NULL) = (sha256 IS NULL))
);
CREATE INDEX contract_evidence_year ON contract_evidence (year, indicator_key);

-- A person's answer to an item the importer was unsure of: confirmed as read (value empty) or
-- corrected to `value`. Keyed by what the item is and the text as read, so that the same
-- item of a re-imported decision stays answered.
CREATE TABLE contract_resolutions (
  what TEXT NOT NULL,
  original TEXT NOT NULL,
  confirmed INTEGER NOT NULL CHECK (confirmed IN (0, 1)),
  value TEXT NOT NULL,
  resolved_at TEXT NOT NULL,
  resolved_by TEXT NOT NULL,
  PRIMARY KEY (what, original),
  CHECK (confirmed = 1 OR value <> '')
) WITHOUT ROWID;

-- The indicators' statuses are computed when asked (EvaluateIndicator over the data as it is
-- now), never stored: the table 0005 reserved for them (keyed by the indicator's id, so lost at
-- every re-import, and without 'on_track') was never written and goes.
DROP TABLE contract_indicator_status;
