SELECT zone_id, weekdays, restricted_from, restricted_to FROM zone_rules ORDER BY id;
