package io.otelring.exporter.sending;

/**
 * The share of the Java heap that the in-memory sending queues may hold between them, in bytes of
 * the requests they hold: half of the heap's ceiling ({@code -Xmx}, or {@code MaxRAMPercentage} of
 * the container's memory).
 *
 * <p>{@code queue_size} counts requests by default, as in Go, and 1,000 default batches of large
 * spans are gigabytes: with a slow backend a queue filled the heap and the collector died of {@code
 * OutOfMemoryError} in every thread before the queue was full (BENCHMARKS.md, "A slow backend").
 * Go's collector has the same hole and is told to run a {@code memory_limiter}; here a queue that
 * would take more than this share refuses instead, retryably, as a full queue does (or, with {@code
 * block_on_overflow}, waits for room, as a full queue does then).
 */
final class HeapShare {

  /** The one share of this process's heap, for every in-memory queue. */
  static final HeapShare PROCESS = new HeapShare(Runtime.getRuntime().maxMemory() / 2);

  private final long limit;
  private long held;

  HeapShare(long limit) {
    this.limit = limit;
  }

  /**
   * Takes {@code bytes} of the share: at once or not at all, or with {@code block} (a queue's
   * {@code block_on_overflow}) waiting until they fit; false when they did not (or the wait was
   * interrupted).
   */
  synchronized boolean claim(long bytes, boolean block) {
    // One request larger than the whole share still goes in alone, so that no request is refused
    // for good that a bigger heap would take.
    while (held > 0 && held + bytes > limit) {
      if (!block) {
        return false;
      }
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    held += bytes;
    return true;
  }

  synchronized void release(long bytes) {
    held -= bytes;
    notifyAll();
  }

  synchronized long held() {
    return held;
  }
}
