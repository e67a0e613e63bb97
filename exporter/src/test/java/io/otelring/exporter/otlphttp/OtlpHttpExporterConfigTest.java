package io.otelring.exporter.otlphttp;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelring.core.component.Signal;
import io.otelring.core.testing.ConfigFixtures;
import io.otelring.exporter.client.TlsClientConfig;
import io.otelring.exporter.sending.QueueConfig;
import io.otelring.exporter.sending.RetryConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Defaults (Go's), a full YAML fixture, the signal URLs, and the validation messages. */
class OtlpHttpExporterConfigTest {

  private final OtlpHttpExporterFactory factory = new OtlpHttpExporterFactory();

  @Test
  void defaultsAreGos() {
    OtlpHttpExporterConfig config = ConfigFixtures.bind(factory, "endpoint: http://b:4318");
    assertThat(config.compression()).isEqualTo("gzip");
    assertThat(config.encoding()).isEqualTo("proto");
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.maxRequestSize()).isZero();
    assertThat(config.sendingQueue()).isEqualTo(QueueConfig.defaults());
    assertThat(config.retryOnFailure()).isEqualTo(RetryConfig.defaults());
  }

  @Test
  void fullYamlBindsToTheRecord() {
    OtlpHttpExporterConfig config = ConfigFixtures.bindResource(factory, "/otlphttp/full.yaml");
    assertThat(config)
        .isEqualTo(
            new OtlpHttpExporterConfig(
                "https://cloud.langfuse.com/api/public/otel",
                "https://traces.example.com/v1/traces",
                "",
                "",
                "proto",
                "gzip",
                new TlsClientConfig(
                    null, null, "/etc/ca.pem", null, null, null, null, null, null, null, null),
                Map.of("Authorization", "Basic abc"),
                0,
                512 * 1024,
                Duration.ofSeconds(10),
                new QueueConfig(null, null, 10, null, null, null, null),
                new RetryConfig(false, null, null, null, null, null),
                5_000_000L));
    assertThat(config.url(Signal.TRACES)).isEqualTo("https://traces.example.com/v1/traces");
    assertThat(config.url(Signal.LOGS))
        .isEqualTo("https://cloud.langfuse.com/api/public/otel/v1/logs");
    assertThat(config.toString()).doesNotContain("Basic");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{}                                        | endpoint: at least one endpoint must be specified",
        "{endpoint: 'b:4318'}                      | endpoint: must be an http:// or https:// URL, got \"b:4318\"",
        "{endpoint: 'http://b', encoding: json}    | encoding: \"json\" is not supported by otelring yet; use proto",
        "{endpoint: 'http://b', encoding: xml}     | encoding: invalid encoding type: xml",
        "{endpoint: 'http://b', headers: {Host: x}} | headers::Host: is set by the HTTP client and cannot be configured",
        "{endpoint: 'http://b', compression: zstd} | compression: \"zstd\" is not supported by otelring; use gzip or none",
        "{endpoint: 'http://b', proxy_url: x}      | proxy_url: unknown key",
      })
  void invalidConfigsAreReported(String yaml, String message) {
    assertThat(ConfigFixtures.problems(factory, yaml)).anyMatch(p -> p.startsWith(message));
  }
}
