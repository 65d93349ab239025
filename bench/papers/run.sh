#!/usr/bin/env bash
# Test-paper generation benchmark: 24 variants of a 40-question paper from a 20,000-question bank (target under 1 s).
#   bench/papers/run.sh                                  # data kept in /tmp/truongso-paper-bench (the bank is built once)
#   QUESTIONS=50000 RUNS=10 bench/papers/run.sh
#   SKIP_BUILD=true DATA=/tmp/other bench/papers/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [ "${SKIP_BUILD:-false}" != true ]; then
  ./mvnw -q -o test-compile || ./mvnw -q test-compile
  ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/paper-bench.classpath -Dmdep.includeScope=test \
    || ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/paper-bench.classpath -Dmdep.includeScope=test
fi
export TRUONGSO_DATA_DIR="${DATA:-/tmp/truongso-paper-bench}"
exec "$JAVA_HOME/bin/java" -Xmx"${HEAP:-512m}" -Dbench.questions="${QUESTIONS:-20000}" -Dbench.variants="${VARIANTS:-24}" \
  -Dbench.warmup="${WARMUP:-5}" -Dbench.runs="${RUNS:-20}" \
  -cp "target/classes:target/test-classes:$(cat target/paper-bench.classpath)" bench/papers/PaperBench.java
