SELECT id, group_id, number, title, title_original, line FROM contract_strategic_objectives
ORDER BY group_id, position;
