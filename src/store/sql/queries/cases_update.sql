-- Only when the case is still in the state the caller saw (?21). ?15 is unused (the name key
-- follows the addressee: cases_set_name_key).
UPDATE cases SET state = ?2, warning = ?3, flags = ?4, minor = ?5, amount_cents = ?6, plate = ?7,
  country = ?8, state_deadline = ?9, limit_day = ?10, due_on = ?11, alarm_months = ?12,
  wake_on = ?13, updated_at = ?14, category = ?16, offence_code = ?17,
  article = ?18, description = ?19, received_on = ?20, facts_at = ?22
WHERE id = ?1 AND state = ?21;
