SELECT article, decided_on FROM sanctions WHERE offender_key = ?1 ORDER BY decided_on;
