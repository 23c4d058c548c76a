INSERT INTO web_sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at,
                          remote)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7);
