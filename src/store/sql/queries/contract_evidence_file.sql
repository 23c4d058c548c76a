SELECT file_name, content_type, content FROM contract_evidence WHERE id = ?1 AND content IS NOT NULL;
