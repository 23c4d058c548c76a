-- The cases whose ids are in the JSON array ?1 (the bulk paths), with cases_get.sql's columns.
SELECT id, track, state, warning, flags, minor, facts_at, facts_day, received_on, zone_id,
  street, house_number, postal_code, city, place_description, description, offence_code, article,
  category, amount_cents, plate, country, source_ref, finding_officer, finding_officer_kind,
  state_deadline, limit_day, alarm_months, created_at, updated_at
FROM cases WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY id;
