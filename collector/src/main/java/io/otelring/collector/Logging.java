package io.otelring.collector;

import io.otelring.core.config.ServiceConfig;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Configures slf4j-simple from {@code service.telemetry.logs.level}: one line per event on stderr
 * with a UTC timestamp, the level and the logger (which names the component). Must run before the
 * first logger is created, which is why the config is loaded before anything logs.
 */
final class Logging {

  private static final Map<String, String> LEVELS =
      Map.of(
          "debug", "debug", "info", "info", "warn", "warn", "error", "error", "dpanic", "error",
          "panic", "error", "fatal", "error");

  /**
   * grpc-java and Netty log through java.util.logging; held here so the levels set on them are not
   * lost when the JDK collects unreferenced loggers.
   */
  private static final java.util.logging.Logger[] QUIETED = {
    java.util.logging.Logger.getLogger("io.grpc"), java.util.logging.Logger.getLogger("io.netty")
  };

  private Logging() {}

  /** Sets the level, and says which other {@code logs} keys the lines do not follow. */
  static void configure(ServiceConfig.LogsTelemetry logs) {
    configure(logs.level());
    List<String> unapplied = logs.unappliedKeys();
    if (!unapplied.isEmpty()) {
      LoggerFactory.getLogger("otelring.collector")
          .warn(
              "service::telemetry::logs: {} accepted but not applied: otelring writes console"
                  + " lines to stderr",
              unapplied);
    }
  }

  private static void configure(String level) {
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", LEVELS.getOrDefault(level, "info"));
    setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
    setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSX");
    setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
    setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "false");
    setIfAbsent("org.slf4j.simpleLogger.levelInBrackets", "false");
    // Netty and gRPC are chatty at info about things a user cannot act on.
    setIfAbsent("org.slf4j.simpleLogger.log.io.netty", "warn");
    setIfAbsent("org.slf4j.simpleLogger.log.io.grpc", "warn");
    // grpc-java logs a WARNING with a stack trace for every oversize or malformed message a client
    // sends; the receiver already answers and counts those, so only severe problems get through.
    for (java.util.logging.Logger logger : QUIETED) {
      logger.setLevel(java.util.logging.Level.SEVERE);
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
