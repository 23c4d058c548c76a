-- Indicator measure: sanctions in the register decided on days ?1..?2.
SELECT count(*) FROM sanctions WHERE decided_on BETWEEN ?1 AND ?2;
