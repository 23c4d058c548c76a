INSERT INTO instalments (request_id, due_on, amount_cents) VALUES (?1, ?2, ?3);
