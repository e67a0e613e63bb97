package io.otelring.core.zap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** zap's sampler: per tick and message, the first N, then every Mth. */
class LogSamplerTest {

  private static List<Integer> written(LogSampler sampler, int entries) {
    List<Integer> written = new ArrayList<>();
    for (int n = 1; n <= entries; n++) {
      if (sampler.allow("Traces", 0)) {
        written.add(n);
      }
    }
    return written;
  }

  @Test
  void goDefaultsWriteEverything() {
    assertThat(written(new LogSampler(Duration.ofSeconds(1), 2, 1), 5))
        .containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void firstThenEveryMth() {
    assertThat(written(new LogSampler(Duration.ofSeconds(1), 5, 200), 1000))
        .containsExactly(1, 2, 3, 4, 5, 205, 405, 605, 805);
  }

  @Test
  void thereafterZeroDropsAllAfterTheFirst() {
    assertThat(written(new LogSampler(Duration.ofSeconds(1), 2, 0), 10)).containsExactly(1, 2);
  }

  @Test
  void negativeNumbersAreUnsignedAsInGo() {
    // sampling_initial: -1 is 2^64-1 to zap: nothing is ever sampled away.
    assertThat(written(new LogSampler(Duration.ofSeconds(1), -1, 0), 10)).hasSize(10);
    // sampling_thereafter: -1 after 1: only the first per tick.
    assertThat(written(new LogSampler(Duration.ofSeconds(1), 1, -1), 10)).containsExactly(1);
  }

  @Test
  void theCounterRestartsAfterTheTick() {
    LogSampler sampler = new LogSampler(Duration.ofSeconds(1), 1, 0);
    assertThat(sampler.allow("m", 0)).isTrue();
    assertThat(sampler.allow("m", 999_999_999)).isFalse();
    assertThat(sampler.allow("m", 1_000_000_000)).isTrue();
    assertThat(sampler.allow("other", 1_000_000_000)).isTrue();
  }
}
