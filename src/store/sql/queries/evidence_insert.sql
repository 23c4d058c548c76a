INSERT OR IGNORE INTO evidence (case_id, kind, ref, camera_id, detection_id, observed_at, confidence)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7);
