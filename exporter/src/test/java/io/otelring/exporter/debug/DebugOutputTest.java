package io.otelring.exporter.debug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Exporter;
import io.otelring.core.component.Kind;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.ConfigFixtures;
import io.otelring.exporter.sending.QueueConfig;
import io.otelring.exporter.sending.QueuedExporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The debug exporter's {@code output_paths} and {@code sending_queue}, as Go's takes them. */
class DebugOutputTest {

  private static final String TRACES_LINE = "Traces\t{\"resource spans\": 1, \"spans\": 2}\n";

  private final DebugExporterFactory factory = new DebugExporterFactory();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @TempDir Path dir;

  private Exporter start(String yaml) throws Exception {
    Exporter exporter =
        factory.createExporter(
            ComponentSettings.of(ComponentId.parse("debug"), Kind.EXPORTER, meters),
            ConfigFixtures.bind(factory, yaml));
    exporter.start();
    return exporter;
  }

  @Test
  void everyOutputPathGetsEveryLineAndAFileIsAppendedTo() throws Exception {
    Path first = dir.resolve("first.log");
    Path second = dir.resolve("second.log");
    Files.writeString(first, "earlier\n");
    Exporter exporter =
        start("{use_internal_logger: false, output_paths: [" + first + ", " + second + "]}");

    exporter.consume(Telemetry.traces(GoTestData.traces(2)));
    exporter.shutdown(Duration.ofSeconds(1));

    assertThat(Files.readString(first, StandardCharsets.UTF_8))
        .isEqualTo("earlier\n" + TRACES_LINE);
    assertThat(Files.readString(second, StandardCharsets.UTF_8)).isEqualTo(TRACES_LINE);
  }

  @Test
  void outputPathsAreCheckedAsGoChecksThem() {
    assertThat(ConfigFixtures.problems(factory, "{output_paths: [stdout]}"))
        .containsExactly(
            "output_paths: output_paths is not supported when use_internal_logger is true");
    assertThat(ConfigFixtures.problems(factory, "{use_internal_logger: false, output_paths: []}"))
        .containsExactly(
            "output_paths: output_paths must not be empty when use_internal_logger is false");
  }

  @Test
  void withASendingQueueTheQueuesWorkersPrintAndCountWhatWasSent() throws Exception {
    Path file = dir.resolve("queued.log");
    Exporter exporter =
        start(
            "{use_internal_logger: false, output_paths: ["
                + file
                + "], sending_queue: {num_consumers: 1, queue_size: 5}}");

    assertThat(exporter).isInstanceOf(QueuedExporter.class);
    exporter.consume(Telemetry.traces(GoTestData.traces(2)));

    await().until(() -> meters.get("otelcol_exporter_sent_spans").counter().count() == 2);
    exporter.shutdown(Duration.ofSeconds(1));
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(TRACES_LINE);
  }

  @Test
  void theQueueIsOffUnlessTheSectionIsThereAsInGo() {
    assertThat(ConfigFixtures.bind(factory, "{}").sendingQueue()).isNull();
    assertThat(ConfigFixtures.bind(factory, "sending_queue:\n").sendingQueue())
        .isEqualTo(QueueConfig.defaults());
    assertThat(ConfigFixtures.bind(factory, "{sending_queue: {enabled: false}}").queued())
        .isFalse();
  }
}
