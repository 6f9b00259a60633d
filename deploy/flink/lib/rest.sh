# shellcheck shell=bash disable=SC2153  # (variables are set by cluster.sh)
# Jobs through the Flink REST API (sourced by cluster.sh): curl for HTTP, python3 for JSON.
# Expects: REST_URL ENTRY_CLASS DRAIN and info/die.

# Prints one field of the JSON document on stdin, by keys and list indices: json_get operation location.
# Strings as they are, anything else as JSON; nothing when absent.
json_get() {
  python3 -c '
import json, sys
text = sys.stdin.read()
try:
    value = json.loads(text)
except ValueError:
    sys.exit("[flink] ERROR: not a JSON answer: " + text.strip()[:500])
for key in sys.argv[1:]:
    if isinstance(value, list) and key.isdigit() and int(key) < len(value):
        value = value[int(key)]
    elif isinstance(value, dict):
        value = value.get(key)
    else:
        value = None
    if value is None:
        break
print("" if value is None else value if isinstance(value, str) else json.dumps(value))
' "$@"
}

# Views of REST answers on stdin: overview | jobs | errors | exception | tasks | all-running (exit status)
# | run-body (from the arguments: the body of /jars/<id>/run).
json_format() {
  python3 -c '
import json, sys, time
view, args = sys.argv[1], sys.argv[2:]
if view == "run-body":   # args: entry class, savepoint, program args...; prints the /jars/<id>/run body
    body = {"programArgsList": args[2:], "allowNonRestoredState": False}
    if args[0]: body["entryClass"] = args[0]
    if args[1]: body["savepointPath"] = args[1]
    print(json.dumps(body)); sys.exit()
text = sys.stdin.read()
try:
    doc = json.loads(text)
except ValueError:
    print(text.strip()[:2000]); sys.exit(1 if view == "all-running" else 0)
if view == "overview":
    print("taskmanagers %s, slots %s (free %s), jobs running %s, finished %s, cancelled %s, failed %s" % tuple(
        doc.get(k) for k in ("taskmanagers", "slots-total", "slots-available", "jobs-running", "jobs-finished",
                             "jobs-cancelled", "jobs-failed")))
elif view == "jobs":
    jobs = sorted(doc.get("jobs", []), key=lambda j: j.get("start-time", 0))
    print("%-32s  %-10s  %-19s  %s" % ("job id", "state", "started", "name"))
    for j in jobs:
        started = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(j.get("start-time", 0) / 1000))
        print("%-32s  %-10s  %-19s  %s" % (j.get("jid"), j.get("state"), started, j.get("name")))
elif view == "errors":   # {"errors": ["message", "stack trace"]}: each first line and every cause
    for error in doc.get("errors", [text]):
        lines = str(error).splitlines()
        print("\n".join(lines[:1] + [line for line in lines[1:] if line.startswith("Caused by:")]))
elif view == "all-running":   # /jobs/<id>: exit status 0 when every vertex is RUNNING
    vertices = doc.get("vertices") or []
    sys.exit(0 if vertices and all(v.get("status") == "RUNNING" for v in vertices) else 1)
elif view == "tasks":   # /jobs/<id>: how many tasks are in which state
    counts = {}
    for vertex in doc.get("vertices", []):
        for state, n in (vertex.get("tasks") or {}).items():
            counts[state] = counts.get(state, 0) + n
    print(", ".join("%d %s" % (n, state) for state, n in sorted(counts.items()) if n) or "no tasks")
elif view == "exception":   # /jobs/<id>/exceptions: the newest failure, first lines of its trace
    entries = (doc.get("exceptionHistory") or {}).get("entries") or []
    print("\n".join(entries[0].get("stacktrace", "").splitlines()[:25]) if entries else "(no exception recorded)")
' "$@"
}

# rest METHOD PATH [curl args...]: prints the answer's body; dies with Flink's error message on HTTP >= 400.
rest() {
  local method=$1 path=$2 answer code; shift 2
  answer=$(curl -sS --max-time "${ANJIAN_FLINK_REST_TIMEOUT:-120}" -X "$method" -w '\n%{http_code}' "$@" \
             "$REST_URL$path" 2>&1) \
    || die "no answer from the Flink REST API at $REST_URL$path: $(grep -m 1 '^curl:' <<<"$answer")" \
           "(is the cluster running? $0 status --profile $PROFILE)"
  code=${answer##*$'\n'}
  answer=${answer%$'\n'*}
  if (( code >= 400 )); then
    die "$method $path: HTTP $code:"$'\n'"$(json_format errors <<<"$answer")"
  fi
  printf '%s' "$answer"
}

# Uploads a jar, runs its main (in the JobManager) with the program args, optionally from a savepoint;
# removes the uploaded copy (the job has its own in the blob store), waits until every task runs.
run_jar() {
  local jar=$1 savepoint=$2 t0 answer jar_id body job_id; shift 2
  [[ -f $jar ]] || die "no such job jar: $jar (build it: mvn -pl jobs -am package -DskipTests)"
  t0=$(now_ms)
  answer=$(rest POST /jars/upload -H "Expect:" -F "jarfile=@$jar")
  jar_id=$(json_get filename <<<"$answer")
  jar_id=${jar_id##*/}
  [[ -n $jar_id ]] || die "the upload of $jar gave no jar id: $answer"
  body=$(json_format run-body "$ENTRY_CLASS" "$savepoint" "$@")
  info "running ${ENTRY_CLASS:-the Main-Class} of $(basename "$jar")${savepoint:+ from savepoint $savepoint}"
  if ! answer=$(rest POST "/jars/$jar_id/run" -H 'Content-Type: application/json' --data-binary "$body"); then
    rest DELETE "/jars/$jar_id" >/dev/null || true
    exit 1
  fi
  rest DELETE "/jars/$jar_id" >/dev/null || warn "could not delete the uploaded jar $jar_id"
  job_id=$(json_get jobid <<<"$answer")
  [[ -n $job_id ]] || die "the run of $jar gave no job id: $answer"
  await_tasks_running "$job_id"
  info "job $job_id: all tasks running, $(since "$t0")s after the upload"
  echo "$job_id"
}

# Waits until the job and each of its tasks are RUNNING (state restored); dies with the job's exception if
# it fails or ends instead, or with the tasks' states after ANJIAN_START_TIMEOUT.
await_tasks_running() {
  local job_id=$1 answer state t0; t0=$(now_ms)
  while :; do
    answer=$(rest GET "/jobs/$job_id")
    state=$(json_get state <<<"$answer")
    case $state in
      FAILED|CANCELED|FINISHED|FAILING|CANCELLING)
        die "job $job_id is $state instead of running:"$'\n'"$(rest GET "/jobs/$job_id/exceptions" \
          | json_format exception)" ;;
      RUNNING) if json_format all-running <<<"$answer"; then return 0; fi ;;
    esac
    if (( $(now_ms) - t0 > ${ANJIAN_START_TIMEOUT:-90} * 1000 )); then
      die "job $job_id not running after ${ANJIAN_START_TIMEOUT:-90}s: job $state, tasks" \
          "$(json_format tasks <<<"$answer") (too few free slots? $0 status --profile $PROFILE)." \
          "Left as it is; cancel it with: $0 cancel --profile $PROFILE $job_id"
    fi
    sleep 0.3
  done
}

# POST /jobs/<id>/stop (the cluster's savepoint dir), polls the trigger until COMPLETED, waits for the job to
# end; prints the savepoint path.
stop_with_savepoint() {
  local job_id=$1 t0 answer trigger status location failure; t0=$(now_ms)
  answer=$(rest POST "/jobs/$job_id/stop" -H 'Content-Type: application/json' --data-binary "{\"drain\": $DRAIN}")
  trigger=$(json_get request-id <<<"$answer")
  [[ -n $trigger ]] || die "stop of job $job_id gave no trigger id: $answer"
  while :; do
    answer=$(rest GET "/jobs/$job_id/savepoints/$trigger")
    status=$(json_get status id <<<"$answer")
    if [[ $status == COMPLETED ]]; then break; fi
    if (( $(now_ms) - t0 > ${ANJIAN_START_TIMEOUT:-90} * 1000 )); then
      die "savepoint of job $job_id not complete after ${ANJIAN_START_TIMEOUT:-90}s (status $status)"
    fi
    sleep 0.2
  done
  failure=$(json_get operation failure-cause stack-trace <<<"$answer")
  [[ -z $failure ]] || die "stop-with-savepoint of job $job_id failed:"$'\n'"$(grep -m 1 -v '^\s*at ' <<<"$failure")
$(grep '^Caused by:' <<<"$failure")"
  location=$(json_get operation location <<<"$answer")
  [[ -n $location ]] || die "stop-with-savepoint of job $job_id gave no location: $answer"
  await_job_ended "$job_id"
  info "job $job_id stopped with savepoint $location ($(since "$t0")s)"
  echo "$location"
}

await_job_ended() {
  local job_id=$1 state t0; t0=$(now_ms)
  while :; do
    state=$(rest GET "/jobs/$job_id" | json_get state)
    case $state in FINISHED|CANCELED|FAILED) return 0 ;; esac
    if (( $(now_ms) - t0 > ${ANJIAN_STOP_TIMEOUT:-20} * 1000 )); then
      die "job $job_id still $state ${ANJIAN_STOP_TIMEOUT:-20}s after its savepoint"
    fi
    sleep 0.2
  done
}

# PATCH /jobs/<id>?mode=cancel: cancels the job without a savepoint (its last checkpoint is kept).
cancel_job() {
  rest PATCH "/jobs/$1?mode=cancel" >/dev/null
  await_job_ended "$1"
  info "job $1 cancelled"
}
