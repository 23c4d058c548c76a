-- payment_requests_update.sql for a batch held by the store (RowBatch, hh_rows), one row per
-- request: c0 id, c1 paid_cents, c2 status, c3 due_on. The caller counts the changes. OR FAIL
-- as in cases_update_progress_rows.sql: no statement journal; an error rolls back the caller's
-- whole transaction.
UPDATE OR FAIL payment_requests SET paid_cents = r.c1, status = r.c2, due_on = r.c3
FROM hh_rows(?1) AS r
WHERE payment_requests.id = r.c0;
