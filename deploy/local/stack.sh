#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Local stack for anjian: real Kafka (KRaft, single node), InfluxDB 1.6 and Mosquitto 2 on
# 127.0.0.1, all data, configs, pid files and logs under one folder. See deploy/local/README.md.
#
#   deploy/local/stack.sh start|stop|status|install|purge [--profile demo|test] [--purge]
set -euo pipefail

LOCAL_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$LOCAL_DIR/../.." && pwd)
source "$LOCAL_DIR/lib/common.sh"
source "$LOCAL_DIR/lib/state_dir.sh"
source "$LOCAL_DIR/lib/install.sh"
source "$LOCAL_DIR/lib/kafka.sh"
source "$LOCAL_DIR/lib/influxdb.sh"
source "$LOCAL_DIR/lib/mosquitto.sh"
declare -A READY_SECS=() LAUNCHED_MS=()

usage() {
  cat <<'EOF'
usage: deploy/local/stack.sh <command> [--profile demo|test]
  install   install missing Debian packages (root) and resolve the Kafka classpath
  start     install, then start Kafka, InfluxDB, Mosquitto (skips running ones); create topics and DB
  stop      stop all three (data kept); 'stop --purge' also deletes the data dir
  purge     stop and delete the data dir
  status    one line per service
Ports: demo  Kafka 9092 (controller 9093), InfluxDB 8086 (rpc 8088), MQTT 1883
       test  Kafka 19092 (controller 19093), InfluxDB 18086 (rpc 18088), MQTT 11883
Env: ANJIAN_KAFKA_PORT ANJIAN_KAFKA_CONTROLLER_PORT ANJIAN_INFLUX_PORT ANJIAN_INFLUX_RPC_PORT
     ANJIAN_MQTT_PORT ANJIAN_STACK_DIR ANJIAN_KAFKA_HEAP ANJIAN_TOPIC_PREFIX ANJIAN_PARTITIONS
     ANJIAN_INFLUX_DB ANJIAN_START_TIMEOUT ANJIAN_STOP_TIMEOUT
EOF
}

# ---------------------------------------------------------------- arguments and settings
COMMAND=${1:-}
[[ -n $COMMAND ]] || { usage >&2; exit 2; }
shift
PROFILE=demo PURGE=false
while (( $# )); do
  case $1 in
    --profile) PROFILE=${2:?--profile needs a value}; shift 2 ;;
    --profile=*) PROFILE=${1#*=}; shift ;;
    --purge) PURGE=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done

case $PROFILE in
  demo) ports=(9092 9093 8086 8088 1883) ;;
  test) ports=(19092 19093 18086 18088 11883) ;;
  *) die "unknown profile '$PROFILE' (demo|test)" ;;
esac
KAFKA_PORT=${ANJIAN_KAFKA_PORT:-${ports[0]}}
KAFKA_CONTROLLER_PORT=${ANJIAN_KAFKA_CONTROLLER_PORT:-${ports[1]}}
INFLUX_PORT=${ANJIAN_INFLUX_PORT:-${ports[2]}}
INFLUX_RPC_PORT=${ANJIAN_INFLUX_RPC_PORT:-${ports[3]}}
MQTT_PORT=${ANJIAN_MQTT_PORT:-${ports[4]}}
STACK_DIR=$(realpath -m "${ANJIAN_STACK_DIR:-$REPO_ROOT/deploy/local/var/$PROFILE}")
MARKER="$STACK_DIR/.anjian-local-stack"   # purge only deletes folders carrying this marker

kafka_paths
influx_paths
mqtt_paths

# One stack.sh at a time per data dir.
lock_stack_dir() {
  lock_state_dir "$STACK_DIR" "$MARKER" "anjian local stack, profile $PROFILE" \
    "another stack.sh is working on $STACK_DIR"
}

# ---------------------------------------------------------------- commands
cmd_install() {
  install_packages
  lock_stack_dir
  kafka_resolve_classpath
}

declare -A SERVICE=([influx]=influxdb [mqtt]=mosquitto [kafka]=kafka)

cmd_start() {
  cmd_install
  local svc to_launch=() to_wait=()
  for svc in kafka influx mqtt; do
    if ! "${svc}_running"; then to_launch+=("$svc")
    elif "${svc}_healthy"; then info "${SERVICE[$svc]}: already running and healthy, skipping"
    else info "${SERVICE[$svc]}: running but not answering yet, waiting for it"; to_wait+=("$svc")
    fi
  done
  # All ports first, so that a taken port leaves nothing half-started.
  for svc in "${to_launch[@]}"; do "${svc}_check_ports"; done
  # Launch all, then wait for each: Kafka's slow JVM start overlaps with the others.
  for svc in "${to_launch[@]}"; do
    info "${SERVICE[$svc]}: starting"
    LAUNCHED_MS[${SERVICE[$svc]}]=$(now_ms)
    "${svc}_launch"
  done
  local waiting=" ${to_launch[*]} ${to_wait[*]} "
  for svc in influx mqtt kafka; do   # quick ones first, so each time printed is its own
    if [[ $waiting == *" $svc "* ]]; then "${svc}_await"; fi
  done
  kafka_create_topics
  influx_create_db
  summary
}

summary() {
  local r=${READY_SECS[kafka]:-} ri=${READY_SECS[influxdb]:-} rm=${READY_SECS[mosquitto]:-}
  cat <<EOF

Local stack '$PROFILE' is up (data dir: $STACK_DIR)
  kafka      bootstrap $KAFKA_BOOTSTRAP  controller 127.0.0.1:$KAFKA_CONTROLLER_PORT  pid $(read_pid "$KAFKA_PID")${r:+  healthy in ${r}s}
             data $KAFKA_DIR/data
             log  $KAFKA_LOG  (JVM output: $KAFKA_OUT)
             topics ${ANJIAN_TOPIC_PREFIX:-anjian.}{$(IFS=,; echo "${KAFKA_TOPICS[*]%%:*}")}
  influxdb   $INFLUX_URL  database '$INFLUX_DB'  pid $(read_pid "$INFLUX_PID")${ri:+  healthy in ${ri}s}
             data $INFLUX_DIR/{meta,data,wal}
             log  $INFLUX_LOG
  mosquitto  mqtt://127.0.0.1:$MQTT_PORT  pid $(read_pid "$MQTT_PID")${rm:+  healthy in ${rm}s}
             data $MQTT_DIR/data
             log  $MQTT_LOG
Stop with: ${ANJIAN_STACK_DIR:+ANJIAN_STACK_DIR=$STACK_DIR }deploy/local/stack.sh stop --profile $PROFILE   (add --purge to delete the data)
EOF
}

cmd_stop() {
  # No lock when the dir is absent: nothing can be running from it.
  if [[ -d $STACK_DIR ]]; then lock_stack_dir; fi
  stop_in_parallel "some services could not be stopped" stop_svc kafka influx mqtt
  if [[ $PURGE == true ]]; then purge_state_dir "$STACK_DIR" "$MARKER"; fi
}

stop_svc() { "${1}_stop"; }   # kafka -> kafka_stop (lib/kafka.sh)

cmd_status() {
  echo "profile $PROFILE, data dir $STACK_DIR"
  kafka_status
  influx_status
  mqtt_status
}

case $COMMAND in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  purge) PURGE=true; cmd_stop ;;
  status) cmd_status ;;
  -h|--help|help) usage ;;
  *) usage >&2; die "unknown command: $COMMAND" ;;
esac
