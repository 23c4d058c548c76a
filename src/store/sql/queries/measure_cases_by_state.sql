-- Indicator measure: cases now in state ?1 whose facts fall on days ?2..?3. Driven by
-- cases_track_state (track, state, id), one range a track (the tracks are 0002_cases.sql's
-- CHECK); the day is checked on the row.
SELECT count(*) FROM cases
WHERE track IN ('overlast', 'parkeren', 'autoluw') AND state = ?1 AND facts_day BETWEEN ?2 AND ?3;
