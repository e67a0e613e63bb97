package io.otelring.bench.shape;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import java.util.Random;

/**
 * The metrics the load generator sends: cumulative monotonic sums with one data point each and two
 * attributes, as telemetrygen sends them — about 100 bytes a data point.
 */
public final class MetricShape {

  private MetricShape() {}

  /** One request of {@code points} data points. */
  public static ExportMetricsServiceRequest request(int points, Random random) {
    ScopeMetrics.Builder scope = ScopeMetrics.newBuilder();
    scope.getScopeBuilder().setName("io.otelring.bench").setVersion("1.0.0");
    long now = 1_700_000_000_000_000_000L + random.nextInt(1_000_000_000);
    for (int i = 0; i < points; i++) {
      NumberDataPoint point =
          NumberDataPoint.newBuilder()
              .setStartTimeUnixNano(now - 60_000_000_000L)
              .setTimeUnixNano(now)
              .setAsInt(random.nextInt(1_000_000))
              .addAttributes(Attributes.string("worker", "worker-" + (i % 8)))
              .addAttributes(Attributes.string("status", i % 10 == 0 ? "error" : "ok"))
              .build();
      scope.addMetrics(
          Metric.newBuilder()
              .setName("loadgen.requests." + (i % 10))
              .setUnit("1")
              .setSum(
                  Sum.newBuilder()
                      .setIsMonotonic(true)
                      .setAggregationTemporality(
                          AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
                      .addDataPoints(point)));
    }
    ResourceMetrics.Builder resource = ResourceMetrics.newBuilder().addScopeMetrics(scope);
    resource
        .getResourceBuilder()
        .addAttributes(Attributes.string("service.name", "otelring-loadgen"));
    return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(resource).build();
  }
}
