INSERT INTO permits (permit_id, plate, zone_id, valid_from, valid_to, category)
VALUES (?1, ?2, ?3, ?4, ?5, ?6);
