-- The id the next request gets (its reference is derived from it); max(id) reads the last row.
SELECT COALESCE(MAX(id), 0) + 1 FROM payment_requests;
