-- Everything but the PDF (letters_pdf.sql reads that).
SELECT id, case_id, run_id, kind, language, recipient, request_id, amount_cents, registered,
  registered_number, posted_on, sha256, pages, created_at
FROM letters WHERE id = ?1;
