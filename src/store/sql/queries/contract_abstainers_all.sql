SELECT name FROM contract_abstainers ORDER BY position;
