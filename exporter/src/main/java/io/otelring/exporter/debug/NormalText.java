package io.otelring.exporter.debug;

import static io.otelring.exporter.debug.GoFloatFormat.general;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.List;

/**
 * {@code verbosity: normal}: a line per resource and per scope, then about one line per item, as
 * the Go debug exporter's {@code normal} marshalers write them at v0.128.0. Like Go, the scope line
 * is numbered with the index of its resource, and exponential histograms show no buckets.
 */
final class NormalText implements TelemetryText {

  @Override
  public String traces(ExportTraceServiceRequest request) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < request.getResourceSpansCount(); i++) {
      ResourceSpans rs = request.getResourceSpans(i);
      resourceLine(
          out, "ResourceTraces", i, rs.getSchemaUrl(), rs.getResource().getAttributesList());
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        scopeLine(out, "ScopeTraces", i, ss.getScope(), ss.getSchemaUrl());
        for (Span span : ss.getSpansList()) {
          out.append(span.getName())
              .append(' ')
              .append(DetailedTextBuffer.id(span.getTraceId()))
              .append(' ')
              .append(DetailedTextBuffer.id(span.getSpanId()));
          if (span.getAttributesCount() > 0) {
            out.append(' ').append(joined(span.getAttributesList(), " "));
          }
          out.append('\n');
        }
      }
    }
    return out.toString();
  }

  @Override
  public String metrics(ExportMetricsServiceRequest request) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < request.getResourceMetricsCount(); i++) {
      ResourceMetrics rm = request.getResourceMetrics(i);
      resourceLine(
          out, "ResourceMetrics", i, rm.getSchemaUrl(), rm.getResource().getAttributesList());
      for (ScopeMetrics sm : rm.getScopeMetricsList()) {
        scopeLine(out, "ScopeMetrics", i, sm.getScope(), sm.getSchemaUrl());
        for (Metric metric : sm.getMetricsList()) {
          metricLines(out, metric);
        }
      }
    }
    return out.toString();
  }

  private static void metricLines(StringBuilder out, Metric metric) {
    switch (metric.getDataCase()) {
      case GAUGE -> numberLines(out, metric, metric.getGauge().getDataPointsList());
      case SUM -> numberLines(out, metric, metric.getSum().getDataPointsList());
      case HISTOGRAM -> {
        for (HistogramDataPoint p : metric.getHistogram().getDataPointsList()) {
          StringBuilder value = new StringBuilder("count=" + Long.toUnsignedString(p.getCount()));
          optionalStats(
              value, p.hasSum(), p.getSum(), p.hasMin(), p.getMin(), p.hasMax(), p.getMax());
          for (int b = 0; b < p.getBucketCountsCount(); b++) {
            value.append(' ');
            if (b < p.getExplicitBoundsCount()) {
              value.append("le").append(general(p.getExplicitBounds(b))).append('=');
            }
            value.append(Long.toUnsignedString(p.getBucketCounts(b)));
          }
          pointLine(out, metric, p.getAttributesList(), value);
        }
      }
      case EXPONENTIAL_HISTOGRAM -> {
        for (ExponentialHistogramDataPoint p :
            metric.getExponentialHistogram().getDataPointsList()) {
          StringBuilder value = new StringBuilder("count=" + Long.toUnsignedString(p.getCount()));
          optionalStats(
              value, p.hasSum(), p.getSum(), p.hasMin(), p.getMin(), p.hasMax(), p.getMax());
          pointLine(out, metric, p.getAttributesList(), value);
        }
      }
      case SUMMARY -> {
        for (SummaryDataPoint p : metric.getSummary().getDataPointsList()) {
          StringBuilder value = new StringBuilder("count=" + Long.toUnsignedString(p.getCount()));
          value.append(" sum=").append(GoFloatFormat.fixed6(p.getSum()));
          for (SummaryDataPoint.ValueAtQuantile q : p.getQuantileValuesList()) {
            value
                .append(" q")
                .append(general(q.getQuantile()))
                .append('=')
                .append(general(q.getValue()));
          }
          pointLine(out, metric, p.getAttributesList(), value);
        }
      }
      case DATA_NOT_SET -> {}
    }
  }

  private static void numberLines(StringBuilder out, Metric metric, List<NumberDataPoint> points) {
    for (NumberDataPoint p : points) {
      StringBuilder value = new StringBuilder();
      switch (p.getValueCase()) {
        case AS_INT -> value.append(p.getAsInt());
        case AS_DOUBLE -> value.append(general(p.getAsDouble()));
        case VALUE_NOT_SET -> {}
      }
      pointLine(out, metric, p.getAttributesList(), value);
    }
  }

  private static void optionalStats(
      StringBuilder value,
      boolean hasSum,
      double sum,
      boolean hasMin,
      double min,
      boolean hasMax,
      double max) {
    if (hasSum) {
      value.append(" sum=").append(general(sum));
    }
    if (hasMin) {
      value.append(" min=").append(general(min));
    }
    if (hasMax) {
      value.append(" max=").append(general(max));
    }
  }

  private static void pointLine(
      StringBuilder out, Metric metric, List<KeyValue> attributes, CharSequence value) {
    out.append(metric.getName())
        .append('{')
        .append(joined(attributes, ","))
        .append("} ")
        .append(value)
        .append('\n');
  }

  @Override
  public String logs(ExportLogsServiceRequest request) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < request.getResourceLogsCount(); i++) {
      ResourceLogs rl = request.getResourceLogs(i);
      resourceLine(out, "ResourceLog", i, rl.getSchemaUrl(), rl.getResource().getAttributesList());
      for (ScopeLogs sl : rl.getScopeLogsList()) {
        scopeLine(out, "ScopeLog", i, sl.getScope(), sl.getSchemaUrl());
        for (LogRecord lr : sl.getLogRecordsList()) {
          // Go writes "body attributes" even when there are no attributes: a trailing space.
          out.append(AnyValueText.asString(lr.getBody()))
              .append(' ')
              .append(joined(lr.getAttributesList(), " "))
              .append('\n');
        }
      }
    }
    return out.toString();
  }

  private static void resourceLine(
      StringBuilder out, String label, int index, String schemaUrl, List<KeyValue> attributes) {
    out.append(label).append(" #").append(index);
    if (!schemaUrl.isEmpty()) {
      out.append(" [").append(schemaUrl).append(']');
    }
    appendAttributes(out, attributes);
    out.append('\n');
  }

  private static void scopeLine(
      StringBuilder out,
      String label,
      int resourceIndex,
      InstrumentationScope scope,
      String schemaUrl) {
    StringBuilder details = new StringBuilder();
    details.append(scope.getName());
    if (!scope.getVersion().isEmpty()) {
      details.append('@').append(scope.getVersion());
    }
    if (!schemaUrl.isEmpty()) {
      if (details.length() > 0) {
        details.append(' ');
      }
      details.append('[').append(schemaUrl).append(']');
    }
    out.append(label).append(" #").append(resourceIndex);
    if (details.length() > 0) {
      out.append(' ').append(details);
    }
    appendAttributes(out, scope.getAttributesList());
    out.append('\n');
  }

  private static void appendAttributes(StringBuilder out, List<KeyValue> attributes) {
    if (!attributes.isEmpty()) {
      out.append(' ').append(joined(attributes, " "));
    }
  }

  /** {@code key=value} pairs, values as pdata's {@code AsString()} renders them. */
  private static String joined(List<KeyValue> attributes, String separator) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < attributes.size(); i++) {
      if (i > 0) {
        out.append(separator);
      }
      KeyValue kv = attributes.get(i);
      out.append(kv.getKey()).append('=').append(AnyValueText.asString(kv.getValue()));
    }
    return out.toString();
  }
}
