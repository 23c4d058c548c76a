UPDATE users SET password_hash = ?2 WHERE login = ?1;
