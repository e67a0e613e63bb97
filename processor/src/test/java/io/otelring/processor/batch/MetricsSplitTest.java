package io.otelring.processor.batch;

import static io.otelring.processor.batch.SignalFixture.attribute;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
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
import io.otelring.core.batching.PendingBatch;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Kind;
import io.otelring.core.component.Processor;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.RecordingConsumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Metrics are batched by data point, and a metric is cut between its points like Go's. */
class MetricsSplitTest {

  private final RecordingConsumer next = new RecordingConsumer();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private Processor processor(int sendBatchSize, int sendBatchMaxSize) throws Exception {
    Processor processor =
        new BatchProcessorFactory()
            .createProcessor(
                ComponentSettings.of(ComponentId.of("batch"), Kind.PROCESSOR, meters),
                new BatchProcessorConfig(
                    Duration.ofSeconds(30), sendBatchSize, sendBatchMaxSize, List.of(), 1000),
                Signal.METRICS,
                next);
    processor.start();
    return processor;
  }

  @Test
  void everyPointTypeIsCutKeepingItsMetricFields() throws Exception {
    Processor processor = processor(2, 2);
    ExportMetricsServiceRequest request =
        ExportMetricsServiceRequest.newBuilder()
            .addResourceMetrics(
                ResourceMetrics.newBuilder()
                    .setResource(
                        Resource.newBuilder().addAttributes(attribute("service.name", "api")))
                    .setSchemaUrl("https://opentelemetry.io/schemas/1.26.0")
                    .addScopeMetrics(
                        ScopeMetrics.newBuilder()
                            .setScope(
                                InstrumentationScope.newBuilder()
                                    .setName("io.otel")
                                    .setVersion("2"))
                            .addMetrics(gauge())
                            .addMetrics(sum())
                            .addMetrics(histogram())
                            .addMetrics(exponentialHistogram())
                            .addMetrics(summary())))
            .build();

    processor.consume(Telemetry.metrics(request));
    processor.shutdown(Duration.ofSeconds(1));

    // 15 points: seven batches of 2 by size, the last point at shutdown.
    assertThat(next.received())
        .extracting(Telemetry::itemCount)
        .containsExactly(2, 2, 2, 2, 2, 2, 2, 1);
    List<ResourceMetrics> sent = new ArrayList<>();
    next.received().forEach(batch -> sent.addAll(onePointEach(batch.metrics())));
    assertThat(sent).containsExactlyElementsOf(onePointEach(request));
  }

  @Test
  void countsDataPointsNotMetrics() throws Exception {
    Processor processor = processor(8, 0);
    ExportMetricsServiceRequest request =
        ExportMetricsServiceRequest.newBuilder()
            .addResourceMetrics(
                ResourceMetrics.newBuilder()
                    .addScopeMetrics(
                        ScopeMetrics.newBuilder()
                            .addMetrics(gauge())
                            .addMetrics(Metric.newBuilder().setName("no.data"))
                            .addMetrics(histogram())))
            .build();

    processor.consume(Telemetry.metrics(request));
    assertThat(next.received()).isEmpty();
    processor.consume(
        Telemetry.metrics(
            ExportMetricsServiceRequest.newBuilder()
                .addResourceMetrics(
                    ResourceMetrics.newBuilder()
                        .addScopeMetrics(ScopeMetrics.newBuilder().addMetrics(summary())))
                .build()));

    assertThat(next.received()).extracting(Telemetry::itemCount).containsExactly(9);
    assertThat(meters.get("otelcol_processor_batch_batch_send_size").summary().totalAmount())
        .isEqualTo(9);
  }

  @Test
  void aMetricWithoutPointsBeforeTheCutTravelsWithTheHead() {
    PendingBatch<?> pending = PendingBatch.of(Signal.METRICS);
    pending.add(
        Telemetry.metrics(
            ExportMetricsServiceRequest.newBuilder()
                .addResourceMetrics(
                    ResourceMetrics.newBuilder()
                        .addScopeMetrics(
                            ScopeMetrics.newBuilder()
                                .addMetrics(Metric.newBuilder().setName("no.data"))
                                .addMetrics(gauge())
                                .addMetrics(Metric.newBuilder().setName("after"))))
                .build()));

    Telemetry head = pending.take(2, ClientMetadata.EMPTY);
    Telemetry tail = pending.take(2, ClientMetadata.EMPTY);

    assertThat(head.metrics().getResourceMetrics(0).getScopeMetrics(0).getMetricsList())
        .extracting(Metric::getName)
        .containsExactly("no.data", "cpu.utilization");
    assertThat(tail.metrics().getResourceMetrics(0).getScopeMetrics(0).getMetricsList())
        .extracting(Metric::getName)
        .containsExactly("cpu.utilization", "after");
    assertThat(pending.itemCount()).isZero();
  }

  /** Explodes a request into one resource/scope/metric per data point, everything else kept. */
  private static List<ResourceMetrics> onePointEach(ExportMetricsServiceRequest request) {
    List<ResourceMetrics> points = new ArrayList<>();
    for (ResourceMetrics resource : request.getResourceMetricsList()) {
      for (ScopeMetrics scope : resource.getScopeMetricsList()) {
        for (Metric metric : scope.getMetricsList()) {
          for (Metric single : onePointEach(metric)) {
            points.add(
                resource.toBuilder()
                    .clearScopeMetrics()
                    .addScopeMetrics(scope.toBuilder().clearMetrics().addMetrics(single))
                    .build());
          }
        }
      }
    }
    return points;
  }

  /**
   * The metric once per data point, with every other field as it is; written apart from the code.
   */
  private static List<Metric> onePointEach(Metric metric) {
    List<Metric> singles = new ArrayList<>();
    switch (metric.getDataCase()) {
      case GAUGE ->
          metric
              .getGauge()
              .getDataPointsList()
              .forEach(
                  point ->
                      singles.add(
                          metric.toBuilder()
                              .setGauge(
                                  metric.getGauge().toBuilder()
                                      .clearDataPoints()
                                      .addDataPoints(point))
                              .build()));
      case SUM ->
          metric
              .getSum()
              .getDataPointsList()
              .forEach(
                  point ->
                      singles.add(
                          metric.toBuilder()
                              .setSum(
                                  metric.getSum().toBuilder()
                                      .clearDataPoints()
                                      .addDataPoints(point))
                              .build()));
      case HISTOGRAM ->
          metric
              .getHistogram()
              .getDataPointsList()
              .forEach(
                  point ->
                      singles.add(
                          metric.toBuilder()
                              .setHistogram(
                                  metric.getHistogram().toBuilder()
                                      .clearDataPoints()
                                      .addDataPoints(point))
                              .build()));
      case EXPONENTIAL_HISTOGRAM ->
          metric
              .getExponentialHistogram()
              .getDataPointsList()
              .forEach(
                  point ->
                      singles.add(
                          metric.toBuilder()
                              .setExponentialHistogram(
                                  metric.getExponentialHistogram().toBuilder()
                                      .clearDataPoints()
                                      .addDataPoints(point))
                              .build()));
      case SUMMARY ->
          metric
              .getSummary()
              .getDataPointsList()
              .forEach(
                  point ->
                      singles.add(
                          metric.toBuilder()
                              .setSummary(
                                  metric.getSummary().toBuilder()
                                      .clearDataPoints()
                                      .addDataPoints(point))
                              .build()));
      case DATA_NOT_SET -> {}
    }
    return singles;
  }

  private static Metric gauge() {
    Gauge.Builder gauge = Gauge.newBuilder();
    for (int i = 0; i < 3; i++) {
      gauge.addDataPoints(NumberDataPoint.newBuilder().setTimeUnixNano(i).setAsDouble(i / 10.0));
    }
    return Metric.newBuilder()
        .setName("cpu.utilization")
        .setDescription("CPU busy share")
        .setUnit("1")
        .addMetadata(attribute("prometheus.type", "gauge"))
        .setGauge(gauge)
        .build();
  }

  private static Metric sum() {
    Sum.Builder sum =
        Sum.newBuilder()
            .setIsMonotonic(false)
            .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA);
    for (int i = 0; i < 3; i++) {
      sum.addDataPoints(NumberDataPoint.newBuilder().setTimeUnixNano(i).setAsInt(i));
    }
    return Metric.newBuilder().setName("queue.delta").setUnit("{item}").setSum(sum).build();
  }

  private static Metric histogram() {
    Histogram.Builder histogram =
        Histogram.newBuilder()
            .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
    for (int i = 0; i < 3; i++) {
      histogram.addDataPoints(
          HistogramDataPoint.newBuilder()
              .setTimeUnixNano(i)
              .setCount(i + 1)
              .addExplicitBounds(5)
              .addBucketCounts(i)
              .addBucketCounts(1));
    }
    return Metric.newBuilder().setName("latency").setUnit("ms").setHistogram(histogram).build();
  }

  private static Metric exponentialHistogram() {
    ExponentialHistogram.Builder histogram =
        ExponentialHistogram.newBuilder()
            .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA);
    for (int i = 0; i < 3; i++) {
      histogram.addDataPoints(
          ExponentialHistogramDataPoint.newBuilder().setTimeUnixNano(i).setScale(3).setCount(i));
    }
    return Metric.newBuilder()
        .setName("size")
        .setUnit("By")
        .setExponentialHistogram(histogram)
        .build();
  }

  private static Metric summary() {
    Summary.Builder summary = Summary.newBuilder();
    for (int i = 0; i < 3; i++) {
      summary.addDataPoints(
          SummaryDataPoint.newBuilder()
              .setTimeUnixNano(i)
              .setCount(i)
              .addQuantileValues(
                  SummaryDataPoint.ValueAtQuantile.newBuilder().setQuantile(0.5).setValue(i)));
    }
    return Metric.newBuilder().setName("gc.pause").setUnit("s").setSummary(summary).build();
  }
}
