INSERT INTO users (login, name, role, active, created_at, password_hash)
VALUES (?1, ?2, ?3, ?4, ?5, ?6);
