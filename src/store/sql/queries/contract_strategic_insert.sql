INSERT INTO contract_strategic_objectives (group_id, position, number, title, title_original,
  line)
VALUES (?1, ?2, ?3, ?4, ?5, ?6);
