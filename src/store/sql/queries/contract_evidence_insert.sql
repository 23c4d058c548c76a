INSERT INTO contract_evidence (indicator_key, indicator_text, year, note, file_name, content_type,
  sha256, content, size, added_at, added_by)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11);
