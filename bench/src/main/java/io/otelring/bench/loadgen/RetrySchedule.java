package io.otelring.bench.loadgen;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The waits between the attempts of one request: what the answer asked for when it asked, else the
 * backoff interval with ±20 % jitter (so that workers refused together do not come back together),
 * growing by the multiplier up to the cap; none once the request's deadline would pass.
 */
final class RetrySchedule {

  private static final double JITTER = 0.2;

  private final RetryPolicy policy;
  private final DoubleSupplier random;
  private final long deadlineNanos;
  private double intervalNanos;

  /**
   * @param firstSentNanos when the request was first sent, on {@link System#nanoTime()}'s clock
   * @param random values in [0, 1)
   */
  RetrySchedule(RetryPolicy policy, long firstSentNanos, DoubleSupplier random) {
    this.policy = policy;
    this.random = random;
    this.deadlineNanos = firstSentNanos + policy.maxElapsed().toNanos();
    this.intervalNanos = policy.initialInterval().toNanos();
  }

  /**
   * The wait before the next attempt, or null when that attempt would start after the deadline.
   *
   * @param askedFor the delay the refusal asked for, or null
   */
  Duration next(Duration askedFor, long nowNanos) {
    long wait;
    if (askedFor != null) {
      wait = askedFor.toNanos();
    } else {
      wait = (long) (intervalNanos * (1 - JITTER + 2 * JITTER * random.getAsDouble()));
      intervalNanos = Math.min(intervalNanos * policy.multiplier(), policy.maxInterval().toNanos());
    }
    if (nowNanos + wait - deadlineNanos > 0) {
      return null;
    }
    return Duration.ofNanos(wait);
  }
}
