package io.otelring.bench.loadgen;

import java.time.Duration;

/**
 * {@code --retry}: how the load generator re-sends a request the collector refused with a retryable
 * answer, as an OTLP SDK exporter does. The same payload goes again after the delay the answer
 * asked for ({@code RetryInfo}, {@code Retry-After}) or, without one, after a capped exponential
 * backoff, until it is accepted or {@code maxElapsed} since its first send would pass. Permanent
 * errors are never retried.
 *
 * @param enabled off by default, so that a plain load counts each refusal once and moves on
 * @param initialInterval the first backoff wait
 * @param maxInterval the largest backoff wait
 * @param multiplier how the backoff grows from one attempt to the next
 * @param maxElapsed the final deadline of one request, from its first send
 */
public record RetryPolicy(
    boolean enabled,
    Duration initialInterval,
    Duration maxInterval,
    double multiplier,
    Duration maxElapsed) {

  /** No retries: every answer is final. */
  public static final RetryPolicy OFF =
      new RetryPolicy(false, Duration.ofSeconds(1), Duration.ofSeconds(5), 1.5, Duration.ZERO);

  public RetryPolicy {
    if (enabled) {
      if (initialInterval.isNegative() || initialInterval.isZero()) {
        throw new IllegalArgumentException("--retry-initial must be positive");
      }
      if (maxInterval.compareTo(initialInterval) < 0) {
        throw new IllegalArgumentException("--retry-max must not be less than --retry-initial");
      }
      if (multiplier < 1) {
        throw new IllegalArgumentException("the backoff multiplier must be at least 1");
      }
      if (maxElapsed.isNegative() || maxElapsed.isZero()) {
        throw new IllegalArgumentException("--retry-max-elapsed must be positive");
      }
    }
  }

  /** Retries with the OpenTelemetry Java SDK's backoff (1 s, ×1.5, at most 5 s). */
  public static RetryPolicy until(Duration maxElapsed) {
    return new RetryPolicy(true, Duration.ofSeconds(1), Duration.ofSeconds(5), 1.5, maxElapsed);
  }
}
