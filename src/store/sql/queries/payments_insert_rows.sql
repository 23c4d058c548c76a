-- payments_insert.sql for a batch held by the store (RowBatch, hh_rows), with the ids the store
-- handed out while it held them: c0 id, c1 statement_id, c2 amount_cents, c3 booking_date,
-- c4 value_date, c5 bank_reference, c6 ogm, c7 communication, c8 counterparty_name,
-- c9 counterparty_account, c10 request_id, c11 outcome, c12 assigned_by, c13 assigned_at.
INSERT INTO payments (id, statement_id, amount_cents, booking_date, value_date, bank_reference,
  ogm, communication, counterparty_name, counterparty_account, request_id, outcome, assigned_by,
  assigned_at)
SELECT c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13 FROM hh_rows(?1);
