#!/usr/bin/env bash
# Builds the three images of deploy/k8s and pushes them to $REGISTRY:
#   sluice-flink            the session cluster (JobManager, TaskManagers): flink:2.2.1 + connectors + dim connector
#   sluice-gateway          the SQL gateway: flink:2.2.1 + connectors + Flink's planner jar + the sluice plugin jar
#   sluice-catalog-service  catalog-service on a JDK, with Flink's lib/ and udf-registry.jar for checking functions
# NOT RUN where it was written (no Docker there); only the connectors pom was resolved with Maven.
#
#   REGISTRY=registry.example.com/sluice TAG=0.1.0 deploy/images/build.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

REGISTRY=${REGISTRY:?set REGISTRY to your registry, e.g. registry.example.com/sluice}
TAG=${TAG:-0.1.0-SNAPSHOT}
VERSION=0.1.0-SNAPSHOT   # the Maven project version of the jars below

# Sluice's own jars (tests run elsewhere: ./mvnw verify)
./mvnw -B -q -pl gateway-extensions,dim-table,catalog-service,udf-registry -am package -DskipTests
# the third-party jars for Flink's lib/, at the versions the root pom pins
./mvnw -B -q -f deploy/images/connectors/pom.xml package

stage() { # image folder, then files to copy into its target/ folder
  local into="deploy/images/$1/target"
  shift
  rm -rf "$into" && mkdir -p "$into/lib"
  cp "$@" "$into/"
}

stage flink dim-table/target/sluice-dim-table-"$VERSION".jar
cp deploy/images/connectors/target/lib/*.jar deploy/images/flink/target/lib/

stage gateway gateway-extensions/target/gateway-extensions-"$VERSION".jar
cp deploy/images/connectors/target/lib/*.jar deploy/images/gateway/target/lib/

stage catalog-service catalog-service/target/catalog-service-"$VERSION"-exec.jar udf-registry/target/udf-registry-"$VERSION".jar

for image in flink gateway catalog-service; do
  docker build -t "$REGISTRY/sluice-$image:$TAG" "deploy/images/$image"
  docker push "$REGISTRY/sluice-$image:$TAG"
done
