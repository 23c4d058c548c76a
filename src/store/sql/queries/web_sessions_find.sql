SELECT token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, remote
FROM web_sessions WHERE token_hash = ?1;
