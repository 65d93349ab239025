#!/usr/bin/env bash
# Upload of large files over HTTP to the materials API (multipart, and the raw body), against the packaged application
# started here with a small heap: time per upload and the server's heap before, at peak during, and after each upload.
# Everything talks to 127.0.0.1 only. See bench/README.md ("Storage: large uploads over HTTP").
#
#   bench/storage/http-upload.sh                       # 100 MB and 1 GB, multipart and raw body, server -Xmx256m
#   SIZES_MB="100 1024 2000" HEAP=128m SKIP_BUILD=true bench/storage/http-upload.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
JSTAT="$JAVA_HOME/bin/jstat"
JCMD="$JAVA_HOME/bin/jcmd"

SIZES_MB=${SIZES_MB:-"100 1024"}
HEAP=${HEAP:-256m}
MODES=${MODES:-"multipart raw"}
SKIP_BUILD=${SKIP_BUILD:-false}

STAMP=$(date +%Y%m%d-%H%M%S)
mkdir -p bench/results
RESULT="bench/results/http-upload-$STAMP.txt"
WORK=$(mktemp -d /tmp/truongso-upload-bench.XXXXXX)
DATA="$WORK/data"
TOKENS="$WORK/tokens.tsv"
APP_PID=""
SAMPLER_PID=""
exec > >(tee -a "$RESULT") 2>&1

# shellcheck source=bench/lib.sh
. bench/lib.sh
# The heap sampler, if one is running, goes before the application.
cleanup_upload() { if [ -n "$SAMPLER_PID" ]; then kill "$SAMPLER_PID" 2>/dev/null || true; fi; cleanup; }
trap cleanup_upload EXIT
trap 'exit 130' INT TERM

# Heap used (MiB) from one jstat -gc line: S0U + S1U + EU + OU, in KB.
heap_used() { "$JSTAT" -gc "$APP_PID" | awk 'NR==2 {printf "%.0f", ($3+$4+$6+$8)/1024}'; }
heap_after_gc() { "$JCMD" "$APP_PID" GC.run > /dev/null; sleep 0.5; heap_used; }

echo "== TruongSo HTTP upload benchmark $STAMP: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), server heap -Xmx$HEAP, sizes $SIZES_MB MB, modes $MODES"
if [ "$SKIP_BUILD" != true ]; then
  ./mvnw -q -DskipTests package
fi
JAR=$(ls target/truongso-*.jar | grep -v original | head -1)
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"

echo "== Generating one school with a teacher's API token"
TRUONGSO_DATA_DIR="$DATA" "$JAVA" -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
  --truongso.generate.schools=1 --truongso.generate.students-per-school=10 --truongso.generate.districts=1 \
  --truongso.generate.tokens=2 --truongso.generate.tokens-file="$TOKENS" --truongso.generate.exit=true > "$WORK/generate.log" 2>&1 \
  || { echo "generation failed:"; tail -40 "$WORK/generate.log"; exit 1; }
SCHOOL=$(awk -F'\t' '$3=="TEACHER" {print $1; exit}' "$TOKENS")
TOKEN=$(awk -F'\t' '$3=="TEACHER" {print $5; exit}' "$TOKENS")

echo "== Starting the application (-Xmx$HEAP, multipart limit 2 GB)"
MAX_UPLOAD=2GB TRUONGSO_DATA_DIR="$DATA" "$JAVA" "-Xmx$HEAP" -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
  > "$WORK/app.log" 2>&1 &
APP_PID=$!
wait_healthy "$WORK/app.log"

AUTH="Authorization: Bearer $TOKEN"
material() {
  curl -fsS -H "$AUTH" -H 'Content-Type: application/json' "$BASE/api/v1/schools/$SCHOOL/materials" -d "{\"title\":\"Video bài giảng $1\",
    \"description\":\"Tải lên lớn\",\"kind\":\"VIDEO\",\"subjectCode\":\"TOAN\",\"grades\":[6],\"licence\":\"CC BY 4.0\",\"authors\":[\"Bench\"]}" \
    | sed -E 's/^\{"schoolId":"[^"]*","id":"([^"]*)".*/\1/'
}

# A warm-up upload so that the first measured one does not pay for class loading and JIT.
WARM="$WORK/warm.mp4"
{ printf '\0\0\0\040ftypisom'; head -c $((5 * 1024 * 1024)) /dev/urandom; } > "$WARM"
curl -fsS -o /dev/null -H "$AUTH" -F "file=@$WARM;type=video/mp4" "$BASE/api/v1/schools/$SCHOOL/materials/$(material warm)/files"

for MB in $SIZES_MB; do
  FILE="$WORK/bai-giang-$MB.mp4"
  # An MP4 "ftyp" box first, so the content is detected as video/mp4; then random bytes (nothing to compress or dedupe).
  { printf '\0\0\0\040ftypisom'; head -c $((MB * 1024 * 1024)) /dev/urandom; } > "$FILE"
  for MODE in $MODES; do
    ID=$(material "$MB-$MODE")
    URL="$BASE/api/v1/schools/$SCHOOL/materials/$ID/files"
    BEFORE=$(heap_after_gc)
    # jstat samples the heap every 100 ms into a file (a JVM ignores SIGPIPE, so it is stopped by its own pid).
    "$JSTAT" -gc "$APP_PID" 100 > "$WORK/samples" &
    SAMPLER_PID=$!
    if [ "$MODE" = multipart ]; then
      OUT=$(curl -sS -o "$WORK/answer.json" -w '%{http_code} %{time_total}' -H "$AUTH" -F "file=@$FILE;type=video/mp4" "$URL")
    else
      # -T streams the file from disk (--data-binary @file would read it all into curl's memory first).
      OUT=$(curl -sS -o "$WORK/answer.json" -w '%{http_code} %{time_total}' -H "$AUTH" -H 'Content-Type: application/octet-stream' \
        -X POST -T "$FILE" "$URL?name=bai-giang-$MB.mp4")
    fi
    kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
    PEAK=$(awk '$1 ~ /^[0-9.]+$/ {u=($3+$4+$6+$8)/1024; if (u>m) m=u} END {printf "%.0f", m}' "$WORK/samples")
    AFTER=$(heap_after_gc)
    CODE=${OUT%% *}; SECS=${OUT##* }
    TYPE=$(grep -o '"mediaType":"[^"]*"' "$WORK/answer.json" | cut -d'"' -f4 || true)
    SIZE=$(grep -o '"size":[0-9]*' "$WORK/answer.json" | cut -d: -f2 || true)
    printf 'upload %5d MB %-9s: HTTP %s in %6.2f s (%4.0f MB/s), stored %s bytes as %s; server heap used before %s MiB, peak during %s MiB, after GC %s MiB\n' \
      "$MB" "$MODE" "$CODE" "$SECS" "$(echo "$MB / $SECS" | bc -l)" "${SIZE:-?}" "${TYPE:-?}" "$BEFORE" "$PEAK" "$AFTER"
    [ "$CODE" = 201 ] || { echo "   answer: $(head -c 600 "$WORK/answer.json")"; }
  done
  rm -f "$FILE"
done
echo "   server RSS at the end: $(($(awk '/VmRSS/ {print $2}' /proc/$APP_PID/status) / 1024)) MiB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
