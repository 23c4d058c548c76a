SELECT line, amount_cents, as_written, well_formed FROM contract_totals ORDER BY position;
