-- Before a whole-table load: the index is rebuilt afterwards (permits_create_index).
DROP INDEX IF EXISTS permits_plate;
