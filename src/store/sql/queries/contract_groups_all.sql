SELECT id, rubric, sector, general, general_original, line FROM contract_objective_groups
ORDER BY position;
