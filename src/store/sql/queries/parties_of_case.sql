SELECT id, role, company, name, birth_date, company_number, street, house_number, postal_code,
  city, language, addressee
FROM parties WHERE case_id = ?1 ORDER BY id;
