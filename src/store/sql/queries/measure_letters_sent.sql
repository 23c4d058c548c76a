-- Indicator measure: letters posted on days ?1..?2.
SELECT count(*) FROM letters WHERE posted_on BETWEEN ?1 AND ?2;
