#!/usr/bin/env bash
# Lectern's multi-node shape on one machine (`./lectern cluster …`, see deploy/cluster/README.md):
#   an external PostgreSQL (Debian's server, in a folder of its own), two app replicas behind HAProxy with sticky
#   sessions, two pool workers. The same jar and the same settings as deploy/k8s: the app replicas enqueue but take
#   no pool jobs (LECTERN_POOL_ENABLED=false), the workers run them. Each node runs under a supervisor loop that
#   restarts it when it dies, as Kubernetes or systemd would.
#
#   cluster.sh up          start everything and wait until it answers (prints the address)
#   cluster.sh down        stop everything this folder started
#   cluster.sh status      which nodes run, with their pids
#   cluster.sh kill NODE   SIGKILL one node (app1, app2, worker1, worker2); its supervisor restarts it
#   cluster.sh restart-db [fast|immediate]  restart PostgreSQL (fast: connections cut, checkpoint; immediate: as a crash)
#
# Settings (environment): LECTERN_JAR (the jar to run), LECTERN_CLUSTER_DIR (folder for data, logs and pids;
# default ~/.lectern-cluster), LECTERN_CLUSTER_PORT (HAProxy, default 8080), LECTERN_CLUSTER_APP_PORTS (default
# "8081 8082"), LECTERN_CLUSTER_PG_PORT (default 5433), LECTERN_CLUSTER_WORKERS (default 2),
# LECTERN_CLUSTER_WORKER_THREADS (pool slots per worker, default: the machine's cores), LECTERN_CLUSTER_APP_OPTS and
# LECTERN_CLUSTER_WORKER_OPTS (JVM options), LECTERN_ADMIN_EMAIL / LECTERN_ADMIN_PASSWORD (the site admin; default
# admin@cluster.lectern with a generated password kept in the folder).
set -euo pipefail

say()  { printf '\033[1mlectern cluster:\033[0m %s\n' "$*" >&2; }
fail() { printf '\033[1;31mlectern cluster: %s\033[0m\n' "$*" >&2; exit 1; }

DIR="${LECTERN_CLUSTER_DIR:-$HOME/.lectern-cluster}"
LB_PORT="${LECTERN_CLUSTER_PORT:-8080}"
read -r -a APP_PORTS <<<"${LECTERN_CLUSTER_APP_PORTS:-8081 8082}"
PG_PORT="${LECTERN_CLUSTER_PG_PORT:-5433}"
WORKERS="${LECTERN_CLUSTER_WORKERS:-2}"
THREADS="${LECTERN_CLUSTER_WORKER_THREADS:-$(nproc)}"
PG_BIN="${LECTERN_CLUSTER_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
RUN="$DIR/run"
LOGS="$DIR/logs"

is_root() { [ "$(id -u)" = 0 ]; }

# PostgreSQL refuses to run as root: as root its folder belongs to Debian's postgres user, and it runs as that user.
as_pg() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

secret_file() {
  # secret_file NAME: a generated secret kept in the folder (owner-only), the same at every start.
  local f="$DIR/$1"
  [ -s "$f" ] || (umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$f")
  cat "$f"
}

pid_alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

pg_up() {
  [ -x "$PG_BIN/initdb" ] || fail "Debian's PostgreSQL server is needed (apt-get install postgresql): no initdb under /usr/lib/postgresql/*/bin."
  local data="$DIR/pg" password
  password="$(secret_file db.password)"
  if [ ! -s "$data/PG_VERSION" ]; then
    say "creating the PostgreSQL database in $data"
    mkdir -p "$data"
    local pwfile="$DIR/pg-init.pw"
    (umask 077; printf '%s\n' "$password" >"$pwfile")
    if is_root; then chown postgres: "$data" "$pwfile"; chmod 700 "$data"; fi
    as_pg "$PG_BIN/initdb" -D "$data" -U lectern --pwfile="$pwfile" --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$LOGS/initdb.log" 2>&1 \
      || { rm -f "$pwfile"; fail "initdb failed (log: $LOGS/initdb.log)"; }
    rm -f "$pwfile"
  fi
  pg_start
  if ! PGPASSWORD="$password" "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U lectern -d postgres -tAc \
       "select 1 from pg_database where datname = 'lectern'" | grep -q 1; then
    PGPASSWORD="$password" "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U lectern -d postgres -qc "create database lectern" >/dev/null
  fi
}

pg_ctl_cmd() { as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg" "$@"; }

pg_start() {
  if is_root; then chown postgres: "$LOGS"; touch "$LOGS/postgresql.log"; chown postgres: "$LOGS/postgresql.log"; fi
  # TCP on loopback only, no Unix socket; room for four nodes' connection pools (20 each) and more.
  pg_ctl_cmd -l "$LOGS/postgresql.log" -w -t 120 \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=200" start >/dev/null \
    || fail "PostgreSQL did not start (log: $LOGS/postgresql.log)"
}

# One node: its JVM restarted by a loop whenever it ends, until `down`. Runs detached (setsid) from the caller.
supervise() {
  local name="$1"; shift
  local log="$LOGS/$name.log"
  while [ ! -e "$RUN/stopping" ]; do
    "$@" >>"$log" 2>&1 &
    echo $! >"$RUN/$name.pid"
    wait $! && code=0 || code=$?
    [ -e "$RUN/stopping" ] && break
    echo "$(date -u +%FT%TZ) lectern cluster: $name ended ($code); restarting it" >>"$log"
    sleep 1
  done
  rm -f "$RUN/$name.pid"
}

node_env() {
  export LECTERN_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/lectern" LECTERN_DB_USER=lectern
  LECTERN_DB_PASSWORD="$(secret_file db.password)"; export LECTERN_DB_PASSWORD
  LECTERN_SECRET="$(secret_file server.secret)"; export LECTERN_SECRET
  LECTERN_METRICS_TOKEN="$(secret_file metrics.token)"; export LECTERN_METRICS_TOKEN
}

start_node() {
  # start_node NAME DATA_DIR ARGS...: a supervised JVM with the cluster's environment.
  local name="$1" data="$2"; shift 2
  mkdir -p "$data"
  LECTERN_DATA_DIR="$data" setsid "$0" supervise "$name" "$JAVA" "$@" </dev/null >/dev/null 2>&1 &
  echo $! >"$RUN/$name.supervisor.pid"
}

haproxy_up() {
  command -v haproxy >/dev/null || fail "HAProxy is needed (Debian: apt-get install haproxy)."
  local servers="" i=1 p
  for p in "${APP_PORTS[@]}"; do
    servers+="    server app$i 127.0.0.1:$p check cookie app$i"$'\n'
    i=$((i + 1))
  done
  # Sticky by cookie as the Kubernetes ingress does (a Vaadin UI lives in one replica's HTTP session); a replica
  # that stops answering readiness leaves the rotation within ~15 s (the probe's cadence below), and a request whose
  # connection to a dead replica was refused goes to the other at once (redispatch: nothing was sent yet, so nothing
  # is done twice).
  cat >"$DIR/haproxy.cfg" <<EOF
global
    maxconn 4096
defaults
    mode http
    option forwardfor
    option redispatch
    retries 2
    timeout connect 2s
    timeout client 1h
    timeout server 1h
    timeout tunnel 1h
frontend lectern
    bind 127.0.0.1:$LB_PORT
    default_backend apps
backend apps
    balance roundrobin
    cookie LECTERN_ROUTE insert indirect nocache httponly
    option httpchk GET /actuator/health/readiness
    # Reading the body (not just the status line) before closing: a check that hangs up early makes the replica
    # log a failed response write as an error.
    http-check expect string UP
    # The Kubernetes readiness probe's cadence (every 5 s, 1 s to answer, out after 3 failures, back after 1 pass):
    # checks every second that took a replica out after two slow answers made a busy replica flap, and each flap
    # moved its signed-in pages to the other replica, losing their UI state. A dead replica meanwhile refuses
    # connections, and those requests go to the other one (redispatch).
    timeout check 1s
    default-server inter 5s fall 3 rise 1
$servers
EOF
  haproxy -c -q -f "$DIR/haproxy.cfg" || fail "HAProxy refused its configuration ($DIR/haproxy.cfg)"
  haproxy -D -f "$DIR/haproxy.cfg" -p "$RUN/haproxy.pid"
}

ready() { curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$1/actuator/health/readiness" 2>/dev/null; }

# Every replica in HAProxy's rotation: it takes a replica in only after a check of its own passes, and until then the
# balancer answers 503. Requests without the route cookie go round robin, each answer naming its replica in the
# cookie it sets, so a few in a row must reach every replica. Called only as a condition (`until in_rotation`), where
# a failing pipe does not end the script.
in_rotation() {
  local seen="" i
  for i in 1 2 3 4; do
    seen+=" $(curl -s -o /dev/null -D - --max-time 2 "http://127.0.0.1:$LB_PORT/actuator/health/readiness" 2>/dev/null \
      | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: LECTERN_ROUTE=\([^;]*\).*/\1/p')"
  done
  for ((i = 1; i <= ${#APP_PORTS[@]}; i++)); do
    [[ " $seen " == *" app$i "* ]] || return 1
  done
}

cmd_up() {
  [ -n "${LECTERN_JAR:-}" ] && [ -f "$LECTERN_JAR" ] || fail "LECTERN_JAR must name the packaged Lectern jar."
  JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  mkdir -p "$DIR" "$RUN" "$LOGS"
  chmod 755 "$DIR"   # PostgreSQL's user must reach its folder inside
  if pid_alive "$RUN/haproxy.pid"; then fail "a cluster already runs from $DIR (./lectern cluster down first)"; fi
  rm -f "$RUN/stopping"
  pg_up
  node_env
  local admin_email="${LECTERN_ADMIN_EMAIL:-admin@cluster.lectern}" admin_password="${LECTERN_ADMIN_PASSWORD:-}"
  [ -n "$admin_password" ] || admin_password="$(secret_file admin.password)"
  local i=1 p
  for p in "${APP_PORTS[@]}"; do
    # App replicas: the web app and the API; they enqueue jobs but run none (as the Kubernetes app pods).
    LECTERN_ADMIN_EMAIL="$admin_email" LECTERN_ADMIN_PASSWORD="$admin_password" LECTERN_POOL_ENABLED=false \
    SERVER_FORWARD_HEADERS_STRATEGY=native \
      start_node "app$i" "$DIR/nodes/app$i" ${LECTERN_CLUSTER_APP_OPTS:--Xmx768m} -jar "$LECTERN_JAR" --server.port="$p"
    i=$((i + 1))
  done
  for ((i = 1; i <= WORKERS; i++)); do
    LECTERN_POOL_THREADS="$THREADS" start_node "worker$i" "$DIR/nodes/worker$i" ${LECTERN_CLUSTER_WORKER_OPTS:--Xmx512m} \
      -jar "$LECTERN_JAR" --lectern.worker=true
  done
  haproxy_up
  say "waiting for the app replicas and workers to start (logs: $LOGS)…"
  local deadline=$((SECONDS + ${LECTERN_CLUSTER_START_TIMEOUT:-300}))
  for p in "${APP_PORTS[@]}"; do
    until ready "$p"; do
      [ $SECONDS -lt $deadline ] || fail "an app replica on port $p did not become ready (logs: $LOGS)"
      sleep 1
    done
  done
  until in_rotation; do
    [ $SECONDS -lt $deadline ] || fail "HAProxy on port $LB_PORT did not take every replica into its rotation (log: $LOGS)"
    sleep 1
  done
  for ((i = 1; i <= WORKERS; i++)); do
    until grep -q "Grading pool worker .* started" "$LOGS/worker$i.log" 2>/dev/null; do
      [ $SECONDS -lt $deadline ] || fail "worker$i did not start (log: $LOGS/worker$i.log)"
      sleep 1
    done
  done
  say "Lectern runs on http://127.0.0.1:$LB_PORT/ (HAProxy → app replicas on ${APP_PORTS[*]}; $WORKERS workers with $THREADS slots each; PostgreSQL on $PG_PORT)"
  # Never the password itself: this line ends up in logs.
  if [ -n "${LECTERN_ADMIN_PASSWORD:-}" ]; then
    say "site admin: $admin_email (password: the one in LECTERN_ADMIN_PASSWORD)"
  else
    say "site admin: $admin_email (password: in $DIR/admin.password)"
  fi
}

cmd_down() {
  mkdir -p "$RUN"
  touch "$RUN/stopping"
  local f
  for f in "$RUN"/*.pid; do
    [ -e "$f" ] || continue
    case "$f" in *.supervisor.pid|*/haproxy.pid) continue ;; esac
    pid_alive "$f" && kill -TERM "$(cat "$f")" 2>/dev/null || true
  done
  # Graceful stop first (running jobs are handed back), then whatever is left after 30 s.
  local deadline=$((SECONDS + 30))
  for f in "$RUN"/*.supervisor.pid; do
    [ -e "$f" ] || continue
    while pid_alive "$f" && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
    pid_alive "$f" && kill -KILL "$(cat "$f")" 2>/dev/null || true
    rm -f "$f"
  done
  for f in "$RUN"/*.pid; do
    [ -e "$f" ] || continue
    case "$f" in */haproxy.pid) continue ;; esac
    pid_alive "$f" && kill -KILL "$(cat "$f")" 2>/dev/null || true
    rm -f "$f"
  done
  if pid_alive "$RUN/haproxy.pid"; then kill -TERM "$(cat "$RUN/haproxy.pid")" 2>/dev/null || true; fi
  rm -f "$RUN/haproxy.pid"
  if [ -s "$DIR/pg/postmaster.pid" ]; then pg_ctl_cmd -m fast -w stop >/dev/null 2>&1 || true; fi
  say "stopped the cluster in $DIR"
}

cmd_status() {
  local f
  for f in "$RUN"/*.pid; do
    [ -e "$f" ] || continue
    case "$f" in *.supervisor.pid) continue ;; esac
    printf '%-10s %s\n' "$(basename "$f" .pid)" "$(pid_alive "$f" && echo "running, pid $(cat "$f")" || echo stopped)"
  done
  printf '%-10s %s\n' postgresql "$(pg_ctl_cmd status >/dev/null 2>&1 && echo running || echo stopped)"
}

# One compound command, read whole before it runs: supervisors live long, and a script edited meanwhile must not
# be read on from an old offset when they end.
{
case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  kill)
    f="$RUN/${2:?which node: app1, app2, worker1, worker2}.pid"
    pid_alive "$f" || fail "${2} is not running"
    kill -KILL "$(cat "$f")" ;;
  restart-db)
    # fast: clients are cut and a checkpoint written; immediate: as a crash, recovery from the WAL at start.
    pg_ctl_cmd -m "${2:-fast}" -w -t 120 stop >/dev/null || fail "PostgreSQL did not stop"
    pg_start ;;
  supervise) shift; supervise "$@" ;;
  *) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
exit
}
