#!/usr/bin/env bash
# End-to-end benchmark of camera intake into the case store (issue 3, "Must reach").
#
#   ./dev bench import        (runs: bash bench/import.sh SHARED_DIR)
#
# On the 1.4-million-read set (gen_detections.py --seed 7, made once), RUNS times (default 3,
# env HH_BENCH_RUNS), in the same run:
#   1. `handhaving screen` on the set (the peer named by the issue: twice its time is the target);
#   2. a fresh SQLite database: init, import cameras, zones, permits and detections; the time of
#      the whole import and of the detections step alone;
#   3. the same detections file imported again (idempotent: no new case).
# Then the case queries with one million cases in the store (build/hh_casebench: fills a
# database once, then times every filter of `cases list`, first and deep pages).
# Exit status 0 when every step ran (a missed target is reported, not an error), 1 otherwise.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$(readlink -f "$0")")/.."

die() { echo "bench import: $*" >&2; exit 1; }
[ $# -ge 1 ] || die "usage: bash bench/import.sh SHARED_DIR"
SHARED=$1
RUNS=${HH_BENCH_RUNS:-3}
BIN=build/handhaving
DATA=build/bench-data/anpr-seed7
OUT=build/bench-out/import
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "HH_BENCH_RUNS must be a positive number, not '$RUNS'"
[ -x "$BIN" ] || die "$BIN is missing: build first (./dev build)"
source bench/bench_data.sh
hh_bench_data "$SHARED" "$DATA"
rm -rf -- "$OUT"
mkdir -p "$OUT"
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
export HANDHAVING_NOW=2026-04-15T10:00:00Z  # after the set's last regularisation deadline

# timed LABEL CMD...: runs CMD (stdout to $OUT/LABEL.out), sets T to its wall seconds.
timed() {
  local label=$1
  shift
  local t0=$EPOCHREALTIME
  "$@" >"$OUT/$label.out" 2>"$OUT/$label.err" || { cat "$OUT/$label.err" >&2; die "$label failed: $*"; }
  T=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }')
}
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END {
  if (NR % 2) printf "%.3f", v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

SCREEN=() TOTAL=() DETECT=() AGAIN=()
for ((r = 1; r <= RUNS; r++)); do
  timed screen "$BIN" screen --cameras "$DATA/cameras.csv" --permits "$DATA/permits.csv" \
    --zones "$DATA/zones.csv" --detections "$DATA/detections.csv" --out "$OUT/screen" --quiet
  SCREEN+=("$T")
  db=$OUT/run$r.db
  rm -f "$db" "$db-wal" "$db-shm"
  t0=$EPOCHREALTIME
  timed init "$BIN" init --db "$db"
  timed cameras "$BIN" import cameras "$DATA/cameras.csv" --db "$db"
  timed zones "$BIN" import zones "$DATA/zones.csv" --db "$db"
  timed permits "$BIN" import permits "$DATA/permits.csv" --db "$db"
  timed detections "$BIN" import detections "$DATA/detections.csv" --db "$db"
  DETECT+=("$T")
  TOTAL+=("$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }')")
  timed again "$BIN" import detections "$DATA/detections.csv" --db "$db"
  AGAIN+=("$T")
  grep -q '^new_cases: 0$' "$OUT/again.out" || die "the second import of the same file made cases"
  printf '  run %d: screen %s s; import %s s in all (detections %s s); again %s s\n' "$r" \
    "${SCREEN[-1]}" "${TOTAL[-1]}" "${DETECT[-1]}" "${AGAIN[-1]}" >&2
  [ "$r" -lt "$RUNS" ] && rm -f "$db" "$db-wal" "$db-shm"
done
S=$(median "${SCREEN[@]}") I=$(median "${TOTAL[@]}") D=$(median "${DETECT[@]}") A=$(median "${AGAIN[@]}")
CASES=$(awk '/^new_cases:/ { print $2 }' "$OUT/detections.out")
RATIO=$(awk -v i="$I" -v s="$S" 'BEGIN { printf "%.2f", i / s }')
RATIO_D=$(awk -v i="$D" -v s="$S" 'BEGIN { printf "%.2f", i / s }')
verdict() { if awk -v a="$1" 'BEGIN { exit !(a + 0 <= 2) }'; then echo met; else echo MISSED; fi; }

cat <<EOT

== Camera import benchmark ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average $LOAD_BEFORE before) ==
data:      $DATA (1,400,000 reads; $CASES cases made)
screen:    median $S s over $RUNS runs (handhaving screen, the same engine, CSV outputs)
import:    median $I s into a fresh database (init + cameras + zones + permits + detections);
           detections step alone $D s; the same file again $A s (no new case)
ratio:     whole import / screen = ${RATIO}x (target <= 2: $(verdict "$RATIO")); detections step / screen = ${RATIO_D}x ($(verdict "$RATIO_D"))
database:  $(du -h "$OUT/run$RUNS.db" | cut -f1) ($OUT/run$RUNS.db)
EOT

echo >&2
# The imports above leave hundreds of MB of dirty pages; write them out first, so the kernel's
# writeback does not stall the query timings.
sync
echo "case queries with one million cases (build/bench/hh_casebench) ..." >&2
build/bench/hh_casebench --db build/bench-data/cases-1m.db
