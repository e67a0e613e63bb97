package io.otelring.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.pipeline.RingOptions;
import io.otelring.core.testing.RecordingConsumer;
import io.otelring.core.testing.TestComponents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenTelemetry Java SDK sends traces, metrics and logs over OTLP/gRPC to a collector started
 * in-process from YAML (otlp → batch → exporters); every item arrives once, intact.
 */
class EndToEndIT {

  private final TestComponents.RecordingExporters recorders =
      new TestComponents.RecordingExporters();
  private final int grpcPort = FreePorts.next();
  private final int metricsPort = FreePorts.next();
  private Collector collector;

  @BeforeEach
  void start() throws Exception {
    String yaml =
        """
        receivers:
          otlp:
            protocols:
              grpc: {endpoint: 127.0.0.1:%d}
        processors:
          batch: {timeout: 100ms, send_batch_size: 50}
        exporters:
          recording: {}
          debug: {verbosity: basic}
        service:
          telemetry: {metrics: {address: 127.0.0.1:%d}}
          pipelines:
            traces: {receivers: [otlp], processors: [batch], exporters: [recording, debug]}
            metrics: {receivers: [otlp], processors: [batch], exporters: [recording]}
            logs: {receivers: [otlp], processors: [batch], exporters: [recording]}
        """
            .formatted(grpcPort, metricsPort);
    collector = Collector.startYaml(yaml, RingOptions.DEFAULT, recorders);
  }

  @AfterEach
  void stop() {
    if (collector != null) {
      collector.close();
    }
  }

  private String endpoint() {
    return "http://127.0.0.1:" + grpcPort;
  }

  private RecordingConsumer recorded() {
    return recorders.get("recording");
  }

  @Test
  void tracesArriveOnceWithIdsAttributesAndTimestamps() throws Exception {
    InMemorySpanExporter sent = InMemorySpanExporter.create();
    OtlpGrpcSpanExporter otlp = OtlpGrpcSpanExporter.builder().setEndpoint(endpoint()).build();
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setResource(
                Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "e2e")))
            .addSpanProcessor(SimpleSpanProcessor.create(sent))
            .addSpanProcessor(BatchSpanProcessor.builder(otlp).setMaxExportBatchSize(40).build())
            .build();
    Tracer tracer = provider.get("e2e-test", "1.0");
    for (int i = 0; i < 230; i++) {
      Span span =
          tracer
              .spanBuilder("op-" + i)
              .setSpanKind(SpanKind.SERVER)
              .setAttribute("i", i)
              .setAttribute("llm.provider", "openai")
              .setAttribute(AttributeKey.doubleKey("ratio"), i / 4.0)
              .setAttribute(AttributeKey.booleanKey("even"), i % 2 == 0)
              .startSpan();
      span.addEvent("halfway", Attributes.of(AttributeKey.longKey("at"), (long) i));
      span.end();
    }
    provider.forceFlush().join(10, TimeUnit.SECONDS);

    await().atMost(Duration.ofSeconds(10)).until(() -> recorded().itemCount() >= 230);
    Map<String, io.opentelemetry.proto.trace.v1.Span> received = new java.util.HashMap<>();
    for (Telemetry telemetry : recorded().received()) {
      telemetry
          .traces()
          .getResourceSpansList()
          .forEach(
              rs -> {
                assertThat(rs.getResource().getAttributesList())
                    .contains(
                        KeyValue.newBuilder()
                            .setKey("service.name")
                            .setValue(
                                io.opentelemetry.proto.common.v1.AnyValue.newBuilder()
                                    .setStringValue("e2e"))
                            .build());
                rs.getScopeSpansList()
                    .forEach(
                        ss -> {
                          assertThat(ss.getScope().getName()).isEqualTo("e2e-test");
                          ss.getSpansList()
                              .forEach(
                                  span -> {
                                    String key =
                                        HexFormat.of().formatHex(span.getSpanId().toByteArray());
                                    assertThat(received.put(key, span))
                                        .as("span %s arrived twice", key)
                                        .isNull();
                                  });
                        });
              });
    }
    assertThat(received).hasSize(230);
    for (SpanData expected : sent.getFinishedSpanItems()) {
      io.opentelemetry.proto.trace.v1.Span actual = received.get(expected.getSpanId());
      assertThat(actual).as("span %s", expected.getName()).isNotNull();
      assertThat(HexFormat.of().formatHex(actual.getTraceId().toByteArray()))
          .isEqualTo(expected.getTraceId());
      assertThat(actual.getName()).isEqualTo(expected.getName());
      assertThat(actual.getStartTimeUnixNano()).isEqualTo(expected.getStartEpochNanos());
      assertThat(actual.getEndTimeUnixNano()).isEqualTo(expected.getEndEpochNanos());
      assertThat(actual.getKind())
          .isEqualTo(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_SERVER);
      Map<String, String> attributes = attributes(actual.getAttributesList());
      assertThat(attributes)
          .containsEntry("i", "int:" + expected.getAttributes().get(AttributeKey.longKey("i")))
          .containsEntry("llm.provider", "string:openai")
          .containsEntry(
              "ratio", "double:" + expected.getAttributes().get(AttributeKey.doubleKey("ratio")))
          .containsEntry(
              "even", "bool:" + expected.getAttributes().get(AttributeKey.booleanKey("even")));
      assertThat(actual.getEventsList())
          .singleElement()
          .satisfies(
              event -> {
                assertThat(event.getName()).isEqualTo("halfway");
                assertThat(event.getTimeUnixNano())
                    .isEqualTo(expected.getEvents().get(0).getEpochNanos());
              });
    }
    provider.shutdown().join(10, TimeUnit.SECONDS);

    String metrics = MetricsScrape.of(metricsPort);
    assertThat(metrics)
        .containsPattern(
            "otelcol_receiver_accepted_spans_total\\{[^}]*receiver=\"otlp\"[^}]*transport=\"grpc\"[^}]*} 230\\.0");
    assertThat(metrics)
        .containsPattern(
            "otelcol_exporter_sent_spans_total\\{exporter=\"recording\"[^}]*} 230\\.0");
  }

  @Test
  void metricsArriveWithTheirDataPoints() throws Exception {
    OtlpGrpcMetricExporter otlp = OtlpGrpcMetricExporter.builder().setEndpoint(endpoint()).build();
    PeriodicMetricReader reader =
        PeriodicMetricReader.builder(otlp).setInterval(Duration.ofHours(1)).build();
    SdkMeterProvider provider = SdkMeterProvider.builder().registerMetricReader(reader).build();
    var meter = provider.get("e2e-meter");
    var counter = meter.counterBuilder("requests").build();
    counter.add(5, Attributes.of(AttributeKey.stringKey("route"), "/a"));
    counter.add(7, Attributes.of(AttributeKey.stringKey("route"), "/b"));
    meter.histogramBuilder("latency").setUnit("ms").build().record(12.5);
    provider.forceFlush().join(10, TimeUnit.SECONDS);

    await().atMost(Duration.ofSeconds(10)).until(() -> recorded().itemCount() >= 3);
    Map<String, Metric> metrics = new java.util.HashMap<>();
    recorded()
        .received()
        .forEach(
            t ->
                t.metrics()
                    .getResourceMetricsList()
                    .forEach(
                        rm ->
                            rm.getScopeMetricsList()
                                .forEach(
                                    sm ->
                                        sm.getMetricsList()
                                            .forEach(m -> metrics.put(m.getName(), m)))));
    assertThat(recorded().itemCount()).isEqualTo(3);
    assertThat(metrics.get("requests").getSum().getDataPointsList())
        .extracting(p -> attributes(p.getAttributesList()).get("route") + "=" + p.getAsInt())
        .containsExactlyInAnyOrder("string:/a=5", "string:/b=7");
    assertThat(metrics.get("latency").getHistogram().getDataPoints(0).getSum()).isEqualTo(12.5);
    assertThat(metrics.get("latency").getUnit()).isEqualTo("ms");
    provider.shutdown().join(10, TimeUnit.SECONDS);
  }

  @Test
  void logsArriveWithBodySeverityAndTraceContext() throws Exception {
    OtlpGrpcLogRecordExporter otlp =
        OtlpGrpcLogRecordExporter.builder().setEndpoint(endpoint()).build();
    SdkLoggerProvider provider =
        SdkLoggerProvider.builder()
            .addLogRecordProcessor(BatchLogRecordProcessor.builder(otlp).build())
            .build();
    var logger = provider.get("e2e-logger");
    for (int i = 0; i < 25; i++) {
      logger
          .logRecordBuilder()
          .setBody("message " + i)
          .setSeverity(Severity.WARN)
          .setTimestamp(1_700_000_000_000L + i, TimeUnit.MILLISECONDS)
          .setAttribute(AttributeKey.longKey("n"), (long) i)
          .emit();
    }
    provider.forceFlush().join(10, TimeUnit.SECONDS);

    await().atMost(Duration.ofSeconds(10)).until(() -> recorded().itemCount() >= 25);
    List<LogRecord> records = new ArrayList<>();
    recorded()
        .received()
        .forEach(
            t ->
                t.logs()
                    .getResourceLogsList()
                    .forEach(
                        rl ->
                            rl.getScopeLogsList()
                                .forEach(sl -> records.addAll(sl.getLogRecordsList()))));
    assertThat(records).hasSize(25);
    Map<String, LogRecord> byBody =
        records.stream()
            .collect(Collectors.toMap(r -> r.getBody().getStringValue(), Function.identity()));
    for (int i = 0; i < 25; i++) {
      LogRecord record = byBody.get("message " + i);
      assertThat(record.getSeverityNumberValue()).isEqualTo(Severity.WARN.getSeverityNumber());
      assertThat(record.getTimeUnixNano()).isEqualTo((1_700_000_000_000L + i) * 1_000_000L);
      assertThat(attributes(record.getAttributesList())).containsEntry("n", "int:" + i);
    }
    provider.shutdown().join(10, TimeUnit.SECONDS);
  }

  private static Map<String, String> attributes(List<KeyValue> list) {
    Map<String, String> out = new java.util.HashMap<>();
    for (KeyValue kv : list) {
      var v = kv.getValue();
      String text =
          switch (v.getValueCase()) {
            case STRING_VALUE -> "string:" + v.getStringValue();
            case INT_VALUE -> "int:" + v.getIntValue();
            case DOUBLE_VALUE -> "double:" + v.getDoubleValue();
            case BOOL_VALUE -> "bool:" + v.getBoolValue();
            default -> v.toString();
          };
      out.put(kv.getKey(), text);
    }
    return out;
  }
}
