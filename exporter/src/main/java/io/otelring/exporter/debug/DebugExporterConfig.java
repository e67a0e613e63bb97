package io.otelring.exporter.debug;

import io.otelring.core.component.ComponentConfig;
import java.util.List;
import java.util.Locale;

/**
 * The {@code debug} exporter's config, with the Go collector's keys and defaults (v0.128.0).
 *
 * @param verbosity {@code basic} (default), {@code normal} or {@code detailed}, in any letter case
 * @param samplingInitial entries with the same message written per second before sampling (2)
 * @param samplingThereafter after those, every n-th entry is written (1: no sampling)
 * @param useInternalLogger true (default): lines carry time, level and the component's fields and
 *     go to the collector's log stream (stderr); false: bare lines on stdout
 */
public record DebugExporterConfig(
    String verbosity, int samplingInitial, int samplingThereafter, boolean useInternalLogger)
    implements ComponentConfig {

  static final DebugExporterConfig DEFAULT = new DebugExporterConfig("basic", 2, 1, true);

  /**
   * Go accepts any sampling numbers (zap reads them as unsigned), so only the verbosity is checked;
   * the messages are Go's, prefixed with the key.
   */
  @Override
  public List<String> validate() {
    if (verbosity == null) {
      return List.of();
    }
    if (verbosity.equalsIgnoreCase("none")) {
      return List.of("verbosity: verbosity level \"None\" is not supported");
    }
    if (Verbosity.parse(verbosity) == null) {
      return List.of(
          "verbosity: unknown metrics level \"" + verbosity.toLowerCase(Locale.ROOT) + "\"");
    }
    return List.of();
  }

  /** The parsed verbosity; an absent (null) value means the default, basic. */
  Verbosity level() {
    Verbosity level = verbosity == null ? Verbosity.BASIC : Verbosity.parse(verbosity);
    if (level == null) {
      throw new IllegalStateException("invalid verbosity " + verbosity + "; validate() first");
    }
    return level;
  }
}
