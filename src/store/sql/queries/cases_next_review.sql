-- The first case awaiting review after id ?1 (the review queue's next case). Driven by
-- cases_track_state (track, state, id): one arm per track (0002_cases.sql's CHECK), each a
-- range scan from ?1 in id order, merged by id; the merge stops at the first row.
SELECT id FROM cases WHERE track = 'overlast' AND state = 'awaiting_review' AND id > ?1
UNION ALL
SELECT id FROM cases WHERE track = 'parkeren' AND state = 'awaiting_review' AND id > ?1
UNION ALL
SELECT id FROM cases WHERE track = 'autoluw' AND state = 'awaiting_review' AND id > ?1
ORDER BY id LIMIT 1;
