package io.otelring.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The config check the chart and stack tests rely on does report problems, and only lets through
 * components still on their way.
 */
class CollectorConfigsTest {

  private static final String CONFIG =
      """
      receivers:
        otlp:
          protocols:
            grpc: {endpoint: "${env:MY_POD_IP}:4317"}
      processors:
        batch: {%s}
      exporters:
        debug: {}
      service:
        pipelines:
          traces: {receivers: [otlp], processors: [batch], exporters: [debug]}
      """;

  @Test
  void podEnvironmentIsFilledIn() {
    assertThat(CollectorConfigs.problems(CONFIG.formatted(""))).isEmpty();
  }

  @Test
  void reportsWhatValidateReports() {
    assertThat(CollectorConfigs.problems(CONFIG.formatted("timeuot: 1s")))
        .singleElement()
        .asString()
        .contains("processors::batch::timeuot");
  }

  @Test
  void aProblemOtherThanAMissingComponentFails() {
    assertThatThrownBy(() -> CollectorConfigs.assertValid(CONFIG.formatted("timeuot: 1s")))
        .isInstanceOf(AssertionError.class);
  }
}
