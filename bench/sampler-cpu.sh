#!/usr/bin/env bash
# Where the CPU of sampling goes, with no load running: PROJECT's containers first not sampled, then sampled every
# second, SECONDS each; prints CPU milliseconds per second of the sampler (this JVM, as `scaler load` runs it), of the
# project's containers (their cgroups) and of the Docker daemons, and how long one round took. The project must be
# up and its secrets in SCALER_STATE_DIR (default .scaler). Reads only; loopback and the project's own containers.
#
#   bash bench/sampler-cpu.sh starter [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
project=${1:?usage: bench/sampler-cpu.sh PROJECT [SECONDS]}
java_home=$(bin/find-java)
[ -f cli/target/scaler.jar ] || ./mvnw -B -q package -DskipTests
exec "$java_home/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp cli/target/scaler.jar bench/SamplerCpu.java \
  "$project" "${SCALER_STATE_DIR:-.scaler}" "${2:-20}"
