# shellcheck shell=bash
# The folder a control script owns (stack.sh's data dir, cluster.sh's cluster dir) and stopping its daemons
# (sourced by both, after common.sh: uses info and die).

# lock_state_dir DIR MARKER DESCRIPTION BUSY_MESSAGE
# One script at a time per folder: holds an flock on DIR/.lock as fd 9 (spawn closes it in daemons) or dies
# with BUSY_MESSAGE. The marker (its text: DESCRIPTION) goes only into a folder we create or find empty, so
# purge never deletes a pre-existing folder that an ANJIAN_*_DIR variable happens to point at.
lock_state_dir() {
  local dir=$1 marker=$2 description=$3 busy=$4
  if [[ ! -d $dir || -z $(ls -A "$dir") ]]; then
    mkdir -p "$dir"
    echo "$description" >"$marker"
  fi
  exec 9>"$dir/.lock"
  flock -n 9 || die "$busy"
}

# purge_state_dir DIR MARKER: deletes DIR, only when it carries the marker.
purge_state_dir() {
  local dir=$1 marker=$2
  if [[ ! -d $dir ]]; then info "nothing to purge: $dir does not exist"; return 0; fi
  [[ -e $marker ]] || die "refusing to delete $dir: it has no $(basename "$marker") marker"
  rm -rf -- "$dir"
  info "purged $dir"
}

# stop_in_parallel FAILURE STOP_FN NAME...: runs STOP_FN NAME for every NAME at once (each may take a few
# seconds: SIGTERM, then up to ANJIAN_STOP_TIMEOUT), waits for all, and dies with FAILURE if any failed.
stop_in_parallel() {
  local failure=$1 stop=$2 name pids=() p rc=0; shift 2
  for name in "$@"; do "$stop" "$name" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || rc=1; done
  (( rc == 0 )) || die "$failure"
}
