INSERT INTO contract_procedure_steps (contract_id, position, step, step_original, line,
  deadline)
VALUES (1, ?1, ?2, ?3, ?4, ?5);
