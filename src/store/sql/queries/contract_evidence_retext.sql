-- An indicator's text was amended: its evidence follows the key (and the new text).
UPDATE contract_evidence SET indicator_text = ?3 WHERE indicator_key = ?1 AND indicator_text = ?2;
