package io.otelring.core.consumer;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * Why a consumer did not take data: retryable (the sender should try again, optionally after a
 * delay — a full ring, a full queue, memory pressure) or permanent (the data can never be taken —
 * it is malformed or the backend rejects it for good). This is the one error taxonomy of the
 * collector; receivers and exporters map it to and from the wire with {@code WireStatus}.
 */
public final class Refusal extends RuntimeException {

  private final boolean retryable;
  private final Duration retryDelay;

  private Refusal(String message, boolean retryable, Duration retryDelay, Throwable cause) {
    // No stack trace: a refusal is an answer under load, not a bug, and must stay cheap.
    super(message, cause, false, false);
    this.retryable = retryable;
    this.retryDelay = retryDelay;
  }

  /** A refusal the sender may retry, after {@code delay} if it is not null. */
  public static Refusal retryable(String message, Duration delay) {
    return new Refusal(message, true, delay, null);
  }

  public static Refusal permanent(String message) {
    return new Refusal(message, false, null, null);
  }

  public static Refusal permanent(String message, Throwable cause) {
    return new Refusal(message, false, null, cause);
  }

  /**
   * Turns whatever a stage failed with into a refusal: a refusal stays as it is (also inside a
   * {@link CompletionException}); anything else is an unexpected failure of a component, which the
   * sender may retry.
   */
  public static Refusal of(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof Refusal refusal) {
      return refusal;
    }
    return new Refusal(
        "internal error: " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()),
        true,
        null,
        cause);
  }

  public boolean isRetryable() {
    return retryable;
  }

  /** The delay the sender should wait before retrying, when one is known. */
  public Optional<Duration> retryDelay() {
    return Optional.ofNullable(retryDelay);
  }
}
