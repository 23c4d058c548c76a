DELETE FROM pending_reads WHERE id = ?1;
