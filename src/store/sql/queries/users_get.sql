SELECT id, login, name, role, active FROM users WHERE id = ?1;
