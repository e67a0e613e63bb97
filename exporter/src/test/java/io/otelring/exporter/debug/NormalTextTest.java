package io.otelring.exporter.debug;

import static io.otelring.exporter.debug.GoTestData.bool;
import static io.otelring.exporter.debug.GoTestData.dbl;
import static io.otelring.exporter.debug.GoTestData.integer;
import static io.otelring.exporter.debug.GoTestData.kv;
import static io.otelring.exporter.debug.GoTestData.map;
import static io.otelring.exporter.debug.GoTestData.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.metrics.v1.Summary;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The normal text against the expectations of the Go debug exporter's {@code normal} tests. */
class NormalTextTest {

  private final NormalText text = new NormalText();

  private static final Resource RESOURCE =
      Resource.newBuilder()
          .addAttributes(kv("resourceKey1", "resourceValue1"))
          .addAttributes(kv("resourceKey2", bool(false)))
          .build();
  private static final InstrumentationScope SCOPE =
      InstrumentationScope.newBuilder()
          .setName("scope-name")
          .setVersion("1.2.3")
          .addAttributes(kv("scopeKey1", "scopeValue1"))
          .addAttributes(kv("scopeKey2", bool(true)))
          .build();
  private static final String RESOURCE_URL = "https://opentelemetry.io/resource-schema-url";
  private static final String SCOPE_URL = "http://opentelemetry.io/scope-schema-url";

  private static Span span() {
    return Span.newBuilder()
        .setName("span-name")
        .setTraceId(GoTestData.TRACE_ID)
        .setSpanId(GoTestData.SPAN_ID)
        .addAttributes(kv("key1", "value1"))
        .addAttributes(kv("key2", "value2"))
        .build();
  }

  @Test
  void traces() {
    assertThat(text.traces(ExportTraceServiceRequest.getDefaultInstance())).isEmpty();
    ExportTraceServiceRequest bare =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder().addScopeSpans(ScopeSpans.newBuilder().addSpans(span())))
            .build();
    assertThat(text.traces(bare))
        .isEqualTo(
            "ResourceTraces #0\n"
                + "ScopeTraces #0\n"
                + "span-name 0102030405060708090a0b0c0d0e0f10 1112131415161718 key1=value1"
                + " key2=value2\n");
    ExportTraceServiceRequest described =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder()
                    .setSchemaUrl(RESOURCE_URL)
                    .setResource(RESOURCE)
                    .addScopeSpans(
                        ScopeSpans.newBuilder()
                            .setSchemaUrl(SCOPE_URL)
                            .setScope(SCOPE)
                            .addSpans(span())))
            .build();
    assertThat(text.traces(described))
        .isEqualTo(
            "ResourceTraces #0 [https://opentelemetry.io/resource-schema-url]"
                + " resourceKey1=resourceValue1 resourceKey2=false\n"
                + "ScopeTraces #0 scope-name@1.2.3 [http://opentelemetry.io/scope-schema-url]"
                + " scopeKey1=scopeValue1 scopeKey2=true\n"
                + "span-name 0102030405060708090a0b0c0d0e0f10 1112131415161718 key1=value1"
                + " key2=value2\n");
  }

  private static ExportMetricsServiceRequest oneMetric(Metric metric) {
    return ExportMetricsServiceRequest.newBuilder()
        .addResourceMetrics(
            ResourceMetrics.newBuilder()
                .addScopeMetrics(ScopeMetrics.newBuilder().addMetrics(metric)))
        .build();
  }

  private static final List<KeyValue> HTTP_ATTRIBUTES =
      List.of(kv("http.response.status_code", integer(200)), kv("http.request.method", "GET"));

  @Test
  void sumAndGauge() {
    assertThat(text.metrics(ExportMetricsServiceRequest.getDefaultInstance())).isEmpty();
    Metric sum =
        Metric.newBuilder()
            .setName("system.cpu.time")
            .setSum(
                Sum.newBuilder()
                    .addDataPoints(
                        NumberDataPoint.newBuilder()
                            .setAsDouble(123.456)
                            .addAttributes(kv("state", "user"))
                            .addAttributes(kv("cpu", "0"))))
            .build();
    assertThat(text.metrics(oneMetric(sum)))
        .isEqualTo(
            "ResourceMetrics #0\nScopeMetrics #0\nsystem.cpu.time{state=user,cpu=0} 123.456\n");
    ExportMetricsServiceRequest described =
        ExportMetricsServiceRequest.newBuilder()
            .addResourceMetrics(
                ResourceMetrics.newBuilder()
                    .setSchemaUrl(RESOURCE_URL)
                    .setResource(RESOURCE)
                    .addScopeMetrics(
                        ScopeMetrics.newBuilder()
                            .setSchemaUrl(SCOPE_URL)
                            .setScope(SCOPE)
                            .addMetrics(sum)))
            .build();
    assertThat(text.metrics(described))
        .isEqualTo(
            "ResourceMetrics #0 [https://opentelemetry.io/resource-schema-url]"
                + " resourceKey1=resourceValue1 resourceKey2=false\n"
                + "ScopeMetrics #0 scope-name@1.2.3 [http://opentelemetry.io/scope-schema-url]"
                + " scopeKey1=scopeValue1 scopeKey2=true\n"
                + "system.cpu.time{state=user,cpu=0} 123.456\n");
    Metric gauge =
        Metric.newBuilder()
            .setName("system.cpu.utilization")
            .setGauge(
                Gauge.newBuilder()
                    .addDataPoints(
                        NumberDataPoint.newBuilder()
                            .setAsDouble(78.901234567)
                            .addAttributes(kv("state", "free"))
                            .addAttributes(kv("cpu", "8"))))
            .build();
    assertThat(text.metrics(oneMetric(gauge)))
        .isEqualTo(
            "ResourceMetrics #0\nScopeMetrics #0\n"
                + "system.cpu.utilization{state=free,cpu=8} 78.901234567\n");
  }

  @Test
  void histograms() {
    Metric histogram =
        Metric.newBuilder()
            .setName("http.server.request.duration")
            .setHistogram(
                Histogram.newBuilder()
                    .addDataPoints(
                        HistogramDataPoint.newBuilder()
                            .addAllAttributes(HTTP_ATTRIBUTES)
                            .addAllExplicitBounds(List.of(0.125, 0.5, 1.0, 3.0))
                            .addAllBucketCounts(List.of(1324L, 13L, 0L, 2L, 1L))
                            .setCount(1340)
                            .setSum(99.573)
                            .setMin(0.017)
                            .setMax(8.13)))
            .build();
    assertThat(text.metrics(oneMetric(histogram)))
        .isEqualTo(
            "ResourceMetrics #0\nScopeMetrics #0\n"
                + "http.server.request.duration{http.response.status_code=200,"
                + "http.request.method=GET} count=1340 sum=99.573 min=0.017 max=8.13"
                + " le0.125=1324 le0.5=13 le1=0 le3=2 1\n");
    Metric exponential =
        Metric.newBuilder()
            .setName("http.server.request.duration")
            .setExponentialHistogram(
                ExponentialHistogram.newBuilder()
                    .addDataPoints(
                        ExponentialHistogramDataPoint.newBuilder()
                            .addAllAttributes(HTTP_ATTRIBUTES)
                            .setCount(1340)
                            .setSum(99.573)
                            .setMin(0.017)
                            .setMax(8.13)))
            .build();
    assertThat(text.metrics(oneMetric(exponential)))
        .isEqualTo(
            "ResourceMetrics #0\nScopeMetrics #0\n"
                + "http.server.request.duration{http.response.status_code=200,"
                + "http.request.method=GET} count=1340 sum=99.573 min=0.017 max=8.13\n");
  }

  @Test
  void summary() {
    Metric summary =
        Metric.newBuilder()
            .setName("summary")
            .setSummary(
                Summary.newBuilder()
                    .addDataPoints(
                        SummaryDataPoint.newBuilder()
                            .addAllAttributes(HTTP_ATTRIBUTES)
                            .setCount(1340)
                            .setSum(99.573)
                            .addQuantileValues(
                                SummaryDataPoint.ValueAtQuantile.newBuilder()
                                    .setQuantile(0.01)
                                    .setValue(15))))
            .build();
    assertThat(text.metrics(oneMetric(summary)))
        .isEqualTo(
            "ResourceMetrics #0\nScopeMetrics #0\n"
                + "summary{http.response.status_code=200,http.request.method=GET}"
                + " count=1340 sum=99.573000 q0.01=15\n");
  }

  private static LogRecord record(String body, KeyValue... attributes) {
    return LogRecord.newBuilder().setBody(str(body)).addAllAttributes(List.of(attributes)).build();
  }

  @Test
  void logs() {
    assertThat(text.logs(ExportLogsServiceRequest.getDefaultInstance())).isEmpty();
    LogRecord single =
        record("Single line log message", kv("key1", "value1"), kv("key2", "value2"));
    assertThat(text.logs(GoTestData.oneRecord(single)))
        .isEqualTo(
            "ResourceLog #0\nScopeLog #0\nSingle line log message key1=value1 key2=value2\n");
    ExportLogsServiceRequest described =
        ExportLogsServiceRequest.newBuilder()
            .addResourceLogs(
                ResourceLogs.newBuilder()
                    .setSchemaUrl(RESOURCE_URL)
                    .setResource(RESOURCE)
                    .addScopeLogs(
                        ScopeLogs.newBuilder()
                            .setSchemaUrl(SCOPE_URL)
                            .setScope(SCOPE)
                            .addLogRecords(single)))
            .build();
    assertThat(text.logs(described))
        .isEqualTo(
            "ResourceLog #0 [https://opentelemetry.io/resource-schema-url]"
                + " resourceKey1=resourceValue1 resourceKey2=false\n"
                + "ScopeLog #0 scope-name@1.2.3 [http://opentelemetry.io/scope-schema-url]"
                + " scopeKey1=scopeValue1 scopeKey2=true\n"
                + "Single line log message key1=value1 key2=value2\n");
    LogRecord multiline =
        record(
            "First line of the log message\n  second line of the log message",
            kv("key1", "value1"),
            kv("key2", "value2"));
    assertThat(text.logs(GoTestData.oneRecord(multiline)))
        .isEqualTo(
            "ResourceLog #0\nScopeLog #0\nFirst line of the log message\n"
                + "  second line of the log message key1=value1 key2=value2\n");
    ExportLogsServiceRequest two =
        ExportLogsServiceRequest.newBuilder()
            .addResourceLogs(
                ResourceLogs.newBuilder()
                    .addScopeLogs(
                        ScopeLogs.newBuilder()
                            .addLogRecords(single)
                            .addLogRecords(
                                record(
                                    "Multi-line\nlog message",
                                    kv("mykey2", "myvalue2"),
                                    kv("mykey1", "myvalue1")))))
            .build();
    assertThat(text.logs(two))
        .isEqualTo(
            "ResourceLog #0\nScopeLog #0\nSingle line log message key1=value1 key2=value2\n"
                + "Multi-line\nlog message mykey2=myvalue2 mykey1=myvalue1\n");
  }

  @Test
  void logWithMapsInBodyAndAttributes() {
    LogRecord record =
        LogRecord.newBuilder()
            .setBody(
                map(
                    kv("app", "CurrencyConverter"),
                    kv("event", map(kv("operation", "convert"), kv("result", "success")))))
            .addAttributes(
                kv(
                    "conversion",
                    map(
                        kv("source", map(kv("currency", "USD"), kv("amount", dbl(34.22)))),
                        kv("destination", map(kv("currency", "EUR"))))))
            .addAttributes(kv("service", "payments"))
            .build();
    assertThat(text.logs(GoTestData.oneRecord(record)))
        .isEqualTo(
            "ResourceLog #0\nScopeLog #0\n"
                + "{\"app\":\"CurrencyConverter\",\"event\":{\"operation\":\"convert\","
                + "\"result\":\"success\"}} conversion={\"destination\":{\"currency\":\"EUR\"},"
                + "\"source\":{\"amount\":34.22,\"currency\":\"USD\"}} service=payments\n");
  }

  @Test
  void aScopeLineCarriesItsResourceIndexAsInGo() {
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder()
                    .addScopeSpans(ScopeSpans.newBuilder())
                    .addScopeSpans(ScopeSpans.newBuilder()))
            .build();
    assertThat(text.traces(request))
        .isEqualTo("ResourceTraces #0\nScopeTraces #0\nScopeTraces #0\n");
  }
}
