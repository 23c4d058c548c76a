SELECT role, name, name_original, line FROM contract_parties ORDER BY position;
