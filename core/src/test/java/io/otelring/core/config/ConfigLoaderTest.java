package io.otelring.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelring.core.component.ComponentId;
import io.otelring.core.component.Factories;
import io.otelring.core.component.Kind;
import io.otelring.core.component.Signal;
import io.otelring.core.testing.TestComponents;
import io.otelring.core.testing.TestComponents.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {

  private final ConfigLoader loader =
      new ConfigLoader(
          Factories.of(
              List.of(
                  new TestComponents.ManualReceivers(),
                  new TestComponents.RecordingExporters(),
                  new TestComponents.GateProcessors()),
              Map.of(
                  Kind.EXPORTER,
                  Map.of("recording_alias", "recording", "future_alias", "future"))));

  private static String resource(String name) {
    return Path.of("src/test/resources/config", name).toString();
  }

  @Test
  void bindsEveryComponentOverItsDefaults() throws Exception {
    CollectorConfig config = loader.load(List.of(resource("seed.yaml")));

    assertThat(config.get(Kind.RECEIVER, ComponentId.of("manual")).config())
        .isEqualTo(new Settings("first", 0));
    assertThat(config.get(Kind.EXPORTER, ComponentId.parse("recording/tempo")).config())
        .isEqualTo(new Settings("tempo", 0));
    assertThat(config.get(Kind.EXPORTER, ComponentId.of("recording")).config())
        .isEqualTo(new Settings("", 2));
    assertThat(config.pipelines())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.signal()).isEqualTo(Signal.TRACES);
              assertThat(p.exporters())
                  .containsExactly(
                      ComponentId.of("recording"), ComponentId.parse("recording/tempo"));
            });
  }

  @Test
  void laterFilesOverrideEarlierOnes() throws Exception {
    CollectorConfig config = loader.load(List.of(resource("seed.yaml"), resource("override.yaml")));

    assertThat(config.get(Kind.EXPORTER, ComponentId.of("recording")).config())
        .isEqualTo(new Settings("overridden", 2));
    assertThat(config.pipelines().get(0).exporters()).containsExactly(ComponentId.of("recording"));
  }

  @Test
  void anAliasBindsToItsCanonicalFactory() throws Exception {
    CollectorConfig config =
        loader.load(
            ConfigSource.ofYaml(
                "alias.yaml",
                """
                receivers: {manual: {}}
                exporters: {recording_alias/x: {}}
                service: {pipelines: {logs: {receivers: [manual], exporters: [recording_alias/x]}}}
                """));

    assertThat(config.get(Kind.EXPORTER, ComponentId.parse("recording_alias/x")).factory().type())
        .isEqualTo("recording");
  }

  @Test
  void componentsNoPipelineUsesAreAllowed() throws Exception {
    CollectorConfig config =
        loader.load(
            ConfigSource.ofYaml(
                "unused.yaml",
                """
                receivers: {manual: {}, manual/unused: {}}
                exporters: {recording: {}, recording/unused: {}}
                processors: {gate/unused: {}}
                service: {pipelines: {metrics: {receivers: [manual], exporters: [recording]}}}
                """));

    assertThat(config.of(Kind.EXPORTER)).hasSize(2);
  }

  static Stream<Arguments> invalidConfigs() {
    String pipeline =
        "service: {pipelines: {traces: {receivers: [manual], exporters: [recording]}}}\n";
    String components = "receivers: {manual: {}}\nexporters: {recording: {}}\n";
    return Stream.of(
        Arguments.of(
            "unknown component type",
            components + "processors: {batch: {}}\n" + pipeline,
            List.of(
                "t.yaml:3: processors::batch: unknown type \"batch\"; known processor types: gate")),
        Arguments.of(
            "unknown key with a suggestion",
            "receivers: {manual: {nott: x}}\nexporters: {recording: {}}\n" + pipeline,
            List.of("t.yaml:1: receivers::manual::nott: unknown key; did you mean \"note\"?")),
        Arguments.of(
            "every unknown key, not only the first",
            "receivers: {manual: {a: 1, b: 2}}\nexporters: {recording: {}}\n" + pipeline,
            List.of(
                "t.yaml:1: receivers::manual::a: unknown key",
                "t.yaml:1: receivers::manual::b: unknown key")),
        Arguments.of(
            "an unknown key whose value is a map",
            "receivers: {manual: {nested: {a: 1}}}\nexporters: {recording: {}}\n" + pipeline,
            List.of("t.yaml:1: receivers::manual::nested: unknown key")),
        Arguments.of(
            "an alias of a type this build does not have",
            "receivers: {manual: {}}\nexporters: {future_alias/x: {}}\n"
                + "service: {pipelines: {traces: {receivers: [manual], exporters: [future_alias/x]}}}\n",
            List.of(
                "t.yaml:2: exporters::future_alias/x: unknown type \"future_alias\": it is an alias"
                    + " of \"future\", which this build does not have yet")),
        Arguments.of(
            "an unknown key whose value is a list",
            "receivers: {manual: {nested: [a, b]}}\nexporters: {recording: {}}\n" + pipeline,
            List.of("t.yaml:1: receivers::manual::nested: unknown key")),
        Arguments.of(
            "wrong value type",
            "receivers: {manual: {count: many}}\nexporters: {recording: {}}\n" + pipeline,
            List.of("t.yaml:1: receivers::manual::count: cannot use \"many\" as an integer")),
        Arguments.of(
            "validate() of the component",
            "receivers: {manual: {count: -1}}\nexporters: {recording: {}}\n" + pipeline,
            List.of("t.yaml:1: receivers::manual::count: must not be negative")),
        Arguments.of(
            "unknown top-level key",
            components + "exporter: {}\n" + pipeline,
            List.of("t.yaml:3: exporter: unknown top-level key; did you mean \"exporters\"?")),
        Arguments.of(
            "pipeline references what is not configured",
            components
                + "service: {pipelines: {traces: {receivers: [manual, otlp], exporters: [recording/x]}}}\n",
            List.of(
                "t.yaml:3: service::pipelines::traces::receivers::1: references receiver \"otlp\" which is not configured",
                "t.yaml:3: service::pipelines::traces::exporters::0: references exporter \"recording/x\" which is not configured")),
        Arguments.of(
            "pipeline of an unknown signal",
            components
                + "service: {pipelines: {profiles: {receivers: [manual], exporters: [recording]}}}\n",
            List.of(
                "t.yaml:3: service::pipelines::profiles: unknown signal \"profiles\"; a pipeline id is traces, metrics or logs, optionally /name")),
        Arguments.of(
            "pipeline without receivers or exporters",
            components + "service: {pipelines: {logs/x: {processors: []}}}\n",
            List.of(
                "t.yaml:3: service::pipelines::logs/x: must have at least one receiver",
                "t.yaml:3: service::pipelines::logs/x: must have at least one exporter")),
        Arguments.of(
            "no pipelines",
            components + "service: {}\n",
            List.of("t.yaml:3: service::pipelines: must have at least one pipeline")),
        Arguments.of(
            "unknown extension",
            components
                + "service: {extensions: [health_check], pipelines: {traces: {receivers: [manual], exporters: [recording]}}}\n",
            List.of(
                "t.yaml:3: service::extensions::0: references extension \"health_check\" which is not configured")),
        Arguments.of(
            "all problems of all sections at once",
            "receivers: {manual: {x: 1}}\nexporters: {otlp/tempo: {}}\n"
                + "service: {pipelines: {traces: {receivers: [manual], exporters: [otlp/tempo]}}}\n",
            List.of(
                "t.yaml:1: receivers::manual::x: unknown key",
                "t.yaml:2: exporters::otlp/tempo: unknown type \"otlp\"; known exporter types: recording, recording_alias")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidConfigs")
  void reportsEveryProblemWithItsPlace(String name, String yaml, List<String> expected) {
    assertThatThrownBy(() -> loader.load(ConfigSource.ofYaml("t.yaml", yaml)))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> assertThat(e.problems()).containsExactlyElementsOf(expected));
  }
}
