SELECT id, case_id, kind, posted_on, requested_by, created_at FROM letter_queue ORDER BY id;
