package io.otelring.receiver.otlp;

import java.time.Duration;

/**
 * Counts the HTTP exchanges between a request read whole and its answer written, so that shutdown
 * can let them finish (their data is already in the pipeline) before closing connections.
 */
final class InFlight {

  private int count;

  synchronized void begin() {
    count++;
  }

  synchronized void end() {
    if (--count == 0) {
      notifyAll();
    }
  }

  /** Waits until no exchange is in flight or the time is up; true when none is left. */
  synchronized boolean awaitNone(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
