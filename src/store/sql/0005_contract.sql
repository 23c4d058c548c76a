-- Issue 6: the security and society contract read from the council decision (src/contract):
-- the contract and its vote, the rubrics with their annual amounts, the objectives tree with
-- its indicators, the approval procedure, and the importer's warnings and uncertain items.
-- One contract per database: a re-import deletes the stored one (ON DELETE CASCADE) and writes
-- the new one in the same transaction. Texts are kept twice: as used (`text`, OCR words
-- corrected) and as read (`original`), with the source line. Amounts are integer cents; days
-- ISO dates (TEXT); instants RFC 3339 UTC text.

CREATE TABLE contracts (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  source_file TEXT NOT NULL,
  period_from TEXT,
  period_to TEXT,
  decision_date TEXT,
  votes_for INTEGER NOT NULL CHECK (votes_for >= 0),
  votes_against INTEGER NOT NULL CHECK (votes_against >= 0),
  abstentions INTEGER NOT NULL CHECK (abstentions >= 0),
  imported_at TEXT NOT NULL
);

-- "Tussen enerzijds ... En anderzijds ...".
CREATE TABLE contract_parties (
  contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  role TEXT NOT NULL,
  name TEXT NOT NULL,
  name_original TEXT NOT NULL,
  line INTEGER NOT NULL,
  PRIMARY KEY (contract_id, position)
);

-- The councillors who abstained, as the decision names them (personal data of public office
-- holders, as published; never printed in logs).
CREATE TABLE contract_abstainers (
  contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (contract_id, position)
);

CREATE TABLE contract_rubrics (
  contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  number TEXT NOT NULL,  -- "I", "II", "III" as the decision writes them
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  title_original TEXT NOT NULL,
  line INTEGER NOT NULL,
  annual_cents INTEGER NOT NULL,
  PRIMARY KEY (contract_id, number)
);

-- The rubric's amount per working year of the contract.
CREATE TABLE contract_rubric_years (
  contract_id INTEGER NOT NULL,
  rubric TEXT NOT NULL,
  year INTEGER NOT NULL,
  amount_cents INTEGER NOT NULL,
  PRIMARY KEY (contract_id, rubric, year),
  FOREIGN KEY (contract_id, rubric) REFERENCES contract_rubrics (contract_id, number)
    ON DELETE CASCADE
);

-- The objectives of one rubric, or of one activity sector of a rubric.
CREATE TABLE contract_objective_groups (
  id INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  rubric TEXT NOT NULL,
  sector INTEGER,  -- NULL when the rubric has no activity sectors
  general TEXT NOT NULL,
  general_original TEXT NOT NULL,
  line INTEGER NOT NULL,
  UNIQUE (contract_id, position),
  FOREIGN KEY (contract_id, rubric) REFERENCES contract_rubrics (contract_id, number)
    ON DELETE CASCADE
);

CREATE TABLE contract_strategic_objectives (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES contract_objective_groups (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  number INTEGER NOT NULL,
  title TEXT NOT NULL,
  title_original TEXT NOT NULL,
  line INTEGER NOT NULL,
  UNIQUE (group_id, position)
);

-- Operational objectives and expected results of a strategic objective.
CREATE TABLE contract_objective_items (
  strategic_id INTEGER NOT NULL REFERENCES contract_strategic_objectives (id) ON DELETE CASCADE,
  list TEXT NOT NULL CHECK (list IN ('operational', 'expected_result')),
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  original TEXT NOT NULL,
  line INTEGER NOT NULL,
  PRIMARY KEY (strategic_id, list, position)
);

CREATE TABLE contract_indicators (
  id INTEGER PRIMARY KEY,
  strategic_id INTEGER NOT NULL REFERENCES contract_strategic_objectives (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  original TEXT NOT NULL,
  line INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('existence', 'count', 'threshold')),
  threshold_min INTEGER,
  threshold_per TEXT CHECK (threshold_per IN ('year', 'quarter', 'month', 'contract')),
  CHECK ((kind = 'threshold') = (threshold_min IS NOT NULL AND threshold_per IS NOT NULL)),
  UNIQUE (strategic_id, position)
);

-- An indicator's status per year (issue 6 part 4, filled later: by a person with evidence, or
-- from a bound measure). A re-import of the contract deletes it with the indicators.
CREATE TABLE contract_indicator_status (
  indicator_id INTEGER NOT NULL REFERENCES contract_indicators (id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('met', 'at_risk', 'not_met', 'no_data')),
  value INTEGER,
  note TEXT NOT NULL DEFAULT '',
  evidence_file TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (indicator_id, year)
);

CREATE TABLE contract_procedure_steps (
  contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  step TEXT NOT NULL,
  step_original TEXT NOT NULL,
  line INTEGER NOT NULL,
  deadline TEXT,
  PRIMARY KEY (contract_id, position)
);

CREATE TABLE contract_warnings (
  contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  message TEXT NOT NULL,
  PRIMARY KEY (contract_id, position)
);

-- What the importer was unsure of, for a person to confirm (confirmed_* set when done).
CREATE TABLE contract_uncertain (
  contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  what TEXT NOT NULL,
  line INTEGER NOT NULL,
  original TEXT NOT NULL,
  corrected TEXT NOT NULL,
  confirmed_at TEXT,
  confirmed_by TEXT,
  PRIMARY KEY (contract_id, position)
);

-- Spending charged to the rubrics (issue 6, part 5), from `handhaving contract budget import`.
-- Kept apart from the contract's rows: a re-import of the contract leaves it.
CREATE TABLE contract_spending (
  id INTEGER PRIMARY KEY,
  day TEXT NOT NULL,
  rubric TEXT NOT NULL,
  description TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents <> 0),
  supplier TEXT NOT NULL,
  document TEXT NOT NULL,
  source_file TEXT NOT NULL,
  line INTEGER NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE INDEX contract_spending_day ON contract_spending (day);
-- Each budget file imported, by its content: the same file imported again is refused, so no
-- expense is counted twice.
CREATE TABLE contract_budget_files (
  sha256 TEXT PRIMARY KEY,
  file_name TEXT NOT NULL,
  rows INTEGER NOT NULL,
  imported_at TEXT NOT NULL
) WITHOUT ROWID;
