-- Indicator measure: cases of track ?1 whose facts fall on days ?2..?3 (ISO, both included).
SELECT count(*) FROM cases WHERE track = ?1 AND facts_day BETWEEN ?2 AND ?3;
