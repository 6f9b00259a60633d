#!/usr/bin/env bash
# The anjian load harness. See bench/README.md and `bench/run.sh --help`.
#
#   bench/run.sh [harness options]        build, then run dev.anjian.bench.LoadHarness; the run's folder is
#                                         bench/target/runs/<UTC time>/ (logs, configs, report.json/.png)
#   bench/run.sh stack start|stop|status  the bench stack: Kafka 29092, InfluxDB 28086, Mosquitto 21883 under
#                                         deploy/local/var/bench (deploy/local/stack.sh with its port overrides)
# Env: BENCH_BUILD=all (default: mvn -pl bench -am install) | bench (this module only, the other modules as
#      installed in ~/.m2) | none;  BENCH_JAVA_OPTS (default -Xmx1g) for the harness JVM;
#      add -Dbench.jfr=true to it for a JFR profile of every component (<run>/<phase>/<service>.jfr).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
cd "$root"

bench_stack() {
  ANJIAN_STACK_DIR="$root/deploy/local/var/bench" ANJIAN_KAFKA_PORT=29092 ANJIAN_KAFKA_CONTROLLER_PORT=29093 \
  ANJIAN_INFLUX_PORT=28086 ANJIAN_INFLUX_RPC_PORT=28088 ANJIAN_MQTT_PORT=21883 ANJIAN_KAFKA_HEAP=1g \
    deploy/local/stack.sh "$1" --profile test   # the test profile's layout; every port overridden above
}

if [[ ${1:-} == stack ]]; then
  bench_stack "${2:?usage: bench/run.sh stack start|stop|status}"
  exit
fi
for arg in "$@"; do
  if [[ $arg == -h || $arg == --help ]]; then help=1; fi
done

case ${BENCH_BUILD:-all} in
  all) echo "bench: building (mvn -pl bench -am install -DskipTests)..." >&2
       mvn -q -pl bench -am install -DskipTests >&2 ;;
  bench) echo "bench: building the bench module only..." >&2
       mvn -q -pl bench install -DskipTests >&2 ;;
  none) ;;
  *) echo "bench: BENCH_BUILD must be all, bench or none" >&2; exit 2 ;;
esac
cp_file="$root/bench/target/classpath.txt"
if [[ ! -s $cp_file || $root/bench/pom.xml -nt $cp_file || ${BENCH_BUILD:-all} != none ]]; then
  mvn -q -pl bench dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime >&2
fi

# The bench stack unless the caller picked another one.
if [[ -z ${help:-} && " $* " != *" --stack "* && " $* " != *" --kafka "* ]]; then
  if ! timeout 2 bash -c 'exec 3<>/dev/tcp/127.0.0.1/29092' 2>/dev/null; then
    echo "bench: the bench stack is not running; starting it (stop it with: bench/run.sh stack stop)" >&2
    bench_stack start >&2
  fi
fi

run_dir="$root/bench/target/runs/$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$run_dir/lib"
# The run uses copies of this module's classes and of the project's own jars: others rebuild bench/target
# and re-install dev.anjian snapshots while a run (and its child JVMs) is going.
cp -r "$root/bench/target/classes" "$run_dir/classes"
classpath="$run_dir/classes"
IFS=: read -r -a jars <"$cp_file" || true   # (no newline at its end)
for jar in "${jars[@]}"; do
  if [[ $jar == */dev/anjian/* ]]; then cp "$jar" "$run_dir/lib/"; jar="$run_dir/lib/${jar##*/}"; fi
  classpath+=":$jar"
done
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xmx1g} -Danjian.home="$root" -Danjian.log.dir="$run_dir" -Danjian.console.level=WARN \
  -cp "$classpath" dev.anjian.bench.LoadHarness --run-dir "$run_dir" "$@"
