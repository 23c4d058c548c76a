UPDATE letters SET registered_number = ?2 WHERE id = ?1;
