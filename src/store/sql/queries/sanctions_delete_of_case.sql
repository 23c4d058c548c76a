-- A decision annulled by the court or withdrawn by the officer no longer counts (recidivism.h).
DELETE FROM sanctions WHERE case_id = ?1;
