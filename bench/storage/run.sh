#!/usr/bin/env bash
# Storage benchmark through the Java API: FileIntake -> FolderBlobStore, in a temporary folder that is removed after.
#   bench/storage/run.sh                          # 100 MB and 1 GB uploads, 100 schools x the same 20 MB file
#   HEAP=64m LARGE_MB=2048 bench/storage/run.sh   # a smaller heap, a larger file
#   SKIP_BUILD=true bench/storage/run.sh          # reuse target/classes
# Needs about 2 x LARGE_MB of free disk under java.io.tmpdir (the spool file and the blob) while it runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [ "${SKIP_BUILD:-false}" != true ]; then
  ./mvnw -q -DskipTests compile
  ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/storage-bench.classpath -Dmdep.includeScope=runtime
fi
exec "$JAVA_HOME/bin/java" -Xmx"${HEAP:-128m}" \
  -Dbench.smallMb="${SMALL_MB:-100}" -Dbench.largeMb="${LARGE_MB:-1024}" \
  -Dbench.schools="${SCHOOLS:-100}" -Dbench.sharedMb="${SHARED_MB:-20}" \
  -cp "target/classes:$(cat target/storage-bench.classpath)" bench/storage/StorageBench.java
