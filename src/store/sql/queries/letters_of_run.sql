-- The letters of one run in the order the run made them, without their PDFs.
SELECT id, case_id, run_id, kind, language, recipient, request_id, amount_cents, registered,
  registered_number, posted_on, sha256, pages, created_at
FROM letters WHERE run_id = ?1 ORDER BY id;
