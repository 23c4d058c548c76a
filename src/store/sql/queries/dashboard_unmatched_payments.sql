-- Payments waiting to be matched by hand: the partial index payments_unmatched.
SELECT count(*) FROM payments WHERE outcome = 'unmatched';
