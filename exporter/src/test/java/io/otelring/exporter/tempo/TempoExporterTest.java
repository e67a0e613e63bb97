package io.otelring.exporter.tempo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Exporter;
import io.otelring.core.component.Kind;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.ConfigFixtures;
import io.otelring.core.testing.Requests;
import io.otelring.exporter.testing.GrpcBackend;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TempoExporterTest {

  @Test
  void theTenantReachesTempoAsXScopeOrgId() throws Exception {
    try (GrpcBackend backend = GrpcBackend.start()) {
      TempoExporterFactory factory = new TempoExporterFactory();
      Exporter exporter =
          factory.createExporter(
              ComponentSettings.of(
                  ComponentId.parse("tempo"), Kind.EXPORTER, new SimpleMeterRegistry()),
              ConfigFixtures.bind(
                  factory,
                  "{endpoint: '127.0.0.1:"
                      + backend.port()
                      + "', tenant: acme, tls: {insecure: true}}"));
      exporter.start();
      try {
        exporter.consume(Telemetry.traces(Requests.spans("t", 2)));
        await().untilAsserted(() -> assertThat(backend.spanCount()).isEqualTo(2));
        assertThat(backend.lastHeader("x-scope-orgid")).isEqualTo("acme");
      } finally {
        exporter.shutdown(Duration.ofSeconds(2));
      }
    }
  }
}
