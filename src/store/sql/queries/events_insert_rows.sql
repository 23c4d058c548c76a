-- Timeline events from a RowBatch (hh_rows): one appended directly, or the batch the store held,
-- in the order they were appended, which the ids keep: c0 case_id, c1 at, c2 actor, c3 actor_name, c4 role,
-- c5 action, c6 from_state, c7 to_state, c8 reason, c9 detail.
INSERT INTO case_events (case_id, at, actor, actor_name, role, action, from_state, to_state,
  reason, detail)
SELECT c0, c1, c2, c3, c4, c5, c6, c7, c8, c9 FROM hh_rows(?1);
