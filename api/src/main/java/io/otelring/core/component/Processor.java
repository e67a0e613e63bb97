package io.otelring.core.component;

import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import java.time.Duration;
import java.util.Optional;

/**
 * A step of a pipeline. Every call — {@link #consume}, {@link #onTick} and, after the ring has
 * drained, {@link #shutdown} — comes from the pipeline's single ring thread, so a processor keeps
 * plain, unsynchronised state and must never block on I/O. The one exception is {@link #admit},
 * which runs on the receivers' threads.
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
   * How long from {@code nanoTime} until this processor next wants {@link #onTick}: zero or less
   * when due, {@link Long#MAX_VALUE} when it wants none. Asked on the ring thread after every
   * event, so it must be cheap; the ring then asks its timer for one tick at that time. A processor
   * whose timer only matters while it holds data wants none while empty, so an idle pipeline
   * sleeps. Independent of {@link #tickInterval}, which asks for ticks at a fixed rate.
   *
   * @param nanoTime {@link System#nanoTime()} now
   */
  default long nanosToNextTick(long nanoTime) {
    return Long.MAX_VALUE;
  }

  /**
   * A timer tick on the ring thread: one of the fixed-rate ticks {@link #tickInterval} asks for, or
   * one that {@link #nanosToNextTick} asked for (any processor may get ticks it did not ask for).
   *
   * @param nanoTime {@link System#nanoTime()} when the tick was handled
   */
  default void onTick(long nanoTime) {}

  /**
   * Whether the pipeline may take this telemetry at all, asked on the receiver's thread before the
   * data enters the ring — the last moment a refusal still reaches the client, since the ring
   * acknowledges what it holds. Empty admits it; a refusal is what the client is answered. Data
   * that was admitted and entered the ring then reaches {@link #consume}, which must not refuse it
   * for the same reason (that would drop data the client was told is accepted).
   *
   * <p>Must be thread-safe, cheap (a volatile read, not a parse or a lock) and must never block: it
   * runs once per request for every processor of the pipeline, on many threads at once.
   */
  default Optional<Refusal> admit(Telemetry telemetry) {
    return Optional.empty();
  }
}
