UPDATE payment_requests SET paid_cents = ?2, status = ?3, due_on = ?4 WHERE id = ?1;
