SELECT what, original, confirmed, value, resolved_at, resolved_by FROM contract_resolutions
ORDER BY what, original;
