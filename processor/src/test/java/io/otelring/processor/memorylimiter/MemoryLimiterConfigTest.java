package io.otelring.processor.memorylimiter;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelring.core.testing.ConfigFixtures;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MemoryLimiterConfigTest {

  private final MemoryLimiterProcessorFactory factory = new MemoryLimiterProcessorFactory();

  @Test
  void defaultsAreTheGoCollectorsAndDoNotValidate() {
    assertThat(factory.type()).isEqualTo("memory_limiter");
    assertThat(factory.defaultConfig())
        .isEqualTo(
            new MemoryLimiterConfig(
                Duration.ZERO, Duration.ofSeconds(10), Duration.ZERO, 0, 0, 0, 0));
    assertThat(ConfigFixtures.problems(factory, "{}"))
        .containsExactly(
            "check_interval: must be greater than zero",
            "limit_mib: 'limit_mib' or 'limit_percentage' must be greater than zero");
  }

  @Test
  void fullFixtureBindsEveryKey() {
    MemoryLimiterConfig config = ConfigFixtures.bindResource(factory, "/memory_limiter/full.yaml");

    assertThat(config)
        .isEqualTo(
            new MemoryLimiterConfig(
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Duration.ofSeconds(2),
                4000,
                500,
                80,
                20));
    assertThat(config.validate()).isEmpty();
  }

  @Test
  void percentageFixtureKeepsTheOtherDefaults() {
    MemoryLimiterConfig config =
        ConfigFixtures.bindResource(factory, "/memory_limiter/percentage.yaml");

    assertThat(config)
        .isEqualTo(
            new MemoryLimiterConfig(
                Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ZERO, 0, 0, 75, 15));
    assertThat(config.validate()).isEmpty();
  }

  @Test
  void unknownKeyFails() {
    assertThat(ConfigFixtures.resourceProblems(factory, "/memory_limiter/unknown-key.yaml"))
        .containsExactly("spike_limit_mb: unknown key; did you mean \"spike_limit_mib\"?");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void invalidConfigs(String yaml, List<String> messages) {
    assertThat(ConfigFixtures.problems(factory, yaml)).containsExactlyElementsOf(messages);
  }

  static Stream<Arguments> invalidConfigs() {
    return Stream.of(
        Arguments.of("{limit_mib: 100}", List.of("check_interval: must be greater than zero")),
        Arguments.of(
            "{check_interval: -1s, limit_mib: 100}",
            List.of("check_interval: must be greater than zero")),
        Arguments.of(
            "{check_interval: 1s}",
            List.of("limit_mib: 'limit_mib' or 'limit_percentage' must be greater than zero")),
        Arguments.of(
            "{check_interval: 1s, limit_mib: 10, spike_limit_mib: 10}",
            List.of("spike_limit_mib: must be smaller than 'limit_mib'")),
        Arguments.of(
            "{check_interval: 1s, limit_percentage: 101}",
            List.of(
                "limit_percentage: 'limit_percentage' and 'spike_limit_percentage' must be greater"
                    + " than zero and less than or equal to hundred")),
        Arguments.of(
            "{check_interval: 1s, limit_mib: 100, spike_limit_percentage: 101}",
            List.of(
                "spike_limit_percentage: 'limit_percentage' and 'spike_limit_percentage' must be"
                    + " greater than zero and less than or equal to hundred")),
        Arguments.of(
            "{check_interval: 1s, limit_percentage: 50, spike_limit_percentage: 60}",
            List.of("spike_limit_percentage: must be smaller than 'limit_percentage'")),
        Arguments.of(
            "{check_interval: 100ms, limit_mib: 5722, spike_limit_mib: 1907,"
                + " min_gc_interval_when_soft_limited: 50ms,"
                + " min_gc_interval_when_hard_limited: 100ms}",
            List.of(
                "min_gc_interval_when_soft_limited: should be larger than"
                    + " 'min_gc_interval_when_hard_limited'")),
        Arguments.of(
            "{check_interval: 1s, limit_mib: 100, min_gc_interval_when_soft_limited: null}",
            List.of("min_gc_interval_when_soft_limited: must not be empty")),
        // Go fails these while parsing: its limits are unsigned.
        Arguments.of(
            "{check_interval: 1s, limit_mib: -2000, spike_limit_mib: -2300}",
            List.of(
                "limit_mib: must be greater or equal to 0",
                "spike_limit_mib: must be greater or equal to 0")),
        // Every problem is reported at once, not only the first as Go does.
        Arguments.of(
            "{check_interval: 0s, limit_percentage: 50, spike_limit_percentage: 50,"
                + " min_gc_interval_when_soft_limited: 1s, min_gc_interval_when_hard_limited: 2s}",
            List.of(
                "check_interval: must be greater than zero",
                "min_gc_interval_when_soft_limited: should be larger than"
                    + " 'min_gc_interval_when_hard_limited'",
                "spike_limit_percentage: must be smaller than 'limit_percentage'")));
  }

  @Test
  void validBoundaryConfigs() {
    // Go's "valid" case, and equal GC intervals.
    assertThat(
            ConfigFixtures.problems(
                factory, "{check_interval: 100ms, limit_mib: 5722, spike_limit_mib: 1907}"))
        .isEmpty();
    assertThat(
            ConfigFixtures.problems(
                factory,
                "{check_interval: 1s, limit_percentage: 100, spike_limit_percentage: 99,"
                    + " min_gc_interval_when_soft_limited: 0s}"))
        .isEmpty();
  }
}
