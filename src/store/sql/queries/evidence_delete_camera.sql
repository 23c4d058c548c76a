DELETE FROM evidence WHERE case_id = ?1 AND camera_id IS NOT NULL;
