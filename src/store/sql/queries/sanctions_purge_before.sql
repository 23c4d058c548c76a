-- The GAS register keeps a decision for its retention period (GAS.md 1.6, art. 44 [UNVERIFIED]:
-- 5 years, the setting gas.register_retention_years), then forgets it.
DELETE FROM sanctions WHERE decided_on < ?1;
