package io.otelring.exporter.tempo;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelring.core.testing.ConfigFixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tempo's defaults, the tenant header, and the otlp exporter's validation. */
class TempoExporterConfigTest {

  private final TempoExporterFactory factory = new TempoExporterFactory();

  @Test
  void defaultsAreOtlpsWithTemposRequestCap() {
    TempoExporterConfig config = ConfigFixtures.bind(factory, "endpoint: tempo:4317");
    assertThat(config.toOtlp().maxRequestSize()).isEqualTo(4L * 1024 * 1024);
    assertThat(config.toOtlp().headers()).isEmpty();
    assertThat(config.toOtlp().compression()).isEqualTo("gzip");
  }

  @Test
  void theTenantIsSentAsXScopeOrgId() {
    TempoExporterConfig config = ConfigFixtures.bindResource(factory, "/tempo/full.yaml");
    assertThat(config.toOtlp().headers())
        .isEqualTo(Map.of("x-scope-orgid", "team-a", "x-extra", "1"));
    assertThat(config.toOtlp().tls().enabled()).isFalse();
    assertThat(config.toString()).doesNotContain("team-a");
  }

  @Test
  void zstdIsSentToTempo() {
    TempoExporterConfig config =
        ConfigFixtures.bind(factory, "{endpoint: 'tempo:4317', compression: zstd}");
    assertThat(config.toOtlp().compression()).isEqualTo("zstd");
    assertThat(config.validate()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{}                       | endpoint: requires a non-empty \"endpoint\"",
        "{endpoint: tempo}        | endpoint: address tempo: missing port in address",
        "{endpoint: 't:1', tenat: a} | tenat: unknown key; did you mean \"tenant\"?",
        "{endpoint: 't:1', compression: lz4} | compression: unsupported compression type \"lz4\" for gRPC; use gzip, zstd, snappy or none",
      })
  void invalidConfigsAreReported(String yaml, String message) {
    assertThat(ConfigFixtures.problems(factory, yaml)).containsExactly(message);
  }
}
