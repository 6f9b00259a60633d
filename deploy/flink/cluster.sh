#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Standalone Flink session cluster on this machine: one JobManager and one TaskManager JVM, from the
# Maven-resolved Flink jars (pom.xml), on 127.0.0.1; jobs submitted, stopped with a savepoint and resumed
# through the REST API. Config, pid files, logs, checkpoints and savepoints under one cluster dir.
# See deploy/flink/README.md.
#
#   deploy/flink/cluster.sh start|stop|status|install [--profile demo|test] [--purge]
#   deploy/flink/cluster.sh submit [--class <main class>] <jar> [program args...]        -> prints the job id
#   deploy/flink/cluster.sh stop-with-savepoint [--drain] <job id>                      -> prints the savepoint
#   deploy/flink/cluster.sh resume [--class <main class>] <jar> <savepoint> [program args...] -> the job id
#   deploy/flink/cluster.sh cancel <job id>
#   deploy/flink/cluster.sh jobs
set -euo pipefail

FLINK_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$FLINK_DIR/../.." && pwd)
source "$FLINK_DIR/../local/lib/common.sh"   # info/die, spawn, pid files, health waits
source "$FLINK_DIR/../local/lib/state_dir.sh"   # cluster dir lock and purge, parallel stop
source "$FLINK_DIR/lib/rest.sh"
source "$FLINK_DIR/lib/processes.sh"
# Messages go to stderr: stdout carries only what scripts capture (a job id, a savepoint path).
info() { printf '[flink] %s\n' "$*" >&2; }
warn() { printf '[flink] WARNING: %s\n' "$*" >&2; }
die()  { printf '[flink] ERROR: %s\n' "$*" >&2; exit 1; }
declare -A READY_SECS=() LAUNCHED_MS=()

usage() {
  cat <<'EOF'
usage: deploy/flink/cluster.sh <command> [--profile demo|test] [options] [arguments]
  install              resolve the cluster classpath with Maven (cached in deploy/flink/var/)
  start                start the JobManager and the TaskManager (skips running ones); waits until the
                       TaskManager is registered with free slots
  stop [--purge]       stop both (SIGTERM, then SIGKILL after ANJIAN_STOP_TIMEOUT s); --purge also deletes
                       the cluster dir (checkpoints, savepoints, logs)
  status               one line per JVM, and the cluster's slots and jobs
  submit [--class C] <jar> [args...]
                       upload the job jar, run its main class (default: the jar's Main-Class) with the
                       program args, wait until every task runs; prints the job id
  stop-with-savepoint [--drain] <job id>
                       take a savepoint and stop the job; prints the savepoint path
  resume [--class C] <jar> <savepoint> [args...]
                       like submit, restoring the job's state from the savepoint
  cancel <job id>      cancel the job without a savepoint (its last retained checkpoint stays)
  jobs                 list the cluster's jobs
Ports: demo  REST 8081, JobManager RPC 6123      test  REST 18081, JobManager RPC 16123
Env: ANJIAN_FLINK_REST_PORT ANJIAN_FLINK_RPC_PORT ANJIAN_FLINK_SLOTS (4) ANJIAN_FLINK_TM_MEMORY (1536m)
     ANJIAN_FLINK_JM_MEMORY (1024m) ANJIAN_FLINK_DIR (deploy/flink/var/<profile>) ANJIAN_START_TIMEOUT (90)
     ANJIAN_STOP_TIMEOUT (20) ANJIAN_FLINK_REST_TIMEOUT (120)
EOF
}

# ---------------------------------------------------------------- arguments and settings
COMMAND=${1:-}
[[ -n $COMMAND ]] || { usage >&2; exit 2; }
shift
PROFILE=demo PURGE=false DRAIN=false ENTRY_CLASS=""
while (( $# )); do   # options first; the first other word starts the positional arguments
  case $1 in
    --profile) PROFILE=${2:?--profile needs a value}; shift 2 ;;
    --profile=*) PROFILE=${1#*=}; shift ;;
    --class) ENTRY_CLASS=${2:?--class needs a value}; shift 2 ;;
    --purge) PURGE=true; shift ;;
    --drain) DRAIN=true; shift ;;
    -h|--help) usage; exit 0 ;;
    --) shift; break ;;
    -*) usage >&2; die "unknown option: $1" ;;
    *) break ;;
  esac
done

case $PROFILE in
  demo) ports=(8081 6123) ;;
  test) ports=(18081 16123) ;;
  *) die "unknown profile '$PROFILE' (demo|test)" ;;
esac
REST_PORT=${ANJIAN_FLINK_REST_PORT:-${ports[0]}}
RPC_PORT=${ANJIAN_FLINK_RPC_PORT:-${ports[1]}}
SLOTS=${ANJIAN_FLINK_SLOTS:-4}
TM_MEMORY=${ANJIAN_FLINK_TM_MEMORY:-1536m}
JM_MEMORY=${ANJIAN_FLINK_JM_MEMORY:-1024m}
REST_URL="http://127.0.0.1:$REST_PORT"
CLUSTER_DIR=$(realpath -m "${ANJIAN_FLINK_DIR:-$FLINK_DIR/var/$PROFILE}")
MARKER="$CLUSTER_DIR/.anjian-flink-cluster"   # purge only deletes folders carrying this marker
# The Flink the jobs are compiled against: the root pom's flink.version.
FLINK_VERSION=$(sed -n 's:.*<flink.version>\([^<]*\)</flink.version>.*:\1:p' "$REPO_ROOT/pom.xml" | head -n 1)
[[ -n $FLINK_VERSION ]] || die "no <flink.version> in $REPO_ROOT/pom.xml"
FLINK_CP="$FLINK_DIR/var/flink-$FLINK_VERSION.classpath"   # shared by every profile and cluster dir
process_paths

lock_cluster_dir() {
  lock_state_dir "$CLUSTER_DIR" "$MARKER" "anjian Flink cluster, profile $PROFILE" \
    "another cluster.sh is starting or stopping the cluster in $CLUSTER_DIR"
}

# ---------------------------------------------------------------- cluster commands
cmd_install() {
  command -v python3 >/dev/null || die "python3 is needed to read the REST API's JSON (apt-get install python3)"
  command -v curl >/dev/null || die "curl is needed to talk to the REST API (apt-get install curl)"
  resolve_classpath
}

cmd_start() {
  cmd_install
  lock_cluster_dir
  local to_launch=() role
  for role in jobmanager taskmanager; do
    if running "$role"; then info "$role: already running (pid $(read_pid "$(pid_file "$role")"))"
    else to_launch+=("$role"); fi
  done
  if [[ " ${to_launch[*]} " == *" jobmanager "* ]]; then
    require_free_port "$REST_PORT" "Flink REST" ANJIAN_FLINK_REST_PORT
    require_free_port "$RPC_PORT" "Flink JobManager RPC" ANJIAN_FLINK_RPC_PORT
  fi
  render_config
  # Both at once: the TaskManager retries its registration every second until the JobManager answers.
  for role in "${to_launch[@]}"; do launch "$role"; done
  await_healthy jobmanager "$(pid_file jobmanager)" "$(main_class jobmanager)" "${ANJIAN_START_TIMEOUT:-90}" \
    rest_answers "$(log_file jobmanager)" "$(out_file jobmanager)"
  await_healthy taskmanager "$(pid_file taskmanager)" "$(main_class taskmanager)" "${ANJIAN_START_TIMEOUT:-90}" \
    slots_free "$(log_file taskmanager)" "$(out_file taskmanager)"
  summary
}

summary() {
  local rj=${READY_SECS[jobmanager]:-} rt=${READY_SECS[taskmanager]:-}
  cat >&2 <<EOF

Flink $FLINK_VERSION session cluster '$PROFILE' is up (cluster dir: $CLUSTER_DIR)
  REST / web UI  $REST_URL   JobManager RPC 127.0.0.1:$RPC_PORT
  jobmanager     pid $(read_pid "$(pid_file jobmanager)")  memory $JM_MEMORY${rj:+  answering after ${rj}s}
                 log $(log_file jobmanager)
  taskmanager    pid $(read_pid "$(pid_file taskmanager)")  memory $TM_MEMORY  slots $SLOTS${rt:+  registered after ${rt}s}
                 log $(log_file taskmanager)
  checkpoints    $CLUSTER_DIR/checkpoints   savepoints $CLUSTER_DIR/savepoints
Submit with:     ${ANJIAN_FLINK_DIR:+ANJIAN_FLINK_DIR=$CLUSTER_DIR }$0 submit --profile $PROFILE jobs/target/jobs-<version>-job.jar --config <file>
Stop with:       ${ANJIAN_FLINK_DIR:+ANJIAN_FLINK_DIR=$CLUSTER_DIR }$0 stop --profile $PROFILE
EOF
}

cmd_stop() {
  if [[ -d $CLUSTER_DIR ]]; then lock_cluster_dir; fi
  stop_in_parallel "the cluster could not be stopped" stop_role taskmanager jobmanager
  rm -rf -- "$CLUSTER_DIR/tmp"   # unpacked RPC system and web files: ~21 MB per JVM start
  if [[ $PURGE == true ]]; then purge_state_dir "$CLUSTER_DIR" "$MARKER"; fi
}

cmd_status() {
  echo "profile $PROFILE, Flink $FLINK_VERSION, cluster dir $CLUSTER_DIR"
  status_line jobmanager "$(pid_file jobmanager)" "$(main_class jobmanager)" "$REST_URL" rest_answers
  status_line taskmanager "$(pid_file taskmanager)" "$(main_class taskmanager)" "slots $SLOTS" rest_answers
  if rest_answers; then
    rest GET /overview | json_format overview
  fi
}

# ---------------------------------------------------------------- job commands
cmd_submit() {
  (( $# >= 1 )) || die "usage: $0 submit [--class <main class>] <jar> [program args...]"
  local jar=$1; shift
  run_jar "$jar" "" "$@"
}

cmd_resume() {
  (( $# >= 2 )) || die "usage: $0 resume [--class <main class>] <jar> <savepoint> [program args...]"
  local jar=$1 savepoint=$2; shift 2
  run_jar "$jar" "$savepoint" "$@"
}

cmd_stop_with_savepoint() {
  (( $# == 1 )) || die "usage: $0 stop-with-savepoint [--drain] <job id>"
  stop_with_savepoint "$1"
}

cmd_cancel() {
  (( $# == 1 )) || die "usage: $0 cancel <job id>"
  cancel_job "$1"
}

cmd_jobs() {
  rest GET /jobs/overview | json_format jobs
}

case $COMMAND in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  purge) PURGE=true; cmd_stop ;;
  status) cmd_status ;;
  submit) cmd_submit "$@" ;;
  resume) cmd_resume "$@" ;;
  stop-with-savepoint) cmd_stop_with_savepoint "$@" ;;
  cancel) cmd_cancel "$@" ;;
  jobs) cmd_jobs ;;
  -h|--help|help) usage ;;
  *) usage >&2; die "unknown command: $COMMAND" ;;
esac
