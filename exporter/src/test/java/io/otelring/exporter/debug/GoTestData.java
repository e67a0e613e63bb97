package io.otelring.exporter.debug;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Exemplar;
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
import io.opentelemetry.proto.trace.v1.Status;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The inputs of the Go debug exporter's tests, rebuilt as OTLP messages with the same values as
 * Go's {@code pdata/testdata} generators (v0.128.0), so that Go's expected text applies to them.
 */
final class GoTestData {

  static final long START = nanos(2020, 2, 11, 20, 26, 12, 321);
  static final long EVENT = nanos(2020, 2, 11, 20, 26, 13, 123);
  static final long END = nanos(2020, 2, 11, 20, 26, 13, 789);
  static final ByteString TRACE_ID = bytes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
  static final ByteString SPAN_ID = bytes(0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18);
  static final ByteString LOG_TRACE_ID = bytes(8, 4, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  static final ByteString LOG_SPAN_ID = bytes(1, 2, 4, 8, 0, 0, 0, 0);

  private GoTestData() {}

  static long nanos(int year, int month, int day, int hour, int minute, int second, int nano) {
    return LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC)
            * 1_000_000_000L
        + nano;
  }

  static ByteString bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return ByteString.copyFrom(b);
  }

  static AnyValue str(String s) {
    return AnyValue.newBuilder().setStringValue(s).build();
  }

  static AnyValue integer(long v) {
    return AnyValue.newBuilder().setIntValue(v).build();
  }

  static AnyValue dbl(double v) {
    return AnyValue.newBuilder().setDoubleValue(v).build();
  }

  static AnyValue bool(boolean v) {
    return AnyValue.newBuilder().setBoolValue(v).build();
  }

  static AnyValue map(KeyValue... entries) {
    return AnyValue.newBuilder()
        .setKvlistValue(KeyValueList.newBuilder().addAllValues(java.util.List.of(entries)))
        .build();
  }

  static KeyValue kv(String key, AnyValue value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }

  static KeyValue kv(String key, String value) {
    return kv(key, str(value));
  }

  static Resource resource() {
    return Resource.newBuilder().addAttributes(kv("resource-attr", "resource-attr-val-1")).build();
  }

  // Traces: GenerateTraces(n).

  static ExportTraceServiceRequest traces(int spanCount) {
    ScopeSpans.Builder scope = ScopeSpans.newBuilder();
    for (int i = 0; i < spanCount; i++) {
      scope.addSpans(i % 2 == 0 ? spanOne() : spanTwo());
    }
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder().setResource(resource()).addScopeSpans(scope))
        .build();
  }

  private static Span spanOne() {
    return Span.newBuilder()
        .setName("operationA")
        .setStartTimeUnixNano(START)
        .setEndTimeUnixNano(END)
        .setDroppedAttributesCount(1)
        .setTraceState("ot=th:0")
        .setTraceId(TRACE_ID)
        .setSpanId(SPAN_ID)
        .addEvents(
            Span.Event.newBuilder()
                .setTimeUnixNano(EVENT)
                .setName("event-with-attr")
                .addAttributes(kv("span-event-attr", "span-event-attr-val"))
                .setDroppedAttributesCount(2))
        .addEvents(
            Span.Event.newBuilder()
                .setTimeUnixNano(EVENT)
                .setName("event")
                .setDroppedAttributesCount(2))
        .setDroppedEventsCount(1)
        .setStatus(
            Status.newBuilder()
                .setCode(Status.StatusCode.STATUS_CODE_ERROR)
                .setMessage("status-cancelled"))
        .build();
  }

  private static Span spanTwo() {
    return Span.newBuilder()
        .setName("operationB")
        .setStartTimeUnixNano(START)
        .setEndTimeUnixNano(END)
        .addLinks(
            Span.Link.newBuilder()
                .addAttributes(kv("span-link-attr", "span-link-attr-val"))
                .setDroppedAttributesCount(4))
        .addLinks(Span.Link.newBuilder().setDroppedAttributesCount(4))
        .setDroppedLinksCount(3)
        .build();
  }

  // Logs: GenerateLogs(n).

  static ExportLogsServiceRequest logs(int count) {
    ScopeLogs.Builder scope = ScopeLogs.newBuilder();
    for (int i = 0; i < count; i++) {
      scope.addLogRecords(i % 2 == 0 ? logOne() : logTwo());
    }
    return ExportLogsServiceRequest.newBuilder()
        .addResourceLogs(ResourceLogs.newBuilder().setResource(resource()).addScopeLogs(scope))
        .build();
  }

  static LogRecord logOne() {
    return LogRecord.newBuilder()
        .setTimeUnixNano(END)
        .setDroppedAttributesCount(1)
        .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_INFO)
        .setSeverityText("Info")
        .setSpanId(LOG_SPAN_ID)
        .setTraceId(LOG_TRACE_ID)
        .addAttributes(kv("app", "server"))
        .addAttributes(kv("instance_num", integer(1)))
        .setBody(str("This is a log message"))
        .build();
  }

  private static LogRecord logTwo() {
    return LogRecord.newBuilder()
        .setTimeUnixNano(END)
        .setDroppedAttributesCount(1)
        .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_INFO)
        .setSeverityText("Info")
        .addAttributes(kv("customer", "acme"))
        .addAttributes(kv("env", "dev"))
        .setBody(str("something happened"))
        .build();
  }

  static ExportLogsServiceRequest oneRecord(LogRecord record) {
    return ExportLogsServiceRequest.newBuilder()
        .addResourceLogs(
            ResourceLogs.newBuilder().addScopeLogs(ScopeLogs.newBuilder().addLogRecords(record)))
        .build();
  }

  // Metrics: GenerateMetricsAllTypes(), GenerateMetrics(n), GenerateMetricsMetricTypeInvalid().

  static ExportMetricsServiceRequest metrics(Metric... metrics) {
    return ExportMetricsServiceRequest.newBuilder()
        .addResourceMetrics(
            ResourceMetrics.newBuilder()
                .setResource(resource())
                .addScopeMetrics(
                    ScopeMetrics.newBuilder().addAllMetrics(java.util.List.of(metrics))))
        .build();
  }

  static ExportMetricsServiceRequest allTypes() {
    return metrics(
        gaugeInt(), gaugeDouble(), sumInt(), sumDouble(), histogram(), exponential(), summary());
  }

  static Metric.Builder metric(String name) {
    return Metric.newBuilder().setName(name).setDescription("").setUnit("1");
  }

  private static final KeyValue LABEL1 = kv("label-1", "label-value-1");
  private static final KeyValue LABEL2 = kv("label-2", "label-value-2");
  private static final KeyValue LABEL3 = kv("label-3", "label-value-3");

  private static NumberDataPoint.Builder point(KeyValue... attributes) {
    return NumberDataPoint.newBuilder()
        .addAllAttributes(java.util.List.of(attributes))
        .setStartTimeUnixNano(START)
        .setTimeUnixNano(END);
  }

  static Metric gaugeInt() {
    return metric("gauge-int")
        .setGauge(
            Gauge.newBuilder()
                .addDataPoints(point(LABEL1).setAsInt(123))
                .addDataPoints(point(LABEL2).setAsInt(456)))
        .build();
  }

  static Metric gaugeDouble() {
    return metric("gauge-double")
        .setGauge(
            Gauge.newBuilder()
                .addDataPoints(point(LABEL1, LABEL2).setAsDouble(1.23))
                .addDataPoints(point(LABEL1, LABEL3).setAsDouble(4.56)))
        .build();
  }

  private static Sum.Builder cumulativeMonotonicSum() {
    return Sum.newBuilder()
        .setIsMonotonic(true)
        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
  }

  static Metric sumInt() {
    return metric("sum-int")
        .setSum(
            cumulativeMonotonicSum()
                .addDataPoints(point(LABEL1).setAsInt(123))
                .addDataPoints(point(LABEL2).setAsInt(456)))
        .build();
  }

  static Metric sumDouble() {
    return metric("sum-double")
        .setSum(
            cumulativeMonotonicSum()
                .addDataPoints(point(LABEL1, LABEL2).setAsDouble(1.23))
                .addDataPoints(point(LABEL1, LABEL3).setAsDouble(4.56)))
        .build();
  }

  private static Exemplar.Builder exemplar() {
    return Exemplar.newBuilder()
        .setTraceId(TRACE_ID)
        .setSpanId(SPAN_ID)
        .setTimeUnixNano(EVENT)
        .addFilteredAttributes(kv("exemplar-attachment", "exemplar-attachment-value"));
  }

  static Metric histogram() {
    return metric("histogram")
        .setHistogram(
            Histogram.newBuilder()
                .setAggregationTemporality(
                    AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
                .addDataPoints(
                    HistogramDataPoint.newBuilder()
                        .addAttributes(LABEL1)
                        .addAttributes(LABEL3)
                        .setStartTimeUnixNano(START)
                        .setTimeUnixNano(END)
                        .setCount(1)
                        .setSum(15))
                .addDataPoints(
                    HistogramDataPoint.newBuilder()
                        .addAttributes(LABEL2)
                        .setStartTimeUnixNano(START)
                        .setTimeUnixNano(END)
                        .setCount(1)
                        .setSum(15)
                        .setMin(15)
                        .setMax(15)
                        .addBucketCounts(0)
                        .addBucketCounts(1)
                        .addExemplars(exemplar().setAsDouble(15))
                        .addExplicitBounds(1)))
        .build();
  }

  static Metric exponential() {
    return metric("exponential-histogram")
        .setExponentialHistogram(
            ExponentialHistogram.newBuilder()
                .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA)
                .addDataPoints(
                    ExponentialHistogramDataPoint.newBuilder()
                        .addAttributes(LABEL1)
                        .addAttributes(LABEL3)
                        .setStartTimeUnixNano(START)
                        .setTimeUnixNano(END)
                        .setCount(5)
                        .setSum(0.15)
                        .setZeroCount(1)
                        .setScale(1)
                        .setPositive(buckets(1, 1, 1))
                        .setNegative(buckets(-1, 1, 1)))
                .addDataPoints(
                    ExponentialHistogramDataPoint.newBuilder()
                        .addAttributes(LABEL2)
                        .setStartTimeUnixNano(START)
                        .setTimeUnixNano(END)
                        .setCount(3)
                        .setSum(1.25)
                        .setMin(0)
                        .setMax(1)
                        .setZeroCount(1)
                        .setScale(-1)
                        .setPositive(buckets(-1, 1, 1))
                        .addExemplars(exemplar().setAsInt(15))))
        .build();
  }

  private static ExponentialHistogramDataPoint.Buckets buckets(int offset, long... counts) {
    ExponentialHistogramDataPoint.Buckets.Builder b =
        ExponentialHistogramDataPoint.Buckets.newBuilder().setOffset(offset);
    for (long count : counts) {
      b.addBucketCounts(count);
    }
    return b.build();
  }

  static Metric summary() {
    return metric("summary")
        .setSummary(
            Summary.newBuilder()
                .addDataPoints(
                    SummaryDataPoint.newBuilder()
                        .addAttributes(LABEL1)
                        .addAttributes(LABEL3)
                        .setStartTimeUnixNano(START)
                        .setTimeUnixNano(END)
                        .setCount(1)
                        .setSum(15))
                .addDataPoints(
                    SummaryDataPoint.newBuilder()
                        .addAttributes(LABEL2)
                        .setStartTimeUnixNano(START)
                        .setTimeUnixNano(END)
                        .setCount(1)
                        .setSum(15)
                        .addQuantileValues(
                            SummaryDataPoint.ValueAtQuantile.newBuilder()
                                .setQuantile(0.01)
                                .setValue(15))))
        .build();
  }
}
