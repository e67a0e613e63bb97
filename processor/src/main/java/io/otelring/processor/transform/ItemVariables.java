package io.otelring.processor.transform;

import dev.cel.runtime.CelVariableResolver;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CEL variables of the item being transformed, built only when an expression reads them. One
 * instance per processor is reset for each item (the ring thread is the only caller).
 */
final class ItemVariables implements CelVariableResolver {

  private Resource resource;
  private InstrumentationScope scope;
  private Span span;
  private LogRecord log;
  private Metric metric;
  private List<KeyValue> attributes;
  private AttributeView attributeView;
  private final Map<String, Object> built = new java.util.HashMap<>();

  void reset(
      Resource resource,
      InstrumentationScope scope,
      Span span,
      LogRecord log,
      Metric metric,
      List<KeyValue> attributes) {
    this.resource = resource;
    this.scope = scope;
    this.span = span;
    this.log = log;
    this.metric = metric;
    this.attributes = attributes;
    this.attributeView = null;
    built.clear();
  }

  List<KeyValue> attributes() {
    return attributes;
  }

  @Override
  public Optional<Object> find(String name) {
    switch (name) {
      case "attributes":
        return Optional.of(attributeView());
      case "resource":
      case "scope":
      case "span":
      case "log":
      case "metric":
        return Optional.ofNullable(built.computeIfAbsent(name, this::build));
      default:
        // Any other root identifier is an attribute path: `llm` of `llm.request.model`.
        return Optional.ofNullable(attributeView().get(name));
    }
  }

  private AttributeView attributeView() {
    if (attributeView == null) {
      attributeView = AttributeView.of(attributes);
    }
    return attributeView;
  }

  private Object build(String name) {
    return switch (name) {
      case "resource" -> AttributeView.of(resource.getAttributesList());
      case "scope" ->
          Map.of(
              "name", scope.getName(),
              "version", scope.getVersion(),
              "attributes", AttributeView.of(scope.getAttributesList()));
      case "span" -> span == null ? null : span(span);
      case "log" -> log == null ? null : log(log);
      case "metric" -> metric == null ? null : metric(metric);
      default -> null;
    };
  }

  private static Map<String, Object> span(Span span) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", span.getName());
    out.put("kind", span.getKind().name());
    out.put(
        "status",
        Map.of(
            "code", span.getStatus().getCode().name(), "message", span.getStatus().getMessage()));
    out.put("start", instant(span.getStartTimeUnixNano()));
    out.put("end", instant(span.getEndTimeUnixNano()));
    out.put("duration", Duration.ofNanos(span.getEndTimeUnixNano() - span.getStartTimeUnixNano()));
    out.put("trace_id", hex(span.getTraceId()));
    out.put("span_id", hex(span.getSpanId()));
    out.put("parent_span_id", hex(span.getParentSpanId()));
    out.put("trace_state", span.getTraceState());
    List<Object> events = new ArrayList<>(span.getEventsCount());
    for (Span.Event event : span.getEventsList()) {
      events.add(
          Map.of(
              "name", event.getName(),
              "time", instant(event.getTimeUnixNano()),
              "attributes", AttributeView.of(event.getAttributesList())));
    }
    out.put("events", events);
    return out;
  }

  private static Map<String, Object> log(LogRecord log) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("body", CelValues.toCel(log.getBody()));
    out.put("severity_text", log.getSeverityText());
    out.put("severity_number", (long) log.getSeverityNumberValue());
    out.put("time", instant(log.getTimeUnixNano()));
    out.put("observed_time", instant(log.getObservedTimeUnixNano()));
    out.put("trace_id", hex(log.getTraceId()));
    out.put("span_id", hex(log.getSpanId()));
    out.put("flags", (long) log.getFlags());
    out.put("event_name", log.getEventName());
    return out;
  }

  private static Map<String, Object> metric(Metric metric) {
    String type =
        switch (metric.getDataCase()) {
          case GAUGE -> "Gauge";
          case SUM -> "Sum";
          case HISTOGRAM -> "Histogram";
          case EXPONENTIAL_HISTOGRAM -> "ExponentialHistogram";
          case SUMMARY -> "Summary";
          default -> "Empty";
        };
    return Map.of(
        "name", metric.getName(),
        "description", metric.getDescription(),
        "unit", metric.getUnit(),
        "type", type);
  }

  private static Instant instant(long unixNanos) {
    return Instant.ofEpochSecond(0, unixNanos);
  }

  private static String hex(com.google.protobuf.ByteString id) {
    return HexFormat.of().formatHex(id.toByteArray());
  }
}
