-- The yearly totals the decision states ("totale subsidie ... euro"), as the importer read them,
-- so that their check against the rubrics' sum is redone when a rubric's amount is amended
-- (contract/contract.h, TotalWarnings). A contract imported before this migration has none
-- until it is imported again: its warnings stay as they were stored.
CREATE TABLE contract_totals (
  contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  line INTEGER NOT NULL,
  amount_cents INTEGER NOT NULL,
  as_written TEXT NOT NULL,
  well_formed INTEGER NOT NULL CHECK (well_formed IN (0, 1)),
  PRIMARY KEY (contract_id, position)
);
