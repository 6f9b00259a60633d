#!/usr/bin/env bash
# Keeps anjian's two Flink jobs submitted to the compose session cluster (deploy/compose), in the Flink image.
# Each round: a job that is not running on the JobManager (first start, or the JobManager restarted: compose
# runs Flink without high availability, so a restarted JobManager has forgotten its jobs) is submitted again,
# from its newest retained checkpoint when it has one, so its state (open alarms, offline timers, the
# online-rate day so far, Kafka offsets) carries on. A job the JobManager still has (running, restarting
# after a TaskManager loss) is left alone: Flink restores it from its checkpoints itself.
#
#   keep-jobs.sh [--jobmanager HOST:PORT] [--config-dir DIR] [--once | --every SECONDS]
#
# Every job writes its checkpoints to /flink-data/checkpoints/<job>/<job id>/chk-<n> (checkpoint.dir set below),
# retained when the job is cancelled or the cluster dies; the newest chk-<n> with a _metadata file is resumed.
set -euo pipefail

JAR=/opt/flink/usrlib/anjian-jobs.jar
CHECKPOINTS=/flink-data/checkpoints
JOBMANAGER=jobmanager:8081
CONFIG_DIR=/etc/anjian
EVERY=0

# name | main class | config file | its checkpoint.dir key (the job's own folder under $CHECKPOINTS)
JOBS=(
  "anjian-monitoring|dev.anjian.jobs.MonitoringJob|jobs.properties|checkpoint.dir"
  "anjian-onlinerate|dev.anjian.jobs.onlinerate.OnlineRateJob|onlinerate.properties|onlinerate.checkpoint.dir"
)

log() { printf '%s [keep-jobs] %s\n' "$(date -u +%FT%TZ)" "$*"; }

while (( $# )); do
  case $1 in
    --jobmanager) JOBMANAGER=${2:?--jobmanager needs HOST:PORT}; shift 2 ;;
    --config-dir) CONFIG_DIR=${2:?--config-dir needs a folder}; shift 2 ;;
    --once) EVERY=0; shift ;;
    --every) EVERY=${2:?--every needs seconds}; shift 2 ;;
    *) log "unknown argument '$1'"; exit 2 ;;
  esac
done
REST=(-Drest.address="${JOBMANAGER%:*}" -Drest.port="${JOBMANAGER##*:}")

# The newest retained checkpoint of a job folder (a chk-<n> directory with its _metadata), or nothing.
newest_checkpoint() {
  [[ -d $1 ]] || return 0
  find "$1" -mindepth 3 -maxdepth 3 -path '*/chk-*/_metadata' -printf '%T@ %h\n' | sort -rn | head -n 1 | cut -d' ' -f2-
}

keep() {
  local name=$1 class=$2 file=$3 dir_key=$4 listing resume=()
  # flink list: the jobs that are not finished (running, restarting, scheduled), one "<time> : <id> : <name> (<state>)" each.
  if ! listing=$(flink list "${REST[@]}" 2>&1); then
    log "JobManager $JOBMANAGER not reachable; $name not checked this round"
    return 1
  fi
  if grep -q " : $name (" <<<"$listing"; then
    return 0
  fi
  local folder="$CHECKPOINTS/${name#anjian-}" checkpoint
  checkpoint=$(newest_checkpoint "$folder")
  if [[ -n $checkpoint ]]; then
    log "$name is not running: submitting it from its newest checkpoint $checkpoint"
    resume=(--fromSavepoint "$checkpoint")
  else
    log "$name is not running and has no checkpoint in $folder: submitting it fresh"
  fi
  flink run "${REST[@]}" --detached "${resume[@]}" --class "$class" "$JAR" \
    --config "$CONFIG_DIR/$file" --set "$dir_key=$folder"
}

round() {
  local job name class file dir_key rc=0
  for job in "${JOBS[@]}"; do
    IFS='|' read -r name class file dir_key <<<"$job"
    keep "$name" "$class" "$file" "$dir_key" || rc=1
  done
  return $rc
}

if (( EVERY == 0 )); then
  round
  exit $?
fi
log "keeping ${#JOBS[@]} jobs on $JOBMANAGER, checked every ${EVERY}s"
while :; do
  round || log "round incomplete; next try in ${EVERY}s"
  sleep "$EVERY"
done
