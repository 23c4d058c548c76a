-- The GAS register's statistics (GAS.md 1.6: the minister reports the number of fines and the
-- categories of offences): per year of decision, kind and article.
SELECT substr(decided_on, 1, 4) AS year, kind, article, count(*), coalesce(sum(amount_cents), 0)
FROM sanctions GROUP BY year, kind, article ORDER BY year, kind, article;
