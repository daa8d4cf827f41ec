#!/usr/bin/env bash
# Starts one OpenSearch node on 127.0.0.1 (see pom.xml): opensearch/run.sh [home folder] [http port].
# Builds the node's class path first if it is missing. The node prints "OPENSEARCH STARTED http=…" once it answers
# and stops on SIGTERM. 256 MB of heap is enough for the tests and the benchmark; raise OPENSEARCH_HEAP for a site.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
home="${1:-$here/target/node}"
port="${2:-9200}"
heap="${OPENSEARCH_HEAP:-256m}"
if [ ! -f "$here/target/classpath.txt" ] || [ ! -d "$here/target/classes" ]; then
  mvn -B -q -f "$here/pom.xml" package
fi
# G1, as OpenSearch's own launcher: its memory circuit breaker reads the heap in use, which under the serial
# collector includes garbage up to the next collection and refused bulk requests of a 1 GB node (429).
exec java "-Xms$heap" "-Xmx$heap" -XX:+UseG1GC -Dlog4j2.disable.jmx=true \
  -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" cn.dayuan.opensearch.OpenSearchNode "$home" "$port"
