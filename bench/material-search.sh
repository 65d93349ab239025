#!/usr/bin/env bash
# Search of learning materials over generated materials: latency with concurrent users (see bench/README.md).
# Everything runs on this machine and only talks to 127.0.0.1.
#
#   bench/material-search.sh                              # 100,000 materials, 50 users, think time 1000 ms
#   MATERIALS=20000 USERS=20 THINK_TIMES="0 1000" SKIP_BUILD=true bench/material-search.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"

MATERIALS=${MATERIALS:-100000}
SCHOOLS=${SCHOOLS:-20}
DISTRICTS=${DISTRICTS:-4}
USERS=${USERS:-50}
WARMUP_SECONDS=${WARMUP_SECONDS:-15}
MEASURE_SECONDS=${MEASURE_SECONDS:-60}
THINK_TIMES=${THINK_TIMES-"1000"}
JAVA_OPTS=${JAVA_OPTS:-}
SKIP_BUILD=${SKIP_BUILD:-false}
KEEP_DATA=${KEEP_DATA:-false}

STAMP=$(date +%Y%m%d-%H%M%S)
mkdir -p bench/results
RESULT="bench/results/material-search-$STAMP.txt"
WORK=$(mktemp -d /tmp/truongso-search-bench.XXXXXX)
DATA="$WORK/data"
TOKENS="$WORK/tokens.tsv"
APP_PID=""
exec > >(tee -a "$RESULT") 2>&1

# shellcheck source=bench/lib.sh
. bench/lib.sh
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== TruongSo material search benchmark $STAMP: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $MATERIALS materials over $SCHOOLS schools in $DISTRICTS districts, $USERS users"
if [ "$SKIP_BUILD" != true ]; then
  ./mvnw -q -DskipTests package
  ./mvnw -q -f bench/pom.xml package
fi
JAR=$(ls target/truongso-*.jar | grep -v original | head -1)
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"

echo "== Generating $SCHOOLS schools (with accounts and API tokens)"
TRUONGSO_DATA_DIR="$DATA" "$JAVA" $JAVA_OPTS -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
  --truongso.generate.schools="$SCHOOLS" --truongso.generate.students-per-school=40 --truongso.generate.districts="$DISTRICTS" \
  --truongso.generate.tokens="$USERS" --truongso.generate.tokens-file="$TOKENS" --truongso.generate.exit=true > "$WORK/generate.log" 2>&1 \
  || { echo "generation failed:"; tail -40 "$WORK/generate.log"; exit 1; }

echo "== Starting the application"
TRUONGSO_DATA_DIR="$DATA" "$JAVA" $JAVA_OPTS -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" > "$WORK/app.log" 2>&1 &
APP_PID=$!
wait_healthy "$WORK/app.log"

echo "== Writing $MATERIALS materials into its database"
bench materials --data="$DATA" --tokens="$TOKENS" --count="$MATERIALS"

for THINK in $THINK_TIMES; do
  bench material-search --base="$BASE" --tokens="$TOKENS" --users="$USERS" --warmup="$WARMUP_SECONDS" --seconds="$MEASURE_SECONDS" \
    --think-ms="$THINK" || true
  echo "   load average after the phase: $(cut -d' ' -f1-3 /proc/loadavg)"
done
