package io.otelring.core.component;

import java.util.List;
import java.util.Optional;

/** What an extension or exporter may ask of the running collector. */
public interface Host {

  /** True while every pipeline is started and none has stopped. */
  boolean pipelinesRunning();

  /**
   * The extension with this id, when it is listed in {@code service.extensions} (such as the {@code
   * file_storage} a persistent sending queue names, or an {@code auth.authenticator}). Extensions
   * are created before receivers and exporters and started before them.
   */
  default Optional<Extension> extension(ComponentId id) {
    return Optional.empty();
  }

  /** The pipelines, in the order of the config. */
  default List<PipelineSummary> pipelines() {
    return List.of();
  }

  /** The ids of the extensions listed in {@code service.extensions}, in that order. */
  default List<ComponentId> extensions() {
    return List.of();
  }
}
