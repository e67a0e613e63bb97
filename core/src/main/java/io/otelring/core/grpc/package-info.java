/**
 * gRPC pieces shared by the OTLP receiver and the OTLP exporters: the {@code zstd} and {@code
 * snappy} message compressions that Go's {@code configgrpc} registers and grpc-java does not have.
 */
package io.otelring.core.grpc;
