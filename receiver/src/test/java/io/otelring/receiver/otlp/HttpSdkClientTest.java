package io.otelring.receiver.otlp;

import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The OpenTelemetry Java SDK's OTLP/HTTP exporters ({@code http/protobuf}) against the receiver's
 * HTTP server: every span, data point and log record arrives once and intact, plain and gzip.
 */
class HttpSdkClientTest extends SdkClientTest {

  @Override
  RunningReceiver startReceiver() throws Exception {
    return RunningReceiver.startHttp(RunningReceiver.localHttpConfig());
  }

  @Override
  String transport() {
    return "http";
  }

  @Override
  SpanExporter spanExporter(String compression) {
    return OtlpHttpSpanExporter.builder()
        .setEndpoint(running.httpUrl("http", "/v1/traces"))
        .setCompression(compression)
        .build();
  }

  @Override
  MetricExporter metricExporter() {
    return OtlpHttpMetricExporter.builder()
        .setEndpoint(running.httpUrl("http", "/v1/metrics"))
        .build();
  }

  @Override
  LogRecordExporter logExporter() {
    return OtlpHttpLogRecordExporter.builder()
        .setEndpoint(running.httpUrl("http", "/v1/logs"))
        .build();
  }
}
