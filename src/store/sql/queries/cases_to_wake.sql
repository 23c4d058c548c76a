SELECT id FROM cases WHERE wake_on <= ?1 ORDER BY id;
