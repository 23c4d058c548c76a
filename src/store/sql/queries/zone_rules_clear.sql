DELETE FROM zone_rules;
