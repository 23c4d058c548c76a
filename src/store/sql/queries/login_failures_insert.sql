INSERT INTO login_failures (login, remote, at) VALUES (?1, ?2, ?3);
