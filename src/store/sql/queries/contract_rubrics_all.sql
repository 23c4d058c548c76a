SELECT number, title, title_original, line, annual_cents FROM contract_rubrics
ORDER BY position;
