package io.otelring.exporter.debug;

import java.util.Locale;

/** How much the debug exporter prints; parsed case-insensitively, as Go's configtelemetry.Level. */
enum Verbosity {
  BASIC,
  NORMAL,
  DETAILED;

  /** The level named by the text, or null when Go would not accept it for this exporter. */
  static Verbosity parse(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "basic" -> BASIC;
      case "normal" -> NORMAL;
      case "detailed" -> DETAILED;
      default -> null;
    };
  }
}
