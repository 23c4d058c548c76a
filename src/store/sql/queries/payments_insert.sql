INSERT INTO payments (statement_id, amount_cents, booking_date, value_date, bank_reference, ogm,
  communication, counterparty_name, counterparty_account, request_id, outcome, assigned_by,
  assigned_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13);
