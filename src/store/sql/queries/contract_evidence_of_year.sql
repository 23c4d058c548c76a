-- The evidence of a year, without the files' content.
SELECT id, indicator_key, indicator_text, year, note, file_name, content_type, sha256, size,
  added_at, added_by
FROM contract_evidence WHERE year = ?1 ORDER BY indicator_key, id;
