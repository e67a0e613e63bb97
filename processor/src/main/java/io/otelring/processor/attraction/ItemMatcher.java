package io.otelring.processor.attraction;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.List;

/**
 * One compiled {@code include} or {@code exclude} block: does a span, log record or metric have all
 * the listed properties? The Go collector's {@code filterspan}, {@code filterlog} and {@code
 * filtermetric} matchers.
 */
final class ItemMatcher {

  private final StringSet services;
  private final StringSet spanNames;
  private final StringSet spanKinds;
  private final StringSet logBodies;
  private final StringSet severityTexts;
  private final MatchProperties.SeverityNumberMatch severity;
  private final StringSet metricNames;
  private final AttributesMatcher attributes;
  private final AttributesMatcher resources;
  private final StringSet[] libraryNames;
  private final StringSet[] libraryVersions;

  ItemMatcher(MatchProperties properties) {
    boolean strict = properties.strict();
    services = StringSet.of(properties.services(), strict);
    spanNames = StringSet.of(properties.spanNames(), strict);
    spanKinds = StringSet.of(properties.spanKinds(), strict);
    logBodies = StringSet.of(properties.logBodies(), strict);
    severityTexts = StringSet.of(properties.logSeverityTexts(), strict);
    severity = properties.logSeverityNumber();
    metricNames = StringSet.of(properties.metricNames(), strict);
    attributes = AttributesMatcher.of(properties.attributes(), strict);
    resources = AttributesMatcher.of(properties.resources(), strict);
    List<MatchProperties.LibraryMatch> libraries = properties.libraries();
    libraryNames = new StringSet[libraries.size()];
    libraryVersions = new StringSet[libraries.size()];
    for (int i = 0; i < libraries.size(); i++) {
      MatchProperties.LibraryMatch library = libraries.get(i);
      String name = library.name() == null ? "" : library.name();
      libraryNames[i] = StringSet.of(List.of(name), strict);
      libraryVersions[i] =
          library.version() == null ? null : StringSet.of(List.of(library.version()), strict);
    }
  }

  boolean matchesSpan(Resource resource, InstrumentationScope scope, Span span) {
    if (services != null && !services.matches(serviceName(resource))) {
      return false;
    }
    if (spanNames != null && !spanNames.matches(span.getName())) {
      return false;
    }
    if (spanKinds != null && !spanKinds.matches(kindName(span.getKind()))) {
      return false;
    }
    return matchesCommon(resource, scope, span.getAttributesList());
  }

  boolean matchesLog(Resource resource, InstrumentationScope scope, LogRecord record) {
    if (logBodies != null && !logBodies.matches(AnyValues.asString(record.getBody()))) {
      return false;
    }
    if (severityTexts != null && !severityTexts.matches(record.getSeverityText())) {
      return false;
    }
    if (severity != null) {
      int number = record.getSeverityNumberValue();
      boolean ok = number == 0 ? severity.matchUndefined() : number >= severity.minNumber();
      if (!ok) {
        return false;
      }
    }
    return matchesCommon(resource, scope, record.getAttributesList());
  }

  /**
   * Metrics match on name and resource only, as Go's attributes processor does for them. Whether a
   * block checks metrics at all is {@link #checksMetrics()}.
   */
  boolean matchesMetric(Resource resource, Metric metric) {
    if (metricNames != null && !metricNames.matches(metric.getName())) {
      return false;
    }
    return resources == null || resources.matches(resource.getAttributesList());
  }

  boolean checksMetrics() {
    return metricNames != null || resources != null;
  }

  private boolean matchesCommon(
      Resource resource, InstrumentationScope scope, List<KeyValue> itemAttributes) {
    for (int i = 0; i < libraryNames.length; i++) {
      if (!libraryNames[i].matches(scope.getName())) {
        return false;
      }
      if (libraryVersions[i] != null && !libraryVersions[i].matches(scope.getVersion())) {
        return false;
      }
    }
    if (resources != null && !resources.matches(resource.getAttributesList())) {
      return false;
    }
    return attributes == null || attributes.matches(itemAttributes);
  }

  /** {@code service.name} of the resource as text; Go's placeholder when it has none. */
  static String serviceName(Resource resource) {
    for (KeyValue kv : resource.getAttributesList()) {
      if (kv.getKey().equals("service.name")) {
        return AnyValues.asString(kv.getValue());
      }
    }
    return "<nil-service-name>";
  }

  static String kindName(Span.SpanKind kind) {
    return kind == Span.SpanKind.UNRECOGNIZED ? "" : kind.name();
  }

  /** Attribute conditions that must all hold. */
  private record AttributesMatcher(String[] keys, AnyValue[] values, StringSet[] patterns) {

    static AttributesMatcher of(List<MatchProperties.AttributeMatch> matches, boolean strict) {
      if (matches.isEmpty()) {
        return null;
      }
      int n = matches.size();
      String[] keys = new String[n];
      AnyValue[] values = new AnyValue[n];
      StringSet[] patterns = new StringSet[n];
      for (int i = 0; i < n; i++) {
        keys[i] = matches.get(i).key();
        Object raw = matches.get(i).value();
        if (raw != null) {
          AnyValue value = AnyValues.fromConfig(raw);
          if (strict) {
            values[i] = value;
          } else {
            patterns[i] = StringSet.of(List.of(value.getStringValue()), false);
          }
        }
      }
      return new AttributesMatcher(keys, values, patterns);
    }

    boolean matches(List<KeyValue> attributes) {
      for (int i = 0; i < keys.length; i++) {
        AnyValue actual = find(attributes, keys[i]);
        if (actual == null) {
          return false;
        }
        if (patterns[i] != null) {
          // Go matches patterns against strings, booleans and numbers as text, never maps.
          AnyValue.ValueCase type = actual.getValueCase();
          boolean scalar =
              type == AnyValue.ValueCase.STRING_VALUE
                  || type == AnyValue.ValueCase.BOOL_VALUE
                  || type == AnyValue.ValueCase.INT_VALUE
                  || type == AnyValue.ValueCase.DOUBLE_VALUE;
          if (!scalar || !patterns[i].matches(scalarText(actual))) {
            return false;
          }
        } else if (values[i] != null && !values[i].equals(actual)) {
          return false;
        }
      }
      return true;
    }

    private static String scalarText(AnyValue value) {
      // strconv.FormatFloat(f, 'f', -1, 64): plain digits, never an exponent.
      return value.getValueCase() == AnyValue.ValueCase.DOUBLE_VALUE
          ? new java.math.BigDecimal(Double.toString(value.getDoubleValue()))
              .stripTrailingZeros()
              .toPlainString()
          : AnyValues.asString(value);
    }

    private static AnyValue find(List<KeyValue> attributes, String key) {
      for (int i = 0, n = attributes.size(); i < n; i++) {
        if (attributes.get(i).getKey().equals(key)) {
          return attributes.get(i).getValue();
        }
      }
      return null;
    }
  }
}
