package io.otelring.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelring.core.component.Factories;
import io.otelring.core.testing.TestComponents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code service.telemetry.logs}: every Go key is accepted, those set to what otelring's log does
 * not do are named, so that the collector can say so at start, and a wrong encoding is refused.
 */
class LogsTelemetryTest {

  private final ConfigLoader loader =
      new ConfigLoader(
          Factories.of(
              List.of(
                  new TestComponents.ManualReceivers(), new TestComponents.RecordingExporters()),
              Map.of()));

  private ServiceConfig.LogsTelemetry logs(String logsYaml) throws ConfigException {
    String yaml =
        """
        receivers: {manual: {}}
        exporters: {recording: {}}
        service:
          telemetry: {logs: %s}
          pipelines: {traces: {receivers: [manual], exporters: [recording]}}
        """
            .formatted(logsYaml);
    return loader.load(ConfigSource.ofYaml("c.yaml", yaml)).service().telemetry().logs();
  }

  @Test
  void goDefaultsAndTheLevelAreNothingToReport() throws Exception {
    assertThat(logs("{level: debug}").unappliedKeys()).isEmpty();
    assertThat(
            logs("{encoding: console, output_paths: [stderr], error_output_paths: [stderr]}")
                .unappliedKeys())
        .isEmpty();
  }

  @Test
  void whatTheLogDoesNotDoIsNamed() throws Exception {
    assertThat(
            logs("{encoding: json, output_paths: [/var/log/otelcol.log],"
                    + " initial_fields: {service: gateway}, sampling: {initial: 5},"
                    + " disable_caller: true, development: true}")
                .unappliedKeys())
        .containsExactly("development");
  }

  @Test
  void aSamplingTickThatIsNoDurationIsRefused() {
    assertThatThrownBy(() -> logs("{sampling: {tick: soon}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("service::telemetry::logs::sampling::tick: ");
  }

  @Test
  void anEncodingZapDoesNotHaveIsRefused() {
    assertThatThrownBy(() -> logs("{encoding: xml}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "service::telemetry::logs::encoding: no encoder registered for name \"xml\"");
  }
}
