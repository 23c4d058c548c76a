-- Deletes the stored contract and, by ON DELETE CASCADE, everything of it.
DELETE FROM contracts;
