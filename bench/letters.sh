#!/usr/bin/env bash
# End-to-end benchmark of the letter run (issue 4, "Must reach": a payment invitation at least
# ten times faster than the peer).
#
#   ./dev bench letters        (runs: bash bench/letters.sh)
#
# RUNS times (default 3, env HH_BENCH_RUNS), in the same run:
#   1. ours: build/bench/hh_letterbench: a fresh database with 1,000 PARKEREN cases waiting for
#      their invitation, `RunLetters` timed (actions, payment requests with OGM and EPC QR, every
#      PDF rendered and stored, the print file, the files and manifest.csv), its output checked
#      (pdftotext, pdftoppm + zbarimg); the first run also writes the peer's input;
#   2. the peer: bench/letters_peer/print_letters.mjs: the same 1,000 letters as HTML printed to
#      A4 PDF by one headless Chromium kept open for the batch (Playwright page.pdf).
# Then the medians and the ratio peer / ours. Exit status 0 when every step ran and every check
# passed (a missed target is reported, not an error), 1 otherwise.
# HH_BUILD_DIR (default build) is the build folder whose programs are used.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$(readlink -f "$0")")/.."

die() { echo "bench letters: $*" >&2; exit 1; }
RUNS=${HH_BENCH_RUNS:-3}
BUILD=${HH_BUILD_DIR:-build}
BENCH=$BUILD/bench/hh_letterbench
OUT=$BUILD/bench-out/letters
PEER=bench/letters_peer
CHROMIUM=${HH_CHROMIUM:-/usr/bin/chromium}
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "HH_BENCH_RUNS must be a positive number, not '$RUNS'"
[ -x "$BENCH" ] || die "$BENCH is missing: build first (./dev build)"
[ -x "$CHROMIUM" ] || die "$CHROMIUM is missing (Debian package chromium)"
command -v node >/dev/null && command -v npm >/dev/null || die "node and npm are missing"
for tool in pdftotext pdftoppm zbarimg; do
  command -v "$tool" >/dev/null || die "$tool is missing (poppler-utils, zbar-tools)"
done

# The peer's one dependency, exactly as package-lock.json pins it (again when the lock changed).
if [ ! -f "$PEER/node_modules/.package-lock.json" ] ||
   [ "$PEER/package-lock.json" -nt "$PEER/node_modules/.package-lock.json" ]; then
  echo "npm ci in $PEER ..." >&2
  (cd "$PEER" && npm ci --no-audit --no-fund --loglevel=error) >&2 || die "npm ci failed"
fi

rm -rf -- "$OUT"
mkdir -p "$OUT"
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")

# field NAME FILE: the value of the line "NAME: value".
field() { awk -v k="$1:" '$1 == k { print $2; exit }' "$2"; }
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END {
  if (NR % 2) printf "%.3f", v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

OURS=() OURS_S=() PEER_MS=() PEER_S=()
for ((r = 1; r <= RUNS; r++)); do
  extra=()
  [ "$r" -eq 1 ] && extra=(--peer-input "$OUT/peer_input.json")
  "$BENCH" --out "$OUT/ours" "${extra[@]}" >"$OUT/ours.out" 2>"$OUT/ours.err" ||
    { cat "$OUT/ours.out" "$OUT/ours.err" >&2; die "hh_letterbench failed (run $r)"; }
  OURS+=("$(field ms_per_letter "$OUT/ours.out")")
  OURS_S+=("$(field seconds "$OUT/ours.out")")
  rm -rf -- "$OUT/peer"
  node "$PEER/print_letters.mjs" --input "$OUT/peer_input.json" --out "$OUT/peer" \
    --chromium "$CHROMIUM" >"$OUT/peer.out" 2>"$OUT/peer.err" ||
    { cat "$OUT/peer.out" "$OUT/peer.err" >&2; die "the peer failed (run $r)"; }
  PEER_MS+=("$(field ms_per_letter "$OUT/peer.out")")
  PEER_S+=("$(field seconds "$OUT/peer.out")")
  printf '  run %d: ours %s ms a letter (%s s for 1,000); peer %s ms a letter (%s s)\n' "$r" \
    "${OURS[-1]}" "${OURS_S[-1]}" "${PEER_MS[-1]}" "${PEER_S[-1]}" >&2
done
O=$(median "${OURS[@]}") P=$(median "${PEER_MS[@]}")
OS=$(median "${OURS_S[@]}") PS=$(median "${PEER_S[@]}")
RATIO=$(awk -v p="$P" -v o="$O" 'BEGIN { printf "%.1f", p / o }')
VERDICT=$(awk -v r="$RATIO" 'BEGIN { print (r + 0 >= 10 ? "met" : "MISSED") }')

cat <<EOT

== Letter run benchmark ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average $LOAD_BEFORE before) ==
letters:   $(field letters "$OUT/ours.out") payment invitations (PARKEREN, EUR 58), $(field pages "$OUT/ours.out") pages
ours:      median $O ms a letter ($OS s for the batch) over $RUNS runs: hh::RunLetters in-process
           (actions, requests, PDFs stored, print file, files and manifest.csv; $(grep '^checks:' "$OUT/ours.out" | cut -d' ' -f2-))
peer:      median $P ms a letter ($PS s) over $RUNS runs: the same letter as HTML, page.setContent +
           page.pdf in one headless Chromium (start $(field chromium_start_seconds "$OUT/peer.out") s, not counted; $(grep '^check:' "$OUT/peer.out" | cut -d' ' -f2-))
ratio:     peer / ours = ${RATIO}x (target >= 10x: $VERDICT)
output:    $OUT/ours/letters (PDFs, print.pdf, manifest.csv), $OUT/peer
EOT
