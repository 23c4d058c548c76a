-- Newest first; every filter optional (NULL); ?6 the id to page below (0: the first page).
SELECT id, at, user_login, remote, action, object, detail FROM audit_log
WHERE (?1 IS NULL OR user_login = ?1)
  AND (?2 IS NULL OR action = ?2)
  AND (?3 IS NULL OR object = ?3)
  AND (?4 IS NULL OR at >= ?4)
  AND (?5 IS NULL OR at < ?5)
  AND (?6 = 0 OR id < ?6)
ORDER BY id DESC LIMIT ?7;
