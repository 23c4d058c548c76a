INSERT INTO zone_rules (zone_id, weekdays, restricted_from, restricted_to) VALUES (?1, ?2, ?3, ?4);
