#!/usr/bin/env bash
# The end-to-end benchmark: B0, B2 and otelring side by side for each span shape, each pinned to
# CPU 0 while the load generator (and, with --exporter otlp, the sink) runs on CPU 1. Writes
# BENCHMARKS.md and bench/results/benchmarks.png at the repository root.
#   bench/run.sh                                   the full run (3 × 4 shapes × 3 systems, ~2 h)
#   bench/run.sh --repeat 1 --ramp 0s --warmup 2s --measure 3s --label "smoke run"
#                                                  a ~2-minute smoke run
#   bench/run.sh --help                            every flag
# Builds the collector and bench jars first (tests skipped). Run it on a quiet machine with at
# least two CPUs; on a busy one the numbers say more about the neighbours than about otelring.
exec "$(dirname "${BASH_SOURCE[0]}")/launch.sh" e2e bench/run.sh "$@"
