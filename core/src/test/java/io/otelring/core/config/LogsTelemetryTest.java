package io.otelring.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelring.core.component.Factories;
import io.otelring.core.testing.TestComponents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code service.telemetry.logs}: every Go key is accepted, and those set to what otelring's log
 * lines do not do are named, so that the collector can say so at start.
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
  void whatTheLinesDoNotFollowIsNamed() throws Exception {
    assertThat(
            logs("{encoding: json, output_paths: [/var/log/otelcol.log],"
                    + " initial_fields: {service: gateway}, sampling: {initial: 5},"
                    + " disable_caller: true}")
                .unappliedKeys())
        .containsExactly(
            "encoding", "disable_caller", "sampling", "output_paths", "initial_fields");
  }
}
