package io.otelring.exporter.sending;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * The waiting side of a sending queue: workers block in {@link #take} until there is work or the
 * list is closed. Closing puts a marker at the head, so every waiting and later worker gets null at
 * once, ahead of anything still listed. Workers sleep until woken instead of polling: ten idle
 * consumers polling every 100 ms were as many wake-ups as a collector at 10,000 spans/s has
 * requests.
 */
final class WorkList<T> {

  private static final Object CLOSED = new Object();

  private final LinkedBlockingDeque<Object> items = new LinkedBlockingDeque<>();
  private volatile boolean closed;

  void add(T item) {
    items.addLast(item);
  }

  /** The next item, waiting for one; null once the list is closed. */
  @SuppressWarnings("unchecked")
  T take() throws InterruptedException {
    Object item = items.takeFirst();
    if (item == CLOSED) {
      items.addFirst(CLOSED); // for the next worker
      return null;
    }
    return (T) item;
  }

  /** Items still listed, not counting the close marker (briefly out while a worker re-adds it). */
  int size() {
    return Math.max(0, items.size() - (closed ? 1 : 0));
  }

  /** Moves what is still listed into {@code into}; the close marker stays. */
  @SuppressWarnings("unchecked")
  void drainTo(List<T> into) {
    for (Iterator<Object> it = items.iterator(); it.hasNext(); ) {
      Object item = it.next();
      if (item != CLOSED) {
        it.remove();
        into.add((T) item);
      }
    }
  }

  synchronized void close() {
    if (!closed) {
      items.addFirst(CLOSED);
      closed = true;
    }
  }
}
