package io.otelring.receiver.otlp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.Signal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The Go collector's receiver self-metrics for one receiver and transport: {@code
 * otelcol_receiver_accepted_<items>} and {@code otelcol_receiver_refused_<items>} (the Prometheus
 * registry adds {@code _total}), tagged {@code receiver} and {@code transport}. Every item a client
 * sent is counted once: received = accepted + refused.
 */
final class ReceiverMetrics {

  private final Map<Signal, Counter> accepted = new EnumMap<>(Signal.class);
  private final Map<Signal, Counter> refused = new EnumMap<>(Signal.class);

  ReceiverMetrics(MeterRegistry registry, ComponentId receiver, String transport) {
    for (Signal signal : Signal.values()) {
      accepted.put(signal, counter(registry, "accepted", signal, receiver, transport));
      refused.put(signal, counter(registry, "refused", signal, receiver, transport));
    }
  }

  private static Counter counter(
      MeterRegistry registry, String outcome, Signal signal, ComponentId id, String transport) {
    return Counter.builder("otelcol_receiver_" + outcome + "_" + signal.itemNoun())
        .description(
            "Number of "
                + signal.itemNoun().replace('_', ' ')
                + (outcome.equals("accepted")
                    ? " successfully pushed into the pipeline."
                    : " that could not be pushed into the pipeline."))
        .tag("receiver", id.toString())
        .tag("transport", transport)
        .register(registry);
  }

  void accepted(Signal signal, int items) {
    accepted.get(signal).increment(items);
  }

  void refused(Signal signal, int items) {
    refused.get(signal).increment(items);
  }
}
