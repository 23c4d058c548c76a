INSERT INTO contract_abstainers (contract_id, position, name) VALUES (1, ?1, ?2);
