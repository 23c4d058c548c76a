# Data of the review browser test (sourced by run.sh, after the common data): a reviewer, and
# four camera cases waiting for review, made through the CLI as an operator would. Monday
# 16 March 2026, zone Z1 restricted 07:00-19:00 every day: four reads of four vehicles (the
# third a misread of 1TST103), whose regularisation window closed before the test's clock
# (HANDHAVING_NOW, Friday 20 March). Every plate is synthetic.
add_user rita reviewer "Rita Review"
cat >"$OUT/cameras.csv" <<'CSV'
camera_id,zone_id,direction,active_from,active_to
CAM01,Z1,entry,2025-01-01T00:00:00Z,
CSV
cat >"$OUT/zones.csv" <<'CSV'
zone_id,weekdays,restricted_from,restricted_to
Z1,1234567,07:00,19:00
CSV
cat >"$OUT/permits.csv" <<'CSV'
permit_id,plate,zone_id,valid_from,valid_to,category
P1,1TST900,Z1,2026-01-01T00:00:00+01:00,2027-01-01T00:00:00+01:00,resident
CSV
cat >"$OUT/detections.csv" <<'CSV'
camera_id,detection_id,observed_at,plate,country,confidence,image_ref
CAM01,D1,2026-03-16T08:00:00Z,1TST101,BE,0.95,img/d1.jpg
CAM01,D2,2026-03-16T09:00:00Z,1TST102,BE,0.91,img/d2.jpg
CAM01,D3,2026-03-16T10:00:00Z,1TST10B,BE,0.92,img/d3.jpg
CAM01,D4,2026-03-16T11:00:00Z,1TST104,NL,0.97,img/d4.jpg
CSV
"$BIN" import cameras "$OUT/cameras.csv" --db "$DB" >/dev/null
"$BIN" import zones "$OUT/zones.csv" --db "$DB" >/dev/null
"$BIN" import permits "$OUT/permits.csv" --db "$DB" >/dev/null
"$BIN" import detections "$OUT/detections.csv" --db "$DB" >/dev/null
