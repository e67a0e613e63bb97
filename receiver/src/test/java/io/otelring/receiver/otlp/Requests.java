package io.otelring.receiver.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.Arrays;

/** Hand-built OTLP requests, for the cases an SDK cannot send (bad ids, huge attributes). */
final class Requests {

  private Requests() {}

  static ByteString id(int length, int fill) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) fill);
    return ByteString.copyFrom(bytes);
  }

  static Span span(String name, ByteString traceId, ByteString spanId) {
    return Span.newBuilder()
        .setName(name)
        .setTraceId(traceId)
        .setSpanId(spanId)
        .setStartTimeUnixNano(1_700_000_000_000_000_000L)
        .setEndTimeUnixNano(1_700_000_000_100_000_000L)
        .build();
  }

  static Span goodSpan(String name) {
    return span(name, id(16, 1), id(8, 2));
  }

  static ExportTraceServiceRequest traces(Span... spans) {
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder()
                .addScopeSpans(ScopeSpans.newBuilder().addAllSpans(Arrays.asList(spans))))
        .build();
  }

  /** One span with an attribute of the given size, to exceed a message size limit. */
  static ExportTraceServiceRequest tracesOfSize(int bytes) {
    Span span =
        goodSpan("big").toBuilder()
            .addAttributes(
                KeyValue.newBuilder()
                    .setKey("payload")
                    .setValue(AnyValue.newBuilder().setStringValue("x".repeat(bytes))))
            .build();
    return traces(span);
  }

  static LogRecord logRecord(String body, ByteString traceId, ByteString spanId) {
    return LogRecord.newBuilder()
        .setBody(AnyValue.newBuilder().setStringValue(body))
        .setTraceId(traceId)
        .setSpanId(spanId)
        .setTimeUnixNano(1_700_000_000_000_000_000L)
        .build();
  }

  static ExportLogsServiceRequest logs(LogRecord... records) {
    return ExportLogsServiceRequest.newBuilder()
        .addResourceLogs(
            ResourceLogs.newBuilder()
                .addScopeLogs(ScopeLogs.newBuilder().addAllLogRecords(Arrays.asList(records))))
        .build();
  }

  static ExportMetricsServiceRequest gauge(double... values) {
    Gauge.Builder gauge = Gauge.newBuilder();
    for (double value : values) {
      gauge.addDataPoints(
          NumberDataPoint.newBuilder().setAsDouble(value).setTimeUnixNano(1_700_000_000L));
    }
    return ExportMetricsServiceRequest.newBuilder()
        .addResourceMetrics(
            ResourceMetrics.newBuilder()
                .addScopeMetrics(
                    ScopeMetrics.newBuilder()
                        .addMetrics(Metric.newBuilder().setName("temperature").setGauge(gauge))))
        .build();
  }
}
