DELETE FROM letter_queue WHERE id = ?1;
