package io.otelring.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.otelring.core.consumer.Telemetry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code forward} connector in a running collector: one pipeline fans out to two with different
 * processors, and spans a batch holds upstream at shutdown still reach both.
 */
class ForwardConnectorIT {

  @RegisterExtension final RunningCollector collector = new RunningCollector();
  private final int grpcPort = FreePorts.next();
  private final int metricsPort = FreePorts.next();

  @Test
  void onePipelineFeedsTwoAndWhatItHoldsAtShutdownReachesBoth() throws Exception {
    String yaml =
        """
        receivers:
          otlp:
            protocols:
              grpc: {endpoint: 127.0.0.1:%d}
        processors:
          batch/hold: {timeout: 1h, send_batch_size: 100000}
          attributes/tag:
            actions: [{key: route, value: b, action: insert}]
        connectors:
          forward:
        exporters:
          recording/a: {}
          recording/b: {}
        service:
          telemetry: {metrics: {address: 127.0.0.1:%d}}
          pipelines:
            traces/b: {receivers: [forward], processors: [attributes/tag], exporters: [recording/b]}
            traces/in: {receivers: [otlp], processors: [batch/hold], exporters: [forward]}
            traces/a: {receivers: [forward], exporters: [recording/a]}
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
    assertThat(collector.recording("recording/a").itemCount()).isZero(); // the batch holds them

    collector.stop();

    List<Span> a = spans(collector.recording("recording/a").received());
    List<Span> b = spans(collector.recording("recording/b").received());
    assertThat(a).hasSize(7).allSatisfy(span -> assertThat(span.getAttributesList()).isEmpty());
    assertThat(b)
        .hasSize(7)
        .allSatisfy(
            span ->
                assertThat(span.getAttributesList())
                    .anySatisfy(kv -> assertThat(kv.getKey()).isEqualTo("route")));
  }

  private static List<Span> spans(List<Telemetry> received) {
    return received.stream()
        .flatMap(t -> t.traces().getResourceSpansList().stream())
        .map(ResourceSpans::getScopeSpansList)
        .flatMap(List::stream)
        .map(ScopeSpans::getSpansList)
        .flatMap(List::stream)
        .toList();
  }
}
