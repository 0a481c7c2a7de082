#!/usr/bin/env bash
# Paired benchmarks of the sluice endpoint against Flink's plain REST endpoint, on one gateway and one
# cluster (a MiniCluster, or for `cluster` a standalone one), in one process, the two alternating. One command, from anywhere:
#
#   bench/gateway/run.sh [round trips per endpoint, default 300] [warm-up, default 40]
#       JDBC SELECT 1 round trips
#   bench/gateway/run.sh session-open [rounds, default 200] [warm-up, default 20] [published tables, default 1000] [new users, default 30]
#       JDBC connect + SHOW CATALOGS + close, with that many tables published to test through catalog-service's API
#   bench/gateway/run.sh driver [SELECT 1 rounds, default 300] [warm-up, default 40] [published tables, default 1000] [metadata rounds, default 50] [crawls, default 3]
#       Sluice's JDBC driver: getTables + getColumns over that many tables; SELECT 1 with it and with Flink's driver
#   bench/gateway/run.sh functions [rounds, default 100] [warm-up, default 10] [datagen rows, default 3000000]
#       session open with 0, 10 and 50 project functions vs a bare session; a scalar UDF vs the built-in per record
#   bench/gateway/run.sh cluster [rounds, default 5] [warm-up, default 1] [records, default 1000000]
#       one INSERT job's throughput on a standalone cluster of separate JVMs, planned by each endpoint
#
# Prints Markdown tables (median, p99, ratio) and keeps them under bench/gateway/target/.
set -euo pipefail
cd "$(dirname "$0")/../.."

OUT=bench/gateway/target
./mvnw -q -Pbench -pl bench/gateway -am package dependency:build-classpath \
  -DskipTests -Dmdep.outputFile="$PWD/$OUT/classpath.txt"
CP="$OUT/classes:$(cat "$OUT/classpath.txt")"
if [[ "${1:-}" == "cluster" ]]; then
  java -Xms1g -Xmx1g -cp "$CP" io.sluice.bench.gateway.ClusterInsertBench "${2:-5}" "${3:-1}" "${4:-1000000}" "$OUT"
elif [[ "${1:-}" == "functions" ]]; then
  java -Xms1g -Xmx1g -cp "$CP" io.sluice.bench.gateway.FunctionsBench "${2:-100}" "${3:-10}" "${4:-3000000}" "$OUT"
elif [[ "${1:-}" == "driver" ]]; then
  java -Xms1g -Xmx1g -cp "$CP" io.sluice.bench.gateway.DriverBench \
    "${2:-300}" "${3:-40}" "${4:-1000}" "${5:-50}" "${6:-3}" "$OUT"
elif [[ "${1:-}" == "session-open" ]]; then
  java -Xms1g -Xmx1g -cp "$CP" io.sluice.bench.gateway.SessionOpen \
    "${2:-200}" "${3:-20}" "${4:-1000}" "${5:-30}" "$OUT"
else
  java -Xms1g -Xmx1g -cp "$CP" io.sluice.bench.gateway.SelectOneRoundTrip "${1:-300}" "${2:-40}" "$OUT"
fi
