package io.otelring.exporter.sending;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * The waiting side of a sending queue: workers block in {@link #take} until there is work or the
 * list is closed. Closing puts a marker at the head, so every waiting and later worker gets null at
 * once, ahead of anything still listed. Workers sleep until woken instead of polling: ten idle
 * consumers polling every 100 ms were as many wake-ups as a collector at 10,000 spans/s has
 * requests.
 */
final class WorkList<T> {

  private static final Object CLOSED = new Object();
  private static final Object WAKE = new Object();

  private final LinkedBlockingDeque<Object> items = new LinkedBlockingDeque<>();
  private volatile boolean closed;

  void add(T item) {
    items.addLast(item);
  }

  /** The next item, waiting for one; null once the list is closed. */
  T take() throws InterruptedException {
    return unwrap(items.takeFirst());
  }

  /** The next item, waiting at most {@code nanos}; null when none came or the list is closed. */
  T poll(long nanos) throws InterruptedException {
    return unwrap(items.pollFirst(nanos, TimeUnit.NANOSECONDS));
  }

  @SuppressWarnings("unchecked")
  private T unwrap(Object item) {
    if (item == CLOSED) {
      items.addFirst(CLOSED); // for the next worker
      return null;
    }
    return item == WAKE ? null : (T) item;
  }

  /**
   * Makes one waiting {@link #take} or {@link #poll} return null, or the first to find nothing
   * listed ahead of the marker.
   */
  void wake() {
    items.addLast(WAKE);
  }

  boolean closed() {
    return closed;
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
      if (item == WAKE) {
        it.remove();
      } else if (item != CLOSED) {
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
