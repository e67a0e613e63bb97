package io.otelring.collector;

import com.fasterxml.jackson.databind.JsonNode;
import io.otelring.collector.logging.LogSettings;
import io.otelring.core.config.GoDuration;
import io.otelring.core.config.ServiceConfig;
import io.otelring.core.zap.OutputPaths;
import io.otelring.core.zap.ZapLine;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Applies {@code service.telemetry.logs} to the collector's log ({@link LogSettings}): the level,
 * the encoding (console or JSON, as zap writes them), the outputs and the initial fields. Runs once
 * the config is read; what is logged before that uses Go's defaults.
 */
final class Logging {

  private static final Map<String, Level> LEVELS =
      Map.of(
          "debug",
          Level.DEBUG,
          "info",
          Level.INFO,
          "warn",
          Level.WARN,
          "error",
          Level.ERROR,
          "dpanic",
          Level.ERROR,
          "panic",
          Level.ERROR,
          "fatal",
          Level.ERROR);

  /**
   * grpc-java and Netty log through java.util.logging; held here so the levels set on them are not
   * lost when the JDK collects unreferenced loggers.
   */
  private static final java.util.logging.Logger[] QUIETED = {
    java.util.logging.Logger.getLogger("io.grpc"), java.util.logging.Logger.getLogger("io.netty")
  };

  private Logging() {}

  /**
   * @throws IOException naming an output path that cannot be opened, as Go fails to build its
   *     logger then
   */
  static void configure(ServiceConfig.LogsTelemetry logs) throws IOException {
    // grpc-java logs a WARNING with a stack trace for every oversize or malformed message a client
    // sends; the receiver already answers and counts those, so only severe problems get through.
    for (java.util.logging.Logger logger : QUIETED) {
      logger.setLevel(java.util.logging.Level.SEVERE);
    }
    List<ZapLine.Field> initialFields = new ArrayList<>();
    if (logs.initialFields() != null) {
      logs.initialFields()
          .fields()
          .forEachRemaining(
              field ->
                  initialFields.add(
                      new ZapLine.Field(
                          field.getKey(),
                          field.getValue().isNumber()
                              ? field.getValue().numberValue()
                              : field.getValue().asText())));
    }
    LogSettings.use(
        new LogSettings(
            LEVELS.getOrDefault(logs.level(), Level.INFO).toInt(),
            "json".equals(logs.encoding()),
            outputs(logs.outputPaths() == null ? List.of("stderr") : logs.outputPaths()),
            List.copyOf(initialFields),
            !Boolean.TRUE.equals(logs.disableStacktrace()),
            LogSettings.DEFAULTS.zone(),
            sampling(logs.sampling())));
    List<String> unapplied = logs.unappliedKeys();
    if (!unapplied.isEmpty()) {
      LoggerFactory.getLogger("otelring.collector")
          .warn("service::telemetry::logs: {} accepted but not applied", unapplied);
    }
  }

  /**
   * {@code sampling}: Go's default (on: 10 per 10 s, then every 100th) when absent, off with {@code
   * enabled: false}, else the keys given over the defaults.
   */
  private static LogSettings.Sampling sampling(JsonNode sampling) {
    LogSettings.Sampling go = LogSettings.Sampling.GO_DEFAULT;
    if (sampling == null || sampling.isNull()) {
      return go;
    }
    if (!sampling.path("enabled").asBoolean(true)) {
      return null;
    }
    JsonNode tick = sampling.path("tick");
    return new LogSettings.Sampling(
        tick.isMissingNode() ? go.tick() : GoDuration.parse(tick.asText()),
        sampling.path("initial").asLong(go.initial()),
        sampling.path("thereafter").asLong(go.thereafter()));
  }

  /** The outputs, as zap opens them. */
  private static List<PrintStream> outputs(List<String> paths) throws IOException {
    try {
      return List.of(OutputPaths.open(paths));
    } catch (IOException e) {
      throw new IOException("service::telemetry::logs::" + e.getMessage(), e);
    }
  }
}
