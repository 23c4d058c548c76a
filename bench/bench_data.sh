# Sourced by the benchmark scripts: hh_bench_data SHARED_DIR DATA_DIR makes the 1.4-million-read
# camera set (gen_detections.py --seed 7) in DATA_DIR once. Generated into a temporary folder
# and moved into place, so an interrupted run never leaves a half set behind. Needs `die`.
hh_bench_data() {
  local shared=$1 data=$2 files=(cameras.csv permits.csv zones.csv detections.csv)
  complete() { local f; for f in "${files[@]}"; do [ -s "$data/$f" ] || return 1; done; }
  complete && return 0
  local gen=$shared/anpr/gen_detections.py
  [ -f "$gen" ] || die "cannot make the benchmark data: $gen not found (is SHARED_DIR '$shared' the shared folder?)"
  rm -rf -- "$data" "$(dirname "$data")"/.anpr-seed7.*  # an incomplete set, leftovers of a killed run
  mkdir -p "$(dirname "$data")"
  TMP_DATA=$(mktemp -d "$(dirname "$data")/.anpr-seed7.XXXXXX")
  trap 'rm -rf -- "$TMP_DATA"' EXIT
  trap 'exit 130' INT TERM HUP  # run the EXIT trap on a signal too
  echo "making the benchmark data set (1.4 million reads, about 25 s) ..." >&2
  python3 "$gen" --out "$TMP_DATA" --seed 7 >/dev/null
  chmod 755 "$TMP_DATA"  # mktemp made it 0700; the peer reads it as user postgres
  mv -- "$TMP_DATA" "$data"
  trap - EXIT INT TERM HUP
  complete || die "gen_detections.py did not write ${files[*]} into $data"
}
