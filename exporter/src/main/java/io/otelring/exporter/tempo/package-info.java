/**
 * The {@code tempo} exporter: the {@code otlp} exporter with Grafana Tempo's defaults, so that
 * {@code exporters: {tempo: {endpoint: tempo:4317}}} just works.
 */
package io.otelring.exporter.tempo;
