SELECT at, actor, actor_name, role, action, from_state, to_state, reason, detail
FROM case_events WHERE case_id = ?1 ORDER BY id;
