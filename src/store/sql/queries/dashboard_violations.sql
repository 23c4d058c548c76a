-- Camera cases per day of the facts and zone on days ?1..?2, without those review rejected or
-- a permit covered (no violation). Covered by cases_facts_zone (0007_dashboard).
SELECT facts_day, zone_id, count(*) FROM cases
WHERE facts_day BETWEEN ?1 AND ?2 AND zone_id IS NOT NULL
  AND state NOT IN ('rejected', 'permitted')
GROUP BY facts_day, zone_id ORDER BY facts_day, zone_id;
