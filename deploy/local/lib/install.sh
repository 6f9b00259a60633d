# shellcheck shell=bash disable=SC2153  # (variables are set by stack.sh)
# Installs what the local stack needs (sourced by stack.sh).

# Debian packages for the commands we need; mosquitto lives in /usr/sbin (often not on a user's PATH).
missing_packages() {
  command -v influxd >/dev/null || echo influxdb
  command -v mosquitto >/dev/null || [[ -x /usr/sbin/mosquitto ]] || echo mosquitto
  command -v mosquitto_pub >/dev/null || echo mosquitto-clients   # optional: demo + health check
  command -v influx >/dev/null || echo influxdb-client                # optional: the influx CLI
  command -v curl >/dev/null || echo curl
  command -v javac >/dev/null || echo openjdk-17-jdk-headless   # also needed for the project build
  command -v mvn >/dev/null || echo maven
  command -v docker-compose >/dev/null || echo docker-compose   # module deploy's ComposeCliIT (no engine needed)
}

install_packages() {
  local missing
  mapfile -t missing < <(missing_packages)
  (( ${#missing[@]} )) || return 0
  local cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing[*]}"
  if (( EUID != 0 )); then
    if ! printf '%s\n' "${missing[@]}" | grep -qvxE 'mosquitto-clients|influxdb-client|docker-compose'; then
      warn "optional packages missing (CLI clients, handy for demos): sudo sh -c '$cmd'"
      return 0
    fi
    die "missing Debian packages: ${missing[*]}. Install them as root, then re-run:
    sudo sh -c '$cmd'"
  fi
  info "installing Debian packages: ${missing[*]}"
  apt-get update
  # docker-compose without its recommended docker.io: only its `config` check is used, no container engine.
  local packages=() compose=() pkg
  for pkg in "${missing[@]}"; do
    if [[ $pkg == docker-compose ]]; then compose=("$pkg"); else packages+=("$pkg"); fi
  done
  if (( ${#packages[@]} )); then DEBIAN_FRONTEND=noninteractive apt-get install -y "${packages[@]}"; fi
  if (( ${#compose[@]} )); then DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${compose[@]}"; fi
  # The packages may start their own system-wide daemons on the default ports (influxd on *:8086!),
  # through systemd or, without it, their init.d scripts. We run our own instances: stop and disable
  # the ones we just installed.
  local p
  for p in influxdb mosquitto; do
    [[ " ${missing[*]} " == *" $p "* ]] || continue
    if [[ -d /run/systemd/system ]]; then
      info "disabling the system-wide $p service started by the package (we run our own)"
      systemctl disable --now "$p" || warn "could not disable $p.service"
    elif [[ -x /etc/init.d/$p ]]; then
      /etc/init.d/"$p" stop >/dev/null 2>&1 || true
      update-rc.d "$p" disable >/dev/null 2>&1 || true
    fi
  done
}

# Absolute path of the mosquitto broker binary.
mosquitto_bin() { command -v mosquitto || echo /usr/sbin/mosquitto; }
