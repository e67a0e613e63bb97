/**
 * What the OTLP exporters share as clients, with the keys of Go's {@code configtls.ClientConfig}:
 * the {@code tls} section and the TLS contexts built from it for gRPC (Netty) and HTTP (JDK).
 */
package io.otelring.exporter.client;
