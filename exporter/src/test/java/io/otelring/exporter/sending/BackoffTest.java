package io.otelring.exporter.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The backoff sequence: Go's defaults, jitter bounds, server delays and the elapsed limit. */
class BackoffTest {

  @Test
  void theIntervalsGrowByTheMultiplierUpToTheMaximumWithinTheJitter() {
    RetryConfig config = RetryConfig.defaults();
    Backoff low = new Backoff(config, () -> 0.0, 0);
    Backoff high = new Backoff(config, () -> 1.0, 0);

    assertThat(low.next(null, 0)).isEqualTo(Duration.ofMillis(2500));
    assertThat(high.next(null, 0)).isBetween(Duration.ofMillis(7500), Duration.ofMillis(7501));
    assertThat(low.next(null, 0)).isEqualTo(Duration.ofMillis(3750));
    for (int i = 0; i < 10; i++) {
      low.next(null, 0);
    }
    assertThat(low.next(null, 0)).isEqualTo(Duration.ofSeconds(15)); // 30s ± 50%
  }

  @Test
  void theServersDelayWinsWhenLonger() {
    Backoff backoff = new Backoff(RetryConfig.defaults(), () -> 0.5, 0);
    assertThat(backoff.next(Duration.ofSeconds(20), 0)).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void nothingIsRetriedPastMaxElapsedTimeAndZeroMeansForever() {
    Backoff limited = new Backoff(RetryConfig.defaults(), () -> 0.5, 0);
    assertThat(limited.next(null, Duration.ofMinutes(5).toNanos())).isNull();
    RetryConfig forever = new RetryConfig(null, null, null, null, null, Duration.ZERO);
    Backoff unlimited = new Backoff(forever, () -> 0.5, 0);
    assertThat(unlimited.next(null, Duration.ofDays(1).toNanos())).isNotNull();
  }
}
