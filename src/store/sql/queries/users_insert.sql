INSERT INTO users (login, name, role, active, created_at) VALUES (?1, ?2, ?3, ?4, ?5);
