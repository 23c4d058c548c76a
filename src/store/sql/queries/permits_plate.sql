-- A range of the key (plate, permit_id): the permits of one plate, by permit id.
SELECT permit_id, plate, zone_id, valid_from, valid_to, category FROM permits WHERE plate = ?1
ORDER BY permit_id;
