package io.otelring.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otelring.core.component.Factories;
import io.otelring.core.component.Signal;
import io.otelring.core.config.ConfigLoader;
import io.otelring.core.config.ConfigSource;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.Requests;
import io.otelring.core.testing.TestComponents;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pipelines joined by connectors: data flows on, and shutdown drains upstream first. */
class PipelineGraphConnectorTest {

  private final TestComponents.ManualReceivers receivers = new TestComponents.ManualReceivers();
  private final TestComponents.RecordingExporters exporters =
      new TestComponents.RecordingExporters();
  private final TestComponents.GateProcessors gates = new TestComponents.GateProcessors();
  private final TestComponents.SameSignalConnectors connectors =
      new TestComponents.SameSignalConnectors();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private PipelineGraph graph;

  @AfterEach
  void stop() {
    gates.open();
    if (graph != null) {
      graph.shutdown(Duration.ofSeconds(5));
    }
  }

  private void start(String yaml, RingOptions ring) throws Exception {
    var config =
        new ConfigLoader(Factories.of(List.of(receivers, exporters, gates, connectors)))
            .load(ConfigSource.ofYaml("test.yaml", yaml));
    graph = PipelineGraph.build(config, meters, ring);
    graph.start();
  }

  @Test
  void aConnectorFansOutToEveryPipelineThatReceivesFromIt() throws Exception {
    start(
        """
        receivers: {manual: {}}
        processors: {gate: {}}
        connectors: {same: {}}
        exporters: {recording/a: {}, recording/b: {}}
        service:
          pipelines:
            traces/b: {receivers: [same], processors: [gate], exporters: [recording/b]}
            traces/in: {receivers: [manual], exporters: [same]}
            traces/a: {receivers: [same], exporters: [recording/a]}
            logs: {receivers: [manual], exporters: [same]}
            logs/out: {receivers: [same], exporters: [recording/a]}
        """,
        RingOptions.DEFAULT);

    receivers
        .consumer("manual", Signal.TRACES)
        .consume(Telemetry.traces(Requests.spans("x", 3)))
        .toCompletableFuture()
        .join();

    await().untilAsserted(() -> assertThat(exporters.get("recording/a").itemCount()).isEqualTo(3));
    await().untilAsserted(() -> assertThat(exporters.get("recording/b").itemCount()).isEqualTo(3));
    // One connector per signal it takes in, started before the pipelines run; not an exporter.
    assertThat(connectors.events)
        .containsExactlyInAnyOrder(
            "create connector same (traces)",
            "create connector same (logs)",
            "start connector same (traces)",
            "start connector same (logs)");
    assertThat(meters.find("otelcol_exporter_sent_spans").tag("exporter", "same").counter())
        .isNull();
  }

  @Test
  void shutdownDrainsAndFlushesAPipelineBeforeThoseItFeeds() throws Exception {
    // Listed downstream first: the order of the config is not the order of the drain.
    start(
        """
        receivers: {manual: {}}
        processors: {gate: {}}
        connectors: {same: {}}
        exporters: {recording: {}}
        service:
          pipelines:
            traces/out: {receivers: [same], exporters: [recording]}
            traces/in: {receivers: [manual], processors: [gate], exporters: [same]}
        """,
        new RingOptions(64, Duration.ofSeconds(1)));
    gates.close();
    Consumer traces = receivers.consumer("manual", Signal.TRACES);
    for (int i = 0; i < 10; i++) {
      traces.consume(Telemetry.traces(Requests.spans("d" + i, 1))).toCompletableFuture().join();
    }

    // The gate opens once shutdown is under way and had time to drain whatever it drains first:
    // the items then reach the connector only while the upstream ring drains.
    new Thread(
            () -> {
              await().until(() -> receivers.events.contains("stop receiver manual"));
              sleep(300);
              gates.open();
            })
        .start();
    graph.shutdown(Duration.ofSeconds(10));

    assertThat(exporters.get("recording").itemCount()).isEqualTo(10);
    assertThat(connectors.events).endsWith("stop connector same (traces)");
  }

  @Test
  void aFullPipelineHoldsBackTheOneFeedingItWhoseReceiversThenRefuse() throws Exception {
    start(
        """
        receivers: {manual: {}}
        processors: {gate: {}}
        connectors: {same: {}}
        exporters: {recording: {}}
        service:
          pipelines:
            traces/in: {receivers: [manual], exporters: [same]}
            traces/out: {receivers: [same], processors: [gate], exporters: [recording]}
        """,
        new RingOptions(4, Duration.ofMillis(500)));
    gates.close();
    Consumer traces = receivers.consumer("manual", Signal.TRACES);

    long accepted = 0;
    Refusal refusal = null;
    for (int i = 0; i < 40 && refusal == null; i++) {
      try {
        traces.consume(Telemetry.traces(Requests.spans("r" + i, 1))).toCompletableFuture().join();
        accepted++;
        sleep(20); // time for the ring threads to move it on as far as they can
      } catch (CompletionException e) {
        refusal = Refusal.of(e);
      }
    }

    // Both rings fill (4 slots each, and their consumers hold one each: about 10 items); then the
    // receiver is refused upstream. Without the wait, the upstream ring would drop what the full
    // one refuses and never fill: no refusal, or fewer items delivered than accepted.
    assertThat(refusal).isNotNull();
    assertThat(refusal.getMessage()).isEqualTo("pipeline traces/in is full, retry later");
    gates.open();
    long expected = accepted;
    await()
        .untilAsserted(
            () -> assertThat(exporters.get("recording").itemCount()).isEqualTo(expected));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
