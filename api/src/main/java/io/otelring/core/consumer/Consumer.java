package io.otelring.core.consumer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Takes telemetry from the component before it. {@link #consume} never blocks: it returns a stage
 * that completes when this consumer has taken responsibility for the data (for the ring: the data
 * is in a slot; for a durable queue: it is on disk), or completes exceptionally with a {@link
 * Refusal} that says whether the sender may retry. The receiver answers its client when the stage
 * of the pipeline completes, so the point at which "OK" is said moves with the consumer chain and
 * not with the receiver.
 */
@FunctionalInterface
public interface Consumer {

  /** An already completed acceptance, shared because a completed stage is never changed. */
  CompletionStage<Void> ACCEPTED = CompletableFuture.completedStage(null);

  CompletionStage<Void> consume(Telemetry telemetry);

  /**
   * True when the stage of {@link #consume} completes only once the data is durable — written to a
   * persistent queue — so that an "OK" to the client may wait for it. An exporter with a persistent
   * queue says so; a consumer that passes data on says what its next consumer says, and one that
   * does not know says false (the safe answer: the ring then acknowledges at publish).
   */
  default boolean durable() {
    return false;
  }

  /** A stage that has already failed with the given refusal. */
  static CompletionStage<Void> refuse(Refusal refusal) {
    return CompletableFuture.failedStage(refusal);
  }
}
