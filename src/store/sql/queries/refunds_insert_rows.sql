-- refunds_insert.sql for a batch held by the store (RowBatch, hh_rows): c0 payment_id,
-- c1 case_id, c2 amount_cents, c3 reason, c4 status, c5 created_at, c6 done_at, c7 done_by.
INSERT INTO refunds (payment_id, case_id, amount_cents, reason, status, created_at, done_at,
  done_by)
SELECT c0, c1, c2, c3, c4, c5, c6, c7 FROM hh_rows(?1);
