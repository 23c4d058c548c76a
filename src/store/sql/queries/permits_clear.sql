DELETE FROM permits;
