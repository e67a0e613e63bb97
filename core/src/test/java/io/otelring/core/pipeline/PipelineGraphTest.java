package io.otelring.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Factories;
import io.otelring.core.component.Processor;
import io.otelring.core.component.ProcessorFactory;
import io.otelring.core.component.Signal;
import io.otelring.core.config.ConfigLoader;
import io.otelring.core.config.ConfigSource;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.Requests;
import io.otelring.core.testing.TestComponents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PipelineGraphTest {

  private final TestComponents.ManualReceivers receivers = new TestComponents.ManualReceivers();
  private final TestComponents.RecordingExporters exporters =
      new TestComponents.RecordingExporters();
  private final TestComponents.GateProcessors gates = new TestComponents.GateProcessors();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private PipelineGraph graph;

  @AfterEach
  void stop() {
    gates.open();
    if (graph != null) {
      graph.shutdown(Duration.ofSeconds(5));
    }
  }

  private PipelineGraph start(String yaml, RingOptions ring) throws Exception {
    var config =
        new ConfigLoader(Factories.of(List.of(receivers, exporters, gates)))
            .load(ConfigSource.ofYaml("test.yaml", yaml));
    graph = PipelineGraph.build(config, meters, ring);
    graph.start();
    return graph;
  }

  @Test
  void aReceiverFansOutToEveryPipelineAndASharedExporterIsCreatedOnce() throws Exception {
    start(
        """
        receivers: {manual: {}}
        processors: {gate: {}}
        exporters: {recording/a: {}, recording/b: {}}
        service:
          pipelines:
            traces: {receivers: [manual], processors: [gate], exporters: [recording/a]}
            traces/copy: {receivers: [manual], exporters: [recording/a, recording/b]}
        """,
        RingOptions.DEFAULT);

    Consumer traces = receivers.consumer("manual", Signal.TRACES);
    traces.consume(Telemetry.traces(Requests.spans("x", 3))).toCompletableFuture().join();

    await().untilAsserted(() -> assertThat(exporters.get("recording/a").itemCount()).isEqualTo(6));
    await().untilAsserted(() -> assertThat(exporters.get("recording/b").itemCount()).isEqualTo(3));
    assertThat(exporters.created).hasSize(2);
    assertThat(
            meters
                .get("otelcol_exporter_sent_spans")
                .tag("exporter", "recording/a")
                .counter()
                .count())
        .isEqualTo(6);
  }

  @Test
  void startsExportersFirstAndStopsReceiversFirst() throws Exception {
    start(
        """
        receivers: {manual: {}}
        processors: {gate: {}}
        exporters: {recording: {}}
        service: {pipelines: {logs: {receivers: [manual], processors: [gate], exporters: [recording]}}}
        """,
        RingOptions.DEFAULT);
    assertThat(exporters.events).containsExactly("start exporter recording");
    assertThat(receivers.events).containsExactly("start receiver manual");

    graph.shutdown(Duration.ofSeconds(5));
    graph.shutdown(Duration.ofSeconds(5));

    assertThat(receivers.events).containsExactly("start receiver manual", "stop receiver manual");
    assertThat(gates.events).containsExactly("stop processor gate");
    assertThat(exporters.events)
        .containsExactly("start exporter recording", "stop exporter recording");
    assertThat(graph.pipelinesRunning()).isFalse();
  }

  @Test
  void aFullRingRefusesWithARetryDelayAndLosesNothingAccepted() throws Exception {
    start(
        """
        receivers: {manual: {}}
        processors: {gate: {}}
        exporters: {recording: {}}
        service: {pipelines: {traces: {receivers: [manual], processors: [gate], exporters: [recording]}}}
        """,
        new RingOptions(4, Duration.ofMillis(750)));
    gates.close();
    Consumer traces = receivers.consumer("manual", Signal.TRACES);

    List<CompletionStage<Void>> answers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      answers.add(traces.consume(Telemetry.traces(Requests.spans("r" + i, 2))));
    }
    long accepted =
        answers.stream().filter(a -> !a.toCompletableFuture().isCompletedExceptionally()).count();
    List<Refusal> refusals = new ArrayList<>();
    for (CompletionStage<Void> answer : answers) {
      try {
        answer.toCompletableFuture().join();
      } catch (CompletionException e) {
        refusals.add(Refusal.of(e));
      }
    }

    // the stalled consumer holds one slot's event, the ring holds four more
    assertThat(accepted).isBetween(4L, 5L);
    assertThat(refusals).hasSize(20 - (int) accepted);
    assertThat(refusals)
        .allSatisfy(
            r -> {
              assertThat(r.isRetryable()).isTrue();
              assertThat(r.retryDelay()).contains(Duration.ofMillis(750));
              assertThat(r.getMessage()).isEqualTo("pipeline traces is full, retry later");
            });
    assertThat(meters.get("otelring_ring_full_refusals").counter().count())
        .isEqualTo(refusals.size());

    gates.open();
    await()
        .untilAsserted(
            () -> assertThat(exporters.get("recording").itemCount()).isEqualTo(2 * accepted));
  }

  @Test
  void ticksReachProcessorsOnTheRingThread() throws Exception {
    start(
        """
        receivers: {manual: {}}
        processors: {gate: {count: 10}}
        exporters: {recording: {}}
        service: {pipelines: {metrics: {receivers: [manual], processors: [gate], exporters: [recording]}}}
        """,
        RingOptions.DEFAULT);

    await().atMost(Duration.ofSeconds(5)).until(() -> gates.ticks.size() >= 3);
  }

  /** A processor that asks for a tick gets one, at its time; an idle pipeline gets none. */
  @Test
  void aTickAskedForArrivesAtItsTimeAndAnIdleRingSleeps() throws Exception {
    gates.tickAfterEachRequest = Duration.ofMillis(100);
    start(
        """
        receivers: {manual: {}}
        processors: {gate: {}}
        exporters: {recording: {}}
        service: {pipelines: {traces: {receivers: [manual], processors: [gate], exporters: [recording]}}}
        """,
        RingOptions.DEFAULT);
    TimeUnit.MILLISECONDS.sleep(300);
    assertThat(gates.ticks).isEmpty();

    long sent = System.nanoTime();
    receivers
        .consumer("manual", Signal.TRACES)
        .consume(Telemetry.traces(Requests.spans("t", 1)))
        .toCompletableFuture()
        .join();

    await().atMost(Duration.ofSeconds(5)).until(() -> !gates.ticks.isEmpty());
    assertThat(gates.ticks.get(0) - sent).isGreaterThanOrEqualTo(Duration.ofMillis(100).toNanos());
    TimeUnit.MILLISECONDS.sleep(300);
    assertThat(gates.ticks).hasSize(1);
  }

  @Test
  void shutdownDrainsWhatTheRingHolds() throws Exception {
    start(
        """
        receivers: {manual: {}}
        processors: {gate: {}}
        exporters: {recording: {}}
        service: {pipelines: {traces: {receivers: [manual], processors: [gate], exporters: [recording]}}}
        """,
        new RingOptions(64, Duration.ofSeconds(1)));
    gates.close();
    Consumer traces = receivers.consumer("manual", Signal.TRACES);
    for (int i = 0; i < 10; i++) {
      traces.consume(Telemetry.traces(Requests.spans("d" + i, 1))).toCompletableFuture().join();
    }

    new Thread(gates::open).start();
    graph.shutdown(Duration.ofSeconds(10));

    assertThat(exporters.get("recording").itemCount()).isEqualTo(10);
    assertThat(traces.consume(Telemetry.traces(Requests.spans("late", 1))).toCompletableFuture())
        .isCompletedExceptionally();
  }

  @Test
  void aThrowingProcessorIsCountedAndTheRingGoesOn() throws Exception {
    start(
        """
        receivers: {manual: {}}
        exporters: {recording: {}}
        service: {pipelines: {traces: {receivers: [manual], exporters: [recording]}}}
        """,
        RingOptions.DEFAULT);
    exporters.get("recording").refuseWith(Refusal.permanent("backend says no"));
    Consumer traces = receivers.consumer("manual", Signal.TRACES);

    traces.consume(Telemetry.traces(Requests.spans("a", 2))).toCompletableFuture().join();
    await()
        .untilAsserted(
            () ->
                assertThat(meters.get("otelring_pipeline_failed_items").counter().count())
                    .isEqualTo(2));
    exporters.get("recording").refuseWith(null);
    traces.consume(Telemetry.traces(Requests.spans("b", 3))).toCompletableFuture().join();
    await().untilAsserted(() -> assertThat(exporters.get("recording").itemCount()).isEqualTo(3));
    assertThat(meters.get("otelcol_exporter_send_failed_spans").counter().count()).isEqualTo(2);
  }

  @Test
  void aProcessorThatDoesNotAdmitRefusesBeforeTheRingAndSeesNothing() throws Exception {
    Admissions admissions = new Admissions();
    var config =
        new ConfigLoader(Factories.of(List.of(receivers, exporters, gates, admissions)))
            .load(
                ConfigSource.ofYaml(
                    "test.yaml",
                    """
                    receivers: {manual: {}}
                    processors: {gate: {}, admission: {}}
                    exporters: {recording: {}}
                    service:
                      pipelines:
                        traces: {receivers: [manual], processors: [gate, admission], exporters: [recording]}
                    """));
    graph = PipelineGraph.build(config, meters, RingOptions.DEFAULT);
    graph.start();
    Consumer traces = receivers.consumer("manual", Signal.TRACES);
    Refusal memory = Refusal.retryable("memory is low", Duration.ofMillis(200));

    admissions.refusal = memory;
    var refused = traces.consume(Telemetry.traces(Requests.spans("no", 2))).toCompletableFuture();
    admissions.refusal = null;
    traces.consume(Telemetry.traces(Requests.spans("yes", 3))).toCompletableFuture().join();

    assertThat(refused).isCompletedExceptionally();
    assertThat(Refusal.of(refused.handle((ok, e) -> e).join())).isSameAs(memory);
    await().untilAsserted(() -> assertThat(exporters.get("recording").itemCount()).isEqualTo(3));
    assertThat(admissions.consumed).isEqualTo(3);
    assertThat(admissions.askedOnRingThread).isFalse();
    assertThat(meters.get("otelring_ring_full_refusals").counter().count()).isZero();
  }

  /** Type {@code admission}: refuses at admission while {@link #refusal} is set; passes data on. */
  static final class Admissions implements ProcessorFactory<TestComponents.Settings> {
    volatile Refusal refusal;
    volatile boolean askedOnRingThread;
    volatile int consumed;

    @Override
    public String type() {
      return "admission";
    }

    @Override
    public Class<TestComponents.Settings> configType() {
      return TestComponents.Settings.class;
    }

    @Override
    public TestComponents.Settings defaultConfig() {
      return new TestComponents.Settings("", 0);
    }

    @Override
    public Processor createProcessor(
        ComponentSettings settings, TestComponents.Settings config, Signal signal, Consumer next) {
      return new Processor() {
        @Override
        public Optional<Refusal> admit(Telemetry telemetry) {
          askedOnRingThread |= Thread.currentThread().getName().startsWith("ring-");
          return Optional.ofNullable(refusal);
        }

        @Override
        public CompletionStage<Void> consume(Telemetry telemetry) {
          consumed += telemetry.itemCount();
          return next.consume(telemetry);
        }
      };
    }
  }
}
