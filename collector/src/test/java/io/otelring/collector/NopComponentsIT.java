package io.otelring.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.otelring.core.pipeline.RingOptions;
import io.otelring.core.testing.TestComponents;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The core distribution's {@code nop} receiver and exporter in a running collector: a pipeline fed
 * by {@code nop} alone starts, and spans exported to {@code nop} are accepted, dropped and not
 * counted as sent, while the exporter next to it gets them all.
 */
class NopComponentsIT {

  private final TestComponents.RecordingExporters recorders =
      new TestComponents.RecordingExporters();
  private final int grpcPort = FreePorts.next();
  private final int metricsPort = FreePorts.next();
  private Collector collector;

  @AfterEach
  void stop() {
    if (collector != null) {
      collector.close();
    }
  }

  @Test
  void nopTakesNothingInAndDropsWhatItIsGiven() throws Exception {
    String yaml =
        """
        receivers:
          otlp:
            protocols:
              grpc: {endpoint: 127.0.0.1:%d}
          nop:
        exporters:
          nop: {}
          recording: {}
        service:
          telemetry: {metrics: {address: 127.0.0.1:%d}}
          pipelines:
            traces: {receivers: [otlp, nop], exporters: [nop, recording]}
            metrics: {receivers: [nop], exporters: [nop]}
        """
            .formatted(grpcPort, metricsPort);
    collector = Collector.startYaml(yaml, RingOptions.DEFAULT, recorders);
    OtlpGrpcSpanExporter sdk =
        OtlpGrpcSpanExporter.builder().setEndpoint("http://127.0.0.1:" + grpcPort).build();

    try {
      assertThat(sdk.export(SdkSpans.batch(0, 7)).join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    } finally {
      sdk.shutdown().join(5, TimeUnit.SECONDS);
    }

    await().until(() -> recorders.get("recording").itemCount() == 7);
    String metrics = MetricsScrape.of(metricsPort);
    assertThat(metrics)
        .contains("otelcol_receiver_accepted_spans_total{")
        .containsPattern("otelcol_exporter_sent_spans_total\\{exporter=\"recording\"[^}]*} 7")
        .doesNotContainPattern("otelcol_exporter_[a-z_]+\\{exporter=\"nop\"");
  }
}
