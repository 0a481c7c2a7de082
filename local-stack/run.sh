#!/usr/bin/env bash
# The whole Sluice stack on this machine, in one command (from anywhere):
#
#   local-stack/run.sh
#
# catalog-service on H2 with the demo tenant, a Kafka broker whose topic `orders` has demo rows, and the SQL gateway
# with the `sluice` endpoint on a Flink MiniCluster. Prints the JDBC URL and a demo login; Ctrl+C stops it all.
#
#   local-stack/run.sh --standalone-cluster
#
# runs jobs on a standalone Flink session cluster instead: a JobManager and two TaskManagers, each a JVM of its own
# (lib/ from local-stack/flink-cluster, config.yaml, logs, checkpoints and savepoints in .sluice/flink/), its REST
# API on loopback for the gateway only; the gateway talks to it with execution.target: remote.
# Data (catalog-service's H2 database and secrets key, Kafka's log) is kept in .sluice/ at the repository root, so
# designs, grants and topics survive a restart; delete .sluice/ to start over (-Dsluice.data-dir=… to move it).
# Ports: -Dsluice.gateway.port=8083 -Dsluice.catalog-service.port=8081 -Dsluice.kafka.port=9092 via JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=local-stack/launcher/target
./mvnw -q -pl local-stack/launcher -am package dependency:build-classpath \
  -DskipTests -Dmdep.outputFile="$PWD/$OUT/classpath.txt"
exec java ${JAVA_OPTS:-} -cp "$OUT/classes:$(cat "$OUT/classpath.txt")" io.sluice.localstack.launcher.LocalStackMain "$@"
