-- Issue 5, the dashboard (web/app_admin.cpp, store/sqlite_dashboard_store.cpp): indexes that
-- keep its figures and charts to index range scans on a million cases.

-- Today's intake by source: cases opened (created_at, UTC) in today's local day.
CREATE INDEX cases_created ON cases (created_at, track);
-- Violations per day and zone (camera cases): a covering index for the 30-day chart.
CREATE INDEX cases_facts_zone ON cases (facts_day, zone_id, state) WHERE zone_id IS NOT NULL;
-- Letters sent and payments received per week.
CREATE INDEX letters_posted ON letters (posted_on);
CREATE INDEX payments_booking ON payments (booking_date, amount_cents);
