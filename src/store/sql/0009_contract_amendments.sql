-- Issue 6: "a person can correct any part afterwards". An amendment names a part of the
-- contract by a path that survives a re-import, as the indicator keys do ("rubric.II.title",
-- "indicator.II.1.4.2.threshold"; the grammar is in contract/amend.h), and gives its new value.
-- The imported rows stay as the decision was read; the amendments are applied when the contract
-- is read for people. One current value per path: amending a part again replaces its value.
-- `original` is the part's value as imported when it was amended, for the screen to show
-- beside the new one.
CREATE TABLE contract_amendments (
  path TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  original TEXT NOT NULL,
  amended_at TEXT NOT NULL,
  amended_by TEXT NOT NULL
) WITHOUT ROWID;
