-- The permits of one import, from a RowBatch (hh_rows) in key order (plate, permit_id):
-- c0 permit_id, c1 plate (normalised), c2 zone_id, c3 valid_from, c4 valid_to, c5 category.
INSERT INTO permits (permit_id, plate, zone_id, valid_from, valid_to, category)
SELECT c0, c1, c2, c3, c4, c5 FROM hh_rows(?1);
