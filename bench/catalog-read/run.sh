#!/usr/bin/env bash
# GET /api/v1/environments/test/catalog of catalog-service on PostgreSQL, at 1,000 and then 10,000 tables published
# to test through its API, read with the gateway's token. One command, from the repository root:
#
#   bench/catalog-read/run.sh
#
# Settings (environment): SIZES (1000,10000), REQUESTS (300 per size), WARMUP (50), PG_SERVER
# (jdbc:postgresql://127.0.0.1:5432/), PG_USER (postgres), PG_PASSWORD (empty), PG_LOG (the server's log file, read
# to count the statements of each request), HEAP (catalog-service's, 512m).
# Creates a throwaway database and drops it at the end. Prints a Markdown table; raw results under
# bench/catalog-read/target/.
set -euo pipefail
cd "$(dirname "$0")/../.."

OUT=bench/catalog-read/target
./mvnw -q -Pbench -pl bench/catalog-read -am package -DskipTests   # also writes $OUT/classpath.txt
CLASSPATH="$OUT/classes:$(cat "$OUT/classpath.txt")"
java -Xms256m -Xmx512m \
  -Dbench.pg.server="${PG_SERVER:-jdbc:postgresql://127.0.0.1:5432/}" -Dbench.pg.user="${PG_USER:-postgres}" \
  -Dbench.pg.password="${PG_PASSWORD:-}" -Dbench.pg.log="${PG_LOG:-/var/log/postgresql/postgresql-15-main.log}" \
  -Dbench.heap="${HEAP:-512m}" \
  -cp "$CLASSPATH" io.sluice.bench.catalogread.CatalogRead \
  "${SIZES:-1000,10000}" "${REQUESTS:-300}" "${WARMUP:-50}" "$OUT"
