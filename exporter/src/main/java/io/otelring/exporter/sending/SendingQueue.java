package io.otelring.exporter.sending;

import io.otelring.core.consumer.Telemetry;
import java.util.concurrent.CompletionStage;

/**
 * The bounded queue between an exporter's {@code consume} (ring threads) and its workers. Offering
 * never waits on the network; a full queue refuses with a retryable refusal (or, with {@code
 * block_on_overflow}, waits for room).
 */
interface SendingQueue {

  /**
   * A batch taken by a worker, to be {@linkplain #done finished} after it was sent or failed.
   *
   * @param size its size in the queue's sizer unit
   */
  record Entry(Telemetry telemetry, Object handle, int size) {}

  /** Adds a batch; the stage completes once it is queued (for a persistent queue: on disk). */
  CompletionStage<Void> offer(Telemetry telemetry);

  /** The next batch, waiting for one; null when the queue is closed. */
  Entry take() throws InterruptedException;

  /**
   * The next batch, waiting at most {@code nanos} for one; null when none came in time or the queue
   * is closed.
   */
  Entry poll(long nanos) throws InterruptedException;

  /** The batch is dealt with and leaves the queue for good. */
  void done(Entry entry);

  /** Batches waiting for a worker. */
  int size();

  int capacity();

  /** True when an offered batch is on disk before its stage completes. */
  boolean durable();

  /**
   * Makes {@link #take} or {@link #poll} return null once, after what is listed now was taken: a
   * batcher told to flush at shutdown takes what waits, then flushes.
   */
  void wake();

  /** True once {@link #close} was called. */
  boolean closed();

  /** Wakes waiting workers; {@link #take} then returns null. */
  void close();
}
