-- Camera cases per day of the facts and zone on days ?1..?2, without those review rejected or
-- a permit covered (no violation); a day and zone with none is left out. All camera cases of a
-- day and zone are counted from cases_facts_zone (facts_day, zone_id; covering), the rejected
-- and permitted ones from cases_no_violation (the same keys, only those cases), and subtracted
-- (both indexes are 0011_case_state_indexes.sql's).
WITH camera AS (
  SELECT facts_day, zone_id, count(*) AS n FROM cases
  WHERE facts_day BETWEEN ?1 AND ?2 AND zone_id IS NOT NULL
  GROUP BY facts_day, zone_id
), excluded AS (
  SELECT facts_day, zone_id, count(*) AS n FROM cases
  WHERE facts_day BETWEEN ?1 AND ?2 AND zone_id IS NOT NULL
    AND state IN ('rejected', 'permitted')
  GROUP BY facts_day, zone_id
)
SELECT c.facts_day, c.zone_id, c.n - coalesce(e.n, 0) FROM camera c
LEFT JOIN excluded e ON e.facts_day = c.facts_day AND e.zone_id = c.zone_id
WHERE c.n > coalesce(e.n, 0)
ORDER BY c.facts_day, c.zone_id;
