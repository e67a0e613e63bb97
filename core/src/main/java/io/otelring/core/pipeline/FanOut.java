package io.otelring.core.pipeline;

import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Telemetry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Hands the same telemetry to several consumers: a receiver to every pipeline that lists it, a
 * pipeline to each of its exporters. It completes when all have; if any refuses, it fails with that
 * refusal (the others have taken the data, so a client retry may duplicate there — the Go
 * collector's fan-out behaves the same way).
 */
final class FanOut implements Consumer {

  private final Consumer[] consumers;

  private FanOut(List<Consumer> consumers) {
    this.consumers = consumers.toArray(Consumer[]::new);
  }

  static Consumer of(List<Consumer> consumers) {
    if (consumers.size() == 1) {
      return consumers.get(0);
    }
    return new FanOut(consumers);
  }

  /** Durable only when every consumer is: an OK must wait for the slowest durable write. */
  @Override
  public boolean durable() {
    for (Consumer consumer : consumers) {
      if (!consumer.durable()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public CompletionStage<Void> consume(Telemetry telemetry) {
    CompletableFuture<?>[] stages = new CompletableFuture<?>[consumers.length];
    boolean allDone = true;
    for (int i = 0; i < consumers.length; i++) {
      stages[i] = consumers[i].consume(telemetry).toCompletableFuture();
      allDone &= stages[i].isDone() && !stages[i].isCompletedExceptionally();
    }
    return allDone ? ACCEPTED : CompletableFuture.allOf(stages);
  }
}
