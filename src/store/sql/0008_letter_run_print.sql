-- Issue 5: a letter run started from the web application writes no folder, so its combined
-- print file (the one PDF that goes to the printer, in the run's order) is kept with the run, as
-- every letter's own PDF is kept with the letter (0003). Its SHA-256 was stored from the start;
-- runs made before this migration have no bytes (NULL) and give NotFound.
ALTER TABLE letter_runs ADD COLUMN print_pdf BLOB;
