-- Only an open refund closes; refunds_status.sql tells an unknown id from a closed one.
UPDATE refunds SET status = 'done', done_at = ?2, done_by = ?3 WHERE id = ?1 AND status = 'open';
