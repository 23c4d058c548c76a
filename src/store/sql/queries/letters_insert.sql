INSERT INTO letters (case_id, run_id, kind, language, recipient, request_id, amount_cents,
  registered, registered_number, posted_on, sha256, pages, created_at, pdf)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14);
