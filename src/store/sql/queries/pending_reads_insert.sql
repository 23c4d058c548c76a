INSERT OR IGNORE INTO pending_reads (zone_id, plate, country, local_day, camera_id, detection_id,
  observed_at, confidence, strong, deadline, image_ref)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11);
