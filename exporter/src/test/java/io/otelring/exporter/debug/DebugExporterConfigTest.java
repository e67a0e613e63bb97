package io.otelring.exporter.debug;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Kind;
import io.otelring.core.testing.ConfigFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Defaults, a full YAML fixture, and the validation messages (Go's, prefixed with the key). */
class DebugExporterConfigTest {

  private final DebugExporterFactory factory = new DebugExporterFactory();

  @Test
  void defaultsAreGos() {
    assertThat(factory.type()).isEqualTo("debug");
    assertThat(factory.configType()).isEqualTo(DebugExporterConfig.class);
    assertThat(factory.defaultConfig())
        .isEqualTo(new DebugExporterConfig("basic", 2, 1, true, null, null));
    assertThat(factory.defaultConfig().validate()).isEmpty();
  }

  @Test
  void fullYamlBindsToTheRecord() {
    assertThat(ConfigFixtures.bindResource(factory, "/debug/config_verbosity.yaml"))
        .isEqualTo(new DebugExporterConfig("detailed", 10, 50, false, null, null));
  }

  @Test
  void aCamelCaseKeyIsUnknown() {
    assertThat(ConfigFixtures.resourceProblems(factory, "/debug/config_verbosity_typo.yaml"))
        .containsExactly("verBosity: unknown key; did you mean \"verbosity\"?");
  }

  @ParameterizedTest(name = "verbosity \"{0}\": {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "basic    |",
        "Normal   |",
        "DETAILED |",
        "none     | verbosity: verbosity level \"None\" is not supported",
        "None     | verbosity: verbosity level \"None\" is not supported",
        "verbose  | verbosity: unknown metrics level \"verbose\"",
        "Loud     | verbosity: unknown metrics level \"loud\"",
        "''       | verbosity: unknown metrics level \"\""
      })
  void verbosityIsCheckedAsGoChecksIt(String verbosity, String message) {
    List<String> problems = new DebugExporterConfig(verbosity, 2, 1, true, null, null).validate();
    if (message == null) {
      assertThat(problems).isEmpty();
    } else {
      assertThat(problems).containsExactly(message);
    }
  }

  @ParameterizedTest(name = "sampling {0}/{1} is accepted, as Go accepts it")
  @CsvSource({"0, 0", "-1, 5", "5, -1", "10, 200"})
  void samplingNumbersAreNotChecked(int initial, int thereafter) {
    assertThat(new DebugExporterConfig("basic", initial, thereafter, true, null, null).validate())
        .isEmpty();
  }

  @Test
  void aMissingVerbosityMeansBasic() {
    DebugExporterConfig config = new DebugExporterConfig(null, 2, 1, true, null, null);
    assertThat(config.validate()).isEmpty();
    assertThat(config.level()).isEqualTo(Verbosity.BASIC);
  }

  @Test
  void theFactoryMakesAnExporterThatStartsAndStops() throws Exception {
    var settings =
        ComponentSettings.of(
            ComponentId.parse("debug/x"), Kind.EXPORTER, new SimpleMeterRegistry());
    var exporter =
        factory.createExporter(settings, new DebugExporterConfig("normal", 2, 1, true, null, null));
    exporter.start();
    exporter.shutdown(java.time.Duration.ofSeconds(1));
    exporter.shutdown(java.time.Duration.ofSeconds(1));
    assertThat(exporter).isInstanceOf(DebugExporter.class);
  }
}
