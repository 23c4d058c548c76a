SELECT at FROM login_failures WHERE login = ?1 AND at >= ?2 ORDER BY at;
