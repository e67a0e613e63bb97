/**
 * The {@code otlp} exporter (alias {@code otlp_grpc}): OTLP over gRPC with the Go collector's keys
 * and defaults, behind the shared sending queue, retry and timeout.
 */
package io.otelring.exporter.otlp;
