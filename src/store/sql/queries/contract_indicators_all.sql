SELECT strategic_id, text, original, line, kind, threshold_min, threshold_per
FROM contract_indicators ORDER BY strategic_id, position;
