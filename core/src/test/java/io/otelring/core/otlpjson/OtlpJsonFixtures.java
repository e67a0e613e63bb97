package io.otelring.core.otlpjson;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
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
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;

/**
 * The protobuf form of the hand-written OTLP/JSON documents under {@code /otlpjson/}, built field
 * by field, so that the codec is checked against the data and not against itself.
 */
public final class OtlpJsonFixtures {

  static final long T0 = 1_544_712_660_000_000_000L;
  static final long T1 = 1_544_712_661_000_000_000L;

  private OtlpJsonFixtures() {}

  static byte[] json(String name) throws IOException {
    try (InputStream in = OtlpJsonFixtures.class.getResourceAsStream("/otlpjson/" + name)) {
      return in.readAllBytes();
    }
  }

  static ByteString hex(String hex) {
    return ByteString.copyFrom(HexFormat.of().parseHex(hex));
  }

  static KeyValue kv(String key, AnyValue value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }

  static AnyValue str(String value) {
    return AnyValue.newBuilder().setStringValue(value).build();
  }

  static AnyValue integer(long value) {
    return AnyValue.newBuilder().setIntValue(value).build();
  }

  static AnyValue dbl(double value) {
    return AnyValue.newBuilder().setDoubleValue(value).build();
  }

  static AnyValue bool(boolean value) {
    return AnyValue.newBuilder().setBoolValue(value).build();
  }

  static AnyValue bytes(int... values) {
    byte[] raw = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      raw[i] = (byte) values[i];
    }
    return AnyValue.newBuilder().setBytesValue(ByteString.copyFrom(raw)).build();
  }

  static AnyValue array(AnyValue... values) {
    return AnyValue.newBuilder()
        .setArrayValue(ArrayValue.newBuilder().addAllValues(java.util.List.of(values)))
        .build();
  }

  static AnyValue kvlist(KeyValue... values) {
    return AnyValue.newBuilder()
        .setKvlistValue(KeyValueList.newBuilder().addAllValues(java.util.List.of(values)))
        .build();
  }

  static Resource gateway() {
    return Resource.newBuilder().addAttributes(kv("service.name", str("gateway"))).build();
  }

  public static ExportTraceServiceRequest traces() {
    Resource resource =
        Resource.newBuilder()
            .addAttributes(kv("service.name", str("gateway")))
            .addAttributes(kv("flag", bool(true)))
            .addAttributes(kv("count", integer(42)))
            .addAttributes(kv("count.number", integer(7)))
            .addAttributes(kv("ratio", dbl(0.25)))
            .addAttributes(kv("tags", array(str("a"), integer(-1))))
            .addAttributes(kv("nested", kvlist(kv("inner", bool(false)))))
            .addAttributes(kv("raw", bytes(1, 2, 3, 0xff)))
            .addAttributes(kv("empty", AnyValue.getDefaultInstance()))
            .setDroppedAttributesCount(1)
            .build();
    Span chat =
        Span.newBuilder()
            .setTraceId(hex("5b8efff798038103d269b633813fc60c"))
            .setSpanId(hex("eee19b7ec3c1b174"))
            .setParentSpanId(hex("eee19b7ec3c1b173"))
            .setTraceState("vendor=value")
            .setFlags(257)
            .setName("chat gpt-4o")
            .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
            .setStartTimeUnixNano(T0)
            .setEndTimeUnixNano(T1)
            .addAttributes(kv("gen_ai.request.model", str("gpt-4o")))
            .addAttributes(kv("llm.token_count.total", integer(Long.MAX_VALUE)))
            .addEvents(
                Span.Event.newBuilder()
                    .setTimeUnixNano(1_544_712_660_500_000_000L)
                    .setName("first token")
                    .addAttributes(kv("latency.ms", dbl(12.5)))
                    .setDroppedAttributesCount(2))
            .setDroppedEventsCount(1)
            .addLinks(
                Span.Link.newBuilder()
                    .setTraceId(hex("0102030405060708090a0b0c0d0e0f10"))
                    .setSpanId(hex("1112131415161718"))
                    .setTraceState("a=b")
                    .addAttributes(kv("link.kind", str("follows")))
                    .setDroppedAttributesCount(4)
                    .setFlags(1))
            .setDroppedLinksCount(3)
            .setStatus(
                Status.newBuilder().setMessage("boom").setCode(Status.StatusCode.STATUS_CODE_ERROR))
            .build();
    Span retrieve =
        Span.newBuilder()
            .setTraceId(hex("5b8efff798038103d269b633813fc60c"))
            .setSpanId(hex("eee19b7ec3c1b175"))
            .setName("retrieve")
            .setKind(Span.SpanKind.SPAN_KIND_SERVER)
            .setStartTimeUnixNano(T0 + 1)
            .setEndTimeUnixNano(T0 + 2)
            .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_OK))
            .build();
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder()
                .setResource(resource)
                .addScopeSpans(
                    ScopeSpans.newBuilder()
                        .setScope(
                            InstrumentationScope.newBuilder()
                                .setName("otelring-test")
                                .setVersion("1.0.0")
                                .addAttributes(kv("scope.attr", str("s"))))
                        .addSpans(chat)
                        .addSpans(retrieve)
                        .setSchemaUrl("https://opentelemetry.io/schemas/1.21.0"))
                .setSchemaUrl("https://opentelemetry.io/schemas/1.20.0"))
        .build();
  }

  public static ExportMetricsServiceRequest metrics() {
    Metric gauge =
        Metric.newBuilder()
            .setName("temperature")
            .setDescription("a gauge")
            .setUnit("Cel")
            .setGauge(
                Gauge.newBuilder()
                    .addDataPoints(
                        NumberDataPoint.newBuilder()
                            .addAttributes(kv("room", str("a")))
                            .setStartTimeUnixNano(T0)
                            .setTimeUnixNano(T1)
                            .setAsDouble(21.5)
                            .addExemplars(
                                Exemplar.newBuilder()
                                    .addFilteredAttributes(kv("user", str("u1")))
                                    .setTimeUnixNano(1_544_712_660_900_000_000L)
                                    .setAsDouble(22.0)
                                    .setSpanId(hex("eee19b7ec3c1b174"))
                                    .setTraceId(hex("5b8efff798038103d269b633813fc60c")))
                            .setFlags(1))
                    .addDataPoints(NumberDataPoint.newBuilder().setTimeUnixNano(T1).setAsInt(-3)))
            .addMetadata(kv("origin", str("test")))
            .build();
    Metric sum =
        Metric.newBuilder()
            .setName("requests")
            .setSum(
                Sum.newBuilder()
                    .addDataPoints(
                        NumberDataPoint.newBuilder()
                            .setTimeUnixNano(T1)
                            .setAsInt(12)
                            .addExemplars(Exemplar.newBuilder().setAsInt(5)))
                    .setAggregationTemporality(
                        AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
                    .setIsMonotonic(true))
            .build();
    Metric histogram =
        Metric.newBuilder()
            .setName("latency")
            .setUnit("ms")
            .setHistogram(
                Histogram.newBuilder()
                    .addDataPoints(
                        HistogramDataPoint.newBuilder()
                            .setStartTimeUnixNano(T0)
                            .setTimeUnixNano(T1)
                            .setCount(3)
                            .setSum(6.5)
                            .addBucketCounts(1)
                            .addBucketCounts(2)
                            .addBucketCounts(0)
                            .addExplicitBounds(1.0)
                            .addExplicitBounds(5.0)
                            .setMin(0.5)
                            .setMax(4))
                    .addDataPoints(
                        HistogramDataPoint.newBuilder()
                            .setTimeUnixNano(T1 + 1_000_000_000L)
                            .setCount(0)
                            .setSum(0))
                    .setAggregationTemporality(
                        AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE))
            .build();
    Metric exponential =
        Metric.newBuilder()
            .setName("size")
            .setExponentialHistogram(
                ExponentialHistogram.newBuilder()
                    .addDataPoints(
                        ExponentialHistogramDataPoint.newBuilder()
                            .setTimeUnixNano(T1)
                            .setCount(7)
                            .setSum(30.25)
                            .setScale(-2)
                            .setZeroCount(1)
                            .setPositive(
                                ExponentialHistogramDataPoint.Buckets.newBuilder()
                                    .setOffset(-1)
                                    .addBucketCounts(2)
                                    .addBucketCounts(3))
                            .setNegative(
                                ExponentialHistogramDataPoint.Buckets.newBuilder()
                                    .setOffset(2)
                                    .addBucketCounts(1))
                            .setMin(-8)
                            .setMax(16)
                            .setZeroThreshold(0.001))
                    .setAggregationTemporality(
                        AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA))
            .build();
    Metric summary =
        Metric.newBuilder()
            .setName("rpc.duration")
            .setSummary(
                Summary.newBuilder()
                    .addDataPoints(
                        SummaryDataPoint.newBuilder()
                            .setTimeUnixNano(T1)
                            .setCount(10)
                            .setSum(99.5)
                            .addQuantileValues(
                                SummaryDataPoint.ValueAtQuantile.newBuilder()
                                    .setQuantile(0.5)
                                    .setValue(8))
                            .addQuantileValues(
                                SummaryDataPoint.ValueAtQuantile.newBuilder()
                                    .setQuantile(0.99)
                                    .setValue(Double.POSITIVE_INFINITY))))
            .build();
    return ExportMetricsServiceRequest.newBuilder()
        .addResourceMetrics(
            ResourceMetrics.newBuilder()
                .setResource(gateway())
                .addScopeMetrics(
                    ScopeMetrics.newBuilder()
                        .setScope(InstrumentationScope.newBuilder().setName("otelring-test"))
                        .addMetrics(gauge)
                        .addMetrics(sum)
                        .addMetrics(histogram)
                        .addMetrics(exponential)
                        .addMetrics(summary)))
        .build();
  }

  public static ExportLogsServiceRequest logs() {
    LogRecord first =
        LogRecord.newBuilder()
            .setTimeUnixNano(T0)
            .setObservedTimeUnixNano(T0 + 1)
            .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_INFO)
            .setSeverityText("INFO")
            .setBody(str("prompt sent"))
            .addAttributes(kv("index", integer(0)))
            .setDroppedAttributesCount(1)
            .setFlags(1)
            .setTraceId(hex("5b8efff798038103d269b633813fc60c"))
            .setSpanId(hex("eee19b7ec3c1b174"))
            .setEventName("gen_ai.prompt")
            .build();
    ScopeLogs.Builder scope =
        ScopeLogs.newBuilder()
            .setScope(InstrumentationScope.newBuilder().setName("otelring-test").setVersion("2"))
            .addLogRecords(first)
            .addLogRecords(
                LogRecord.newBuilder()
                    .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_ERROR)
                    .setBody(integer(-12)))
            .addLogRecords(LogRecord.newBuilder().setBody(dbl(Double.NaN)))
            .addLogRecords(LogRecord.newBuilder().setBody(bool(true)))
            .addLogRecords(LogRecord.newBuilder().setBody(bytes(0xfb, 0xff)))
            .addLogRecords(
                LogRecord.newBuilder()
                    .setBody(
                        array(
                            str("x"),
                            dbl(1.5),
                            AnyValue.newBuilder()
                                .setArrayValue(ArrayValue.getDefaultInstance())
                                .build())))
            .addLogRecords(
                LogRecord.newBuilder().setBody(kvlist(kv("k", kvlist(kv("deep", integer(1)))))))
            .addLogRecords(LogRecord.newBuilder().setBody(AnyValue.getDefaultInstance()))
            .addLogRecords(
                LogRecord.newBuilder().setSeverityText("WARN").setObservedTimeUnixNano(T0 + 2))
            .setSchemaUrl("https://opentelemetry.io/schemas/1.21.0");
    return ExportLogsServiceRequest.newBuilder()
        .addResourceLogs(ResourceLogs.newBuilder().setResource(gateway()).addScopeLogs(scope))
        .build();
  }
}
