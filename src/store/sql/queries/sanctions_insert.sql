INSERT INTO sanctions (case_id, offender_key, article, decided_on, kind, amount_cents)
VALUES (?1, ?2, ?3, ?4, ?5, ?6);
