# Data for admin.test.mjs (sourced by run.sh with BIN, DB, OUT set): two cameras in two zones
# and camera reads on the days before HANDHAVING_NOW (2026-03-20), so that the dashboard's
# violations chart has points in both zones; the invitations of the two parking cases, posted on
# 19 March, for the letters chart. Every plate is synthetic.
cat >"$OUT/cameras.csv" <<'CSV'
camera_id,zone_id,direction,active_from,active_to
CAM-N1,NOORD,entry,2025-01-01T00:00:00Z,
CAM-Z1,ZUID,entry,2025-01-01T00:00:00Z,
CSV
cat >"$OUT/zones.csv" <<'CSV'
zone_id,weekdays,restricted_from,restricted_to
NOORD,1234567,00:00,24:00
ZUID,1234567,00:00,24:00
CSV
{
  echo "camera_id,detection_id,observed_at,plate,country,confidence,image_ref"
  n=0
  for day in 10 11 12 13 14 15 16 17 18 19; do
    for k in $(seq 1 $(( (day % 4) + 1 ))); do
      n=$((n + 1))
      echo "CAM-N1,N$n,2026-03-${day}T09:0${k}:00Z,7NRD$(printf '%03d' "$n"),BE,0.95,img/N$n.jpg"
    done
    for k in $(seq 1 $(( (day % 3) + 1 ))); do
      n=$((n + 1))
      echo "CAM-Z1,Z$n,2026-03-${day}T14:0${k}:00Z,8ZDN$(printf '%03d' "$n"),BE,0.95,img/Z$n.jpg"
    done
  done
} >"$OUT/detections.csv"
"$BIN" import cameras "$OUT/cameras.csv" --db "$DB" >/dev/null
"$BIN" import zones "$OUT/zones.csv" --db "$DB" >/dev/null
"$BIN" import detections "$OUT/detections.csv" --db "$DB" >/dev/null
"$BIN" letters run --db "$DB" --out "$OUT/letters" --user sofie --posted 2026-03-19 >/dev/null
