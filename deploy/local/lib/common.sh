# shellcheck shell=bash disable=SC2153  # (variables are set by stack.sh)
# Shared helpers for deploy/local/stack.sh (sourced, not executed).

info() { printf '[stack] %s\n' "$*"; }
warn() { printf '[stack] WARNING: %s\n' "$*" >&2; }
die()  { printf '[stack] ERROR: %s\n' "$*" >&2; exit 1; }

now_ms() { date +%s%3N; }
# elapsed seconds (two decimals) since a now_ms value
since() { local d=$(( $(now_ms) - $1 )); printf '%d.%02d' $((d / 1000)) $((d % 1000 / 10)); }

# Prints the pid stored in a pid file (nothing when absent or empty).
read_pid() { [[ -s $1 ]] && tr -dc '0-9' <"$1" || true; }

# True when pid is alive and its command line contains pattern (guards against pid reuse).
proc_alive() {
  local pid=$1 pattern=$2
  [[ -n $pid && -e /proc/$pid ]] || return 1   # (not kill -0: works for another user's pid too)
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$pattern"
}

# True when something accepts TCP connections on 127.0.0.1:port.
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# Fails with a clear message if a port we are about to bind is already taken by someone else.
require_free_port() {
  local port=$1 what=$2 var=$3
  if port_open "$port"; then
    die "$what port 127.0.0.1:$port is already in use by another process (see: ss -ltnp 'sport = :$port')." \
        "Stop it, or pick another port with $var=<port>."
  fi
}

# Starts a daemon in the background, in its own process group (so Ctrl-C on stack.sh or
# closing the terminal does not kill it); $! is the daemon itself. Appends output to logfile.
spawn() {
  local logfile=$1 pidfile=$2; shift 2
  printf '==== %s stack.sh: starting %s\n' "$(date -Is)" "${1##*/}" >>"$logfile"
  set -m
  nohup "$@" >>"$logfile" 2>&1 </dev/null 9>&- &   # 9: the stack.sh lock
  echo $! >"$pidfile"
  set +m
}

# Prints the last 30 lines of each given (non-empty) log file.
show_logs() {
  local f
  for f in "$@"; do
    [[ -s $f ]] || continue
    printf '\n----- last 30 lines of %s -----\n' "$f" >&2
    tail -n 30 "$f" >&2
    printf -- '-----\n' >&2
  done
}

# await_healthy NAME PIDFILE PATTERN TIMEOUT HEALTH_FN LOG...
# Waits until HEALTH_FN succeeds; fails early if the process dies; prints logs on failure.
await_healthy() {
  local name=$1 pidfile=$2 pattern=$3 timeout=$4 health=$5; shift 5
  local t0=${LAUNCHED_MS[$name]:-$(now_ms)}   # measured from launch when stack.sh launched it
  while :; do
    if ! proc_alive "$(read_pid "$pidfile")" "$pattern"; then
      show_logs "$@"; die "$name exited during startup (logs above)."
    fi
    if "$health"; then
      READY_SECS[$name]=$(since "$t0"); info "$name: healthy after ${READY_SECS[$name]}s"; return 0
    fi
    if (( $(now_ms) - t0 > timeout * 1000 )); then
      show_logs "$@"; die "$name not healthy after ${timeout}s (logs above); it is still running, see: $0 stop"
    fi
    sleep 0.5
  done
}

# stop_service NAME PIDFILE PATTERN: SIGTERM, wait up to ANJIAN_STOP_TIMEOUT (20 s), SIGKILL.
stop_service() {
  local name=$1 pidfile=$2 pattern=$3 pid i
  pid=$(read_pid "$pidfile")
  if ! proc_alive "$pid" "$pattern"; then
    rm -f "$pidfile"; info "$name: not running"; return 0
  fi
  local t0; t0=$(now_ms)
  kill -TERM "$pid" 2>/dev/null || true
  for (( i = 0; i < ${ANJIAN_STOP_TIMEOUT:-20} * 5; i++ )); do
    proc_alive "$pid" "$pattern" || break   # (a zombie has an empty cmdline: counts as gone)
    sleep 0.2
  done
  if proc_alive "$pid" "$pattern"; then
    warn "$name (pid $pid) did not stop within ${ANJIAN_STOP_TIMEOUT:-20}s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
  info "$name: stopped (pid $pid, $(since "$t0")s)"
}

# status_line NAME PIDFILE PATTERN ADDRESS HEALTH_FN
status_line() {
  local name=$1 pidfile=$2 pattern=$3 addr=$4 health=$5 pid state
  pid=$(read_pid "$pidfile")
  if proc_alive "$pid" "$pattern"; then
    if "$health"; then state=running; else state="running (not answering)"; fi
  else
    state=stopped; pid=-
  fi
  printf '%-10s %-24s pid %-8s %s\n' "$name" "$state" "$pid" "$addr"
}
