INSERT INTO contract_budget_files (sha256, file_name, rows, imported_at) VALUES (?1, ?2, ?3, ?4);
