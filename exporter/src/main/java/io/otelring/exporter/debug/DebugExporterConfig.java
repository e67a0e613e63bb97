package io.otelring.exporter.debug;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.otelring.core.component.ComponentConfig;
import io.otelring.exporter.sending.QueueConfig;
import java.util.ArrayList;
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
 * @param outputPaths without the internal logger, where the lines go: {@code stdout}, {@code
 *     stderr} or files (appended to); null means stdout
 * @param sendingQueue a sending queue in front of the output, as Go's debug exporter takes one;
 *     null (the default) writes on the pipeline's thread
 */
public record DebugExporterConfig(
    String verbosity,
    int samplingInitial,
    int samplingThereafter,
    boolean useInternalLogger,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> outputPaths,
    @JsonInclude(JsonInclude.Include.NON_NULL) QueueConfig sendingQueue)
    implements ComponentConfig {

  static final DebugExporterConfig DEFAULT =
      new DebugExporterConfig("basic", 2, 1, true, null, null);

  /**
   * Go accepts any sampling numbers (zap reads them as unsigned), so only the verbosity is checked;
   * the messages are Go's, prefixed with the key.
   */
  @Override
  public List<String> validate() {
    List<String> problems = new ArrayList<>();
    if (verbosity != null && verbosity.equalsIgnoreCase("none")) {
      problems.add("verbosity: verbosity level \"None\" is not supported");
    } else if (verbosity != null && Verbosity.parse(verbosity) == null) {
      problems.add(
          "verbosity: unknown metrics level \"" + verbosity.toLowerCase(Locale.ROOT) + "\"");
    }
    if (useInternalLogger && outputPaths != null) {
      problems.add("output_paths: output_paths is not supported when use_internal_logger is true");
    }
    if (!useInternalLogger && outputPaths != null && outputPaths.isEmpty()) {
      problems.add(
          "output_paths: output_paths must not be empty when use_internal_logger is false");
    }
    if (sendingQueue != null) {
      sendingQueue.validate("sending_queue", problems);
    }
    return problems;
  }

  /** True when a sending queue stands in front of the output. */
  boolean queued() {
    return sendingQueue != null && sendingQueue.enabled();
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
