SELECT step, step_original, line, deadline FROM contract_procedure_steps ORDER BY position;
