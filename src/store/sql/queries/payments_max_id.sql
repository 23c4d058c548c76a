-- The highest payment id so far (0 for none): held payments take the ids after it.
SELECT COALESCE(MAX(id), 0) FROM payments;
