DELETE FROM web_sessions WHERE token_hash = ?1;
