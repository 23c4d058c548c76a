INSERT INTO contract_parties (contract_id, position, role, name, name_original, line)
VALUES (1, ?1, ?2, ?3, ?4, ?5);
