SELECT id, zone_id, plate, facts_day, state, flags, facts_at FROM cases
WHERE track = 'autoluw' AND plate IS NOT NULL AND facts_day BETWEEN ?1 AND ?2;
