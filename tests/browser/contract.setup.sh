# The contract's browser test data (sourced by run.sh with BIN, DB, OUT, ROOT, PASSWORD): the
# seed decision when ../shared is there, else the test decision of src/contract/testdata; one
# indicator bound and one with evidence through the CLI, and a year's spending. The keys and the
# year the test uses are exported for contract.test.mjs.
SEED="$ROOT/../shared/seed/000_11eaa67567343206.txt"
if [ -f "$SEED" ]; then
  DECISION=$SEED
  export HH_CONTRACT_YEAR=2019 HH_CONTRACT_THRESHOLD=II.1.2.1 HH_CONTRACT_EXISTENCE=I.2.1
  export HH_CONTRACT_RUBRIC='Rubriek III: Een toelage voor een pilootproject'
  BOUND=III.1.1.2 PROVEN=I.2.2
  cat >"$OUT/budget.csv" <<'CSV'
date,rubric,description,amount,supplier,document
2019-02-01,I,Gemeenschapswachten januari,21000.00,Wachtdienst BV,BK-2019-014
2019-05-15,II,Vorming radicalisering,64500.00,Vormingscentrum,F-2019-77
2019-09-30,III,Online screening testfase,120000.00,Analyse NV,F-2019-120
CSV
else
  DECISION="$ROOT/src/contract/testdata/heistrode_2020_2021.txt"
  export HH_CONTRACT_YEAR=2021 HH_CONTRACT_THRESHOLD=I.1.1 HH_CONTRACT_EXISTENCE=I.1.3
  export HH_CONTRACT_RUBRIC='Rubriek II: Bijkomende financiele hulp'
  BOUND=I.1.2 PROVEN=II.1.1.2
  cat >"$OUT/budget.csv" <<'CSV'
date,rubric,description,amount,supplier,document
2021-02-01,I,Gemeenschapswachten januari,12000.00,Wachtdienst BV,BK-2021-014
2021-03-15,II,Fietsgraveerpennen,40000.00,Graveer BV,F-2021-77
CSV
fi
"$BIN" contract import "$DECISION" --db "$DB" >/dev/null 2>&1
"$BIN" contract budget import "$OUT/budget.csv" --db "$DB" >/dev/null
"$BIN" contract bind --indicator "$BOUND" --measure gas.letters_sent --db "$DB" --user sofie >/dev/null
printf 'verslag\n' >"$OUT/verslag.txt"
"$BIN" contract evidence add --indicator "$PROVEN" --year "$HH_CONTRACT_YEAR" \
  --note "Verslag goedgekeurd door het college" --file "$OUT/verslag.txt" --db "$DB" \
  --user sofie >/dev/null
export HH_CONTRACT_BOUND=$BOUND HH_CONTRACT_PROVEN=$PROVEN
