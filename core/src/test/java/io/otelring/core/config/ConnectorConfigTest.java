package io.otelring.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Factories;
import io.otelring.core.component.Receiver;
import io.otelring.core.component.ReceiverConsumers;
import io.otelring.core.component.ReceiverFactory;
import io.otelring.core.config.CollectorConfig.Pipeline;
import io.otelring.core.testing.TestComponents;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Connectors in a config: where they may be listed, and the Go collector's checks of their use. */
class ConnectorConfigTest {

  private final ConfigLoader loader =
      new ConfigLoader(
          Factories.of(
              List.of(
                  new TestComponents.ManualReceivers(),
                  new TestComponents.RecordingExporters(),
                  new TestComponents.GateProcessors(),
                  new TestComponents.SameSignalConnectors(),
                  new ReceiversNamedLikeTheConnector())));

  /** Receivers of type {@code same}, so that a receiver id can clash with a connector's. */
  private static final class ReceiversNamedLikeTheConnector
      implements ReceiverFactory<TestComponents.Settings> {
    @Override
    public String type() {
      return "same";
    }

    @Override
    public Class<TestComponents.Settings> configType() {
      return TestComponents.Settings.class;
    }

    @Override
    public TestComponents.Settings defaultConfig() {
      return new TestComponents.Settings("", 0);
    }

    @Override
    public Receiver createReceiver(
        ComponentSettings settings, TestComponents.Settings config, ReceiverConsumers next) {
      return new Receiver() {};
    }
  }

  private static final String COMPONENTS =
      "receivers: {manual: {}}\nprocessors: {gate: {}}\nconnectors: {same: {}}\n"
          + "exporters: {recording: {}}\n";

  @Test
  void aConnectorIsAnExporterOfOnePipelineAndAReceiverOfOthers() throws Exception {
    CollectorConfig config =
        loader.load(
            ConfigSource.ofYaml(
                "t.yaml",
                """
                receivers: {manual: {}}
                connectors: {same: {}, same/2: {}}
                exporters: {recording: {}}
                service:
                  pipelines:
                    traces/out: {receivers: [same], exporters: [recording]}
                    traces/mid: {receivers: [same/2], exporters: [same]}
                    traces/in: {receivers: [manual], exporters: [same/2]}
                """));

    assertThat(config.isConnector(ComponentId.of("same"))).isTrue();
    assertThat(config.isConnector(ComponentId.of("manual"))).isFalse();
    assertThat(config.upstreamFirst())
        .extracting(Pipeline::id)
        .containsExactly("traces/in", "traces/mid", "traces/out");
  }

  static Stream<Arguments> misuses() {
    return Stream.of(
        Arguments.of(
            "an id that is also a receiver's",
            COMPONENTS.replace("receivers: {manual: {}}", "receivers: {manual: {}, same: {}}")
                + "service: {pipelines: {traces: {receivers: [manual], exporters: [recording]}}}\n",
            List.of(
                "t.yaml:3: connectors::same: ambiguous ID: Found both \"same\" receiver and"
                    + " \"same\" connector. Change one of the components' IDs to eliminate"
                    + " ambiguity (e.g. rename \"same\" connector to \"same/connector\")")),
        Arguments.of(
            "exported to, received from nowhere",
            COMPONENTS
                + "service: {pipelines: {traces: {receivers: [manual], exporters: [same, recording]}}}\n",
            List.of(
                "t.yaml:3: connectors::same: connector \"same\" used as exporter in [traces]"
                    + " pipeline but not used in any supported receiver pipeline")),
        Arguments.of(
            "signals it does not connect",
            COMPONENTS
                + "service:\n  pipelines:\n"
                + "    traces: {receivers: [manual], exporters: [same]}\n"
                + "    metrics/a: {receivers: [same], exporters: [recording]}\n"
                + "    metrics/b: {receivers: [same], exporters: [recording]}\n",
            List.of(
                "t.yaml:3: connectors::same: connector \"same\" used as exporter in [traces]"
                    + " pipeline but not used in any supported receiver pipeline",
                "t.yaml:3: connectors::same: connector \"same\" used as receiver in [metrics/a"
                    + " metrics/b] pipeline but not used in any supported exporter pipeline")),
        Arguments.of(
            "a cycle",
            COMPONENTS
                + "service:\n  pipelines:\n"
                + "    traces/a: {receivers: [manual, same], processors: [gate], exporters: [same]}\n",
            List.of(
                "t.yaml:6: service::pipelines: cycle detected: connector \"same\" (traces to"
                    + " traces) -> processor \"gate\" in pipeline \"traces/a\" -> connector"
                    + " \"same\" (traces to traces)")),
        Arguments.of(
            "a cycle through two pipelines",
            COMPONENTS.replace("connectors: {same: {}}", "connectors: {same: {}, same/2: {}}")
                + "service:\n  pipelines:\n"
                + "    traces/a: {receivers: [manual, same], exporters: [same/2]}\n"
                + "    traces/b: {receivers: [same/2], processors: [gate], exporters: [same]}\n",
            List.of(
                "t.yaml:6: service::pipelines: cycle detected: connector \"same/2\" (traces to"
                    + " traces) -> processor \"gate\" in pipeline \"traces/b\" -> connector"
                    + " \"same\" (traces to traces) -> connector \"same/2\" (traces to traces)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("misuses")
  void misusesAreReportedAsGoReportsThem(String name, String yaml, List<String> expected) {
    assertThatThrownBy(() -> loader.load(ConfigSource.ofYaml("t.yaml", yaml)))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> assertThat(e.problems()).containsExactlyElementsOf(expected));
  }
}
