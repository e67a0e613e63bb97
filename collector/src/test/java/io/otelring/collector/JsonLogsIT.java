package io.otelring.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged collector with {@code service.telemetry.logs.encoding: json}: every line it writes
 * from start to stop is one JSON object with zap's keys, as a log pipeline (Loki, say) parses the
 * Go collector's, and a file in {@code output_paths} gets the same lines.
 */
class JsonLogsIT {

  @TempDir Path dir;

  @Test
  void everyLineFromStartToStopIsAJsonObjectWithZapsKeys() throws Exception {
    Path file = dir.resolve("otelring.log");
    Path config = dir.resolve("c.yaml");
    Files.writeString(
        config,
        """
        receivers: {otlp: {protocols: {grpc: {endpoint: 127.0.0.1:%d}}}}
        exporters: {debug: {}}
        service:
          telemetry:
            metrics: {level: none}
            logs:
              encoding: json
              output_paths: [stderr, %s]
              initial_fields: {deployment: eu-1}
          pipelines: {traces: {receivers: [otlp], exporters: [debug]}}
        """
            .formatted(FreePorts.next(), file));

    List<String> lines;
    try (CollectorProcess process = CollectorProcess.start("--config", config.toString())) {
      assertThat(process.terminate()).as("SIGTERM").isIn(0, 143);
      lines = new ArrayList<>(process.lines());
    }

    ObjectMapper json = new ObjectMapper();
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      JsonNode entry = json.readTree(line);
      assertThat(entry.path("level").asText()).as(line).isIn("debug", "info", "warn", "error");
      assertThat(entry.path("ts").asText()).as(line).isNotEmpty();
      assertThat(entry.path("deployment").asText()).as(line).isEqualTo("eu-1");
    }
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(json.readTree(line).path("otelcol.component.id").asText())
                    .isEqualTo("otlp"));
    assertThat(Files.readAllLines(file)).isEqualTo(lines);
  }
}
