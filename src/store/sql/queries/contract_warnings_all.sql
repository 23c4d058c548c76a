SELECT message FROM contract_warnings ORDER BY position;
