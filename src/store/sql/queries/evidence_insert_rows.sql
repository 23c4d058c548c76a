-- The evidence of cases inserted while writes were held (RowBatch, hh_rows): c0 case_id,
-- c1 kind, c2 ref, c3 camera_id, c4 detection_id, c5 observed_at, c6 confidence. Without OR
-- IGNORE: a read of a new case that is evidence of another case already fails the batch (the
-- read memory should have known it), where evidence_insert.sql would skip it.
INSERT INTO evidence (case_id, kind, ref, camera_id, detection_id, observed_at, confidence)
SELECT c0, c1, c2, c3, c4, c5, c6 FROM hh_rows(?1);
