#!/usr/bin/env bash
# Access enforcement benchmarks, from the repository root, in one command:
#
#   bench/gateway-access/run.sh
#
# 1. JMH, one thread: the cached decision path (analysis result -> decisions), decisions per second.
# 2. JDBC round trips through Flink's SQL gateway with and without enforcement, in the same JVM and run.
# Settings (environment): WARMUP (20) and MEASURED (60) round trips per query and endpoint.
# Raw results stay under bench/gateway-access/target/.
set -euo pipefail
cd "$(dirname "$0")/../.."

WARMUP=${WARMUP:-20}
MEASURED=${MEASURED:-60}
OUT=bench/gateway-access/target
./mvnw -q -Pbench -pl bench/gateway-access -am package dependency:build-classpath \
  -DskipTests -Dmdep.outputFile="$PWD/$OUT/classpath.txt"
CLASSPATH="$OUT/classes:$(cat "$OUT/classpath.txt")"

echo "# $(date -u +%FT%TZ), $(nproc) cores"
java -cp "$CLASSPATH" org.openjdk.jmh.Main DecisionBenchmark -rf json -rff "$OUT/jmh.json" | tee "$OUT/jmh.txt"
java -Xms1g -Xmx1g -cp "$CLASSPATH" io.sluice.bench.gatewayaccess.EnforcementOverhead "$WARMUP" "$MEASURED" \
  2> "$OUT/overhead.log" | tee "$OUT/overhead.md"
