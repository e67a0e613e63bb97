package io.otelring.exporter.sending;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.Signal;
import java.util.EnumMap;
import java.util.Map;

/**
 * An exporter's self-metrics under the Go collector's names, tagged {@code exporter}: items sent,
 * failed to send and failed to enqueue per signal, and the queue's size and capacity. Sent and
 * failed are counted where the sending happens, after the queue.
 */
final class ExporterMetrics {

  private final Map<Signal, Counter> sent = new EnumMap<>(Signal.class);
  private final Map<Signal, Counter> sendFailed = new EnumMap<>(Signal.class);
  private final Map<Signal, Counter> enqueueFailed = new EnumMap<>(Signal.class);

  ExporterMetrics(MeterRegistry meters, ComponentId id, SendingQueue queue) {
    String exporter = id.toString();
    for (Signal signal : Signal.values()) {
      String noun = signal.itemNoun();
      sent.put(signal, counter(meters, "otelcol_exporter_sent_" + noun, exporter));
      sendFailed.put(signal, counter(meters, "otelcol_exporter_send_failed_" + noun, exporter));
      enqueueFailed.put(
          signal, counter(meters, "otelcol_exporter_enqueue_failed_" + noun, exporter));
    }
    Gauge.builder("otelcol_exporter_queue_size", queue, SendingQueue::size)
        .tag("exporter", exporter)
        .register(meters);
    Gauge.builder("otelcol_exporter_queue_capacity", queue, SendingQueue::capacity)
        .tag("exporter", exporter)
        .register(meters);
  }

  private static Counter counter(MeterRegistry meters, String name, String exporter) {
    return Counter.builder(name).tag("exporter", exporter).register(meters);
  }

  void sent(Signal signal, long items) {
    if (items > 0) {
      sent.get(signal).increment(items);
    }
  }

  void sendFailed(Signal signal, long items) {
    if (items > 0) {
      sendFailed.get(signal).increment(items);
    }
  }

  void enqueueFailed(Signal signal, long items) {
    enqueueFailed.get(signal).increment(items);
  }
}
