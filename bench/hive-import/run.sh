#!/usr/bin/env bash
# 1,000 tables of a real Hive Metastore imported into catalog-service in one request (and a page of 500 browsed),
# on PostgreSQL, once per round with a hive source of its own. One command, from the repository root:
#
#   bench/hive-import/run.sh
#
# Settings (environment): TABLES (1000), ROUNDS (3), PG_SERVER (jdbc:postgresql://127.0.0.1:5432/), PG_USER
# (postgres), PG_PASSWORD (empty), HEAP (catalog-service's, 512m). Creates a throwaway database and drops it at the
# end. Prints a Markdown table; raw results under bench/hive-import/target/.
set -euo pipefail
cd "$(dirname "$0")/../.."

OUT=bench/hive-import/target
./mvnw -q -Pbench -pl bench/hive-import -am package -DskipTests   # also writes $OUT/classpath.txt
CLASSPATH="$OUT/classes:$(cat "$OUT/classpath.txt")"
java -Xms128m -Xmx256m \
  -Dbench.pg.server="${PG_SERVER:-jdbc:postgresql://127.0.0.1:5432/}" -Dbench.pg.user="${PG_USER:-postgres}" \
  -Dbench.pg.password="${PG_PASSWORD:-}" -Dbench.heap="${HEAP:-512m}" \
  -cp "$CLASSPATH" io.sluice.bench.hiveimport.HiveImportBench "${TABLES:-1000}" "${ROUNDS:-3}" "$OUT"
