package io.otelring.processor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    BatchProcessorConfig config =
        YamlConfigBinder.bind(
            "/batch/full.yaml", factory.defaultConfig(), BatchProcessorConfig.class);

    assertThat(config)
        .isEqualTo(
            new BatchProcessorConfig(
                Duration.ofSeconds(10), 10000, 11000, List.of("tenant_id", "X-Scope-OrgID"), 50));
    assertThat(config.validate()).isEmpty();
  }

  @Test
  void partialFixtureKeepsTheOtherDefaults() {
    BatchProcessorConfig config =
        YamlConfigBinder.bind(
            "/batch/partial.yaml", factory.defaultConfig(), BatchProcessorConfig.class);

    assertThat(config)
        .isEqualTo(new BatchProcessorConfig(Duration.ofSeconds(90), 8192, 0, List.of(), 1000));
  }

  @Test
  void emptyProcessorSectionIsTheDefaults() {
    // `batch: {}` and a bare `batch:` both mean the defaults.
    assertThat(YamlConfigBinder.bindText("{}", factory.defaultConfig(), BatchProcessorConfig.class))
        .isEqualTo(factory.defaultConfig());
  }

  @Test
  void unknownKeyFails() {
    assertThatThrownBy(
            () ->
                YamlConfigBinder.bind(
                    "/batch/unknown-key.yaml", factory.defaultConfig(), BatchProcessorConfig.class))
        .hasMessageContaining("send_batch_sise");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void invalidConfigs(String yaml, List<String> messages) {
    BatchProcessorConfig config =
        YamlConfigBinder.bindText(yaml, factory.defaultConfig(), BatchProcessorConfig.class);

    assertThat(config.validate()).containsExactlyElementsOf(messages);
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

  @Test
  void goDurationsParse() {
    assertThat(YamlConfigBinder.parseGoDuration("200ms")).isEqualTo(Duration.ofMillis(200));
    assertThat(YamlConfigBinder.parseGoDuration("1h2m3s")).isEqualTo(Duration.ofSeconds(3723));
    assertThat(YamlConfigBinder.parseGoDuration("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(YamlConfigBinder.parseGoDuration("0")).isEqualTo(Duration.ZERO);
    assertThat(YamlConfigBinder.parseGoDuration("-1us")).isEqualTo(Duration.ofNanos(-1000));
    assertThatThrownBy(() -> YamlConfigBinder.parseGoDuration("5")).hasMessageContaining("invalid");
  }
}
