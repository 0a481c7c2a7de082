#!/usr/bin/env bash
# JDBC SELECT 1 round trips through Flink's plain REST endpoint and through the sluice endpoint, on one gateway and
# one MiniCluster, in one process. One command, from anywhere:
#
#   bench/gateway/run.sh [round trips per endpoint, default 300] [warm-up, default 40]
#
# Prints a Markdown table (median, p99, ratio) and keeps it under bench/gateway/target/.
set -euo pipefail
cd "$(dirname "$0")/../.."

OUT=bench/gateway/target
./mvnw -q -Pbench -pl bench/gateway -am package dependency:build-classpath \
  -DskipTests -Dmdep.outputFile="$PWD/$OUT/classpath.txt"
java -Xms1g -Xmx1g -cp "$OUT/classes:$(cat "$OUT/classpath.txt")" \
  io.sluice.bench.gateway.SelectOneRoundTrip "${1:-300}" "${2:-40}" "$OUT"
