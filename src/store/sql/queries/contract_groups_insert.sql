INSERT INTO contract_objective_groups (contract_id, position, rubric, sector, general,
  general_original, line)
VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6);
