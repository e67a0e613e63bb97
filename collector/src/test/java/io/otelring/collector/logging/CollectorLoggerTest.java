package io.otelring.collector.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otelring.core.zap.ZapLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** The collector's log lines through SLF4J, as zap writes the Go collector's. */
class CollectorLoggerTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @AfterEach
  void restore() {
    LogSettings.use(LogSettings.DEFAULTS);
  }

  private void use(boolean json, Level threshold, List<ZapLine.Field> initial) {
    LogSettings.use(
        new LogSettings(
            threshold.toInt(), json, List.of(out), initial, true, ZoneOffset.UTC, null));
  }

  private List<String> lines() {
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void slf4jIsServedByTheCollectorsLog() {
    assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(CollectorLoggerFactory.class);
  }

  @Test
  void aComponentsConsoleLineCarriesItsIdAndKindAsGosDo() {
    use(false, Level.INFO, List.of());

    LoggerFactory.getLogger("otelring.exporter.otlp/tempo").info("Started {} of {}", 1, 2);

    assertThat(lines())
        .singleElement()
        .asString()
        .matches(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\tinfo\tStarted 1 of 2\t"
                + "\\{\"otelcol.component.id\": \"otlp/tempo\","
                + " \"otelcol.component.kind\": \"exporter\"}");
  }

  @Test
  void jsonLinesHaveZapsKeysTheInitialFieldsAndTheError() throws Exception {
    use(true, Level.INFO, List.of(new ZapLine.Field("deployment", "eu-1")));
    Logger logger = LoggerFactory.getLogger("otelring.receiver.otlp");

    logger.warn("Refused {} spans", 7, new IllegalStateException("ring full"));
    logger.debug("not written at info");

    JsonNode line = new ObjectMapper().readTree(lines().get(0));
    assertThat(lines()).hasSize(1);
    assertThat(line.path("level").asText()).isEqualTo("warn");
    assertThat(line.path("ts").asText()).endsWith("Z");
    assertThat(line.path("msg").asText()).isEqualTo("Refused 7 spans");
    assertThat(line.path("deployment").asText()).isEqualTo("eu-1");
    assertThat(line.path("otelcol.component.id").asText()).isEqualTo("otlp");
    assertThat(line.path("otelcol.component.kind").asText()).isEqualTo("receiver");
    assertThat(line.path("error").asText()).isEqualTo("java.lang.IllegalStateException: ring full");
    assertThat(line.path("stacktrace").asText()).contains("at io.otelring.collector.logging");
  }

  @Test
  void zapsSamplerWritesTheFirstLinesOfAMessageThenEveryNthPerLevel() {
    LogSettings.use(
        new LogSettings(
            Level.INFO.toInt(),
            false,
            List.of(out),
            List.of(),
            true,
            ZoneOffset.UTC,
            new LogSettings.Sampling(Duration.ofMinutes(1), 2, 3)));
    Logger logger = LoggerFactory.getLogger("otelring.exporter.otlp");

    for (int i = 1; i <= 10; i++) {
      logger.warn("Refused {} spans", i);
    }
    logger.info("Refused {} spans", 99);
    logger.warn("Another message");

    assertThat(lines())
        .map(line -> line.split("\t")[2])
        .containsExactly(
            "Refused 1 spans",
            "Refused 2 spans",
            "Refused 5 spans",
            "Refused 8 spans",
            "Refused 99 spans",
            "Another message");
  }

  @Test
  void nettyAndGrpcWriteWarningsOnlyAndOtherLoggersNameThemselves() {
    use(false, Level.DEBUG, List.of());

    LoggerFactory.getLogger("io.netty.channel.DefaultChannelPipeline").info("chatter");
    LoggerFactory.getLogger("io.otelring.core.pipeline.PipelineGraph").debug("Built");

    assertThat(lines())
        .singleElement()
        .asString()
        .endsWith("\tdebug\tBuilt\t{\"logger\": \"io.otelring.core.pipeline.PipelineGraph\"}");
  }
}
