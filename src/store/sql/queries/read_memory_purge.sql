DELETE FROM read_memory WHERE utc_day < ?1;
