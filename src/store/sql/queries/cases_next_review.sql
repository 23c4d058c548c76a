SELECT id FROM cases WHERE state = 'awaiting_review' AND id > ?1 ORDER BY id LIMIT 1;
