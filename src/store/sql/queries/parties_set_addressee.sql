UPDATE parties SET addressee = 1 WHERE case_id = ?1 AND id = ?2;
