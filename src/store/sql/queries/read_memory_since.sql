SELECT keys FROM read_memory WHERE utc_day >= ?1;
