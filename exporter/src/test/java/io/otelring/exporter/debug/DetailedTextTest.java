package io.otelring.exporter.debug;

import static io.otelring.exporter.debug.GoTestData.END;
import static io.otelring.exporter.debug.GoTestData.LOG_SPAN_ID;
import static io.otelring.exporter.debug.GoTestData.LOG_TRACE_ID;
import static io.otelring.exporter.debug.GoTestData.integer;
import static io.otelring.exporter.debug.GoTestData.kv;
import static io.otelring.exporter.debug.GoTestData.map;
import static io.otelring.exporter.debug.GoTestData.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The detailed text against the expected output of the Go debug exporter's {@code otlptext} tests
 * (v0.128.0), byte for byte; the fixtures under {@code debug/detailed/} are Go's files unchanged.
 */
class DetailedTextTest {

  private final DetailedText text = new DetailedText();

  static String fixture(String path) {
    try (InputStream in = DetailedTextTest.class.getResourceAsStream("/debug/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r", "");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void emptyTraces() {
    assertThat(text.traces(ExportTraceServiceRequest.getDefaultInstance()))
        .isEqualTo(fixture("detailed/traces/empty.out"));
  }

  @Test
  void twoSpans() {
    assertThat(text.traces(GoTestData.traces(2)))
        .isEqualTo(fixture("detailed/traces/two_spans.out"));
  }

  @Test
  void emptyMetrics() {
    assertThat(text.metrics(ExportMetricsServiceRequest.getDefaultInstance()))
        .isEqualTo(fixture("detailed/metrics/empty.out"));
  }

  @Test
  void metricsWithAllTypes() {
    assertThat(text.metrics(GoTestData.allTypes()))
        .isEqualTo(fixture("detailed/metrics/metrics_with_all_types.out"));
  }

  @Test
  void twoMetrics() {
    assertThat(text.metrics(GoTestData.metrics(GoTestData.gaugeInt(), GoTestData.gaugeDouble())))
        .isEqualTo(fixture("detailed/metrics/two_metrics.out"));
  }

  @Test
  void metricWithoutData() {
    Metric empty = GoTestData.metric("sum-int").build();
    assertThat(text.metrics(GoTestData.metrics(empty)))
        .isEqualTo(fixture("detailed/metrics/invalid_metric_type.out"));
  }

  @Test
  void emptyLogs() {
    assertThat(text.logs(ExportLogsServiceRequest.getDefaultInstance()))
        .isEqualTo(fixture("detailed/logs/empty.out"));
  }

  @Test
  void oneLogRecord() {
    assertThat(text.logs(GoTestData.logs(1))).isEqualTo(fixture("detailed/logs/one_record.out"));
  }

  @Test
  void twoLogRecords() {
    assertThat(text.logs(GoTestData.logs(2))).isEqualTo(fixture("detailed/logs/two_records.out"));
  }

  @Test
  void logWithEventName() {
    LogRecord record =
        LogRecord.newBuilder()
            .setTimeUnixNano(END)
            .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_INFO)
            .setSeverityText("Info")
            .setEventName("event_name")
            .setBody(str("This is a log message"))
            .addAttributes(kv("app", "server"))
            .addAttributes(kv("instance_num", integer(1)))
            .setSpanId(LOG_SPAN_ID)
            .setTraceId(LOG_TRACE_ID)
            .build();
    assertThat(text.logs(GoTestData.oneRecord(record)))
        .isEqualTo(fixture("detailed/logs/log_with_event_name.out"));
  }

  @Test
  void logWithEmbeddedMaps() {
    LogRecord record =
        LogRecord.newBuilder()
            .setTimeUnixNano(END)
            .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_INFO)
            .setSeverityText("INFO")
            .setBody(
                map(
                    kv("key1", "val1"),
                    kv("key2", map(kv("key21", "val21"), kv("key22", "val22")))))
            .addAttributes(
                kv(
                    "key1",
                    map(
                        kv("key11", "val11"),
                        kv("key12", "val12"),
                        kv("key13", map(kv("key131", "val131"))))))
            .addAttributes(kv("key2", "val2"))
            .build();
    assertThat(text.logs(GoTestData.oneRecord(record)))
        .isEqualTo(fixture("detailed/logs/embedded_maps.out"));
  }
}
