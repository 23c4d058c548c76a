SELECT strategic_id, list, text, original, line FROM contract_objective_items
ORDER BY strategic_id, list, position;
