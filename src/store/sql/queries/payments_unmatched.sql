-- The manual queue, in import order (oldest first); the condition is that of the partial index
-- payments_unmatched.
SELECT id, statement_id, amount_cents, booking_date, value_date, bank_reference, ogm,
  communication, counterparty_name, counterparty_account, request_id, outcome, assigned_by,
  assigned_at
FROM payments WHERE outcome = 'unmatched' ORDER BY id LIMIT ?1;
