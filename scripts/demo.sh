#!/usr/bin/env bash
# The demo behind `./dev run` (run as: bash scripts/demo.sh SHARED_DIR, after the build), until the
# web application exists: makes a small camera data set once (two days, 40,000 reads), screens it
# with `handhaving screen`, then builds the demo case store (scripts/demo_cases.sh) and shows the
# cases. All data is synthetic.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

SHARED=${1:-../shared}
BIN=build/handhaving
DATA=build/demo/anpr
OUT=build/demo/screening

[ -x "$BIN" ] || { echo "demo: $BIN is missing; ./dev run builds it first" >&2; exit 1; }

have_data() { local f; for f in cameras.csv permits.csv zones.csv detections.csv; do [ -s "$DATA/$f" ] || return 1; done; }
if ! have_data; then
  GEN=$SHARED/anpr/gen_detections.py
  if [ ! -f "$GEN" ]; then
    echo "demo: the demo needs ../shared/anpr/gen_detections.py (the shared folder beside this" >&2
    echo "      repository) to make its camera data, and did not find $GEN." >&2
    echo "      Put the shared folder there, or point HH_SHARED at it: HH_SHARED=/path/to/shared ./dev run" >&2
    exit 1
  fi
  command -v python3 >/dev/null || { echo "demo: python3 is needed to make the demo data (apt-get install python3)" >&2; exit 1; }
  echo "Making a small demo camera data set (2 days, 40,000 reads) in $DATA ..."
  rm -rf -- "$DATA"
  mkdir -p "$(dirname "$DATA")"
  tmp=$(mktemp -d "$(dirname "$DATA")/.anpr.XXXXXX")
  trap 'rm -rf -- "$tmp"' EXIT
  python3 "$GEN" --out "$tmp" --days 2 --reads-per-day 20000 --vehicles 8000 --seed 1 >/dev/null
  chmod 755 "$tmp"
  mv -- "$tmp" "$DATA"
  trap - EXIT
fi

echo "Screening the camera reads of $DATA:"
echo
"$BIN" screen --cameras "$DATA/cameras.csv" --permits "$DATA/permits.csv" \
  --detections "$DATA/detections.csv" --zones "$DATA/zones.csv" --out "$OUT" --quiet |
  grep -v '^written:' | sed 's/^/  /'

echo
echo "Results in $OUT/:"
for f in violations.csv review.csv rejects.csv; do
  printf '  %-15s %6d rows\n' "$f" "$(($(wc -l <"$OUT/$f") - 1))"
done
echo
echo "First violations ($OUT/violations.csv):"
head -6 "$OUT/violations.csv" | sed 's/^/  /'
echo
echo "Inputs are in $DATA/; the rules are ../shared/anpr/SCREENING.md. Run ./dev test to run every test."

bash scripts/demo_cases.sh "$DATA"
