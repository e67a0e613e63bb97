package io.otelring.processor.batch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * In a durable pipeline, the acceptance stages of the requests one batcher holds, in arrival order
 * and with the number of their items still buffered. A request completes once every batch carrying
 * a part of it has been accepted downstream, and fails as soon as one of them is refused. Added to
 * and taken from on the ring thread; settled on whichever thread the downstream stage completes.
 */
final class PendingAcks {

  /** One request's stage and where its items are. Guarded by its own monitor. */
  static final class Waiter {
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private int buffered;
    private int sending;

    Waiter(int items) {
      this.buffered = items;
    }
  }

  private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

  /** Registers a request of {@code items} items (more than zero) just added to the batch. */
  CompletionStage<Void> add(int items) {
    Waiter waiter = new Waiter(items);
    waiters.addLast(waiter);
    return waiter.done;
  }

  /** The requests whose next {@code items} items leave the buffer in one batch. */
  List<Waiter> take(int items) {
    List<Waiter> carried = new ArrayList<>();
    int left = items;
    while (left > 0 && !waiters.isEmpty()) {
      Waiter waiter = waiters.peekFirst();
      synchronized (waiter) {
        int part = Math.min(left, waiter.buffered);
        waiter.buffered -= part;
        waiter.sending++;
        left -= part;
        if (waiter.buffered == 0) {
          waiters.removeFirst();
        }
      }
      carried.add(waiter);
    }
    return carried;
  }

  /**
   * Settles the requests a batch carried, once downstream accepted ({@code failure} null) or not.
   */
  static void settle(List<Waiter> carried, Throwable failure) {
    for (Waiter waiter : carried) {
      boolean complete;
      synchronized (waiter) {
        waiter.sending--;
        complete = waiter.sending == 0 && waiter.buffered == 0;
      }
      if (failure != null) {
        waiter.done.completeExceptionally(failure);
      } else if (complete) {
        waiter.done.complete(null);
      }
    }
  }
}
