-- Which of the cases whose ids are in the JSON array ?1 have an event of action ?2 in their
-- timeline (case_events_case leads with the case).
SELECT DISTINCT case_id FROM case_events
WHERE case_id IN (SELECT value FROM json_each(?1)) AND action = ?2;
