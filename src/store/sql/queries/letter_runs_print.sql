SELECT print_pdf FROM letter_runs WHERE id = ?1;
