-- Deadlines are whole seconds in UTC ("...T21:00:00Z"), so text order is time order.
SELECT id, zone_id, plate, country, local_day, camera_id, detection_id, observed_at, confidence,
  strong, deadline, image_ref
FROM pending_reads WHERE deadline <= ?1 ORDER BY id;
