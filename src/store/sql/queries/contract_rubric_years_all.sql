SELECT rubric, year, amount_cents FROM contract_rubric_years ORDER BY rubric, year;
