-- The parties of the cases whose ids are in the JSON array ?1: the case id, then
-- parties_of_case.sql's columns.
SELECT case_id, id, role, company, name, birth_date, company_number, street, house_number,
  postal_code, city, language, addressee
FROM parties WHERE case_id IN (SELECT value FROM json_each(?1)) ORDER BY case_id, id;
