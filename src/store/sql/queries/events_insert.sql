INSERT INTO case_events (case_id, at, actor, actor_name, role, action, from_state, to_state,
  reason, detail)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10);
