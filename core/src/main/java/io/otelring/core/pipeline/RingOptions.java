package io.otelring.core.pipeline;

import java.time.Duration;

/**
 * How the rings are sized and how a full ring answers.
 *
 * @param size slots per pipeline ring, a power of two; memory is bounded by size × request limit
 * @param retryDelay the delay a full ring asks clients to wait before retrying
 */
public record RingOptions(int size, Duration retryDelay) {

  public static final RingOptions DEFAULT = new RingOptions(256, Duration.ofSeconds(1));

  public RingOptions {
    if (size < 1 || Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("ring size must be a power of two, not " + size);
    }
  }
}
