package io.otelring.connector.forward;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Exporter;
import io.otelring.core.component.Kind;
import io.otelring.core.component.ReceiverConsumers;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.ConfigFixtures;
import io.otelring.core.testing.RecordingConsumer;
import io.otelring.core.testing.Requests;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForwardConnectorTest {

  private final ForwardConnectorFactory factory = new ForwardConnectorFactory();

  private Exporter connector(Signal from, Map<Signal, Consumer> next) throws Exception {
    return factory.createConnector(
        ComponentSettings.of(ComponentId.of("forward"), Kind.CONNECTOR, new SimpleMeterRegistry()),
        ConfigFixtures.bind(factory, "{}"),
        from,
        new ReceiverConsumers(next));
  }

  @Test
  void connectsEachSignalToItselfOnly() {
    for (Signal from : Signal.values()) {
      for (Signal to : Signal.values()) {
        assertThat(factory.connects(from, to)).isEqualTo(from == to);
      }
    }
  }

  @Test
  void passesTelemetryOnUnchangedAndCountsNothingAsSent() throws Exception {
    RecordingConsumer pipelines = new RecordingConsumer();
    Exporter forward = connector(Signal.TRACES, Map.of(Signal.TRACES, pipelines));
    Telemetry spans = Telemetry.traces(Requests.spans("f", 4));

    forward.consume(spans).toCompletableFuture().join();

    assertThat(pipelines.received()).containsExactly(spans);
    assertThat(forward.countsSends()).isTrue();
  }

  @Test
  void theReceivingPipelinesRefusalIsItsAnswer() throws Exception {
    Refusal full = Refusal.retryable("ring full", Duration.ofSeconds(1));
    Exporter forward =
        connector(Signal.LOGS, Map.of(Signal.LOGS, telemetry -> Consumer.refuse(full)));

    assertThat(forward.consume(Telemetry.logs(Requests.logs("l", 2))).toCompletableFuture())
        .isCompletedExceptionally();
  }

  @Test
  void itTakesNoSettings() {
    assertThat(ConfigFixtures.problems(factory, "{}")).isEmpty();
    assertThat(ConfigFixtures.problems(factory, "{to: traces}")).hasSize(1);
  }
}
