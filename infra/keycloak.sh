#!/usr/bin/env bash
# Project-local Keycloak 26: infra/keycloak.sh {start|stop|status|restart|url|token USER PASSWORD}
#
# Installed from Maven Central (org.keycloak:keycloak-quarkus-dist, through mvn and ~/.m2) into
# var/keycloak/keycloak-VERSION, run in dev mode (`kc.sh start-dev`, H2 file database in var/keycloak/data)
# on 127.0.0.1:28180, health on the management port 127.0.0.1:28190. Realm "drivetest" is imported from
# infra/keycloak/drivetest-realm.json, with the Account service's client secret (var/secrets) filled in.
# Bootstrap admin "kcadmin" (master realm), password in var/secrets/keycloak-admin.password.
# Log in var/log/keycloak.log, pid (of the kc.sh session leader) in var/run/keycloak.pid.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Keycloak 26.6+ needs Java 21 or newer. Debian 12 ships Java 17, so the newest release runs on the
# Temurin 25 JDK when the machine has it, and the last 26.5 release on Debian's Java 17 otherwise.
TEMURIN_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
if [[ -x "$TEMURIN_HOME/bin/java" ]]; then
  KC_VERSION=26.7.3
  KC_JAVA_HOME="$TEMURIN_HOME"
  KC_AOT=1
else
  KC_VERSION=26.5.6
  KC_JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
  KC_AOT=0
fi

KC_HOST=127.0.0.1
KC_PORT=28180
KC_MANAGEMENT_PORT=28190
KC_URL="http://$KC_HOST:$KC_PORT"
KC_REALM=drivetest
KC_ADMIN_USER=kcadmin
KC_DIR="$DT_VAR/keycloak"
KC_HOME="$KC_DIR/keycloak-$KC_VERSION"
# The database and Keycloak's other state; keycloak-VERSION/data is a link here, so it outlives upgrades.
KC_DATA="$KC_DIR/data"
KC_IMPORT_DIR="$KC_DIR/import"
KC_REALM_TEMPLATE="$DT_ROOT/infra/keycloak/drivetest-realm.json"
KC_REALM_FILE="$KC_IMPORT_DIR/$KC_REALM-realm.json"
KC_SECRET_PLACEHOLDER=@@KEYCLOAK_ACCOUNT_CLIENT_SECRET@@
# Java 25's ahead-of-time cache (JEP 483/514/515) of the classes a start loads and links: about half the start time.
KC_AOT_CACHE="$KC_DIR/aot/keycloak-$KC_VERSION.aot"
# The start options of the last successful start: the server is built (augmented) for exactly these.
KC_BUILD_STAMP="$KC_HOME/drivetest-build-options"
KC_LOG="$DT_LOG_DIR/keycloak.log"
KC_PIDFILE="$DT_RUN_DIR/keycloak.pid"
# A first start builds (augments) the server: 2-3 minutes on 2 busy cores; later starts take seconds.
KC_START_TIMEOUT="${DT_KEYCLOAK_START_TIMEOUT:-300}"

# Features DriveTest does not use; fewer providers to initialise, and less attack surface.
# (Only names that both 26.5 and 26.7 know: an unknown name stops the server.)
KC_FEATURES_DISABLED=impersonation,kerberos,device-flow,ciba,organization,workflows,instagram-broker

# ---- install ----------------------------------------------------------------------------------------------

# version_older A B: version A sorts before version B.
version_older() { [[ "$1" != "$2" && "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n 1)" == "$1" ]]; }

# Keycloak migrates a database forward on start but cannot use one written by a newer release.
check_data_version() {
  local stamp="$KC_DATA/keycloak-version" previous
  if [[ -s "$stamp" ]]; then
    previous="$(cat "$stamp")"
    if version_older "$KC_VERSION" "$previous"; then
      die "var/keycloak/data was written by Keycloak $previous, this machine runs $KC_VERSION (no Java 21+ here?);" \
        "remove var/keycloak/data to start over"
    fi
  fi
  printf '%s\n' "$KC_VERSION" >"$stamp"
}

# install: fetch the distribution through Maven (a cache hit in ~/.m2 after the first time) and unpack it,
# once per version. The unpacked tree is renamed into place last, so an interrupted install leaves nothing.
install_keycloak() {
  [[ -x "$KC_JAVA_HOME/bin/java" ]] || die "no Java at $KC_JAVA_HOME: run infra/setup.sh (openjdk-17-jre-headless)"
  mkdir -p "$KC_DATA"
  check_data_version
  if [[ ! -x "$KC_HOME/bin/kc.sh" ]]; then
    command -v mvn >/dev/null || die "mvn not found: run infra/setup.sh (maven)"
    local download="$KC_DIR/download" unpack="$KC_DIR/unpack-$KC_VERSION"
    info "installing Keycloak $KC_VERSION into $(rel "$KC_HOME")"
    rm -rf "$download" "$unpack"
    mkdir -p "$download" "$unpack"
    # The plugin version is pinned so that Maven needs no metadata look-up once ~/.m2 has it.
    mvn -B -q -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:2.8:copy \
      "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:tar.gz" "-DoutputDirectory=$download" \
      >>"$KC_LOG" 2>&1 || fail_with_log "downloading Keycloak $KC_VERSION from Maven Central" "$KC_LOG"
    tar -xzf "$download/keycloak-quarkus-dist-$KC_VERSION.tar.gz" -C "$unpack" --strip-components=1 ||
      fail_with_log "unpacking Keycloak $KC_VERSION" "$KC_LOG"
    rm -rf "$download"
    mv "$unpack" "$KC_HOME"
  fi
  if [[ ! -L "$KC_HOME/data" ]]; then
    rm -rf "$KC_HOME/data"
    ln -s ../data "$KC_HOME/data"
  fi
  # kc.sh --import-realm reads data/import; our generated copy lives in var/keycloak/import.
  [[ -L "$KC_DATA/import" ]] || ln -s ../import "$KC_DATA/import"
}

# The realm file with the client secret filled in, private (mode 600), rewritten on every start.
write_realm_file() {
  mkdir -p "$KC_IMPORT_DIR"
  chmod 700 "$KC_IMPORT_DIR"
  (
    umask 077
    sed "s/$KC_SECRET_PLACEHOLDER/$(secret keycloak-account-client)/" "$KC_REALM_TEMPLATE" >"$KC_REALM_FILE.tmp"
    mv -f "$KC_REALM_FILE.tmp" "$KC_REALM_FILE"
  )
  ! grep -q '@@' "$KC_REALM_FILE" || die "placeholder left in $(rel "$KC_REALM_FILE")"
}

# aot_java_option OPTIONS: the JVM option for the AOT cache, if any. The first start with new options
# rebuilds the server in a JVM of its own, which must not write a cache: no option then. The next start
# trains (the JVM writes the cache when it stops); the ones after use the cache. The JVM ignores, with a
# warning, a cache that no longer matches its class path.
aot_java_option() {
  ((KC_AOT)) || return 0
  if [[ "$(cat "$KC_BUILD_STAMP" 2>/dev/null)" != "$1" ]]; then
    rm -f "$KC_AOT_CACHE"
  elif [[ -s "$KC_AOT_CACHE" ]]; then
    printf '%s' "-XX:AOTCache=$KC_AOT_CACHE"
  else
    mkdir -p "$(dirname "$KC_AOT_CACHE")"
    printf '%s' "-XX:AOTCacheOutput=$KC_AOT_CACHE"
  fi
}

# ---- process ----------------------------------------------------------------------------------------------

# kc.sh runs java as its child (or execs it after a rebuild), so the pid file names the kc.sh process, which
# setsid made a session and process-group leader. The group is ours while one of its processes' command
# lines names our installation: kc.sh's path, or java's -Dkc.home.dir (a java left alone counts too).
keycloak_group_is_ours() { pgrep -g "$1" -f "$KC_DIR/keycloak-" >/dev/null 2>&1; }

# running_pid: echoes the pid; returns 0 running, 1 no pid file, 2 stale pid file (the server_* steps of lib.sh
# call it too).
running_pid() {
  local pid
  [[ -e "$KC_PIDFILE" ]] || return 1
  pid="$(pidfile_read "$KC_PIDFILE")" || return 2
  [[ "$pid" =~ ^[0-9]+$ ]] && keycloak_group_is_ours "$pid" || return 2
  printf '%s' "$pid"
}

# group_alive PGID: some process of the group is still there.
group_alive() { pgrep -g "$1" >/dev/null 2>&1; }

# rss_note PGID: ", RSS N MiB", the resident memory of the group's java process(es), for `status`.
rss_note() { ps -o rss=,comm= -g "$1" | awk '$2 == "java" { kb += $1 } END { printf ", RSS %d MiB", kb / 1024 }'; }

http_ok() { curl -sf -o /dev/null --max-time 5 "$1"; }
health_ready() { http_ok "http://$KC_HOST:$KC_MANAGEMENT_PORT/health/ready"; }
realm_ready() { http_ok "$KC_URL/realms/$KC_REALM/.well-known/openid-configuration"; }
# keycloak_ready: what `status` calls ready, the server up and our realm served.
keycloak_ready() { health_ready && realm_ready; }

# ---- admin API --------------------------------------------------------------------------------------------

token_endpoint() { printf '%s/realms/%s/protocol/openid-connect/token' "$KC_URL" "$1"; }

admin_token() {
  curl -sf --max-time 10 "$(token_endpoint master)" -d grant_type=password -d client_id=admin-cli \
    -d "username=$KC_ADMIN_USER" --data-urlencode "password=$(secret keycloak-admin)" | jq -er .access_token
}

# The realm is imported only when it does not exist yet; should it have been deleted since, create it again.
ensure_realm() {
  if wait_for_cmd 10 realm_ready; then
    return 0
  fi
  info "realm $KC_REALM missing: creating it through the admin API"
  local token
  token="$(admin_token)" || fail_with_log "getting an admin token (user $KC_ADMIN_USER)" "$KC_LOG"
  curl -sf --max-time 60 -X POST "$KC_URL/admin/realms" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data-binary "@$KC_REALM_FILE" >/dev/null ||
    fail_with_log "creating realm $KC_REALM" "$KC_LOG"
  wait_for_cmd 30 realm_ready || fail_with_log "waiting for realm $KC_REALM" "$KC_LOG"
}

account_client_works() {
  curl -sf --max-time 10 "$(token_endpoint "$KC_REALM")" -d grant_type=client_credentials \
    -d client_id=drivetest-account --data-urlencode "client_secret=$(secret keycloak-account-client)" >/dev/null
}

# The database keeps the secret of the first import; when var/secrets was recreated since, update the client.
ensure_account_secret() {
  account_client_works && return 0
  info "drivetest-account client secret differs from var/secrets: updating the client"
  local token id
  token="$(admin_token)" || fail_with_log "getting an admin token (user $KC_ADMIN_USER)" "$KC_LOG"
  id="$(curl -sf --max-time 10 -H "Authorization: Bearer $token" \
    "$KC_URL/admin/realms/$KC_REALM/clients?clientId=drivetest-account" | jq -er '.[0].id')" ||
    fail_with_log "finding client drivetest-account" "$KC_LOG"
  jq -n --arg secret "$(secret keycloak-account-client)" '{clientId: "drivetest-account", secret: $secret}' |
    curl -sf --max-time 10 -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      --data-binary @- "$KC_URL/admin/realms/$KC_REALM/clients/$id" ||
    fail_with_log "updating the drivetest-account secret" "$KC_LOG"
  account_client_works || fail_with_log "drivetest-account client credentials grant" "$KC_LOG"
}

# Keycloak's default user profile requires a first and a last name, and refuses sign-in ("Account is not fully
# set up") to users without them. DriveTest asks for a display name instead (kept by the Account service), so
# both attributes are made optional in the realm's user profile. Idempotent: only written when still required.
ensure_optional_names() {
  local token profile
  token="$(admin_token)" || fail_with_log "getting an admin token (user $KC_ADMIN_USER)" "$KC_LOG"
  profile="$(curl -sf --max-time 10 -H "Authorization: Bearer $token" \
    "$KC_URL/admin/realms/$KC_REALM/users/profile")" || fail_with_log "reading the user profile" "$KC_LOG"
  jq -e '[.attributes[] | select((.name == "firstName" or .name == "lastName") and has("required"))] | length == 0' \
    <<<"$profile" >/dev/null && return 0
  info "making first and last name optional in the user profile"
  jq '.attributes |= map(if .name == "firstName" or .name == "lastName" then del(.required) else . end)' \
    <<<"$profile" |
    curl -sf --max-time 10 -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      --data-binary @- "$KC_URL/admin/realms/$KC_REALM/users/profile" >/dev/null ||
    fail_with_log "updating the user profile" "$KC_LOG"
}

# ---- commands ---------------------------------------------------------------------------------------------

# The start options; all are fixed, so the server is built (augmented) once, on its first start.
KC_START_OPTIONS=(
  start-dev
  --import-realm
  "--http-host=$KC_HOST" "--http-port=$KC_PORT"
  "--hostname=$KC_URL" --hostname-strict=false
  --health-enabled=true "--http-management-host=$KC_HOST" "--http-management-port=$KC_MANAGEMENT_PORT"
  "--features-disabled=$KC_FEATURES_DISABLED"
  --log-console-color=false
)

launch() {
  local aot
  aot="$(aot_java_option "${KC_START_OPTIONS[*]}")"
  printf '\n==== keycloak %s start %s %s ====\n' "$KC_VERSION" "$(date -u +%FT%TZ)" "$aot" >>"$KC_LOG"
  # Not a job-control shell, so the background child is no group leader and setsid does not fork: $! is the
  # session leader. The admin password goes through the environment, not argv (visible in ps).
  (
    cd "$KC_DIR"
    export JAVA_HOME="$KC_JAVA_HOME"
    export JAVA_OPTS_KC_HEAP="-Xms256m -Xmx768m"
    export JAVA_OPTS_APPEND="$aot"
    export KC_BOOTSTRAP_ADMIN_USERNAME="$KC_ADMIN_USER"
    KC_BOOTSTRAP_ADMIN_PASSWORD="$(secret keycloak-admin)"
    export KC_BOOTSTRAP_ADMIN_PASSWORD
    exec setsid "$KC_HOME/bin/kc.sh" "${KC_START_OPTIONS[@]}" </dev/null >>"$KC_LOG" 2>&1
  ) &
  printf '%s\n' "$!" >"$KC_PIDFILE"
}

cmd_start() {
  server_start_begin keycloak "$KC_PIDFILE" "$KC_LOG" health_ready "not ready" "$KC_START_TIMEOUT"
  if [[ -n "$SERVER_PID" ]]; then
    write_realm_file
    ensure_realm
    ensure_account_secret
    ensure_optional_names
    step_end "already running (pid $SERVER_PID, $KC_URL)"
    return 0
  fi
  server_check_ports keycloak "$KC_PORT" "$KC_MANAGEMENT_PORT"

  ensure_var_dirs
  mkdir -p "$KC_DIR"
  install_keycloak
  write_realm_file
  launch
  # A moment passes between the fork and the exec of kc.sh.
  wait_for_cmd 5 running_pid || fail_with_log "starting keycloak (exited at once)" "$KC_LOG"
  local pid rc_wait=0
  pid="$(running_pid)"
  wait_for_cmd --pid "$pid" "$KC_START_TIMEOUT" health_ready || rc_wait=$?
  case "$rc_wait" in
    1) fail_with_log "waiting ${KC_START_TIMEOUT}s for keycloak (health/ready; DT_KEYCLOAK_START_TIMEOUT)" "$KC_LOG" ;;
    2) fail_with_log "starting keycloak (server exited)" "$KC_LOG" ;;
  esac
  printf '%s\n' "${KC_START_OPTIONS[*]}" >"$KC_BUILD_STAMP"
  ensure_realm
  ensure_account_secret
  ensure_optional_names
  step_end "ready ($KC_URL, Keycloak $KC_VERSION$SERVER_NOTE)"
}

cmd_stop() {
  server_stop_begin keycloak "$KC_PIDFILE"
  local pid="$SERVER_PID"
  [[ -n "$pid" ]] || return 0
  # SIGTERM to the whole group (kc.sh and java): a graceful shutdown, a few seconds. A training run then
  # writes the AOT cache (another JVM in the group): half a minute on a busy machine, once.
  local timeout=30 done_note=stopped
  if pgrep -g "$pid" -f AOTCacheOutput >/dev/null 2>&1; then
    timeout=180
    done_note="stopped (start-up cache written)"
  fi
  kill -TERM -- "-$pid" 2>/dev/null || true
  if ! wait_for_cmd "$timeout" group_gone "$pid"; then
    warn "keycloak (group $pid) did not stop within ${timeout}s; sending SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || true
    wait_for_cmd 5 group_gone "$pid" || fail_with_log "stopping keycloak (pid $pid)" "$KC_LOG"
  fi
  rm -f "$KC_PIDFILE"
  step_end "$done_note"
}
group_gone() { ! group_alive "$1"; }

cmd_status() {
  server_status keycloak "$KC_LOG" keycloak_ready "not ready" "$KC_URL, Keycloak $KC_VERSION" rss_note
}

# token USER PASSWORD: an access token of the test client (password grant), for curl -H "Authorization: Bearer".
cmd_token() {
  (($# == 2)) || die "usage: infra/keycloak.sh token USER PASSWORD"
  local reply
  reply="$(curl -s --max-time 10 "$(token_endpoint "$KC_REALM")" -d grant_type=password \
    -d client_id=drivetest-tests --data-urlencode "username=$1" --data-urlencode "password=$2")" ||
    die "keycloak does not answer at $KC_URL: run infra/keycloak.sh start"
  local token
  token="$(jq -er .access_token <<<"$reply" 2>/dev/null)" ||
    die "no token for $1: $(jq -r '.error_description // .error // .' <<<"$reply" 2>/dev/null)"
  printf '%s\n' "$token"
}

case "${1:-}" in
  start | stop | restart | status) "cmd_$1" ;;
  url) printf '%s\n' "$KC_URL" ;;
  token)
    shift
    cmd_token "$@"
    ;;
  *)
    printf 'usage: %s {start|stop|status|restart|url|token USER PASSWORD}\n' "$0" >&2
    exit 2
    ;;
esac
