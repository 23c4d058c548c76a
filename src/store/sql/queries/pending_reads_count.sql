SELECT count(*) FROM pending_reads;
