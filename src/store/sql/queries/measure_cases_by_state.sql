-- Indicator measure: cases now in state ?1 whose facts fall on days ?2..?3.
SELECT count(*) FROM cases WHERE state = ?1 AND facts_day BETWEEN ?2 AND ?3;
