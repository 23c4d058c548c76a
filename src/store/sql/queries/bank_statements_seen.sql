-- COALESCE as in the unique index bank_statements_key, so that a missing closing day (?4 NULL)
-- matches a stored NULL, and the index is used.
SELECT 1 FROM bank_statements
WHERE account = ?1 AND format = ?2 AND number = ?3
  AND COALESCE(closing_date, '') = COALESCE(?4, '')
LIMIT 1;
