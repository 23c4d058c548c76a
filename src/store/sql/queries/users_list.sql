SELECT id, login, name, role, active, password_hash FROM users ORDER BY login;
