package io.otelring.exporter.sending;

import java.time.Duration;
import java.util.List;

/**
 * {@code retry_on_failure}, with the keys and defaults of Go's {@code configretry.BackOffConfig}:
 * exponential backoff with jitter, starting at {@code initial_interval}, growing by {@code
 * multiplier} up to {@code max_interval}, for at most {@code max_elapsed_time} (0: forever).
 */
public record RetryConfig(
    Boolean enabled,
    Duration initialInterval,
    Double randomizationFactor,
    Double multiplier,
    Duration maxInterval,
    Duration maxElapsedTime) {

  public RetryConfig {
    enabled = enabled == null || enabled;
    initialInterval = initialInterval == null ? Duration.ofSeconds(5) : initialInterval;
    randomizationFactor = randomizationFactor == null ? 0.5 : randomizationFactor;
    multiplier = multiplier == null ? 1.5 : multiplier;
    maxInterval = maxInterval == null ? Duration.ofSeconds(30) : maxInterval;
    maxElapsedTime = maxElapsedTime == null ? Duration.ofMinutes(5) : maxElapsedTime;
  }

  public static RetryConfig defaults() {
    return new RetryConfig(null, null, null, null, null, null);
  }

  /** Go's checks and messages, under {@code path}. */
  public void validate(String path, List<String> problems) {
    if (!maxElapsedTime.isZero() && !maxElapsedTime.isNegative()) {
      if (maxElapsedTime.compareTo(initialInterval) < 0) {
        problems.add(path + ": 'max_elapsed_time' must not be less than 'initial_interval'");
      }
      if (maxElapsedTime.compareTo(maxInterval) < 0) {
        problems.add(path + ": 'max_elapsed_time' must not be less than 'max_interval'");
      }
    }
    if (initialInterval.isNegative()) {
      problems.add(path + "::initial_interval: value must be greater than or equal to 0");
    }
    if (maxElapsedTime.isNegative()) {
      problems.add(path + "::max_elapsed_time: value must be greater than or equal to 0");
    }
    if (maxInterval.isNegative()) {
      problems.add(path + "::max_interval: value must be greater than or equal to 0");
    }
    if (multiplier < 0) {
      problems.add(path + "::multiplier: value must be greater than or equal to 0");
    }
    if (randomizationFactor < 0) {
      problems.add(path + "::randomization_factor: value must be greater than or equal to 0");
    }
    if (randomizationFactor > 1) {
      problems.add(path + "::randomization_factor: value must be less than or equal to 1");
    }
  }
}
