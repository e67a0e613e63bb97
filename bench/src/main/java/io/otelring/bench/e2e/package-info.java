/**
 * The end-to-end benchmark: baselines and otelring pinned to one CPU under the same load, measured
 * from /proc, reported in {@code BENCHMARKS.md} with a chart.
 */
package io.otelring.bench.e2e;
