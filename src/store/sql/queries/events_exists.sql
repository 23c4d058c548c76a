-- Whether a case's timeline has an event of this action (case_events_case leads with the case).
SELECT 1 FROM case_events WHERE case_id = ?1 AND action = ?2 LIMIT 1;
