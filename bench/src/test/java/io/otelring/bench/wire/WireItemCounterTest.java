package io.otelring.bench.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.otelring.bench.shape.MetricShape;
import io.otelring.bench.shape.PayloadPool;
import io.otelring.bench.shape.SpanShape;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.ItemCounts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WireItemCounterTest {

  @ParameterizedTest
  @EnumSource(Signal.class)
  void countsWhatTheParsedMessageCounts(Signal signal) {
    for (SpanShape shape : SpanShape.values()) {
      byte[] body = PayloadPool.message(signal, shape, 37, new Random(3)).toByteArray();
      assertThat(WireItemCounter.count(signal, body)).isEqualTo(37);
    }
  }

  @Test
  void countsDataPointsOfEveryMetricKindAndSeveralResources() {
    ExportMetricsServiceRequest request =
        ExportMetricsServiceRequest.newBuilder()
            .addResourceMetrics(
                ResourceMetrics.newBuilder()
                    .addScopeMetrics(
                        ScopeMetrics.newBuilder()
                            .addMetrics(
                                Metric.newBuilder()
                                    .setName("g")
                                    .setGauge(
                                        Gauge.newBuilder()
                                            .addDataPoints(NumberDataPoint.getDefaultInstance())
                                            .addDataPoints(NumberDataPoint.getDefaultInstance())))
                            .addMetrics(
                                Metric.newBuilder()
                                    .setName("h")
                                    .setHistogram(
                                        Histogram.newBuilder()
                                            .addDataPoints(
                                                HistogramDataPoint.newBuilder().setCount(3))))
                            .addMetrics(Metric.newBuilder().setName("empty"))))
            .addResourceMetrics(MetricShape.request(2, new Random(1)).getResourceMetrics(0))
            .build();

    assertThat(WireItemCounter.count(Signal.METRICS, request.toByteArray()))
        .isEqualTo(ItemCounts.dataPoints(request));
  }

  @Test
  void spotsProbeSpansAmongLoadSpans() {
    ExportTraceServiceRequest load = SpanShape.OTELSPEC.request(20, new Random(1));
    ExportTraceServiceRequest mixed =
        load.toBuilder()
            .addResourceSpans(ProbeIds.request(41).getResourceSpans(0))
            .addResourceSpans(ProbeIds.request(42).getResourceSpans(0))
            .build();
    List<Long> probes = new ArrayList<>();

    int spans = WireItemCounter.count(Signal.TRACES, mixed.toByteArray(), probes::add);

    assertThat(spans).isEqualTo(22);
    assertThat(probes).containsExactly(41L, 42L);
  }

  @Test
  void refusesTruncatedAndMalformedBytes() {
    byte[] body = SpanShape.TESTBED.request(5, new Random(1)).toByteArray();
    byte[] truncated = Arrays.copyOf(body, body.length - 7);

    assertThatThrownBy(() -> WireItemCounter.count(Signal.TRACES, truncated))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WireItemCounter.count(Signal.TRACES, new byte[] {0x0A, (byte) 0xFF}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WireItemCounter.count(Signal.LOGS, new byte[] {0x07}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(WireItemCounter.count(Signal.LOGS, new byte[0])).isZero();
  }
}
