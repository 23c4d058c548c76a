SELECT camera_id, zone_id, direction, active_from, active_to, warning_until FROM cameras
ORDER BY rowid;
