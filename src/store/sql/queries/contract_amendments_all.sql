SELECT path, value, original, amended_at, amended_by FROM contract_amendments
ORDER BY amended_at, path;
