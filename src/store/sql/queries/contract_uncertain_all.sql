SELECT what, line, original, corrected FROM contract_uncertain ORDER BY position;
