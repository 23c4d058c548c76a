INSERT INTO contracts (id, source_file, period_from, period_to, decision_date, votes_for,
  votes_against, abstentions, imported_at)
VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8);
