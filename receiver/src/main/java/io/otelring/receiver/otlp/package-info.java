/**
 * The {@code otlp} receiver: OTLP over gRPC ({@code protocols.grpc}) and over HTTP ({@code
 * protocols.http}, protobuf and JSON) into the pipelines that list it, with the Go collector's
 * config keys, wire answers and self-metrics.
 */
package io.otelring.receiver.otlp;
