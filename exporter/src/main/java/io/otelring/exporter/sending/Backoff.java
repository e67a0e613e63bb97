package io.otelring.exporter.sending;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The waits between attempts of one batch: exponential from {@code initial_interval} by {@code
 * multiplier}, capped at {@code max_interval}, each randomized by ±{@code randomization_factor}
 * (the algorithm of the backoff library the Go collector uses), and none once {@code
 * max_elapsed_time} would be passed.
 */
final class Backoff {

  private final RetryConfig config;
  private final DoubleSupplier random;
  private final long startNanos;
  private double intervalNanos;

  Backoff(RetryConfig config, DoubleSupplier random, long startNanos) {
    this.config = config;
    this.random = random;
    this.startNanos = startNanos;
    this.intervalNanos = config.initialInterval().toNanos();
  }

  /**
   * The wait before the next attempt, at least {@code serverDelay} (RetryInfo, Retry-After), or
   * null when the batch has used up its {@code max_elapsed_time}.
   */
  Duration next(Duration serverDelay, long nowNanos) {
    double factor = config.randomizationFactor();
    double delta = factor * intervalNanos;
    double min = intervalNanos - delta;
    double randomized = min + random.getAsDouble() * (2 * delta + 1);
    long wait = (long) randomized;
    intervalNanos =
        Math.min(intervalNanos * config.multiplier(), (double) config.maxInterval().toNanos());
    if (serverDelay != null && serverDelay.toNanos() > wait) {
      wait = serverDelay.toNanos();
    }
    long maxElapsed = config.maxElapsedTime().toNanos();
    if (maxElapsed > 0 && (nowNanos - startNanos) + wait > maxElapsed) {
      return null;
    }
    return Duration.ofNanos(wait);
  }
}
