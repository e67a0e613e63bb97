/**
 * The load generator ({@code otelring loadgen}): pre-encoded OTLP requests replayed over gRPC or
 * HTTP by paced workers, with live status and a latency summary.
 */
package io.otelring.bench.loadgen;
