-- Whether a budget file with this content (SHA-256, hex) was imported.
SELECT 1 FROM contract_budget_files WHERE sha256 = ?1;
