package io.otelring.core.component;

import java.util.Locale;

/** The three OTLP signals. The item noun is the one the Go collector uses in its self-metrics. */
public enum Signal {
  TRACES("spans"),
  METRICS("metric_points"),
  LOGS("log_records");

  private final String itemNoun;

  Signal(String itemNoun) {
    this.itemNoun = itemNoun;
  }

  /** {@code spans}, {@code metric_points} or {@code log_records}: the suffix of counter names. */
  public String itemNoun() {
    return itemNoun;
  }

  /** The name used in YAML pipeline ids: {@code traces}, {@code metrics}, {@code logs}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a pipeline type as written in YAML, or returns null for an unknown one. */
  public static Signal fromConfigName(String name) {
    for (Signal signal : values()) {
      if (signal.configName().equals(name)) {
        return signal;
      }
    }
    return null;
  }
}
