#!/usr/bin/env bash
# The case-list JSON endpoint under load (issue 5, "Must reach": with one million cases in the
# database, 2,000 requests a second with a 99th percentile under 20 ms on the 2-core machine).
#
#   ./dev bench web        (runs: bash bench/web.sh)
#
# Fills build/bench-data/cases-1m.db once (build/bench/hh_casebench, shared with ./dev bench
# import), copies it, adds a viewer with a password, starts `handhaving serve` on a free loopback
# port, logs in as a browser would (the login form's CSRF cookie, then the session cookie), and
# runs wrk (Debian) with bench/web/cases.lua for HH_BENCH_SECONDS (default 20) at
# HH_BENCH_CONNECTIONS (default 16) keep-alive connections, after a 5 s warm-up. Prints the
# rate, latency percentiles and any non-2xx answers. Exit status 1 when a step fails or any
# answer was not 2xx (a missed target is reported, not an error).
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$(readlink -f "$0")")/.."

die() { echo "bench web: $*" >&2; exit 1; }
B=${HH_BUILD_DIR:-build}
BIN=$B/handhaving
SECONDS_RUN=${HH_BENCH_SECONDS:-20}
CONNS=${HH_BENCH_CONNECTIONS:-16}
OUT=build/bench-out/web
[ -x "$BIN" ] || die "$BIN is missing: build first (./dev build)"
[ -x "$B/bench/hh_casebench" ] || die "$B/bench/hh_casebench is missing: build first"
command -v wrk >/dev/null || die "wrk is missing (./dev bench web installs it)"
[[ "$SECONDS_RUN" =~ ^[1-9][0-9]*$ ]] || die "HH_BENCH_SECONDS must be a positive number"
[[ "$CONNS" =~ ^[1-9][0-9]*$ ]] || die "HH_BENCH_CONNECTIONS must be a positive number"

mkdir -p build/bench-data
if [ ! -f build/bench-data/cases-1m.db ]; then
  echo "filling build/bench-data/cases-1m.db (once, about a minute) ..." >&2
fi
# Fills the file when it has fewer than a million cases (then times the store's queries, which
# ./dev bench import reports; here they only warm the file).
$B/bench/hh_casebench --db build/bench-data/cases-1m.db >/dev/null
rm -rf -- "$OUT"
mkdir -p "$OUT"
DB=$OUT/web.db
sqlite3 build/bench-data/cases-1m.db ".backup '$DB'" 2>/dev/null || cp build/bench-data/cases-1m.db "$DB"
"$BIN" init --db "$DB" >/dev/null
PASSWORD='bench wachtwoord 12345'
printf '%s\n' "$PASSWORD" | "$BIN" users add bench --role viewer --name "Bench Kijker" --db "$DB" >/dev/null

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# One worker per connection (cpp-httplib keeps a worker per kept-alive connection), plus spare.
"$BIN" serve --db "$DB" --listen "127.0.0.1:$PORT" --insecure-cookie --threads $((CONNS + 4)) \
  >"$OUT/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null || die "the server did not start: $(cat "$OUT/serve.log")"

JAR=$OUT/cookies.txt
FORM=$(curl -fsS -c "$JAR" "http://127.0.0.1:$PORT/login")
CSRF=$(printf '%s' "$FORM" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
[ -n "$CSRF" ] || die "no CSRF token in the login form"
curl -fsS -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "login=bench" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "csrf=$CSRF" "http://127.0.0.1:$PORT/login"
SESSION=$(awk '$6 == "hh_session" { print $7 }' "$JAR")
[ -n "$SESSION" ] || die "login gave no session cookie"
export HH_COOKIE="hh_session=$SESSION"
code=$(curl -s -o "$OUT/first.json" -w '%{http_code}' -H "Cookie: $HH_COOKIE" \
  "http://127.0.0.1:$PORT/api/v1/cases?state=invited")
[ "$code" = 200 ] || die "GET /api/v1/cases answered $code"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["cases"])==50, len(d["cases"])' \
  "$OUT/first.json" || die "the first page does not hold 50 cases"

echo "warm-up 5 s ..." >&2
wrk -t2 -c"$CONNS" -d5s -s bench/web/cases.lua "http://127.0.0.1:$PORT" >/dev/null
echo "wrk -t2 -c$CONNS -d${SECONDS_RUN}s --latency ..." >&2
wrk -t2 -c"$CONNS" -d"${SECONDS_RUN}s" --latency -s bench/web/cases.lua "http://127.0.0.1:$PORT" \
  | tee "$OUT/wrk.txt"

rate=$(awk '/^Requests\/sec:/ { print $2 }' "$OUT/wrk.txt")
p99=$(awk '/^p99-us:/ { print $2 }' "$OUT/wrk.txt")
bad=$(awk '/^non-2xx:/ { print $2 }' "$OUT/wrk.txt")
echo
echo "cases:    1,000,000 (build/bench-data/cases-1m.db), $CONNS connections, ${SECONDS_RUN} s"
printf 'rate:     %s requests/s (target >= 2000): %s\n' "$rate" \
  "$(awk -v r="$rate" 'BEGIN { print (r >= 2000 ? "met" : "MISSED") }')"
printf 'p99:      %.2f ms (target < 20 ms): %s\n' "$(awk -v p="$p99" 'BEGIN { print p / 1000 }')" \
  "$(awk -v p="$p99" 'BEGIN { print (p < 20000 ? "met" : "MISSED") }')"
echo "non-2xx:  $bad"
[ "$bad" = 0 ] || die "$bad answers were not 2xx"
