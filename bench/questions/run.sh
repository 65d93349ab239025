#!/usr/bin/env bash
# Word .docx import benchmark: generates a 1,000-question bank and times the preview parse (target under 3 s).
#   bench/questions/run.sh                         # 1,000 questions, 5 warm runs, 256 MB heap
#   QUESTIONS=5000 HEAP=512m bench/questions/run.sh
#   SKIP_BUILD=true bench/questions/run.sh         # reuse target/classes and target/test-classes
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [ "${SKIP_BUILD:-false}" != true ]; then
  ./mvnw -q -o test-compile || ./mvnw -q test-compile
  ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/docx-bench.classpath -Dmdep.includeScope=test \
    || ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/docx-bench.classpath -Dmdep.includeScope=test
fi
exec "$JAVA_HOME/bin/java" -Xmx"${HEAP:-256m}" -Dbench.questions="${QUESTIONS:-1000}" -Dbench.runs="${RUNS:-5}" \
  -cp "target/classes:target/test-classes:$(cat target/docx-bench.classpath)" bench/questions/DocxBench.java
