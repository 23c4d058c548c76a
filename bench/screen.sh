#!/usr/bin/env bash
# End-to-end benchmark of camera screening against its peer (issue 2, "Must reach").
#
#   ./dev bench screen [extra screen args]      (runs: bash bench/screen.sh SHARED_DIR [extra args])
#
# Makes the 1.4-million-read set (gen_detections.py --seed 7) once, runs `handhaving screen` on it
# RUNS times (default 5, env HH_BENCH_RUNS), once with --threads 1 and once pinned to one core,
# then runs the PostgreSQL peer (shared/anpr/peer_postgres.sh) once, checks that violations.csv and
# review.csv are byte-identical, and prints the figures and whether the targets are met.
# Exit status: 0 when every step ran and the outputs agree (a missed target is reported, not an
# error: benchmarks report, tests assert); 1 when a step fails or the outputs differ.
set -euo pipefail
export LC_ALL=C  # '.' as the decimal point in $EPOCHREALTIME and awk
cd "$(dirname "$(readlink -f "$0")")/.."

die() { echo "bench screen: $*" >&2; exit 1; }

[ $# -ge 1 ] || die "usage: bash bench/screen.sh SHARED_DIR [extra handhaving screen args]"
SHARED=$1
shift
EXTRA=("$@")
RUNS=${HH_BENCH_RUNS:-5}
BIN=build/handhaving
DATA=build/bench-data/anpr-seed7
OUT=build/bench-out/screen

# The targets of issue 2.
TARGET_RATIO=50
TARGET_PEAK_MB=150  # decimal megabytes (10^6 bytes), the stricter reading of "150 MB"

[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "HH_BENCH_RUNS must be a positive number, not '$RUNS'"
[ -x "$BIN" ] || die "$BIN is missing: build first (./dev build)"
for tool in python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || die "$tool is missing (./dev bench screen installs it)"
done

# --- 1. The data set, made once (bench/bench_data.sh).
source bench/bench_data.sh
hh_bench_data "$SHARED" "$DATA"
[ -f "$SHARED/anpr/peer_postgres.sh" ] || die "$SHARED/anpr/peer_postgres.sh not found"
chmod a+rx "$DATA" 2>/dev/null || true  # the peer reads the set as user postgres

rm -rf -- "$OUT"
mkdir -p "$OUT"
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")  # other work skews the figures
CMD=("$BIN" screen --cameras "$DATA/cameras.csv" --permits "$DATA/permits.csv"
     --detections "$DATA/detections.csv" --zones "$DATA/zones.csv" --out "$OUT/ours" --quiet
     "${EXTRA[@]}")

# --- 2. Our runs. Wall time from the shell's microsecond clock ($EPOCHREALTIME; /usr/bin/time's
#        %e has only 10 ms resolution), peak resident memory from /usr/bin/time's %M (KiB).
#        run_ours LABEL OUT_DIR [prefix command...]: sets WALL and PEAK_KB.
run_ours() {
  local label=$1 dir=$2
  shift 2
  local cmd=("${CMD[@]}")
  local i
  for i in "${!cmd[@]}"; do
    if [ "${cmd[$i]}" = "$OUT/ours" ]; then cmd[i]=$dir; fi
  done
  local t0 t1 tf="$OUT/time.txt"
  t0=$EPOCHREALTIME
  if ! "$@" /usr/bin/time -f '%e %M' -o "$tf" "${cmd[@]}" "${RUN_ARGS[@]}" >"$dir.stdout" 2>"$dir.stderr"; then
    cat "$dir.stderr" >&2
    die "$label: handhaving screen failed (command: ${cmd[*]} ${RUN_ARGS[*]})"
  fi
  t1=$EPOCHREALTIME
  WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
  PEAK_KB=$(awk 'END { print $2 }' "$tf")
  local own
  own=$(awk '/^seconds:/ { print $2 }' "$dir.stdout")
  printf '  %-24s %7s s wall (its own clock: %s s), peak RSS %s MB\n' "$label" "$WALL" "$own" \
    "$(awk -v k="$PEAK_KB" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }')" >&2
}

# The outputs of every run must equal those of the first (any thread count, any core count).
same_as_first() {
  local f
  for f in violations.csv review.csv rejects.csv; do
    cmp -s "$OUT/ours/$f" "$1/$f" || die "$1/$f differs from $OUT/ours/$f: the result depends on the run"
  done
}

echo "handhaving screen, $RUNS runs:" >&2
WALLS=()
MAX_PEAK_KB=0
RUN_ARGS=()
for ((r = 1; r <= RUNS; r++)); do
  dir=$OUT/ours
  if [ "$r" -gt 1 ]; then dir=$OUT/ours-run$r; fi
  run_ours "run $r" "$dir"
  if [ "$r" -gt 1 ]; then same_as_first "$dir"; fi
  WALLS+=("$WALL")
  if [ "$PEAK_KB" -gt "$MAX_PEAK_KB" ]; then MAX_PEAK_KB=$PEAK_KB; fi
done
MEDIAN=$(printf '%s\n' "${WALLS[@]}" | sort -n | awk '{ v[NR] = $1 } END {
  if (NR % 2) printf "%.3f", v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
BEST=$(printf '%s\n' "${WALLS[@]}" | sort -n | head -1)

# One parser thread (plus the consumer, which is the main thread): what the second parser brings.
RUN_ARGS=(--threads 1)
run_ours "--threads 1" "$OUT/ours-threads1"
same_as_first "$OUT/ours-threads1"
WALL_T1=$WALL
# The default threads on a single core (when taskset is there): what the second core brings.
WALL_C1=""
RUN_ARGS=()
if command -v taskset >/dev/null && [ "$(nproc)" -gt 1 ]; then
  run_ours "one core (taskset -c 0)" "$OUT/ours-core1" taskset -c 0
  same_as_first "$OUT/ours-core1"
  WALL_C1=$WALL
fi

# --- 3. The peer, once (it starts a throwaway PostgreSQL cluster; as root it runs it as postgres).
echo "PostgreSQL peer (about 15-20 s) ..." >&2
t0=$EPOCHREALTIME
if ! bash "$SHARED/anpr/peer_postgres.sh" "$DATA" "$OUT/peer" >"$OUT/peer.stdout" 2>"$OUT/peer.stderr"; then
  cat "$OUT/peer.stdout" "$OUT/peer.stderr" >&2
  die "the PostgreSQL peer failed (bash $SHARED/anpr/peer_postgres.sh $DATA $OUT/peer)"
fi
t1=$EPOCHREALTIME
PEER_SCRIPT=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
peer_value() { grep -o "$1=[0-9.]*" "$OUT/peer.stdout" | tail -1 | cut -d= -f2; }
PG_LOAD=$(peer_value pg_load_s)
PG_QUERY=$(peer_value pg_query_s)
PG_TOTAL=$(peer_value pg_total_s)
[ -n "$PG_TOTAL" ] || die "the peer printed no pg_total_s: $(cat "$OUT/peer.stdout")"

# --- 4. Same output, byte for byte.
SAME=yes
for f in violations.csv review.csv; do
  if ! cmp "$OUT/ours/$f" "$OUT/peer/$f" >&2; then
    SAME=no
    diff "$OUT/ours/$f" "$OUT/peer/$f" | head -10 >&2 || true
  fi
done

# --- 5. The result.
RATIO=$(awk -v p="$PG_TOTAL" -v o="$MEDIAN" 'BEGIN { printf "%.1f", p / o }')
RATIO_SCRIPT=$(awk -v p="$PEER_SCRIPT" -v o="$MEDIAN" 'BEGIN { printf "%.1f", p / o }')
PEAK_MB=$(awk -v k="$MAX_PEAK_KB" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }')
at_least() { if awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 >= b + 0) }'; then echo met; else echo MISSED; fi; }
SPEED_OK=$(at_least "$RATIO" "$TARGET_RATIO")
MEM_OK=$(at_least "$TARGET_PEAK_MB" "$PEAK_MB")
READS=$(awk '/^reads:/ { print $2 }' "$OUT/ours.stdout")
SIZE_MB=$(awk -v b="$(stat -c %s "$DATA/detections.csv")" 'BEGIN { printf "%.0f", b / 1e6 }')

cat <<EOF

== Camera screening benchmark ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average $LOAD_BEFORE before) ==
data:      $DATA ($READS reads, detections.csv $SIZE_MB MB)
command:   ${CMD[*]}
ours:      median $MEDIAN s, best $BEST s over $RUNS runs; peak RSS $PEAK_MB MB (max of the runs)
           --threads 1: $WALL_T1 s${WALL_C1:+; one core (taskset -c 0): $WALL_C1 s}
peer:      pg_total_s $PG_TOTAL (load $PG_LOAD + query $PG_QUERY); whole script $PEER_SCRIPT s
ratio:     peer pg_total_s / our median = ${RATIO}x (whole peer script / our median = ${RATIO_SCRIPT}x)
outputs:   violations.csv, review.csv $( [ "$SAME" = yes ] && echo "byte-identical to the peer's" || echo "DIFFER from the peer's" )
targets:   >= ${TARGET_RATIO}x faster: $SPEED_OK (${RATIO}x); peak RSS <= $TARGET_PEAK_MB MB: $MEM_OK ($PEAK_MB MB)
files:     $OUT/ours (ours), $OUT/peer (peer)
EOF
[ "$SAME" = yes ] || die "our outputs differ from the peer's"
