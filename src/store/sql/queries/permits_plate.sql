-- Served by permits_plate.
SELECT permit_id, plate, zone_id, valid_from, valid_to, category FROM permits WHERE plate = ?1;
