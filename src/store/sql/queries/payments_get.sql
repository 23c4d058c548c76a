SELECT id, statement_id, amount_cents, booking_date, value_date, bank_reference, ogm,
  communication, counterparty_name, counterparty_account, request_id, outcome, assigned_by,
  assigned_at
FROM payments WHERE id = ?1;
