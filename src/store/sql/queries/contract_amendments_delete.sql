DELETE FROM contract_amendments WHERE path = ?1;
