#!/usr/bin/env bash
# Lookup-join benchmark of the dim connector against Flink's JDBC connector and a HashMap ceiling,
# on the local PostgreSQL. One command, from the repository root:
#
#   bench/dim-table/run.sh
#
# Settings (environment): ROUNDS (5), ROWS (2000000 stream rows), NONE_ROWS (50000: cache NONE
# reads PostgreSQL for every row), KEYS (10000 distinct keys), PG_URL / PG_USER / PG_PASSWORD.
# Every round starts one fresh JVM per variant, in a rotated order; each JVM runs warm-up jobs,
# then measures the uniform and the Zipf key distribution. Prints a Markdown table and keeps the
# raw results under bench/dim-table/target/.
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS=${ROUNDS:-5}
ROWS=${ROWS:-2000000}
NONE_ROWS=${NONE_ROWS:-50000}
KEYS=${KEYS:-10000}
PG_URL=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}
PG_USER=${PG_USER:-postgres}
PG_PASSWORD=${PG_PASSWORD:-postgres}

OUT=bench/dim-table/target
./mvnw -q -Pbench -pl bench/dim-table -am package dependency:build-classpath \
  -DskipTests -Dmdep.outputFile="$PWD/$OUT/classpath.txt"
CLASSPATH="$OUT/classes:$(cat "$OUT/classpath.txt")"
bench() {
  java -Xms1g -Xmx1g -Dbench.pg.url="$PG_URL" -Dbench.pg.user="$PG_USER" -Dbench.pg.password="$PG_PASSWORD" \
    -cp "$CLASSPATH" io.sluice.bench.dimtable.DimTableBench "$@"
}

TABLE="bench_dim_$(date +%s)_$$"
RESULTS="$OUT/results-$(date -u +%Y%m%dT%H%M%SZ).tsv"
bench setup "$TABLE" "$KEYS"
trap 'bench teardown "$TABLE"' EXIT

VARIANTS=(nojoin hashmap flink-partial dim-lru dim-lru-async dim-all dim-none dim-none-async)
echo "# $(date -u +%FT%TZ) rounds=$ROUNDS rows=$ROWS none_rows=$NONE_ROWS keys=$KEYS cores=$(nproc)" | tee "$RESULTS"
for ((round = 0; round < ROUNDS; round++)); do
  for ((i = 0; i < ${#VARIANTS[@]}; i++)); do
    variant=${VARIANTS[(i + round * 3) % ${#VARIANTS[@]}]}
    rows=$ROWS
    [[ $variant == dim-none* ]] && rows=$NONE_ROWS
    bench run "$variant" "$rows" "$TABLE" "$KEYS" | grep '^RESULT' | tee -a "$RESULTS"
  done
done
bench report "$RESULTS" | tee "$OUT/report.md"
