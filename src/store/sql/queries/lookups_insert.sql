INSERT INTO register_lookups (case_id, at, user_login, purpose, register, outcome)
VALUES (?1, ?2, ?3, ?4, ?5, ?6);
