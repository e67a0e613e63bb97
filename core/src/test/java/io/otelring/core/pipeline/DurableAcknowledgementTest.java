package io.otelring.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Exporter;
import io.otelring.core.component.ExporterFactory;
import io.otelring.core.component.Factories;
import io.otelring.core.component.Signal;
import io.otelring.core.config.ConfigLoader;
import io.otelring.core.config.ConfigSource;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.Requests;
import io.otelring.core.testing.TestComponents;
import io.otelring.core.testing.TestComponents.Settings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When every exporter of a pipeline is durable, the receiver's OK waits for them. */
class DurableAcknowledgementTest {

  /** Type {@code durable}: an exporter whose stages the test completes by hand. */
  static final class DurableExporters implements ExporterFactory<Settings> {
    final List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();

    @Override
    public String type() {
      return "durable";
    }

    @Override
    public Class<Settings> configType() {
      return Settings.class;
    }

    @Override
    public Settings defaultConfig() {
      return new Settings("", 0);
    }

    @Override
    public Exporter createExporter(ComponentSettings settings, Settings config) {
      return new Exporter() {
        @Override
        public CompletionStage<Void> consume(Telemetry telemetry) {
          CompletableFuture<Void> stage = new CompletableFuture<>();
          pending.add(stage);
          return stage;
        }

        @Override
        public boolean durable() {
          return true;
        }
      };
    }
  }

  private final TestComponents.ManualReceivers receivers = new TestComponents.ManualReceivers();
  private final TestComponents.RecordingExporters recorders =
      new TestComponents.RecordingExporters();
  private final DurableExporters durable = new DurableExporters();
  private final TestComponents.GateProcessors gates = new TestComponents.GateProcessors();
  private final TestComponents.SameSignalConnectors connectors =
      new TestComponents.SameSignalConnectors();
  private PipelineGraph graph;

  @AfterEach
  void stop() {
    gates.open();
    durable.pending.forEach(stage -> stage.complete(null));
    if (graph != null) {
      graph.shutdown(Duration.ofSeconds(5));
    }
  }

  private void start(String exporters) throws Exception {
    start("[]", exporters);
  }

  private void start(String processors, String exporters) throws Exception {
    startYaml(
        """
        receivers: {manual: {}}
        processors: {gate: {}}
        exporters: {durable/a: {}, durable/b: {}, recording: {}}
        service:
          pipelines: {traces: {receivers: [manual], processors: %s, exporters: %s}}
        """
            .formatted(processors, exporters));
  }

  private void startYaml(String yaml) throws Exception {
    var config =
        new ConfigLoader(Factories.of(List.of(receivers, gates, recorders, durable, connectors)))
            .load(ConfigSource.ofYaml("test.yaml", yaml));
    graph = PipelineGraph.build(config, new SimpleMeterRegistry(), RingOptions.DEFAULT);
    graph.start();
  }

  @Test
  void theReceiversStageCompletesOnlyWhenEveryDurableExporterHasTheData() throws Exception {
    start("[durable/a, durable/b]");

    CompletableFuture<Void> answer =
        receivers
            .consumer("manual", Signal.TRACES)
            .consume(Telemetry.traces(Requests.spans("x", 2)))
            .toCompletableFuture();

    await().until(() -> durable.pending.size() == 2);
    assertThat(answer).isNotDone();
    durable.pending.get(0).complete(null);
    assertThat(answer).isNotDone();
    durable.pending.get(1).complete(null);
    await().until(answer::isDone);
    assertThat(answer).isCompletedWithValue(null);
  }

  @Test
  void throughAConnectorTheReceiversStageWaitsForTheDurableExporterDownstream() throws Exception {
    startYaml(
        """
        receivers: {manual: {}}
        connectors: {same: {}}
        exporters: {durable/a: {}}
        service:
          pipelines:
            traces/in: {receivers: [manual], exporters: [same]}
            traces/out: {receivers: [same], exporters: [durable/a]}
        """);

    CompletableFuture<Void> answer =
        receivers
            .consumer("manual", Signal.TRACES)
            .consume(Telemetry.traces(Requests.spans("x", 2)))
            .toCompletableFuture();

    await().until(() -> durable.pending.size() == 1);
    assertThat(answer).isNotDone();
    durable.pending.get(0).complete(null);
    await().until(answer::isDone);
    assertThat(answer).isCompletedWithValue(null);
  }

  @Test
  void aDurableExportersRefusalReachesTheReceiver() throws Exception {
    start("[durable/a]");

    CompletableFuture<Void> answer =
        receivers
            .consumer("manual", Signal.TRACES)
            .consume(Telemetry.traces(Requests.spans("x", 2)))
            .toCompletableFuture();
    await().until(() -> durable.pending.size() == 1);
    durable.pending.get(0).completeExceptionally(Refusal.retryable("queue full", null));

    await().until(answer::isDone);
    Refusal refusal = Refusal.of(answer.handle((ok, failure) -> failure).join());
    assertThat(refusal.isRetryable()).isTrue();
    assertThat(refusal).hasMessage("queue full");
  }

  @Test
  void oneExporterThatIsNotDurableMakesThePipelineAnswerAtPublish() throws Exception {
    start("[durable/a, recording]");

    CompletionStage<Void> answer =
        receivers
            .consumer("manual", Signal.TRACES)
            .consume(Telemetry.traces(Requests.spans("x", 2)));

    assertThat(answer.toCompletableFuture()).isCompletedWithValue(null);
  }

  @Test
  void aDrainThatRunsOutOfTimeRefusesEveryClientStillWaiting() throws Exception {
    start("[gate]", "[durable/a]");
    gates.close();
    var consumer = receivers.consumer("manual", Signal.TRACES);

    List<CompletableFuture<Void>> answers = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      answers.add(consumer.consume(Telemetry.traces(Requests.spans("x", 2))).toCompletableFuture());
    }
    graph.shutdown(Duration.ofMillis(200));

    for (CompletableFuture<Void> answer : answers) {
      assertThat(answer).isCompletedExceptionally();
      Refusal refusal = Refusal.of(answer.handle((ok, failure) -> failure).join());
      assertThat(refusal.isRetryable()).isTrue();
      assertThat(refusal).hasMessage("pipeline traces stopped before handling the data");
    }
  }
}
