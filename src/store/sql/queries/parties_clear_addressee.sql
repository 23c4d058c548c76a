UPDATE parties SET addressee = 0 WHERE case_id = ?1;
