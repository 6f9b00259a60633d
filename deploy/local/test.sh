#!/usr/bin/env bash
# Runs every test: unit tests (Surefire) and integration tests (Failsafe) against real services.
# Starts the test profile of the local stack (Kafka KRaft from the Maven jars, InfluxDB and Mosquitto
# from Debian packages, installed when missing) on ports apart from the demo's, and stops it afterwards
# (ANJIAN_KEEP_STACK=1 leaves it running for re-runs). Extra arguments go to Maven, e.g. -pl jobs.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
cd "$root"

deploy/local/stack.sh start --profile test
# The Flink cluster classpath for jobs' FlinkClusterSavepointIT (which starts and stops its own cluster).
deploy/flink/cluster.sh install
if [ -z "${ANJIAN_KEEP_STACK:-}" ]; then
  trap 'deploy/local/stack.sh stop --profile test' EXIT
fi
mvn -B verify "$@"
