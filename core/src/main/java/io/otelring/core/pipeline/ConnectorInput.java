package io.otelring.core.pipeline;

import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Telemetry;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A ring as a connector's output: while the ring is full, a consume waits for room (up to {@code
 * maxWait}) instead of refusing. The upstream ring that calls it is held back, fills, and its
 * receivers refuse retryably — rather than the upstream ring losing what it has already
 * acknowledged to its clients.
 */
final class ConnectorInput implements Consumer {

  private final PipelineRing ring;
  private final long maxWaitNanos;

  ConnectorInput(PipelineRing ring, Duration maxWait) {
    this.ring = ring;
    this.maxWaitNanos = maxWait.toNanos();
  }

  @Override
  public CompletionStage<Void> consume(Telemetry telemetry) {
    long deadline = System.nanoTime() + maxWaitNanos;
    long pause = TimeUnit.MICROSECONDS.toNanos(100);
    CompletionStage<Void> answer;
    while ((answer = ring.tryConsume(telemetry)) == null) {
      if (System.nanoTime() - deadline >= 0) {
        return ring.refuseFull();
      }
      LockSupport.parkNanos(pause);
      pause = Math.min(2 * pause, TimeUnit.MILLISECONDS.toNanos(10));
    }
    return answer;
  }

  /** Durable when the ring's chain is: the upstream ring then answers only after it. */
  @Override
  public boolean durable() {
    return ring.chainIsDurable();
  }
}
