INSERT INTO cameras (camera_id, zone_id, direction, active_from, active_to, warning_until)
VALUES (?1, ?2, ?3, ?4, ?5, ?6);
