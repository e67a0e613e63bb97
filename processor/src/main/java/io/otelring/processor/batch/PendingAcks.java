package io.otelring.processor.batch;

import io.otelring.core.batching.ItemLedger;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * In a durable pipeline, the acceptance stages of the requests one batcher holds (an {@link
 * ItemLedger}). A request completes once every batch carrying a part of it has been accepted
 * downstream, and fails as soon as one of them is refused. Added to and taken from on the ring
 * thread; settled on whichever thread the downstream stage completes.
 */
final class PendingAcks {

  /** One request's stage and where its items are. */
  static final class Waiter {
    private final CompletableFuture<Void> done = new CompletableFuture<>();
  }

  private final ItemLedger<Waiter> ledger = new ItemLedger<>();

  /** Registers a request of {@code items} items (more than zero) just added to the batch. */
  CompletionStage<Void> add(int items) {
    Waiter waiter = new Waiter();
    ledger.add(waiter, items);
    return waiter.done;
  }

  /** The requests whose next {@code items} items leave the buffer in one batch. */
  List<ItemLedger.Share<Waiter>> take(int items) {
    return ledger.take(items);
  }

  /**
   * Settles the requests a batch carried, once downstream accepted ({@code failure} null) or not.
   */
  static void settle(List<ItemLedger.Share<Waiter>> carried, Throwable failure) {
    for (ItemLedger.Share<Waiter> share : carried) {
      boolean complete = share.settle();
      if (failure != null) {
        share.request().done.completeExceptionally(failure);
      } else if (complete) {
        share.request().done.complete(null);
      }
    }
  }
}
