package io.otelring.core.component;

import io.otelring.core.consumer.Consumer;

/**
 * Sends telemetry out of the collector. {@link #consume} is called from ring threads (one per
 * pipeline that lists the exporter) and must not block on the network: an exporter that talks to a
 * backend owns a bounded queue and its own workers.
 */
public interface Exporter extends Consumer, Lifecycle {

  /**
   * True when this exporter counts {@code otelcol_exporter_sent_*} and {@code
   * otelcol_exporter_send_failed_*} itself, where it really sends (after its queue). The pipeline
   * graph counts for every other exporter when its {@link #consume} stage completes.
   */
  default boolean countsSends() {
    return false;
  }
}
