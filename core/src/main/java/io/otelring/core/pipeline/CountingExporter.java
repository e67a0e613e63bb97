package io.otelring.core.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.Exporter;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Telemetry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Counts what an exporter sent and failed to send, under the Go collector's names ({@code
 * otelcol_exporter_sent_spans}, {@code otelcol_exporter_send_failed_spans}, … tagged {@code
 * exporter}), when its consume stage completes. It wraps every exporter that does not count for
 * itself; an exporter with a sending queue counts where it really sends ({@link
 * Exporter#countsSends()}), since its stage completes at enqueue.
 */
final class CountingExporter implements Exporter {

  private final Exporter exporter;
  private final Map<Signal, Counter> sent = new EnumMap<>(Signal.class);
  private final Map<Signal, Counter> failed = new EnumMap<>(Signal.class);

  CountingExporter(ComponentId id, Exporter exporter, MeterRegistry meters) {
    this.exporter = exporter;
    for (Signal signal : Signal.values()) {
      sent.put(signal, counter(meters, "otelcol_exporter_sent_" + signal.itemNoun(), id));
      failed.put(signal, counter(meters, "otelcol_exporter_send_failed_" + signal.itemNoun(), id));
    }
  }

  private static Counter counter(MeterRegistry meters, String name, ComponentId id) {
    return Counter.builder(name).tag("exporter", id.toString()).register(meters);
  }

  @Override
  public CompletionStage<Void> consume(Telemetry telemetry) {
    return exporter
        .consume(telemetry)
        .whenComplete(
            (ok, failure) ->
                (failure == null ? sent : failed)
                    .get(telemetry.signal())
                    .increment(telemetry.itemCount()));
  }

  @Override
  public boolean durable() {
    return exporter.durable();
  }

  @Override
  public void start() throws Exception {
    exporter.start();
  }

  @Override
  public void shutdown(Duration deadline) throws Exception {
    exporter.shutdown(deadline);
  }
}
