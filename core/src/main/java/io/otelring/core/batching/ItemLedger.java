package io.otelring.core.batching;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Which requests the items of a pending batch came from, in arrival order: as batches are taken,
 * each request learns how many of its items are still buffered and how many batches carrying part
 * of it are on their way, so that it can be answered once the last of them was dealt with. Added to
 * and taken from by one thread; shares are settled on whichever thread a send completes.
 *
 * @param <T> what is answered per request (a stage, a queue entry)
 */
public final class ItemLedger<T> {

  /** One request's part in the batches: its items still buffered, its batches in flight. */
  public static final class Share<T> {
    private final T request;
    private int buffered;
    private int sending;

    private Share(T request, int items) {
      this.request = request;
      this.buffered = items;
    }

    public T request() {
      return request;
    }

    /** A batch carrying part of the request was dealt with; true when nothing of it is left. */
    public synchronized boolean settle() {
      sending--;
      return sending == 0 && buffered == 0;
    }
  }

  private final ArrayDeque<Share<T>> shares = new ArrayDeque<>();

  /** Registers a request of {@code items} items (more than zero) just added to the batch. */
  public void add(T request, int items) {
    shares.addLast(new Share<>(request, items));
  }

  /** The requests whose next {@code items} items leave the buffer in one batch. */
  public List<Share<T>> take(int items) {
    List<Share<T>> carried = new ArrayList<>();
    int left = items;
    while (left > 0 && !shares.isEmpty()) {
      Share<T> share = shares.peekFirst();
      synchronized (share) {
        int part = Math.min(left, share.buffered);
        share.buffered -= part;
        share.sending++;
        left -= part;
        if (share.buffered == 0) {
          shares.removeFirst();
        }
      }
      carried.add(share);
    }
    return carried;
  }
}
