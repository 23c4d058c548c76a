-- The review queue: cases awaiting review. Index cases_state.
SELECT count(*) FROM cases WHERE state = 'awaiting_review';
