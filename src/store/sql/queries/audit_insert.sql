INSERT INTO audit_log (at, user_login, remote, action, object, detail)
VALUES (?1, ?2, ?3, ?4, ?5, ?6);
