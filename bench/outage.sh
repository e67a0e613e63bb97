#!/usr/bin/env bash
# The backend-outage benchmark (issue 4): the collector (otlp → batch → otlp/tempo with a
# persistent queue in file_storage) pinned to CPU 0, the load generator with --retry and the B0
# sink on CPU 1. The backend is down for --outage (60 s), then up; the load goes on --after (30 s),
# stops, and the run waits until the backend has every accepted span. Writes the "Backend outage"
# section of BENCHMARKS.md (between its marker comments; the rest of the file is left alone).
#   bench/outage.sh                                        the default run (~2 minutes)
#   bench/outage.sh --rate 50000 --shape testbed --outage 120s
#   bench/outage.sh --help                                 every flag
# Builds the collector and bench jars first (tests skipped). Run it on a quiet machine.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"

(mvn -B -q -DskipTests -Dspotless.apply.skip=true package -pl bench -am) >&2

load_cpu="${OTELRING_BENCH_LOAD_CPU:-1}"
pin=()
if command -v taskset >/dev/null && [ "$(nproc --all)" -gt 1 ]; then
  pin=(taskset -c "$load_cpu")
else
  echo "outage.sh: taskset missing or one CPU only: nothing is pinned" >&2
fi

# The report quotes the command exactly as typed.
command="bench/outage.sh"
if [ "$#" -gt 0 ]; then command+="$(printf " %q" "$@")"; fi
export OTELRING_BENCH_COMMAND="$command"
exec "${pin[@]}" java -XX:+UseG1GC ${JAVA_OPTS:-} -jar bench/target/otelring-bench.jar outage "$@"
