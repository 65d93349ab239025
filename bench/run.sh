#!/usr/bin/env bash
# TruongSo benchmarks: startup time, resident memory, roster import, list/search latency under load.
# Everything runs on this machine and only talks to 127.0.0.1. See bench/README.md for what each figure means.
#
#   bench/run.sh                                   # defaults below
#   SCHOOLS=100 STUDENTS_PER_SCHOOL=1000 bench/run.sh
#
# Parameters (environment variables):
#   SCHOOLS=20 STUDENTS_PER_SCHOOL=2000 SEED=1    generated city data (plus IMPORT_RUNS empty schools)
#   IMPORT_STUDENTS=2000 IMPORT_RUNS=2             roster imports, each into its own empty school
#   USERS=50 WARMUP_SECONDS=30 MEASURE_SECONDS=60  load phases; THINK_TIMES="0 1000" runs one phase per think time (ms)
#   JAVA_OPTS=""                                   JVM options for the application (e.g. -Xmx1g)
#   SKIP_BUILD=false KEEP_DATA=false               reuse the built jars; keep the temporary data folder
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"

SCHOOLS=${SCHOOLS:-20}
STUDENTS_PER_SCHOOL=${STUDENTS_PER_SCHOOL:-2000}
SEED=${SEED:-1}
IMPORT_STUDENTS=${IMPORT_STUDENTS:-2000}
IMPORT_RUNS=${IMPORT_RUNS:-2}
USERS=${USERS:-50}
WARMUP_SECONDS=${WARMUP_SECONDS:-30}
MEASURE_SECONDS=${MEASURE_SECONDS:-60}
THINK_TIMES=${THINK_TIMES-"0 1000"}   # empty: no load phase
JAVA_OPTS=${JAVA_OPTS:-}
SKIP_BUILD=${SKIP_BUILD:-false}
KEEP_DATA=${KEEP_DATA:-false}
PASSWORD=TruongSo@Bench2026   # ScaleDataGenerator.PASSWORD: every generated account's password

STAMP=$(date +%Y%m%d-%H%M%S)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
mkdir -p bench/results
RESULT="bench/results/$STAMP.txt"
WORK=$(mktemp -d /tmp/truongso-bench.XXXXXX)
DATA="$WORK/data"
TOKENS="$WORK/tokens.tsv"
SUMMARY="$WORK/summary.txt"
APP_PID=""
: > "$SUMMARY"
exec > >(tee -a "$RESULT") 2>&1

summary() { printf '%-62s %s\n' "$1" "$2" >> "$SUMMARY"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
rss_mib() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }

# PostgreSQL's memory: the proportional set size (shared buffers counted once) of the postmaster and its backends.
postgres_pss_mib() {
  local pm
  pm=$(head -1 "$DATA/postgres/postmaster.pid" 2>/dev/null) || { echo "?"; return; }
  { echo "$pm"; ps -o pid= --ppid "$pm"; } | while read -r p; do
    awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup" 2>/dev/null || true
  done | awk '{ s += $1 } END { printf "%.0f", s / 1024 }'
}

start_app() { # log file, then application arguments
  local log=$1
  shift
  # shellcheck disable=SC2086
  TRUONGSO_DATA_DIR="$DATA" "$JAVA" $JAVA_OPTS -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" "$@" > "$log" 2>&1 &
  APP_PID=$!
}

# shellcheck source=bench/lib.sh
. bench/lib.sh
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== TruongSo benchmark $STAMP on $(hostname): $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GiB", $2/1048576 }' /proc/meminfo), $("$JAVA" -version 2>&1 | head -1)"
echo "   load average before starting: $(loadavg) (other work on the machine skews every figure)"
echo "   commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)'), JAVA_OPTS='$JAVA_OPTS'"

if [ "$SKIP_BUILD" != true ]; then
  echo "== Building the application and the benchmark tools"
  ./mvnw -q -DskipTests package
  ./mvnw -q -f bench/pom.xml package
fi
JAR=$(ls target/truongso-*.jar | grep -v original | head -1)
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"

# 1. First start on an empty data folder (initdb, migrations, demo district), then the city data; the process exits.
echo "== First start on an empty data folder, then generating $SCHOOLS schools × $STUDENTS_PER_SCHOOL students"
T0=$(now_ms)
start_app "$WORK/generate.log" --truongso.generate.schools="$SCHOOLS" --truongso.generate.students-per-school="$STUDENTS_PER_SCHOOL" \
  --truongso.generate.seed="$SEED" --truongso.generate.empty-schools="$IMPORT_RUNS" --truongso.generate.tokens="$USERS" \
  --truongso.generate.tokens-file="$TOKENS" --truongso.generate.exit=true
FIRST_START=""
for _ in $(seq 1 36000); do
  if [ -z "$FIRST_START" ] && grep -q "TruongSo is running" "$WORK/generate.log"; then FIRST_START=$(seconds_since "$T0"); fi
  kill -0 "$APP_PID" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$APP_PID" 2>/dev/null; then echo "generation did not finish within an hour"; exit 1; fi
STATUS=0; wait "$APP_PID" || STATUS=$?; APP_PID=""
grep -A 20 "generated:" "$WORK/generate.log" | grep -v "^20..-" | sed -n '1,20p' || true
if [ "$STATUS" != 0 ] || ! grep -q "GENERATED rows=" "$WORK/generate.log"; then
  echo "generation failed (exit $STATUS); the end of its log:"; tail -40 "$WORK/generate.log"; exit 1
fi
GEN=$(grep -o "GENERATED rows=[0-9]* seconds=[0-9.]* rows_per_second=[0-9]*" "$WORK/generate.log")
GEN_ROWS=$(sed 's/.*rows=\([0-9]*\) .*/\1/' <<< "$GEN"); GEN_S=$(sed 's/.*seconds=\([0-9.]*\) .*/\1/' <<< "$GEN")
GEN_RATE=$(sed 's/.*rows_per_second=\([0-9]*\)/\1/' <<< "$GEN")
FIRST_LINE=$(grep -o "Khởi động / startup: .*" "$WORK/generate.log" | head -1 || true)
summary "load average when the run started (1, 5, 15 min)" "$LOAD_BEFORE"
summary "data: schools × students per school (+ empty schools)" "$SCHOOLS × $STUDENTS_PER_SCHOOL (+$IMPORT_RUNS), seed $SEED"
summary "data generation (COPY, one transaction per school)" "$GEN_ROWS rows in $GEN_S s = $GEN_RATE rows/s"
summary "first start, empty data folder (to 'is running')" "${FIRST_START:-?} s  [app: ${FIRST_LINE#Khởi động / startup: }]"

# 2. Restart on the populated data: startup time to health UP, and resident memory.
echo "== Restart on the populated data folder"
T0=$(now_ms)
start_app "$WORK/app.log"
STARTUP=""
for _ in $(seq 1 3000); do
  if curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then STARTUP=$(seconds_since "$T0"); break; fi
  kill -0 "$APP_PID" 2>/dev/null || { echo "the application stopped:"; tail -40 "$WORK/app.log"; exit 1; }
  sleep 0.1
done
[ -n "$STARTUP" ] || { echo "no healthy application after 300 s"; tail -40 "$WORK/app.log"; exit 1; }
APP_LINE=$(grep -o "Khởi động / startup: .*" "$WORK/app.log" | head -1 || true)
RSS_START=$(rss_mib "$APP_PID"); PG_START=$(postgres_pss_mib)
echo "   healthy after $STARTUP s; java VmRSS $RSS_START MiB; PostgreSQL PSS $PG_START MiB"
echo "   app: $APP_LINE"
summary "restart with the data, process start to health UP" "$STARTUP s  [app: ${APP_LINE#Khởi động / startup: }]"
summary "resident memory after startup (java VmRSS / PostgreSQL PSS)" "$RSS_START MiB / $PG_START MiB"

# 3. Roster imports through the API, each into its own empty school.
echo "== Roster import: $IMPORT_STUDENTS students, $IMPORT_RUNS run(s)"
for run in $(seq 1 "$IMPORT_RUNS"); do
  bench import --base="$BASE" --tokens="$TOKENS" --run="$run" --students="$IMPORT_STUDENTS" --app-pid="$APP_PID" \
    --postgres-pid="$(head -1 "$DATA/postgres/postmaster.pid")" --clock-ticks="$(getconf CLK_TCK)" | tee "$WORK/import-$run.txt" || true
  grep "^SUMMARY|" "$WORK/import-$run.txt" | while IFS='|' read -r _ key value; do summary "roster $key (preview + commit)" "$value"; done
done

# 4. List and search latency under load, one phase per think time.
WARMUP=$WARMUP_SECONDS
for think in $THINK_TIMES; do
  echo "== Load: $USERS users, think time $think ms"
  bench load --base="$BASE" --tokens="$TOKENS" --users="$USERS" --warmup="$WARMUP" --seconds="$MEASURE_SECONDS" --think-ms="$think" \
    --password="$PASSWORD" --label="think${think}ms" --app-pid="$APP_PID" --postgres-pid="$(head -1 "$DATA/postgres/postmaster.pid")" \
    --clock-ticks="$(getconf CLK_TCK)" | tee "$WORK/load-$think.txt"
  grep "^SUMMARY|" "$WORK/load-$think.txt" | while IFS='|' read -r _ key value; do summary "$key" "$value"; done
  summary "  load average at the end of that phase" "$(loadavg)"
  WARMUP=$(( WARMUP_SECONDS < 10 ? WARMUP_SECONDS : 10 ))   # later phases run on a warm JVM
done

RSS_END=$(rss_mib "$APP_PID"); PG_END=$(postgres_pss_mib)
summary "resident memory after the load (java VmRSS / PostgreSQL PSS)" "$RSS_END MiB / $PG_END MiB"
stop_app

echo
echo "==================== TruongSo benchmark summary ($STAMP) ===================="
echo "machine: $(nproc) CPUs shared by the application, PostgreSQL and the load generator; compare ratios within a run"
cat "$SUMMARY"
echo "targets: roster import of 2,000 students < 5 s; list/search p95 < 50 ms with 50 concurrent users"
echo "written to $RESULT"
