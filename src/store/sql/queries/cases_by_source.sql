SELECT id FROM cases WHERE track = ?1 AND source_ref = ?2;
