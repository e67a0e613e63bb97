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
exec "$(dirname "${BASH_SOURCE[0]}")/launch.sh" outage bench/outage.sh "$@"
