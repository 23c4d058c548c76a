SELECT track, state, COUNT(*) FROM cases GROUP BY track, state ORDER BY track, state;
