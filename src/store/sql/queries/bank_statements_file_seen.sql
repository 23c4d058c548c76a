SELECT 1 FROM bank_statements WHERE file_sha256 = ?1 LIMIT 1;
