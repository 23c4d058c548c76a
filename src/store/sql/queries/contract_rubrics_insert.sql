INSERT INTO contract_rubrics (contract_id, number, position, title, title_original, line,
  annual_cents)
VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6);
