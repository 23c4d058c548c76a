-- The name filter searches the addressee's name, lower-cased (ASCII letters; the filter folds
-- its input the same way).
UPDATE cases SET name_key = (SELECT lower(name) FROM parties WHERE case_id = ?1 AND addressee = 1)
WHERE id = ?1;
