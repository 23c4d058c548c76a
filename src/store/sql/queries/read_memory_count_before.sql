SELECT coalesce(sum(length(keys)), 0) / 8 FROM read_memory WHERE utc_day < ?1;
