INSERT INTO parties (case_id, role, company, name, birth_date, company_number, street,
  house_number, postal_code, city, language, addressee, offender_key)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13);
