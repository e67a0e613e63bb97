package io.otelring.processor.memorylimiter;

import io.micrometer.core.instrument.Counter;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Processor;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A {@code memory_limiter} in one pipeline. It refuses in {@link #admit}, before the data enters
 * the ring, so the client hears a retryable UNAVAILABLE / 503 and the data is never taken; what was
 * admitted passes {@link #consume} untouched, even if the heap crossed the limit meanwhile —
 * refusing it there would drop data the client was already told is accepted.
 *
 * <p>Counts {@code otelcol_processor_accepted_*} and {@code otelcol_processor_refused_*} with a
 * {@code processor} tag, as Go does; pipelines sharing the id share the counters.
 */
final class MemoryLimiterProcessor implements Processor {

  private final MemoryLimiter limiter;
  private final Runnable onShutdown;
  private final Consumer next;
  private final Counter accepted;
  private final Counter refused;
  private boolean started;

  MemoryLimiterProcessor(
      ComponentSettings settings,
      Signal signal,
      MemoryLimiter limiter,
      Runnable onShutdown,
      Consumer next) {
    this.limiter = limiter;
    this.onShutdown = onShutdown;
    this.next = next;
    String noun = signal.itemNoun();
    String id = settings.id().toString();
    this.accepted =
        Counter.builder("otelcol_processor_accepted_" + noun)
            .description(
                "Number of "
                    + noun.replace('_', ' ')
                    + " successfully pushed into the next component in the pipeline.")
            .tag("processor", id)
            .register(settings.meters());
    this.refused =
        Counter.builder("otelcol_processor_refused_" + noun)
            .description(
                "Number of "
                    + noun.replace('_', ' ')
                    + " that were rejected by the next component in the pipeline.")
            .tag("processor", id)
            .register(settings.meters());
  }

  @Override
  public Optional<Refusal> admit(Telemetry telemetry) {
    if (!limiter.mustRefuse()) {
      return Optional.empty();
    }
    refused.increment(telemetry.itemCount());
    return Optional.of(limiter.refusal());
  }

  @Override
  public CompletionStage<Void> consume(Telemetry telemetry) {
    accepted.increment(telemetry.itemCount());
    return next.consume(telemetry);
  }

  @Override
  public void start() {
    if (!started) {
      started = true;
      limiter.acquire();
    }
  }

  @Override
  public void shutdown(Duration deadline) {
    if (started) {
      started = false;
      if (limiter.release()) {
        onShutdown.run();
      }
    }
  }

  /** Hands data straight on, so the acceptance — durable or not — is the next consumer's. */
  @Override
  public boolean durable() {
    return next.durable();
  }
}
