#!/usr/bin/env bash
# The browser test (issue 5): a fresh database made through the CLI (users of three roles with
# web passwords, two parking findings whose holders are known), `handhaving serve` on a free
# loopback port, and tests/browser/app.test.mjs driving Debian's Chromium through
# playwright-core. Screenshots of the main screens go to OUT/screenshots (docs/screenshots holds
# copies made by this test).
#
#   bash tests/browser/run.sh HANDHAVING_BINARY OUT_DIR [NAME]
#
# NAME (default app) picks the test: tests/browser/NAME.test.mjs, after the common data above and,
# when it exists, tests/browser/NAME.setup.sh (sourced, with BIN, DB, OUT, ROOT and PASSWORD set)
# for the data that test needs. Each NAME is its own CTest test (CMakeLists.txt).
#
# Exit 77 (CTest: skipped, with the reason printed) when Chromium or tests/browser/node_modules
# is missing; ./dev test installs both, so there it always runs.
set -euo pipefail
HERE=$(dirname "$(readlink -f "$0")")
ROOT=$(readlink -f "$HERE/../..")
BIN=$1
OUT=$2
NAME=${3:-app}
[ -f "$HERE/$NAME.test.mjs" ] || { echo "no test $HERE/$NAME.test.mjs"; exit 2; }
CHROMIUM=${HH_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then echo "SKIPPED: no Chromium at $CHROMIUM (apt-get install chromium)"; exit 77; fi
if [ ! -d "$HERE/node_modules/playwright-core" ]; then
  echo "SKIPPED: tests/browser/node_modules is missing (npm ci in tests/browser; ./dev test does it)"
  exit 77
fi
command -v node >/dev/null || { echo "SKIPPED: node is missing"; exit 77; }

rm -rf -- "$OUT"
mkdir -p "$OUT/screenshots"
DB=$OUT/hh.db
export HANDHAVING_NOW=2026-03-20T09:00:00Z
"$BIN" init --db "$DB" >/dev/null
PASSWORD='browser-test-wachtwoord'
add_user() { printf '%s\n' "$PASSWORD" | "$BIN" users add "$1" --role "$2" --name "$3" --db "$DB" >/dev/null; }
add_user sofie sanctioning_officer "Sofie Sanctie"
add_user vera viewer "Vera Kijker"
add_user bea administrator "Bea Beheer"
cat >"$OUT/parking.csv" <<'CSV'
finding_id,found_at,plate,country,street,house_number,postal_code,offence_code,category,officer_id,photo_refs,remarks
PK-1,2026-03-18T10:00:00+01:00,1TST501,BE,Proefstraat,7,2800,22bis-4a,1,W17,p1.jpg,
PK-2,2026-03-18T11:30:00+01:00,2TST602,BE,Bruul,12,2800,22bis-4a,1,W17,p2.jpg,
CSV
cat >"$OUT/register.csv" <<'CSV'
plate,country,valid_from,valid_to,holder_kind,name,street,house_number,postal_code,city,birth_date,company_number,language
1TST501,BE,2020-01-01T00:00:00Z,,person,Testhouder Een,Proefstraat,1,2800,Mechelen,1980-05-17,,nl
2TST602,BE,2020-01-01T00:00:00Z,,person,Proefpersoon Twee,Bruul,3,2800,Mechelen,1975-02-03,,fr
CSV
"$BIN" import parking "$OUT/parking.csv" --db "$DB" >/dev/null
"$BIN" holders lookup --register "$OUT/register.csv" --user sofie --db "$DB" >/dev/null

if [ -f "$HERE/$NAME.setup.sh" ]; then
  # shellcheck source=/dev/null
  source "$HERE/$NAME.setup.sh"
fi

PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
STATIC=$(dirname "$BIN")/static
"$BIN" serve --db "$DB" --listen "127.0.0.1:$PORT" --insecure-cookie --static "$STATIC" \
  --templates "$ROOT/templates/web" >"$OUT/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
up=0
for _ in $(seq 1 100); do
  if node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' \
       "http://127.0.0.1:$PORT/healthz"; then up=1; break; fi
  sleep 0.1
done
[ "$up" = 1 ] || { echo "the server did not start:"; cat "$OUT/serve.log"; exit 1; }

HH_URL="http://127.0.0.1:$PORT" HH_PASSWORD="$PASSWORD" HH_SHOTS="$OUT/screenshots" \
  HH_CHROMIUM="$CHROMIUM" node "$HERE/$NAME.test.mjs"
