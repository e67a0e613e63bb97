package io.otelring.processor;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.otelring.core.component.ComponentConfig;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Kind;
import io.otelring.core.component.Processor;
import io.otelring.core.component.ProcessorFactory;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.ConfigFixtures;
import io.otelring.core.testing.RecordingConsumer;
import io.otelring.processor.attraction.AnyValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small OTLP items for processor tests: attribute lists from key/value pairs, one-item requests,
 * and attribute maps with Java values for assertions.
 */
public final class TestItems {

  private TestItems() {}

  /** Attributes from alternating keys and config-style values (String, Integer, Double, …). */
  public static List<KeyValue> attributes(Object... keysAndValues) {
    List<KeyValue> out = new ArrayList<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.add(
          KeyValue.newBuilder()
              .setKey((String) keysAndValues[i])
              .setValue(AnyValues.fromConfig(keysAndValues[i + 1]))
              .build());
    }
    return out;
  }

  /** Attributes as an ordered map of Java values: String, Long, Double, Boolean; else text. */
  public static Map<String, Object> asMap(List<KeyValue> attributes) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (KeyValue kv : attributes) {
      AnyValue v = kv.getValue();
      out.put(
          kv.getKey(),
          switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue();
            case INT_VALUE -> v.getIntValue();
            case DOUBLE_VALUE -> v.getDoubleValue();
            case BOOL_VALUE -> v.getBoolValue();
            default -> AnyValues.asString(v);
          });
    }
    return out;
  }

  public static Resource resource(Object... keysAndValues) {
    return Resource.newBuilder().addAllAttributes(attributes(keysAndValues)).build();
  }

  public static Span span(String name, List<KeyValue> attributes) {
    return Span.newBuilder().setName(name).addAllAttributes(attributes).build();
  }

  public static ExportTraceServiceRequest traces(
      Resource resource, InstrumentationScope scope, Span... spans) {
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder()
                .setResource(resource)
                .addScopeSpans(ScopeSpans.newBuilder().setScope(scope).addAllSpans(List.of(spans))))
        .build();
  }

  public static ExportLogsServiceRequest logs(
      Resource resource, InstrumentationScope scope, LogRecord... records) {
    return ExportLogsServiceRequest.newBuilder()
        .addResourceLogs(
            ResourceLogs.newBuilder()
                .setResource(resource)
                .addScopeLogs(
                    ScopeLogs.newBuilder().setScope(scope).addAllLogRecords(List.of(records))))
        .build();
  }

  public static LogRecord log(String body, List<KeyValue> attributes) {
    return LogRecord.newBuilder()
        .setBody(AnyValues.string(body))
        .addAllAttributes(attributes)
        .build();
  }

  /** One gauge per name, each with one data point with the given attributes. */
  public static ExportMetricsServiceRequest gauge(
      Resource resource, String name, List<KeyValue> attributes) {
    return ExportMetricsServiceRequest.newBuilder()
        .addResourceMetrics(
            ResourceMetrics.newBuilder()
                .setResource(resource)
                .addScopeMetrics(
                    ScopeMetrics.newBuilder()
                        .addMetrics(
                            Metric.newBuilder()
                                .setName(name)
                                .setGauge(
                                    Gauge.newBuilder()
                                        .addDataPoints(
                                            NumberDataPoint.newBuilder()
                                                .setAsInt(1)
                                                .addAllAttributes(attributes))))))
        .build();
  }

  /** A processor bound from YAML and created for a signal, that hands on to {@code next}. */
  public static <C extends ComponentConfig> Processor processor(
      ProcessorFactory<C> factory,
      String yaml,
      Signal signal,
      RecordingConsumer next,
      MeterRegistry meters)
      throws Exception {
    C config = ConfigFixtures.bind(factory, yaml);
    return factory.createProcessor(
        ComponentSettings.of(ComponentId.parse(factory.type() + "/test"), Kind.PROCESSOR, meters),
        config,
        signal,
        next);
  }

  /** The single telemetry a recording consumer received. */
  public static Telemetry only(RecordingConsumer recorded) {
    List<Telemetry> received = recorded.received();
    if (received.size() != 1) {
      throw new AssertionError("expected one telemetry, got " + received.size());
    }
    return received.get(0);
  }
}
