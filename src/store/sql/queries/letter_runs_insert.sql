INSERT INTO letter_runs (at, user_login, letters, print_sha256) VALUES (?1, ?2, ?3, ?4);
