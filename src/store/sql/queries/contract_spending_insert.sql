INSERT INTO contract_spending (day, rubric, description, amount_cents, supplier, document,
  source_file, line, imported_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9);
