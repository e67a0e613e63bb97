/**
 * The {@code otlphttp} exporter (alias {@code otlp_http}): OTLP/HTTP with protobuf or JSON bodies,
 * for backends such as Langfuse that take OTLP over HTTP with an {@code Authorization} header.
 */
package io.otelring.exporter.otlphttp;
