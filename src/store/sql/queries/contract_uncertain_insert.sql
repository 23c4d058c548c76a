INSERT INTO contract_uncertain (contract_id, position, what, line, original, corrected)
VALUES (1, ?1, ?2, ?3, ?4, ?5);
