package io.otelring.processor.rewrite;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Copy-on-write edits of a metrics request: of the attributes of each data point (metrics carry
 * attributes only on their points), or of each resource.
 */
public final class MetricRewrite {

  private MetricRewrite() {}

  /** Edits one data point's attributes; returns the same list to leave them unchanged. */
  @FunctionalInterface
  public interface PointEdit {
    List<KeyValue> edit(
        Resource resource, InstrumentationScope scope, Metric metric, List<KeyValue> attributes);
  }

  /**
   * Edits the data points of every metric that {@code selects} accepts.
   *
   * @param selects which metrics to edit, by resource and metric
   */
  public static ExportMetricsServiceRequest points(
      ExportMetricsServiceRequest request, BiPredicate<Resource, Metric> selects, PointEdit edit) {
    ExportMetricsServiceRequest.Builder builder = null;
    for (int r = 0; r < request.getResourceMetricsCount(); r++) {
      ResourceMetrics rm = request.getResourceMetrics(r);
      ResourceMetrics.Builder rmBuilder = null;
      Resource resource = rm.getResource();
      for (int s = 0; s < rm.getScopeMetricsCount(); s++) {
        ScopeMetrics sm = rm.getScopeMetrics(s);
        ScopeMetrics.Builder smBuilder = null;
        for (int m = 0; m < sm.getMetricsCount(); m++) {
          Metric metric = sm.getMetrics(m);
          if (!selects.test(resource, metric)) {
            continue;
          }
          Metric edited =
              editPoints(metric, attrs -> edit.edit(resource, sm.getScope(), metric, attrs));
          if (edited != metric) {
            if (smBuilder == null) {
              smBuilder = sm.toBuilder();
            }
            smBuilder.setMetrics(m, edited);
          }
        }
        if (smBuilder != null) {
          if (rmBuilder == null) {
            rmBuilder = rm.toBuilder();
          }
          rmBuilder.setScopeMetrics(s, smBuilder);
        }
      }
      if (rmBuilder != null) {
        if (builder == null) {
          builder = request.toBuilder();
        }
        builder.setResourceMetrics(r, rmBuilder);
      }
    }
    return builder == null ? request : builder.build();
  }

  private static Metric editPoints(Metric metric, Function<List<KeyValue>, List<KeyValue>> edit) {
    switch (metric.getDataCase()) {
      case GAUGE -> {
        var points = metric.getGauge().getDataPointsList();
        var builder = (io.opentelemetry.proto.metrics.v1.Gauge.Builder) null;
        for (int i = 0; i < points.size(); i++) {
          List<KeyValue> attrs = points.get(i).getAttributesList();
          List<KeyValue> edited = edit.apply(attrs);
          if (edited != attrs) {
            builder = builder == null ? metric.getGauge().toBuilder() : builder;
            builder.setDataPoints(
                i, points.get(i).toBuilder().clearAttributes().addAllAttributes(edited));
          }
        }
        return builder == null ? metric : metric.toBuilder().setGauge(builder).build();
      }
      case SUM -> {
        var points = metric.getSum().getDataPointsList();
        var builder = (io.opentelemetry.proto.metrics.v1.Sum.Builder) null;
        for (int i = 0; i < points.size(); i++) {
          List<KeyValue> attrs = points.get(i).getAttributesList();
          List<KeyValue> edited = edit.apply(attrs);
          if (edited != attrs) {
            builder = builder == null ? metric.getSum().toBuilder() : builder;
            builder.setDataPoints(
                i, points.get(i).toBuilder().clearAttributes().addAllAttributes(edited));
          }
        }
        return builder == null ? metric : metric.toBuilder().setSum(builder).build();
      }
      case HISTOGRAM -> {
        var points = metric.getHistogram().getDataPointsList();
        var builder = (io.opentelemetry.proto.metrics.v1.Histogram.Builder) null;
        for (int i = 0; i < points.size(); i++) {
          List<KeyValue> attrs = points.get(i).getAttributesList();
          List<KeyValue> edited = edit.apply(attrs);
          if (edited != attrs) {
            builder = builder == null ? metric.getHistogram().toBuilder() : builder;
            builder.setDataPoints(
                i, points.get(i).toBuilder().clearAttributes().addAllAttributes(edited));
          }
        }
        return builder == null ? metric : metric.toBuilder().setHistogram(builder).build();
      }
      case EXPONENTIAL_HISTOGRAM -> {
        var points = metric.getExponentialHistogram().getDataPointsList();
        var builder = (io.opentelemetry.proto.metrics.v1.ExponentialHistogram.Builder) null;
        for (int i = 0; i < points.size(); i++) {
          List<KeyValue> attrs = points.get(i).getAttributesList();
          List<KeyValue> edited = edit.apply(attrs);
          if (edited != attrs) {
            builder = builder == null ? metric.getExponentialHistogram().toBuilder() : builder;
            builder.setDataPoints(
                i, points.get(i).toBuilder().clearAttributes().addAllAttributes(edited));
          }
        }
        return builder == null
            ? metric
            : metric.toBuilder().setExponentialHistogram(builder).build();
      }
      case SUMMARY -> {
        var points = metric.getSummary().getDataPointsList();
        var builder = (io.opentelemetry.proto.metrics.v1.Summary.Builder) null;
        for (int i = 0; i < points.size(); i++) {
          List<KeyValue> attrs = points.get(i).getAttributesList();
          List<KeyValue> edited = edit.apply(attrs);
          if (edited != attrs) {
            builder = builder == null ? metric.getSummary().toBuilder() : builder;
            builder.setDataPoints(
                i, points.get(i).toBuilder().clearAttributes().addAllAttributes(edited));
          }
        }
        return builder == null ? metric : metric.toBuilder().setSummary(builder).build();
      }
      default -> {
        return metric;
      }
    }
  }

  /** Edits every resource; the edit returns the same instance to leave one unchanged. */
  public static ExportMetricsServiceRequest resources(
      ExportMetricsServiceRequest request, UnaryOperator<Resource> edit) {
    ExportMetricsServiceRequest.Builder builder = null;
    for (int r = 0; r < request.getResourceMetricsCount(); r++) {
      Resource resource = request.getResourceMetrics(r).getResource();
      Resource edited = edit.apply(resource);
      if (edited != resource) {
        if (builder == null) {
          builder = request.toBuilder();
        }
        builder.setResourceMetrics(
            r, request.getResourceMetrics(r).toBuilder().setResource(edited));
      }
    }
    return builder == null ? request : builder.build();
  }

  /** Every metric, for {@link #points} without a filter. */
  public static boolean every(Resource resource, Metric metric) {
    return true;
  }
}
