INSERT INTO cases (track, state, warning, flags, minor, facts_at, facts_day, received_on, zone_id,
  street, house_number, postal_code, city, place_description, description, offence_code, article,
  category, amount_cents, plate, country, source_ref, finding_officer, finding_officer_kind,
  name_key, state_deadline, limit_day, due_on, alarm_months, wake_on, created_at, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
  ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32);
