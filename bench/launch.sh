#!/usr/bin/env bash
# What bench/run.sh and bench/outage.sh share: build the jars (tests skipped), pin the harness (load
# generator and sink) to CPU 1 — it pins the system under test to CPU 0 itself — record the
# command as typed for the report, and start the bench jar's subcommand.
#   bench/launch.sh SUBCOMMAND SCRIPT [ARGS...]      SCRIPT: the command to quote, bench/run.sh say
set -euo pipefail

subcommand="$1"
script="$2"
shift 2

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"

(mvn -B -q -DskipTests -Dspotless.apply.skip=true package -pl bench -am) >&2

load_cpu="${OTELRING_BENCH_LOAD_CPU:-1}"
pin=()
if command -v taskset >/dev/null && [ "$(nproc --all)" -gt 1 ]; then
  pin=(taskset -c "$load_cpu")
else
  echo "${script##*/}: taskset missing or one CPU only: nothing is pinned" >&2
fi

# The report quotes the command exactly as typed.
command="$script"
if [ "$#" -gt 0 ]; then command+="$(printf " %q" "$@")"; fi
export OTELRING_BENCH_COMMAND="$command"
exec "${pin[@]}" java -XX:+UseG1GC ${JAVA_OPTS:-} -jar bench/target/otelring-bench.jar \
  "$subcommand" "$@"
