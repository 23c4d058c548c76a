-- Indicator measure: credits booked on days ?1..?2 (every payment read from a statement,
-- matched or not) and their total in cents.
SELECT count(*), coalesce(sum(amount_cents), 0) FROM payments WHERE booking_date BETWEEN ?1 AND ?2;
