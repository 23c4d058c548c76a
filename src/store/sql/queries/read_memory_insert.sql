INSERT INTO read_memory (utc_day, keys) VALUES (?1, ?2);
