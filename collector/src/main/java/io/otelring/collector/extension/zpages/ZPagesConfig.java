package io.otelring.collector.extension.zpages;

import io.otelring.core.component.ComponentConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code zpages} extension's settings, with the Go collector's keys.
 *
 * @param endpoint host:port to listen on (Go's default {@code localhost:55679})
 * @param expvar Go's runtime variables page, which has no counterpart here: it must stay off
 */
public record ZPagesConfig(String endpoint, Expvar expvar) implements ComponentConfig {

  /** {@code expvar}: the Go runtime's variables at {@code /debug/expvarz}. */
  public record Expvar(Boolean enabled) {}

  static ZPagesConfig defaults() {
    return new ZPagesConfig("localhost:55679", new Expvar(false));
  }

  @Override
  public List<String> validate() {
    List<String> problems = new ArrayList<>();
    if (endpoint == null || endpoint.isBlank()) {
      problems.add("endpoint: \"endpoint\" is required when using the \"zpages\" extension");
    } else if (endpoint.lastIndexOf(':') < 0) {
      problems.add("endpoint: must be host:port, not \"" + endpoint + "\"");
    }
    if (expvar != null && Boolean.TRUE.equals(expvar.enabled())) {
      problems.add(
          "expvar::enabled: expvar shows the Go runtime's variables, which otelring does not have;"
              + " its own metrics are on service::telemetry::metrics");
    }
    return problems;
  }
}
