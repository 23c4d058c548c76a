INSERT INTO contract_totals (contract_id, position, line, amount_cents, as_written, well_formed)
VALUES (1, ?1, ?2, ?3, ?4, ?5);
