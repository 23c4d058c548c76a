-- Letters posted per day on days ?1..?2. Index letters_posted (0007_dashboard).
SELECT posted_on, count(*) FROM letters WHERE posted_on BETWEEN ?1 AND ?2 GROUP BY posted_on;
