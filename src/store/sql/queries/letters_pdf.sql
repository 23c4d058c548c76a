SELECT pdf FROM letters WHERE id = ?1;
