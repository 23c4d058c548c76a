-- Camera cases per day of the facts and zone on days ?1..?2, without those review rejected or
-- a permit covered (no violation); a day and zone with none is left out. cases_facts_zone
-- (facts_day, zone_id, 0011) covers the count of all camera cases of the window and their ids'
-- span; the few rejected or permitted ones are subtracted, found through cases_track_state
-- (track, state, id) in that span of ids, one range a track and state (the tracks are
-- 0002_cases.sql's CHECK). Cases are created in about the order of their facts, so the span
-- stays narrow; a case of old facts created late widens it, which costs time, never a count.
-- INDEXED BY: with statistics (ANALYZE) SQLite would walk the primary key over the span instead,
-- reading every case of the span; without the index the statement fails to prepare.
WITH camera AS (
  SELECT facts_day, zone_id, count(*) AS n, min(id) AS lo, max(id) AS hi FROM cases
  WHERE facts_day BETWEEN ?1 AND ?2 AND zone_id IS NOT NULL
  GROUP BY facts_day, zone_id
), span AS (
  SELECT min(lo) AS lo, max(hi) AS hi FROM camera
), excluded AS (
  SELECT facts_day, zone_id, count(*) AS n FROM span, cases INDEXED BY cases_track_state
  WHERE track IN ('overlast', 'parkeren', 'autoluw') AND state IN ('rejected', 'permitted')
    AND id BETWEEN span.lo AND span.hi
    AND +facts_day BETWEEN ?1 AND ?2 AND +zone_id IS NOT NULL
  GROUP BY facts_day, zone_id
)
SELECT c.facts_day, c.zone_id, c.n - coalesce(e.n, 0) FROM camera c
LEFT JOIN excluded e ON e.facts_day = c.facts_day AND e.zone_id = c.zone_id
WHERE c.n > coalesce(e.n, 0)
ORDER BY c.facts_day, c.zone_id;
