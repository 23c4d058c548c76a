SELECT id, login, name, role, active, password_hash FROM users WHERE login = ?1;
