SELECT id, login, name, role, active FROM users WHERE login = ?1;
