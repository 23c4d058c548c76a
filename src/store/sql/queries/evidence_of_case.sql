SELECT kind, ref, camera_id, detection_id, observed_at, confidence FROM evidence
WHERE case_id = ?1 ORDER BY observed_at, id;
