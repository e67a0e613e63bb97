package io.otelring.bench.loadgen;

/**
 * What became of one request.
 *
 * @param outcome accepted (possibly in part), refused by backpressure, or failed
 * @param rejectedItems items an accepted request's {@code partial_success} says were rejected
 * @param error what went wrong, for a refused or failed request; null otherwise
 */
public record Reply(Outcome outcome, long rejectedItems, String error) {

  public static final Reply ACCEPTED = new Reply(Outcome.ACCEPTED, 0, null);

  /** The three fates of a request. */
  public enum Outcome {
    /** The collector took the items (those not rejected in {@code partial_success}). */
    ACCEPTED,
    /** The collector asked the client to come back later (gRPC UNAVAILABLE, HTTP 429/503). */
    REFUSED,
    /** Anything else: a transport error, a timeout, a permanent error status. */
    FAILED
  }

  public static Reply refused(String error) {
    return new Reply(Outcome.REFUSED, 0, error);
  }

  public static Reply failed(String error) {
    return new Reply(Outcome.FAILED, 0, error);
  }
}
