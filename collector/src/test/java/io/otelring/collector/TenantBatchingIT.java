package io.otelring.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.pipeline.RingOptions;
import io.otelring.core.testing.TestComponents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Tenant headers survive batching: the receiver keeps request headers ({@code include_metadata}),
 * the batch processor batches per {@code metadata_keys} value, and each batch that reaches the
 * exporter carries its tenant and only its tenant's spans.
 */
class TenantBatchingIT {

  @Test
  void eachTenantGetsItsOwnBatchesWithItsHeader() throws Exception {
    TestComponents.RecordingExporters recorders = new TestComponents.RecordingExporters();
    int port = FreePorts.next();
    String yaml =
        """
        receivers: {otlp: {protocols: {grpc: {endpoint: 127.0.0.1:%d, include_metadata: true}}}}
        processors: {batch: {timeout: 100ms, metadata_keys: [X-Scope-OrgID]}}
        exporters: {recording: {}}
        service:
          telemetry: {metrics: {level: none}}
          pipelines: {traces: {receivers: [otlp], processors: [batch], exporters: [recording]}}
        """
            .formatted(port);
    try (Collector collector = Collector.startYaml(yaml, RingOptions.DEFAULT, recorders)) {
      send(port, "tenant-a", 30);
      send(port, "tenant-b", 20);
      send(port, "tenant-a", 10);

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> recorders.get("recording").itemCount() >= 60);
      Map<String, Integer> spansByTenant = new TreeMap<>();
      for (Telemetry batch : recorders.get("recording").received()) {
        List<String> tenant = batch.metadata().get("x-scope-orgid");
        assertThat(tenant).hasSize(1);
        assertThat(batch.metadata().asMap()).containsOnlyKeys("x-scope-orgid");
        batch.traces().getResourceSpansList().stream()
            .flatMap(rs -> rs.getScopeSpansList().stream())
            .flatMap(ss -> ss.getSpansList().stream())
            .forEach(
                span -> {
                  assertThat(span.getName()).startsWith(tenant.get(0));
                  spansByTenant.merge(tenant.get(0), 1, Integer::sum);
                });
      }
      assertThat(spansByTenant).isEqualTo(Map.of("tenant-a", 40, "tenant-b", 20));
    }
  }

  private static void send(int port, String tenant, int spans) {
    OtlpGrpcSpanExporter otlp =
        OtlpGrpcSpanExporter.builder()
            .setEndpoint("http://127.0.0.1:" + port)
            .addHeader("X-Scope-OrgID", tenant)
            .addHeader("authorization", "Bearer secret")
            .build();
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .addSpanProcessor(BatchSpanProcessor.builder(otlp).build())
            .build();
    var tracer = provider.get("tenant-test");
    for (int i = 0; i < spans; i++) {
      tracer.spanBuilder(tenant + "-" + i).startSpan().end();
    }
    provider.shutdown().join(10, TimeUnit.SECONDS);
  }
}
