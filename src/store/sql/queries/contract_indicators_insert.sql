INSERT INTO contract_indicators (strategic_id, position, text, original, line, kind,
  threshold_min, threshold_per)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8);
