UPDATE users SET active = ?2 WHERE id = ?1;
