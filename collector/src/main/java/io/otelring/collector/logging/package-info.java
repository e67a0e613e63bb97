/**
 * The collector's own log, as the Go collector's zap writes it ({@code service.telemetry.logs}):
 * console or JSON lines, to stderr or the {@code output_paths}, with the {@code initial_fields} and
 * each component's {@code otelcol.component.id} and {@code kind}. An SLF4J provider, so every
 * library that logs through SLF4J writes the same lines.
 */
package io.otelring.collector.logging;
