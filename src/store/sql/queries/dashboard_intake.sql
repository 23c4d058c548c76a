-- Cases opened in [?1, ?2) (UTC instants, the local day's bounds), per track. Index
-- cases_created (0007_dashboard).
SELECT track, count(*) FROM cases WHERE created_at >= ?1 AND created_at < ?2 GROUP BY track;
