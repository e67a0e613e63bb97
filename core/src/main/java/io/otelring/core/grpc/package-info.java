/**
 * gRPC pieces shared by the OTLP receiver and the OTLP exporters: the {@code zstd} message
 * compression that Go's {@code configgrpc} registers and grpc-java does not have.
 */
package io.otelring.core.grpc;
