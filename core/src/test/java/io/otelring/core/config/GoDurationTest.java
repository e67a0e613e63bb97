package io.otelring.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

  @ParameterizedTest
  @CsvSource({
    "200ms, PT0.2S",
    "5s, PT5S",
    "1m30s, PT1M30S",
    "1.5h, PT1H30M",
    "300us, PT0.0003S",
    "300µs, PT0.0003S",
    "10ns, PT0.00000001S",
    "0, PT0S",
    "-2s, PT-2S",
    "1000000000, PT1S"
  })
  void parsesGoDurations(String text, Duration expected) {
    assertThat(GoDuration.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "abc", "5 seconds", "1d", "ms", "1.2.3s"})
  void rejectsWhatGoRejects(String text) {
    if (text.equals("5")) {
      // a bare integer is nanoseconds, as Go decodes a number into a Duration
      assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofNanos(5));
      return;
    }
    assertThatThrownBy(() -> GoDuration.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid duration \"" + text + "\"");
  }

  @ParameterizedTest
  @CsvSource({
    "PT0.2S, 200ms",
    "PT5S, 5s",
    "PT1M30S, 1m30s",
    "PT2H, 2h0m0s",
    "PT0S, 0s",
    "PT1.5S, 1.5s"
  })
  void formatsAsGoDoes(Duration duration, String expected) {
    assertThat(GoDuration.format(duration)).isEqualTo(expected);
  }
}
