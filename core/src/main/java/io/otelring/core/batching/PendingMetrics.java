package io.otelring.core.batching;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.metrics.v1.Summary;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.ItemCounts;
import io.otelring.core.consumer.Telemetry;
import java.util.List;

/**
 * Buffered metrics, cut by data point count: resource, scope and metric are cut in turn, and a
 * metric with more points than there is room for keeps its name, description, unit, temporality and
 * monotonicity in both halves (Go's {@code splitMetric}).
 */
final class PendingMetrics extends PendingBatch<ResourceMetrics> {

  PendingMetrics() {
    super(Signal.METRICS);
  }

  @Override
  List<ResourceMetrics> groupsOf(Telemetry telemetry) {
    return telemetry.metrics().getResourceMetricsList();
  }

  @Override
  int itemsOf(ResourceMetrics group) {
    int points = 0;
    for (ScopeMetrics scope : group.getScopeMetricsList()) {
      points += pointsOf(scope);
    }
    return points;
  }

  private static int pointsOf(ScopeMetrics scope) {
    int points = 0;
    for (Metric metric : scope.getMetricsList()) {
      points += ItemCounts.dataPoints(metric);
    }
    return points;
  }

  @Override
  Split<ResourceMetrics> split(ResourceMetrics group, int room) {
    Split<List<ScopeMetrics>> scopes =
        splitChildren(
            group.getScopeMetricsList(), room, PendingMetrics::pointsOf, PendingMetrics::cutScope);
    return new Split<>(
        group.toBuilder().clearScopeMetrics().addAllScopeMetrics(scopes.head()).build(),
        group.toBuilder().clearScopeMetrics().addAllScopeMetrics(scopes.tail()).build());
  }

  private static Split<ScopeMetrics> cutScope(ScopeMetrics scope, int room) {
    Split<List<Metric>> metrics =
        splitChildren(
            scope.getMetricsList(), room, ItemCounts::dataPoints, PendingMetrics::cutMetric);
    return new Split<>(
        scope.toBuilder().clearMetrics().addAllMetrics(metrics.head()).build(),
        scope.toBuilder().clearMetrics().addAllMetrics(metrics.tail()).build());
  }

  /** Only called for a metric with more than {@code room} points, so it always has a data case. */
  static Split<Metric> cutMetric(Metric metric, int room) {
    Metric.Builder head = metric.toBuilder();
    Metric.Builder tail = metric.toBuilder();
    switch (metric.getDataCase()) {
      case GAUGE -> {
        Gauge gauge = metric.getGauge();
        var points = splitLeaves(gauge.getDataPointsList(), room);
        head.setGauge(gauge.toBuilder().clearDataPoints().addAllDataPoints(points.head()));
        tail.setGauge(gauge.toBuilder().clearDataPoints().addAllDataPoints(points.tail()));
      }
      case SUM -> {
        Sum sum = metric.getSum();
        var points = splitLeaves(sum.getDataPointsList(), room);
        head.setSum(sum.toBuilder().clearDataPoints().addAllDataPoints(points.head()));
        tail.setSum(sum.toBuilder().clearDataPoints().addAllDataPoints(points.tail()));
      }
      case HISTOGRAM -> {
        Histogram histogram = metric.getHistogram();
        var points = splitLeaves(histogram.getDataPointsList(), room);
        head.setHistogram(histogram.toBuilder().clearDataPoints().addAllDataPoints(points.head()));
        tail.setHistogram(histogram.toBuilder().clearDataPoints().addAllDataPoints(points.tail()));
      }
      case EXPONENTIAL_HISTOGRAM -> {
        ExponentialHistogram histogram = metric.getExponentialHistogram();
        var points = splitLeaves(histogram.getDataPointsList(), room);
        head.setExponentialHistogram(
            histogram.toBuilder().clearDataPoints().addAllDataPoints(points.head()));
        tail.setExponentialHistogram(
            histogram.toBuilder().clearDataPoints().addAllDataPoints(points.tail()));
      }
      case SUMMARY -> {
        Summary summary = metric.getSummary();
        var points = splitLeaves(summary.getDataPointsList(), room);
        head.setSummary(summary.toBuilder().clearDataPoints().addAllDataPoints(points.head()));
        tail.setSummary(summary.toBuilder().clearDataPoints().addAllDataPoints(points.tail()));
      }
      case DATA_NOT_SET -> throw new IllegalStateException("a metric without points fits anywhere");
    }
    return new Split<>(head.build(), tail.build());
  }

  @Override
  Telemetry toTelemetry(List<ResourceMetrics> groups, ClientMetadata metadata) {
    return Telemetry.metrics(
        ExportMetricsServiceRequest.newBuilder().addAllResourceMetrics(groups).build(), metadata);
  }
}
