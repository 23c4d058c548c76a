INSERT INTO bank_statements (file_sha256, file_name, format, account, number, closing_date,
  transactions, warnings, imported_at, imported_by)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10);
