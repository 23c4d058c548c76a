-- The spending of the days ?1 .. ?2 (inclusive), by day and then as imported.
SELECT day, rubric, description, amount_cents, supplier, document, line
FROM contract_spending WHERE day >= ?1 AND day <= ?2 ORDER BY day, id;
