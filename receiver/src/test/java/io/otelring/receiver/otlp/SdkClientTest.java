package io.otelring.receiver.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.otelring.core.consumer.Telemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenTelemetry Java SDK's OTLP/gRPC exporters against the receiver; {@link HttpSdkClientTest}
 * runs the same cases with the OTLP/HTTP exporters.
 */
class SdkClientTest {

  private static final Resource RESOURCE =
      Resource.getDefault()
          .merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "gateway")));

  RunningReceiver running;

  @BeforeEach
  void start() throws Exception {
    running = startReceiver();
  }

  RunningReceiver startReceiver() throws Exception {
    return RunningReceiver.start();
  }

  String transport() {
    return "grpc";
  }

  SpanExporter spanExporter(String compression) {
    return OtlpGrpcSpanExporter.builder()
        .setEndpoint(running.sdkEndpoint("http"))
        .setCompression(compression)
        .build();
  }

  MetricExporter metricExporter() {
    return OtlpGrpcMetricExporter.builder().setEndpoint(running.sdkEndpoint("http")).build();
  }

  LogRecordExporter logExporter() {
    return OtlpGrpcLogRecordExporter.builder().setEndpoint(running.sdkEndpoint("http")).build();
  }

  @AfterEach
  void stop() throws Exception {
    running.close();
  }

  @Test
  void everySpanArrivesOnceWithIdsAttributesAndTimestamps() {
    List<SpanData> sent = new CopyOnWriteArrayList<>();
    var exporter = spanExporter("none");
    try (var provider =
        SdkTracerProvider.builder()
            .setResource(RESOURCE)
            .addSpanProcessor(BatchSpanProcessor.builder(recording(exporter, sent)).build())
            .build()) {
      Tracer tracer = provider.get("otelring-test");
      for (int i = 0; i < 25; i++) {
        Span parent =
            tracer
                .spanBuilder("chat " + i)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("gen_ai.request.model", "gpt-4o")
                .setAttribute("llm.token_count.total", 100L + i)
                .startSpan();
        try (Scope ignored = parent.makeCurrent()) {
          tracer.spanBuilder("retrieve " + i).startSpan().end();
        }
        parent.end();
      }
      assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    }

    assertThat(sent).hasSize(50);
    await().until(() -> running.traces.itemCount() == 50);
    Map<String, io.opentelemetry.proto.trace.v1.Span> received =
        running.traces.received().stream()
            .map(Telemetry::traces)
            .flatMap(request -> request.getResourceSpansList().stream())
            .peek(
                resource ->
                    assertThat(stringAttributes(resource.getResource().getAttributesList()))
                        .containsEntry("service.name", "gateway"))
            .flatMap(resource -> resource.getScopeSpansList().stream())
            .flatMap(scope -> scope.getSpansList().stream())
            .collect(Collectors.toMap(span -> hex(span.getSpanId()), Function.identity()));
    assertThat(received).hasSize(50);
    for (SpanData span : sent) {
      var arrived = received.get(span.getSpanId());
      assertThat(arrived).as(span.getName()).isNotNull();
      assertThat(hex(arrived.getTraceId())).isEqualTo(span.getTraceId());
      assertThat(hex(arrived.getParentSpanId()))
          .isEqualTo(span.getParentSpanContext().isValid() ? span.getParentSpanId() : "");
      assertThat(arrived.getName()).isEqualTo(span.getName());
      assertThat(arrived.getStartTimeUnixNano()).isEqualTo(span.getStartEpochNanos());
      assertThat(arrived.getEndTimeUnixNano()).isEqualTo(span.getEndEpochNanos());
      assertThat(arrived.getAttributesCount()).isEqualTo(span.getAttributes().size());
      span.getAttributes()
          .forEach(
              (key, value) ->
                  assertThat(attribute(arrived.getAttributesList(), key.getKey()))
                      .isEqualTo(value.toString()));
    }
    assertThat(running.count("otelcol_receiver_accepted_spans", transport())).isEqualTo(50);
    assertThat(running.count("otelcol_receiver_refused_spans", transport())).isZero();
  }

  @Test
  void everyMetricPointArrivesWithItsValueAttributesAndTimestamps() {
    List<MetricData> sent = new CopyOnWriteArrayList<>();
    List<MetricData> flushed = new ArrayList<>();
    var exporter = metricExporter();
    var delegating = new RecordingMetricExporter(exporter, sent);
    try (var provider =
        SdkMeterProvider.builder()
            .setResource(RESOURCE)
            .registerMetricReader(
                PeriodicMetricReader.builder(delegating).setInterval(Duration.ofHours(1)).build())
            .build()) {
      var counter = provider.get("otelring-test").counterBuilder("gen_ai.requests").build();
      counter.add(3, Attributes.of(AttributeKey.stringKey("model"), "gpt-4o"));
      counter.add(4, Attributes.of(AttributeKey.stringKey("model"), "claude"));
      counter.add(5, Attributes.of(AttributeKey.stringKey("model"), "claude"));
      assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
      flushed.addAll(sent);
    }

    // Closing the provider exports the sums once more, maybe cut short: check the flushed ones.
    List<LongPointData> sentPoints =
        flushed.stream()
            .filter(metric -> metric.getName().equals("gen_ai.requests"))
            .flatMap(metric -> metric.getLongSumData().getPoints().stream())
            .toList();
    assertThat(sentPoints).hasSize(2);
    await().until(() -> running.metrics.itemCount() >= 2);
    List<Metric> metrics =
        running.metrics.received().stream()
            .map(Telemetry::metrics)
            .flatMap(request -> request.getResourceMetricsList().stream())
            .flatMap(resource -> resource.getScopeMetricsList().stream())
            .flatMap(scope -> scope.getMetricsList().stream())
            .filter(metric -> metric.getName().equals("gen_ai.requests"))
            .toList();
    List<NumberDataPoint> points =
        metrics.stream().flatMap(metric -> metric.getSum().getDataPointsList().stream()).toList();
    for (LongPointData point : sentPoints) {
      String model = point.getAttributes().get(AttributeKey.stringKey("model"));
      assertThat(points)
          .filteredOn(p -> model.equals(attribute(p.getAttributesList(), "model")))
          .filteredOn(p -> p.getTimeUnixNano() == point.getEpochNanos())
          .singleElement()
          .satisfies(
              arrived -> {
                assertThat(arrived.getStartTimeUnixNano()).isEqualTo(point.getStartEpochNanos());
                assertThat(arrived.getAsInt()).isEqualTo(point.getValue());
              });
    }
    assertThat(sentPoints).extracting(LongPointData::getValue).containsExactlyInAnyOrder(3L, 9L);
    assertThat(metrics.get(0).getSum().getIsMonotonic()).isTrue();
    assertThat(running.count("otelcol_receiver_accepted_metric_points", transport()))
        .isEqualTo(running.metrics.itemCount());
  }

  @Test
  void everyLogRecordArrivesWithBodyAttributesTimestampsAndTraceContext() {
    List<LogRecordData> sent = new CopyOnWriteArrayList<>();
    var exporter = logExporter();
    Span span =
        Span.wrap(
            SpanContext.create(
                "4bf92f3577b34da6a3ce929d0e0e4736",
                "00f067aa0ba902b7",
                TraceFlags.getSampled(),
                TraceState.getDefault()));
    try (var provider =
        SdkLoggerProvider.builder()
            .setResource(RESOURCE)
            .addLogRecordProcessor(
                BatchLogRecordProcessor.builder(new RecordingLogExporter(exporter, sent)).build())
            .build()) {
      var logger = provider.get("otelring-test");
      try (Scope ignored = span.makeCurrent()) {
        for (int i = 0; i < 10; i++) {
          logger
              .logRecordBuilder()
              .setContext(Context.current().with(span))
              .setBody("prompt " + i)
              .setAttribute(AttributeKey.longKey("index"), (long) i)
              .setTimestamp(Instant.ofEpochSecond(1_700_000_000L, i))
              .emit();
        }
      }
      assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    }

    assertThat(sent).hasSize(10);
    await().until(() -> running.logs.itemCount() == 10);
    List<LogRecord> received =
        running.logs.received().stream()
            .map(Telemetry::logs)
            .flatMap(request -> request.getResourceLogsList().stream())
            .flatMap(resource -> resource.getScopeLogsList().stream())
            .flatMap(scope -> scope.getLogRecordsList().stream())
            .toList();
    assertThat(received).hasSize(10);
    Map<String, LogRecord> byBody =
        received.stream()
            .collect(Collectors.toMap(r -> r.getBody().getStringValue(), Function.identity()));
    for (LogRecordData record : sent) {
      var arrived = byBody.get(record.getBodyValue().asString());
      assertThat(arrived).isNotNull();
      assertThat(record.getSpanContext().isValid()).isTrue();
      assertThat(arrived.getTimeUnixNano()).isEqualTo(record.getTimestampEpochNanos());
      assertThat(hex(arrived.getTraceId())).isEqualTo(record.getSpanContext().getTraceId());
      assertThat(hex(arrived.getSpanId())).isEqualTo(record.getSpanContext().getSpanId());
      assertThat(attribute(arrived.getAttributesList(), "index"))
          .isEqualTo(record.getAttributes().get(AttributeKey.longKey("index")).toString());
    }
    assertThat(running.count("otelcol_receiver_accepted_log_records", transport())).isEqualTo(10);
  }

  @Test
  void gzipCompressedExportsAreAccepted() {
    var exporter = spanExporter("gzip");
    try (var provider =
        SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build()) {
      provider.get("t").spanBuilder("compressed").startSpan().end();
      assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    }

    await().until(() -> running.traces.itemCount() == 1);
  }

  static String hex(ByteString bytes) {
    return HexFormat.of().formatHex(bytes.toByteArray());
  }

  static String attribute(List<KeyValue> attributes, String key) {
    return attributes.stream()
        .filter(kv -> kv.getKey().equals(key))
        .findFirst()
        .map(
            kv ->
                switch (kv.getValue().getValueCase()) {
                  case STRING_VALUE -> kv.getValue().getStringValue();
                  case INT_VALUE -> Long.toString(kv.getValue().getIntValue());
                  case BOOL_VALUE -> Boolean.toString(kv.getValue().getBoolValue());
                  case DOUBLE_VALUE -> Double.toString(kv.getValue().getDoubleValue());
                  default -> kv.getValue().toString();
                })
        .orElse(null);
  }

  private static Map<String, String> stringAttributes(List<KeyValue> attributes) {
    Map<String, String> map = new java.util.HashMap<>();
    attributes.forEach(kv -> map.put(kv.getKey(), kv.getValue().getStringValue()));
    return map;
  }

  private static SpanExporter recording(SpanExporter delegate, List<SpanData> sent) {
    return new SpanExporter() {
      @Override
      public CompletableResultCode export(Collection<SpanData> spans) {
        sent.addAll(spans);
        return delegate.export(spans);
      }

      @Override
      public CompletableResultCode flush() {
        return delegate.flush();
      }

      @Override
      public CompletableResultCode shutdown() {
        return delegate.shutdown();
      }
    };
  }

  private record RecordingLogExporter(LogRecordExporter delegate, List<LogRecordData> sent)
      implements LogRecordExporter {
    @Override
    public CompletableResultCode export(Collection<LogRecordData> logs) {
      sent.addAll(logs);
      return delegate.export(logs);
    }

    @Override
    public CompletableResultCode flush() {
      return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
      return delegate.shutdown();
    }
  }

  private record RecordingMetricExporter(MetricExporter delegate, List<MetricData> sent)
      implements io.opentelemetry.sdk.metrics.export.MetricExporter {
    @Override
    public CompletableResultCode export(Collection<MetricData> metrics) {
      sent.addAll(new ArrayList<>(metrics));
      return delegate.export(metrics);
    }

    @Override
    public CompletableResultCode flush() {
      return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
      return delegate.shutdown();
    }

    @Override
    public io.opentelemetry.sdk.metrics.data.AggregationTemporality getAggregationTemporality(
        io.opentelemetry.sdk.metrics.InstrumentType instrumentType) {
      return delegate.getAggregationTemporality(instrumentType);
    }
  }
}
