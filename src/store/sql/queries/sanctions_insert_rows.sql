-- sanctions_insert.sql for a batch held by the store (RowBatch, hh_rows): c0 case_id,
-- c1 offender_key, c2 article, c3 decided_on, c4 kind, c5 amount_cents. (Sorting a batch by
-- sanctions_offender first made it no faster: the index's pages are in the cache.)
INSERT INTO sanctions (case_id, offender_key, article, decided_on, kind, amount_cents)
SELECT c0, c1, c2, c3, c4, c5 FROM hh_rows(?1);
