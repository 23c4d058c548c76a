-- The highest case id so far (0 for none): cases inserted while writes are held take the ids
-- after it.
SELECT COALESCE(MAX(id), 0) FROM cases;
