package io.otelring.core.component;

import io.otelring.core.consumer.Consumer;
import java.time.Duration;
import java.util.Optional;

/**
 * A step of a pipeline. Every call — {@link #consume}, {@link #onTick} and, after the ring has
 * drained, {@link #shutdown} — comes from the pipeline's single ring thread, so a processor keeps
 * plain, unsynchronised state and must never block on I/O.
 */
public interface Processor extends Consumer, Lifecycle {

  /**
   * How often this processor wants {@link #onTick} called, if at all. Ticks travel through the ring
   * as events, so they never race with {@link #consume}.
   */
  default Optional<Duration> tickInterval() {
    return Optional.empty();
  }

  /**
   * A timer tick on the ring thread.
   *
   * @param nanoTime {@link System#nanoTime()} when the tick was handled
   */
  default void onTick(long nanoTime) {}
}
