INSERT INTO letter_runs (at, user_login, letters, print_sha256, print_pdf)
VALUES (?1, ?2, ?3, ?4, ?5);
