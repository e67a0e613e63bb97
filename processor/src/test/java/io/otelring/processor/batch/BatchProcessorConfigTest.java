package io.otelring.processor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelring.core.testing.ConfigFixtures;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BatchProcessorConfigTest {

  private final BatchProcessorFactory factory = new BatchProcessorFactory();

  @Test
  void defaultsAreTheGoCollectors() {
    assertThat(factory.type()).isEqualTo("batch");
    assertThat(factory.defaultConfig())
        .isEqualTo(new BatchProcessorConfig(Duration.ofMillis(200), 8192, 0, List.of(), 1000));
    assertThat(factory.defaultConfig().validate()).isEmpty();
  }

  @Test
  void fullFixtureBindsEveryKey() {
    BatchProcessorConfig config = ConfigFixtures.bindResource(factory, "/batch/full.yaml");

    assertThat(config)
        .isEqualTo(
            new BatchProcessorConfig(
                Duration.ofSeconds(10), 10000, 11000, List.of("tenant_id", "X-Scope-OrgID"), 50));
    assertThat(config.validate()).isEmpty();
  }

  @Test
  void partialFixtureKeepsTheOtherDefaults() {
    BatchProcessorConfig config = ConfigFixtures.bindResource(factory, "/batch/partial.yaml");

    assertThat(config)
        .isEqualTo(new BatchProcessorConfig(Duration.ofSeconds(90), 8192, 0, List.of(), 1000));
  }

  @Test
  void emptyProcessorSectionIsTheDefaults() {
    // `batch: {}` and a bare `batch:` both mean the defaults.
    assertThat(ConfigFixtures.bind(factory, "{}")).isEqualTo(factory.defaultConfig());
    assertThat(ConfigFixtures.bind(factory, "")).isEqualTo(factory.defaultConfig());
  }

  @Test
  void unknownKeyFails() {
    assertThat(ConfigFixtures.resourceProblems(factory, "/batch/unknown-key.yaml"))
        .containsExactly("send_batch_sise: unknown key; did you mean \"send_batch_size\"?");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void invalidConfigs(String yaml, List<String> messages) {
    assertThat(ConfigFixtures.problems(factory, yaml)).containsExactlyElementsOf(messages);
  }

  static Stream<Arguments> invalidConfigs() {
    return Stream.of(
        Arguments.of(
            "{send_batch_size: 100, send_batch_max_size: 99}",
            List.of("send_batch_max_size: must be greater or equal to send_batch_size")),
        Arguments.of(
            "{send_batch_max_size: 1}",
            List.of("send_batch_max_size: must be greater or equal to send_batch_size")),
        Arguments.of("{timeout: -1s}", List.of("timeout: must be greater or equal to 0")),
        Arguments.of("{timeout: null}", List.of("timeout: must not be empty")),
        Arguments.of(
            "{metadata_keys: [tenant, Tenant]}",
            List.of("metadata_keys: duplicate entry \"tenant\" (case-insensitive)")),
        Arguments.of(
            "{send_batch_size: -1}", List.of("send_batch_size: must be greater or equal to 0")),
        Arguments.of(
            "{send_batch_max_size: -5}",
            List.of("send_batch_max_size: must be greater or equal to 0")),
        Arguments.of(
            "{metadata_cardinality_limit: -1}",
            List.of("metadata_cardinality_limit: must be greater or equal to 0")),
        // Every problem is reported at once, not only the first as Go does.
        Arguments.of(
            "{timeout: -5ms, send_batch_size: 10, send_batch_max_size: 5, metadata_keys: [a, A]}",
            List.of(
                "timeout: must be greater or equal to 0",
                "send_batch_max_size: must be greater or equal to send_batch_size",
                "metadata_keys: duplicate entry \"a\" (case-insensitive)")));
  }

  @Test
  void validBoundaryConfigs() {
    assertThat(new BatchProcessorConfig(Duration.ZERO, 0, 0, List.of(), 0).validate()).isEmpty();
    assertThat(
            new BatchProcessorConfig(Duration.ofSeconds(1), 100, 100, List.of("a", "b"), 1)
                .validate())
        .isEmpty();
  }
}
