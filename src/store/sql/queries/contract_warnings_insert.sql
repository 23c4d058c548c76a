INSERT INTO contract_warnings (contract_id, position, message) VALUES (1, ?1, ?2);
