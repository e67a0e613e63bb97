package io.otelring.receiver.otlp;

import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Telemetry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A pipeline that takes requests of {@code stalledItems} items without answering until {@link
 * #releaseAll()}, and answers every other request at once: a receiver's answer that is late on
 * command.
 */
final class StallingConsumer implements Consumer {

  private final int stalledItems;
  private final List<CompletableFuture<Void>> stalled = new CopyOnWriteArrayList<>();

  StallingConsumer(int stalledItems) {
    this.stalledItems = stalledItems;
  }

  @Override
  public CompletableFuture<Void> consume(Telemetry telemetry) {
    if (telemetry.itemCount() != stalledItems) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> later = new CompletableFuture<>();
    stalled.add(later);
    return later;
  }

  /** Answers every stalled request; a receiver shutting down waits for them otherwise. */
  void releaseAll() {
    stalled.forEach(answer -> answer.complete(null));
  }
}
