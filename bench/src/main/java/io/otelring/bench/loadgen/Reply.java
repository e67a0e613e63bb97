package io.otelring.bench.loadgen;

import java.time.Duration;

/**
 * What became of one request.
 *
 * @param outcome accepted (possibly in part), refused by backpressure, or failed
 * @param rejectedItems items an accepted request's {@code partial_success} says were rejected
 * @param error what went wrong, for a refused or failed request; null otherwise
 * @param retryable whether the OTLP specification lets a client send the same request again
 * @param retryDelay the wait the answer asked for (gRPC {@code RetryInfo}, HTTP {@code
 *     Retry-After}), or null
 */
public record Reply(
    Outcome outcome, long rejectedItems, String error, boolean retryable, Duration retryDelay) {

  public static final Reply ACCEPTED = new Reply(Outcome.ACCEPTED, 0, null, false, null);

  /** The three fates of a request. */
  public enum Outcome {
    /** The collector took the items (those not rejected in {@code partial_success}). */
    ACCEPTED,
    /**
     * The collector answered with a retryable status: gRPC UNAVAILABLE and the other codes the OTLP
     * specification lets a client retry (RESOURCE_EXHAUSTED only with {@code RetryInfo}), HTTP 429,
     * 502, 503 and 504.
     */
    REFUSED,
    /** Anything else: a transport error, a timeout, a permanent error status. */
    FAILED
  }

  /** An accepted request of which the collector rejected {@code rejectedItems} for good. */
  public static Reply accepted(long rejectedItems) {
    return rejectedItems == 0
        ? ACCEPTED
        : new Reply(Outcome.ACCEPTED, rejectedItems, null, false, null);
  }

  /** A retryable answer, with the delay it asked for (or null). */
  public static Reply refused(String error, Duration retryDelay) {
    return new Reply(Outcome.REFUSED, 0, error, true, retryDelay);
  }

  public static Reply refused(String error) {
    return refused(error, null);
  }

  /** A permanent failure: sending the same request again cannot help. */
  public static Reply failed(String error) {
    return new Reply(Outcome.FAILED, 0, error, false, null);
  }

  /** A failure without an answer that may pass (no connection, a timeout). */
  public static Reply transientFailure(String error) {
    return new Reply(Outcome.FAILED, 0, error, true, null);
  }
}
