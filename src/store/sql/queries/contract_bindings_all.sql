SELECT indicator_key, indicator_text, measure, bound_at, bound_by FROM contract_bindings
ORDER BY indicator_key;
