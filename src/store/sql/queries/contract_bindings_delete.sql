DELETE FROM contract_bindings WHERE indicator_key = ?1;
