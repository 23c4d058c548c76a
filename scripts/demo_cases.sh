#!/usr/bin/env bash
# The demo case store (run by scripts/demo.sh as: bash scripts/demo_cases.sh CAMERA_DATA_DIR):
# creates build/demo/handhaving.db once, with users for each role, the demo camera data
# imported, synthetic parking findings, three nuisance findings (one a minor), a synthetic
# vehicle register, reviews, holder lookups, invitations sent and the clock run; then lists
# cases. The clock is fixed (HANDHAVING_NOW) a few days after the data, so deadlines are live.
# Then it gives every demo user the demo password and starts the web application on
# http://127.0.0.1:${HH_PORT:-8080} (plain HTTP on loopback: --insecure-cookie) until Ctrl-C.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
DATA=$1
BIN=${HH_BUILD_DIR:-build}/handhaving
DB=build/demo/handhaving.db
DEMO=build/demo
export HANDHAVING_NOW=2026-04-01T08:00:00Z
hh() { "$BIN" "$@"; }

if [ ! -s "$DB" ]; then
  echo "Building the demo case store $DB ..."
  rm -f "$DB" "$DB-wal" "$DB-shm"
  hh init --db "$DB" >/dev/null
  hh users add --db "$DB" --login beheerder --name "Bea Beheer" --role administrator >/dev/null
  hh users add --db "$DB" --login sa.peeters --name "Sanne Peeters" --role sanctioning_officer >/dev/null
  hh users add --db "$DB" --login controle1 --name "Koen Controle" --role reviewer >/dev/null
  hh users add --db "$DB" --login financien --name "Fien Financien" --role finance >/dev/null
  hh users add --db "$DB" --login kijker --name "Kris Kijker" --role viewer >/dev/null
  for f in cameras zones permits; do hh import "$f" "$DATA/$f.csv" --db "$DB" >/dev/null; done
  hh import detections "$DATA/detections.csv" --db "$DB" | grep -E '^(reads|new_cases|exempt):' | sed 's/^/  camera /'
  # Synthetic parking findings and a register that knows most plates of the store.
  python3 - "$DB" "$DEMO" <<'PY'
import random, sqlite3, sys
db, out = sys.argv[1], sys.argv[2]
random.seed(3)
con = sqlite3.connect(db)
plates = [r[0] for r in con.execute("SELECT DISTINCT plate FROM cases WHERE plate IS NOT NULL")]
streets = ["Bruul", "Onze-Lieve-Vrouwestraat", "Befferstraat", "Adegemstraat", "Veemarkt"]
with open(out + "/parking.csv", "w") as f:
    f.write("finding_id,found_at,plate,country,street,house_number,postal_code,offence_code,category,officer_id,photo_refs,remarks\n")
    for i in range(40):
        plate = "%d-%s-%03d" % (random.randint(1, 9), "".join(random.choice("ABCDEFGHJKLMNPRSTVXYZ") for _ in range(3)), random.randint(0, 999))
        plates.append(plate.replace("-", ""))
        cat = 2 if i % 5 == 0 else 1
        photos = "" if i % 9 == 0 else "foto/P%04d-1.jpg;foto/P%04d-2.jpg" % (i, i)
        f.write("P-DEMO-%04d,2026-03-2%dT%02d:%02d:00+01:00,%s,BE,%s,%d,2800,%s,%d,GW%02d,%s,\n" % (
            i, 6 + i % 2, 9 + i % 8, i % 60, plate, random.choice(streets), 1 + i, "22BIS-4A" if cat == 1 else "24-1-2", cat, 1 + i % 3, photos))
first = ["Jan", "Marie", "Luc", "An", "Pieter", "Sofie", "Tom", "Els"]
last = ["Voorbeeld", "Proef", "Demo", "Test", "Staal", "Model"]
with open(out + "/register.csv", "w") as f:
    f.write("plate,country,valid_from,valid_to,holder_kind,name,street,house_number,postal_code,city,birth_date,company_number,language\n")
    for i, p in enumerate(plates):
        if i % 17 == 0:
            continue  # unknown to the register
        if i % 11 == 0:
            f.write("%s,BE,2020-01-01T00:00:00Z,,company,Demo Lease NV %d,Leasinglaan,%d,1000,Brussel,,0403170701,nl\n" % (p, i, i))
        else:
            birth = "2009-05-01" if i % 97 == 0 else "19%02d-%02d-%02d" % (50 + i % 50, 1 + i % 12, 1 + i % 28)
            f.write("%s,BE,2019-01-01T00:00:00Z,,person,%s %s,Demostraat,%d,2800,Mechelen,%s,,%s\n" % (
                p, random.choice(last), random.choice(first), 1 + i % 200, birth, "fr" if i % 13 == 0 else "nl"))
PY
  hh import parking "$DEMO/parking.csv" --db "$DB" | grep -E '^(new_cases|flagged_for_review):' | sed 's/^/  parking /'
  hh overlast register scripts/demo/overlast.json --db "$DB" | grep -E '^(new_cases|minors):' | sed 's/^/  overlast /'
  # A reviewer clears the first camera cases; the register is asked for the holders.
  for id in $(hh cases list --db "$DB" --track autoluw --state awaiting_review --limit 60 --csv | tail -n +2 | cut -d';' -f2); do
    hh review accept "$id" --db "$DB" --user controle1 >/dev/null
  done
  hh holders lookup --db "$DB" --user controle1 --register "$DEMO/register.csv" | sed 's/^/  holders /'
  # The sanctioning officer sends the first invitations (posted today, 1 April).
  for id in $(hh cases list --db "$DB" --state invitation_due --limit 25 --csv | tail -n +2 | cut -d';' -f2); do
    hh cases act "$id" send_invitation --db "$DB" --user sa.peeters --posted 2026-04-01 >/dev/null
  done
  first_ov=$(hh cases list --db "$DB" --track overlast --csv | sed -n 2p | cut -d';' -f2)
  hh cases act "$first_ov" start_procedure --db "$DB" --user sa.peeters --posted 2026-04-01 >/dev/null
  hh process --db "$DB" | grep -E '^(moved|expired|alarms):' | sed 's/^/  process /'
  # The letters those acts owe, and the rest that is due, as PDFs with their print file.
  hh letters run --db "$DB" --out "$(dirname "$DB")/letters" --user sa.peeters |
    grep -E '^(letters|invitations|driver_requests|queued|requested):' | sed 's/^/  letters /'
  # The bank pays some of them (scripts/coda.py writes the CODA file from the run's manifest):
  # three exactly, one in part, one with no reference at all (the unmatched queue, where the
  # finance desk assigns it by hand on /payments).
  python3 - "$(dirname "$DB")/letters/manifest.csv" >"$DEMO/credits.txt" <<'PY'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"), delimiter=";") if r["ogm"]]
def euro(text):
    return "%.2f" % float(text.replace("\u20ac", "").strip().replace(".", "").replace(",", "."))
for i, r in enumerate(rows[:5]):
    amount = euro(r["amount"])
    if i == 3:
        amount = "%.2f" % (float(amount) / 2)  # partly paid: the rest stays due
    communication = "GAS boete" if i == 4 else r["ogm"]  # no reference: the manual queue
    print("%s|%s|%s" % (amount, communication, r["recipient"]))
PY
  mapfile -t credits <"$DEMO/credits.txt"
  python3 scripts/coda.py "$DEMO/statement-001.cod" --day 2026-04-01 "${credits[@]}"
  hh payments import "$DEMO/statement-001.cod" --db "$DB" |
    grep -E '^(credits|exact|partial|unmatched):' | sed 's/^/  payments /'
fi

# A database from an older build gets the newer migrations; every demo user the demo password
# (a demo only: a city's users choose their own, `users passwd`).
hh init --db "$DB" >/dev/null
PASSWORD=demo-wachtwoord
for u in beheerder sa.peeters controle1 financien kijker; do
  printf '%s\n' "$PASSWORD" | hh users passwd "$u" --db "$DB" >/dev/null
done

echo
echo "Demo case store: $DB (clock fixed at $HANDHAVING_NOW)"
echo "Users: beheerder (administrator), sa.peeters (sanctioning officer), controle1 (reviewer),"
echo "       financien (finance), kijker (viewer); password for each: $PASSWORD"
echo
echo "Cases invited to pay (the first page):"
hh cases list --db "$DB" --state invited --limit 8 | sed 's/^/  /'
echo
echo "Try:"
echo "  HANDHAVING_NOW=$HANDHAVING_NOW $BIN review next --db $DB --user controle1"
echo "  HANDHAVING_NOW=$HANDHAVING_NOW $BIN cases list --db $DB --track overlast"
echo "  HANDHAVING_NOW=$HANDHAVING_NOW $BIN cases show ID --db $DB --user sa.peeters"
echo "  HANDHAVING_NOW=$HANDHAVING_NOW $BIN process --db $DB --as-of 2026-05-15T08:00:00Z"
echo "  HANDHAVING_NOW=$HANDHAVING_NOW $BIN letters list --db $DB --case ID   (PDFs in $(dirname "$DB")/letters)"
echo "  $BIN statement show ../shared/fixtures/coda/odoo_2013.txt"
echo
PORT=${HH_PORT:-8080}
echo "The web application: http://127.0.0.1:$PORT/login (log in as one of the users above;"
echo "Ctrl-C stops it; HH_PORT=N ./dev run for another port)"
exec "$BIN" serve --db "$DB" --listen "127.0.0.1:$PORT" --insecure-cookie
