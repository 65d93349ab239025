# Shared by the benchmark scripts (sourced, not run). The caller sets JAVA, WORK, DATA and KEEP_DATA, and keeps the
# application's process id in APP_PID; a function reads them when it is called.

now_ms() { date +%s%3N; }
seconds_since() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }

# A TCP port nothing listens on, on the loopback interface.
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found" >&2
  exit 1
}

# Waits until the application at BASE answers health UP; stops the script if it exits first or takes over 300 s.
wait_healthy() { # log file of the application
  for _ in $(seq 1 600); do
    curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q UP && return 0
    kill -0 "$APP_PID" 2>/dev/null || { echo "the application stopped:"; tail -40 "$1"; exit 1; }
    sleep 0.5
  done
  echo "no healthy application after 300 s"; tail -40 "$1"; exit 1
}

stop_app() {
  [ -n "$APP_PID" ] || return 0
  if kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID"
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -0 "$APP_PID" 2>/dev/null && kill -KILL "$APP_PID"
  fi
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
  # The application stops its embedded PostgreSQL; if it could not, stop that postmaster (started by it) ourselves.
  local pm
  pm=$(head -1 "$DATA/postgres/postmaster.pid" 2>/dev/null || true)
  if [ -n "$pm" ] && kill -0 "$pm" 2>/dev/null; then
    kill -INT "$pm" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pm" 2>/dev/null || break; sleep 1; done
  fi
}

cleanup() {
  stop_app
  if [ "${KEEP_DATA:-false}" = true ]; then echo "data kept in $WORK"; else rm -rf "$WORK"; fi
}

# The benchmark tools (bench/pom.xml), with their dependencies.
bench() { "$JAVA" -cp "bench/target/classes:bench/target/lib/*" vn.truongso.bench.Bench "$@"; }
