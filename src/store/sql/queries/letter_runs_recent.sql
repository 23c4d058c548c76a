-- The newest letter runs first (the letters screen), at most ?1.
SELECT id, at, user_login, letters, print_sha256 FROM letter_runs ORDER BY id DESC LIMIT ?1;
