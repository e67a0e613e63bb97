package io.otelring.bench.e2e;

import java.util.Locale;

/** A system under test: one of the baselines, or otelring running the seed pipeline. */
enum Target {
  B0,
  B2,
  OTELRING;

  String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  String label() {
    return this == OTELRING ? "otelring" : name();
  }

  static Target of(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT));
  }
}
