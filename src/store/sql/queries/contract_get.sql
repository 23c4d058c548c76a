SELECT source_file, period_from, period_to, decision_date, votes_for, votes_against,
  abstentions, imported_at
FROM contracts WHERE id = 1;
