-- Issue 5: what the web application adds to the people of 0002_cases (their passwords), their
-- server-side sessions, failed logins (for the lock-out) and the audit log of every state change
-- and every view of a person's data. Instants are RFC 3339 UTC text like the case tables.

-- libsodium crypto_pwhash_str (argon2id, its parameters inside the string); NULL for a user who
-- cannot log in to the web application (made by the CLI without a password).
ALTER TABLE users ADD COLUMN password_hash TEXT;

CREATE TABLE web_sessions (
  token_hash TEXT PRIMARY KEY,  -- SHA-256 (hex) of the cookie's token: the database holds no session
  user_id INTEGER NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,  -- the absolute expiry; the idle one is last_seen_at + the setting
  remote TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX web_sessions_user ON web_sessions (user_id);

CREATE TABLE login_failures (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL,
  remote TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX login_failures_login ON login_failures (login, at);

-- Never updated or deleted by the application.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_login TEXT NOT NULL,  -- '' for an attempt without a known user
  remote TEXT NOT NULL,      -- the client's address as the server saw it (or nginx passed it)
  action TEXT NOT NULL,      -- 'view_case', 'search_cases', 'login', 'login_failed', ...
  object TEXT NOT NULL,      -- 'case:123', 'user:4', ...
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_user ON audit_log (user_login, id);
CREATE INDEX audit_log_object ON audit_log (object, id);
