INSERT INTO contract_rubric_years (contract_id, rubric, year, amount_cents)
VALUES (1, ?1, ?2, ?3);
