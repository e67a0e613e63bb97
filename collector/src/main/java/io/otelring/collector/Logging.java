package io.otelring.collector;

import java.util.Map;

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

  private Logging() {}

  static void configure(String level) {
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", LEVELS.getOrDefault(level, "info"));
    setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
    setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSX");
    setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
    setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "false");
    setIfAbsent("org.slf4j.simpleLogger.levelInBrackets", "false");
    // Netty and gRPC are chatty at info about things a user cannot act on.
    setIfAbsent("org.slf4j.simpleLogger.log.io.netty", "warn");
    setIfAbsent("org.slf4j.simpleLogger.log.io.grpc", "warn");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
