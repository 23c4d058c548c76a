INSERT INTO letter_queue (case_id, kind, posted_on, requested_by, created_at)
VALUES (?1, ?2, ?3, ?4, ?5);
