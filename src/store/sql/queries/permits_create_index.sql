CREATE INDEX IF NOT EXISTS permits_plate ON permits (plate);
