-- Indicator measure: camera hits reviewed (accepted, corrected or rejected) on UTC days ?1..?2
-- (event instants are UTC text "YYYY-MM-DDTHH:MM:SSZ", so the day is their first ten characters).
SELECT count(*) FROM case_events
WHERE action IN ('review_accept', 'review_correct', 'review_correct_permitted', 'review_reject')
  AND substr(at, 1, 10) BETWEEN ?1 AND ?2;
