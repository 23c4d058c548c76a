INSERT INTO contract_objective_items (strategic_id, list, position, text, original, line)
VALUES (?1, ?2, ?3, ?4, ?5, ?6);
