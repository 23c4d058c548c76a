-- The review queue: cases awaiting review. Driven by cases_track_state (track, state, id), one
-- range a track (the tracks are 0002_cases.sql's CHECK), read from the index alone.
SELECT count(*) FROM cases
WHERE track IN ('overlast', 'parkeren', 'autoluw') AND state = 'awaiting_review';
