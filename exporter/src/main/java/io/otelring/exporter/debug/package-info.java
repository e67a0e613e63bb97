/**
 * The {@code debug} exporter: prints telemetry in the text layouts of the Go collector's debug
 * exporter (v0.128.0) at verbosity {@code basic}, {@code normal} or {@code detailed}.
 */
package io.otelring.exporter.debug;
