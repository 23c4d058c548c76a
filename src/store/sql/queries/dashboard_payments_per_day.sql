-- Credits booked per day on days ?1..?2 (every payment read from a statement, matched or not)
-- and their total in cents. Covered by payments_booking (0007_dashboard).
SELECT booking_date, count(*), coalesce(sum(amount_cents), 0) FROM payments
WHERE booking_date BETWEEN ?1 AND ?2 GROUP BY booking_date;
