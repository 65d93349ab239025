#!/usr/bin/env bash
# The exam burst: N students sign in within a minute, take the same 40-question test with think time and submit,
# against the packaged application and its embedded PostgreSQL on this machine (see bench/README.md, "Exam burst").
# Everything runs here and only talks to 127.0.0.1.
#
#   bench/exam-burst.sh                                    # quick (CI size): 50 students, think 200-1000 ms, 10 s spread
#   MODE=full bench/exam-burst.sh                          # 2,000 students, think 10-30 s, 60 s spread (about 15 minutes)
#   MODE=full SEARCH=true bench/exam-burst.sh              # the largest N meeting the targets (hours: one burst per trial)
#   N=500 THINK_MIN_MS=0 THINK_MAX_MS=0 bench/exam-burst.sh  # saturation: saves back to back
#
# Parameters (environment variables; MODE sets the defaults, any of them can be given on its own):
#   MODE=quick|full         quick: N=50 THINK 200-1000 ms SPREAD 10 s PGBENCH 10 s; full: N=2000 THINK 10000-30000 ms SPREAD 60 s PGBENCH 20 s
#   N, THINK_MIN_MS, THINK_MAX_MS, SPREAD_SECONDS, QUESTIONS=40, PGBENCH_SECONDS, SEED=1
#   ENTRY=ticket            how students get in: ticket (exam tickets at /thi, no sign-in) or password (the sign-in form)
#   COOKIE_ON_SAVES=true    with ENTRY=password; false: answer saves and the submission carry only the attempt token, not the browser session
#   WARMUP_STUDENTS         a burst before the measured one, reported but not counted (quick 100, full 300; 0: a cold server)
#   SEARCH=false            true: search the largest N from SEARCH_START (50 / 250) up to SEARCH_MAX students (400 / 12000)
#   JAVA_OPTS="" DB_POOL_SIZE=20 SKIP_BUILD=false KEEP_DATA=false PGBENCH=/usr/bin/pgbench
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"

MODE=${MODE:-quick}
case "$MODE" in
  quick) D_N=50; D_MIN=200; D_MAX=1000; D_SPREAD=10; D_PGB=10; D_SEARCH_START=50; D_SEARCH_MAX=400; D_WARM=100 ;;
  full) D_N=2000; D_MIN=10000; D_MAX=30000; D_SPREAD=60; D_PGB=20; D_SEARCH_START=250; D_SEARCH_MAX=12000; D_WARM=300 ;;
  *) echo "MODE is quick or full" >&2; exit 2 ;;
esac
N=${N:-$D_N}
THINK_MIN_MS=${THINK_MIN_MS:-$D_MIN}
THINK_MAX_MS=${THINK_MAX_MS:-$D_MAX}
SPREAD_SECONDS=${SPREAD_SECONDS:-$D_SPREAD}
QUESTIONS=${QUESTIONS:-40}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-$D_PGB}
PGBENCH=${PGBENCH:-/usr/bin/pgbench}
SEED=${SEED:-1}
COOKIE_ON_SAVES=${COOKIE_ON_SAVES:-true}
ENTRY=${ENTRY:-ticket}
WARMUP_STUDENTS=${WARMUP_STUDENTS:-$D_WARM}
SEARCH=${SEARCH:-false}
SEARCH_START=${SEARCH_START:-$D_SEARCH_START}
SEARCH_MAX=${SEARCH_MAX:-$D_SEARCH_MAX}
JAVA_OPTS=${JAVA_OPTS:-}
SKIP_BUILD=${SKIP_BUILD:-false}
KEEP_DATA=${KEEP_DATA:-false}
export DB_POOL_SIZE=${DB_POOL_SIZE:-20}
PASSWORD=TruongSo@Bench2026   # ScaleDataGenerator.PASSWORD

# The generated school has as many students (each with an account) as the largest burst needs.
if [ "$SEARCH" = true ]; then POOL=$SEARCH_MAX; else POOL=$N; fi
if [ "$POOL" -lt 1 ] || [ "$POOL" -gt 20000 ]; then echo "between 1 and 20000 students (one generated school)" >&2; exit 2; fi

STAMP=$(date +%Y%m%d-%H%M%S)
mkdir -p bench/results
RESULT="bench/results/exam-burst-$STAMP.txt"
WORK=$(mktemp -d /tmp/truongso-exam.XXXXXX)
DATA="$WORK/data"
TOKENS="$WORK/tokens.tsv"
STUDENTS="$WORK/students.tsv"
SUMMARY="$WORK/summary.txt"
APP_PID=""
: > "$SUMMARY"
exec > >(tee -a "$RESULT") 2>&1

summary() { printf '%-52s %s\n' "$1" "$2" >> "$SUMMARY"; }
# shellcheck source=bench/lib.sh
. bench/lib.sh
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== TruongSo exam burst $STAMP on $(hostname): $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), mode $MODE: N=$N, think $THINK_MIN_MS-$THINK_MAX_MS ms, spread $SPREAD_SECONDS s," \
  "$QUESTIONS questions, search $SEARCH (students generated: $POOL), JAVA_OPTS='$JAVA_OPTS', DB_POOL_SIZE=$DB_POOL_SIZE"
if [ "$SKIP_BUILD" != true ]; then
  echo "== Building the application and the benchmark tools"
  ./mvnw -q -DskipTests package
  ./mvnw -q -f bench/pom.xml -DskipTests package
fi
JAR=$(ls target/truongso-*.jar | grep -v original | head -1)
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"

echo "== First start on an empty data folder: one school with $POOL students, each with an account"
T0=$(now_ms)
TRUONGSO_DATA_DIR="$DATA" "$JAVA" $JAVA_OPTS -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
  --truongso.generate.schools=1 --truongso.generate.students-per-school="$POOL" --truongso.generate.districts=1 \
  --truongso.generate.seed="$SEED" --truongso.generate.tokens=2 --truongso.generate.tokens-file="$TOKENS" \
  --truongso.generate.student-accounts="$POOL" --truongso.generate.students-file="$STUDENTS" \
  --truongso.generate.exit=true > "$WORK/generate.log" 2>&1 || { echo "generation failed:"; tail -40 "$WORK/generate.log"; exit 1; }
summary "data: one school, students with accounts" "$POOL in $(seconds_since "$T0") s (first start, generation and accounts)"

echo "== Starting the application"
T0=$(now_ms)
TRUONGSO_DATA_DIR="$DATA" "$JAVA" $JAVA_OPTS -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" > "$WORK/app.log" 2>&1 &
APP_PID=$!
UP=""
for _ in $(seq 1 3000); do
  if curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then UP=$(seconds_since "$T0"); break; fi
  kill -0 "$APP_PID" 2>/dev/null || { echo "the application stopped:"; tail -40 "$WORK/app.log"; exit 1; }
  sleep 0.1
done
[ -n "$UP" ] || { echo "no healthy application after 300 s"; tail -40 "$WORK/app.log"; exit 1; }
echo "   healthy after $UP s"
POSTMASTER=$(head -1 "$DATA/postgres/postmaster.pid")

STATUS=0
bench exam-burst --base="$BASE" --tokens="$TOKENS" --students="$STUDENTS" --data="$DATA" --password="$PASSWORD" --n="$N" \
  --think-min-ms="$THINK_MIN_MS" --think-max-ms="$THINK_MAX_MS" --spread-seconds="$SPREAD_SECONDS" --questions="$QUESTIONS" \
  --pgbench="$PGBENCH" --pgbench-seconds="$PGBENCH_SECONDS" --seed="$SEED" --search="$SEARCH" --search-start="$SEARCH_START" \
  --search-max="$SEARCH_MAX" --cookie-on-attempt-calls="$COOKIE_ON_SAVES" --entry="$ENTRY" --warmup-students="$WARMUP_STUDENTS" --app-pid="$APP_PID" --postgres-pid="$POSTMASTER" --clock-ticks="$(getconf CLK_TCK)" \
  | tee "$WORK/burst.txt" || STATUS=$?
grep "^SUMMARY|" "$WORK/burst.txt" | while IFS='|' read -r _ key value; do summary "$key" "$value"; done
summary "load average at the end" "$(cut -d' ' -f1-3 /proc/loadavg)"
stop_app

echo
echo "==================== TruongSo exam burst summary ($STAMP) ===================="
echo "machine: $(nproc) CPUs shared by the application, PostgreSQL, the load generator and pgbench; compare ratios within a run"
cat "$SUMMARY"
echo "targets: zero errors and zero lost answers at 2,000 students with 10-30 s think time; p99 answer save < 200 ms;"
echo "         ≤ 0.1 core-s per completed attempt; largest passing N ≥ 10,000"
echo "written to $RESULT"
exit "$STATUS"
