# shellcheck shell=bash disable=SC2153,SC2034  # (variables are set and read by cluster.sh and common.sh)
# The JobManager and TaskManager JVMs (sourced by cluster.sh): classpath, config, JVM flags, start, stop.
# Expects: FLINK_DIR REPO_ROOT CLUSTER_DIR FLINK_VERSION FLINK_CP REST_PORT RPC_PORT SLOTS JM_MEMORY TM_MEMORY.

# Flink's usual module flags for Java 17 (what its own scripts pass through env.java.opts.all).
FLINK_JAVA_OPTS=(
  --add-exports=java.base/sun.net.util=ALL-UNNAMED
  --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED
  --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
)

process_paths() {
  CONF_DIR="$CLUSTER_DIR/conf"
  LOG_DIR="$CLUSTER_DIR/log"
  TMP_DIR="$CLUSTER_DIR/tmp"
}
pid_file() { echo "$CLUSTER_DIR/$1.pid"; }
log_file() { echo "$LOG_DIR/$1.log"; }      # log4j (Flink's own log, also in the web UI)
out_file() { echo "$LOG_DIR/$1.out"; }      # JVM stdout/stderr (crashes, bad options)
main_class() {
  case $1 in
    jobmanager) echo org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint ;;
    taskmanager) echo org.apache.flink.runtime.taskexecutor.TaskManagerRunner ;;
  esac
}
running() { proc_alive "$(read_pid "$(pid_file "$1")")" "$(main_class "$1")"; }

# Cached: re-resolved when missing, when the pom is newer, or when a jar vanished from ~/.m2.
classpath_ok() {
  [[ -s $FLINK_CP && ! $FLINK_DIR/pom.xml -nt $FLINK_CP ]] || return 1
  local jar; local IFS=:
  for jar in $(<"$FLINK_CP"); do [[ -f $jar ]] || return 1; done
}

resolve_classpath() {
  mkdir -p "$FLINK_DIR/var"
  exec 8>"$FLINK_DIR/var/.classpath.lock"
  flock 8   # a concurrent start (another profile) may be resolving the same file
  if classpath_ok; then exec 8>&-; return 0; fi
  local settings=() t0 maven_log="$FLINK_DIR/var/maven.log"; t0=$(now_ms)
  [[ -f $REPO_ROOT/.mvn/settings.xml ]] && settings=(--settings "$REPO_ROOT/.mvn/settings.xml")
  info "resolving the Flink $FLINK_VERSION cluster classpath with Maven (log: $maven_log)"
  if ! mvn -q -B -f "$FLINK_DIR/pom.xml" "${settings[@]}" dependency:build-classpath \
         -Dflink.version="$FLINK_VERSION" -Dmdep.outputFile="$FLINK_CP.tmp" >"$maven_log" 2>&1; then
    show_logs "$maven_log"; die "Maven could not resolve $FLINK_DIR/pom.xml"
  fi
  mv "$FLINK_CP.tmp" "$FLINK_CP"
  exec 8>&-
  info "Flink classpath: $(tr ':' '\n' <"$FLINK_CP" | wc -l) jars ($(since "$t0")s)"
}

# conf/config.yaml from the template (placeholders @NAME@) and conf/log4j.properties, on every start.
render_config() {
  mkdir -p "$CONF_DIR" "$LOG_DIR" "$TMP_DIR" "$CLUSTER_DIR"/{checkpoints,savepoints,jars,plugins}
  [[ $SLOTS =~ ^[1-9][0-9]*$ ]] || die "ANJIAN_FLINK_SLOTS must be a positive number, was '$SLOTS'"
  sed -e "s|@REST_PORT@|$REST_PORT|g" -e "s|@RPC_PORT@|$RPC_PORT|g" -e "s|@SLOTS@|$SLOTS|g" \
      -e "s|@JM_MEMORY@|$JM_MEMORY|g" -e "s|@TM_MEMORY@|$TM_MEMORY|g" -e "s|@CLUSTER_DIR@|$CLUSTER_DIR|g" \
      "$FLINK_DIR/config.yaml" >"$CONF_DIR/config.yaml"
  cp "$FLINK_DIR/log4j.properties" "$CONF_DIR/log4j.properties"
}

# The JVM flags (heap, direct memory, metaspace) and dynamic properties (-D ...) of a role, computed from
# config.yaml by Flink's BashJavaUtils exactly as bin/jobmanager.sh and bin/taskmanager.sh do. Two lines.
resource_params() {
  local command=GET_JM_RESOURCE_PARAMS output lines
  [[ $1 == taskmanager ]] && command=GET_TM_RESOURCE_PARAMS
  output=$(java -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djava.io.tmpdir="$TMP_DIR" -cp "$(<"$FLINK_CP")" \
             org.apache.flink.runtime.util.bash.BashJavaUtils "$command" --configDir "$CONF_DIR" 2>&1) \
    || { printf '%s\n' "$output" | tail -n 20 >&2; die "$1: Flink cannot size the JVM from $CONF_DIR/config.yaml"; }
  lines=$(printf '%s\n' "$output" | sed -n 's/^BASH_JAVA_UTILS_EXEC_RESULT://p')
  [[ $(printf '%s\n' "$lines" | wc -l) == 2 ]] \
    || { printf '%s\n' "$output" | tail -n 20 >&2; die "$1: unexpected answer from BashJavaUtils (above)"; }
  printf '%s\n' "$lines"
}

launch() {
  local role=$1 params jvm_flags dynamic
  params=$(resource_params "$role")
  read -r -a jvm_flags <<<"$(head -n 1 <<<"$params")"
  read -r -a dynamic <<<"$(tail -n 1 <<<"$params")"
  info "$role: starting ($(main_class "$role" | sed 's/.*\.//'), ${jvm_flags[*]})"
  LAUNCHED_MS["$role"]=$(now_ms)
  # In the cluster dir (a relative path in a job's config resolves there), with an (empty) plugins folder.
  ( cd "$CLUSTER_DIR" || exit 1
    export FLINK_PLUGINS_DIR="$CLUSTER_DIR/plugins"
    spawn "$(out_file "$role")" "$(pid_file "$role")" java "${jvm_flags[@]}" "${FLINK_JAVA_OPTS[@]}" \
      -XX:+IgnoreUnrecognizedVMOptions -Djava.io.tmpdir="$TMP_DIR" \
      -Dlog.file="$(log_file "$role")" -Dlog4j.configurationFile="file:$CONF_DIR/log4j.properties" \
      -cp "$(<"$FLINK_CP")" "$(main_class "$role")" --configDir "$CONF_DIR" "${dynamic[@]}" )
}

stop_role() { stop_service "$1" "$(pid_file "$1")" "$(main_class "$1")"; }

# Health: the REST API answers; the TaskManager is registered and has a free slot.
rest_answers() { curl -sf --max-time 2 "$REST_URL/overview" >/dev/null 2>&1; }
slots_free() {
  local overview
  overview=$(curl -sf --max-time 2 "$REST_URL/overview" 2>/dev/null) || return 1
  (( $(json_get taskmanagers <<<"$overview") >= 1 && $(json_get slots-available <<<"$overview") >= 1 ))
}
