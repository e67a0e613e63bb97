package io.otelring.core.component;

import java.util.List;

/**
 * A running pipeline as the collector describes it (the zpages extension shows these): its id, its
 * signal and its components' ids in order; a connector's id is followed by {@code " (connector)"},
 * as the Go collector writes it.
 */
public record PipelineSummary(
    String id,
    Signal signal,
    List<String> receivers,
    List<String> processors,
    List<String> exporters) {

  public PipelineSummary {
    receivers = List.copyOf(receivers);
    processors = List.copyOf(processors);
    exporters = List.copyOf(exporters);
  }
}
