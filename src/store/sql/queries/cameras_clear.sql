DELETE FROM cameras;
