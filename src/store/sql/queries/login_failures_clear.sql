DELETE FROM login_failures WHERE login = ?1;
