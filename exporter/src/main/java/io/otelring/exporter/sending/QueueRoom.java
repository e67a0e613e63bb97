package io.otelring.exporter.sending;

import java.util.concurrent.Semaphore;

/** Claims room in a bounded queue: at once, or waiting for it with {@code block_on_overflow}. */
final class QueueRoom {

  private QueueRoom() {}

  static boolean claim(Semaphore room, int size, boolean block) {
    if (!block) {
      return room.tryAcquire(size);
    }
    try {
      room.acquire(size);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
