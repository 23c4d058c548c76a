-- One piece of evidence, written directly (a RowBatch of one row, hh_rows; columns as in
-- evidence_insert_rows.sql). OR IGNORE: a camera read already evidence of a case is skipped,
-- and the caller learns it from the changes (InsertEvidence returns false).
INSERT OR IGNORE INTO evidence (case_id, kind, ref, camera_id, detection_id, observed_at,
  confidence)
SELECT c0, c1, c2, c3, c4, c5, c6 FROM hh_rows(?1);
