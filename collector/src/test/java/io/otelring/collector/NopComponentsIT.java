package io.otelring.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The core distribution's {@code nop} receiver and exporter in a running collector: a pipeline fed
 * by {@code nop} alone starts, and spans exported to {@code nop} are accepted, dropped and not
 * counted as sent, while the exporter next to it gets them all.
 */
class NopComponentsIT {

  @RegisterExtension final RunningCollector collector = new RunningCollector();
  private final int grpcPort = FreePorts.next();
  private final int metricsPort = FreePorts.next();

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
    collector.start(yaml);
    OtlpGrpcSpanExporter sdk =
        OtlpGrpcSpanExporter.builder().setEndpoint("http://127.0.0.1:" + grpcPort).build();

    try {
      assertThat(sdk.export(SdkSpans.batch(0, 7)).join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    } finally {
      sdk.shutdown().join(5, TimeUnit.SECONDS);
    }

    await().until(() -> collector.recording("recording").itemCount() == 7);
    String metrics = MetricsScrape.of(metricsPort);
    assertThat(metrics)
        .contains("otelcol_receiver_accepted_spans_total{")
        .containsPattern("otelcol_exporter_sent_spans_total\\{exporter=\"recording\"[^}]*} 7")
        .doesNotContainPattern("otelcol_exporter_[a-z_]+\\{exporter=\"nop\"");
  }
}
