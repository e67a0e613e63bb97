package io.otelring.exporter.sending;

import java.util.concurrent.Semaphore;

/**
 * Claims a place in a bounded queue: at once, or waiting for one with {@code block_on_overflow}.
 */
final class QueueRoom {

  private QueueRoom() {}

  static boolean claim(Semaphore room, boolean block) {
    if (!block) {
      return room.tryAcquire();
    }
    try {
      room.acquire();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
