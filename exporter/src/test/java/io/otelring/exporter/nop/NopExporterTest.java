package io.otelring.exporter.nop;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Exporter;
import io.otelring.core.component.Kind;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.ConfigFixtures;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NopExporterTest {

  private final NopExporterFactory factory = new NopExporterFactory();

  @Test
  void everythingIsAcceptedAtOnceAndNotCountedAsSent() throws Exception {
    Exporter nop =
        factory.createExporter(
            ComponentSettings.of(
                ComponentId.parse("nop"), Kind.EXPORTER, new SimpleMeterRegistry()),
            ConfigFixtures.bind(factory, "{}"));

    nop.start();
    var stage = nop.consume(Telemetry.traces(ExportTraceServiceRequest.getDefaultInstance()));

    assertThat(stage.toCompletableFuture().get(1, TimeUnit.SECONDS)).isNull();
    assertThat(nop.countsSends()).isTrue();
  }

  @Test
  void itTakesNoSettings() {
    assertThat(ConfigFixtures.problems(factory, "{}")).isEmpty();
    assertThat(ConfigFixtures.problems(factory, "{endpoint: x}")).hasSize(1);
    assertThat(ConfigFixtures.problems(factory, "{endpoint: x}").get(0)).contains("endpoint");
  }
}
