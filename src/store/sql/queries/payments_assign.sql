UPDATE payments SET request_id = ?2, outcome = ?3, assigned_by = ?4, assigned_at = ?5
WHERE id = ?1;
