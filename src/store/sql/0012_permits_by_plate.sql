-- The permits as one B-tree in plate order: a WITHOUT ROWID table keyed by (plate, permit_id)
-- instead of a rowid table and its plate index (0002_cases.sql). An import writes its permits
-- sorted by that key, so the one tree grows at its end; before, the rows went into the table
-- and then CREATE INDEX sorted them again into a second tree (0.19 s of the import's 0.32 s in
-- SQLite for the benchmark's 203,167 permits, and 3.2 MB more). A plate's permits are still one
-- range of the key (queries/permits_plate.sql), and permit ids stay unique (the file is
-- checked, and the key refuses a second one of a plate).
CREATE TABLE permits_by_plate (
  plate TEXT NOT NULL,  -- normalised
  permit_id TEXT NOT NULL,
  zone_id TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  category TEXT NOT NULL,
  PRIMARY KEY (plate, permit_id)
) WITHOUT ROWID;
INSERT INTO permits_by_plate (plate, permit_id, zone_id, valid_from, valid_to, category)
  SELECT plate, permit_id, zone_id, valid_from, valid_to, category FROM permits;
DROP TABLE permits;
ALTER TABLE permits_by_plate RENAME TO permits;
