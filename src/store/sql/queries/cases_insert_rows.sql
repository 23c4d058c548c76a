-- New cases from a RowBatch (hh_rows), one row each: c0 the id (NULL: the next rowid, as a
-- single InsertCase writes it; a number: the id a held insert gave the case), then the
-- columns in the order below, c1 track .. c32 updated_at.
INSERT INTO cases (id, track, state, warning, flags, minor, facts_at, facts_day, received_on,
  zone_id, street, house_number, postal_code, city, place_description, description, offence_code,
  article, category, amount_cents, plate, country, source_ref, finding_officer,
  finding_officer_kind, name_key, state_deadline, limit_day, due_on, alarm_months, wake_on,
  created_at, updated_at)
SELECT c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19,
  c20, c21, c22, c23, c24, c25, c26, c27, c28, c29, c30, c31, c32 FROM hh_rows(?1);
