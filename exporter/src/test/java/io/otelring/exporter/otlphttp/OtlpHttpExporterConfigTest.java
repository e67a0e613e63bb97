package io.otelring.exporter.otlphttp;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelring.core.component.Signal;
import io.otelring.core.testing.ConfigFixtures;
import io.otelring.exporter.client.TlsClientConfig;
import io.otelring.exporter.sending.QueueConfig;
import io.otelring.exporter.sending.RetryConfig;
import java.time.Duration;
import java.util.List;
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
                "http://proxy.internal:3128",
                "json",
                "zstd",
                new CompressionParams(7),
                TlsClientConfig.ofFiles("/etc/ca.pem", null, null),
                Map.of("Authorization", "Basic abc"),
                0,
                512 * 1024,
                Duration.ofSeconds(10),
                new QueueConfig(null, null, 10, null, null, null, null, null),
                new RetryConfig(false, null, null, null, null, null),
                5_000_000L,
                null));
    assertThat(config.url(Signal.TRACES)).isEqualTo("https://traces.example.com/v1/traces");
    assertThat(config.url(Signal.LOGS))
        .isEqualTo("https://cloud.langfuse.com/api/public/otel/v1/logs");
    assertThat(config.toString()).doesNotContain("Basic");
  }

  @Test
  void proxyUrlIsUnsetByDefault() {
    OtlpHttpExporterConfig config = ConfigFixtures.bind(factory, "endpoint: http://b:4318");
    assertThat(config.proxyUrl()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{compression: gzip}                     | gzip",
        "{compression: zstd}                     | zstd",
        "{compression: deflate}                  | deflate",
        "{compression: zlib}                     | zlib",
        "{compression: none}                     | none",
        "{encoding: json}                        | json",
        "{encoding: proto}                       | proto",
        "{proxy_url: 'http://proxy:3128'}         | http://proxy:3128",
        "{proxy_url: 'http://proxy'}              | http://proxy",
        "{proxy_url: 'http://[::1]:3128/'}        | http://[::1]:3128/",
      })
  void validValuesAreTaken(String yaml, String value) {
    OtlpHttpExporterConfig config =
        ConfigFixtures.bind(factory, yaml.replace("{", "{endpoint: 'http://b', "));
    assertThat(config.validate()).isEmpty();
    assertThat(List.of(config.compression(), config.encoding(), config.proxyUrl())).contains(value);
  }

  /** Go's ValidateParams: zlib's levels for gzip, deflate and zlib; any for zstd; none unread. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "gzip | -2",
        "gzip | 9",
        "deflate | -1",
        "zlib | 1",
        "zstd | 22",
        "zstd | -5",
        "none | 99"
      })
  void compressionLevelsGoAcceptsAreAccepted(String compression, int level) {
    String yaml =
        "{endpoint: 'http://b', compression: %s, compression_params: {level: %d}}"
            .formatted(compression, level);
    assertThat(ConfigFixtures.problems(factory, yaml)).isEmpty();
    assertThat(ConfigFixtures.<OtlpHttpExporterConfig>bind(factory, yaml).compressionParams())
        .isEqualTo(new CompressionParams(level));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{}                                        | endpoint: at least one endpoint must be specified",
        "{endpoint: 'b:4318'}                      | endpoint: must be an http:// or https:// URL, got \"b:4318\"",
        "{endpoint: 'http://b', encoding: xml}     | encoding: invalid encoding type: xml",
        "{endpoint: 'http://b', headers: {Host: x}} | headers::Host: is set by the HTTP client and cannot be configured",
        "{endpoint: 'http://b', compression: br}   | compression: unsupported compression type \"br\"",
        "{endpoint: 'http://b', proxy_url: x}      | proxy_url: must be the http:// URL of a proxy, such as http://proxy:3128, got \"x\"",
        "{endpoint: 'http://b', proxy_url: 'proxy:3128'} | proxy_url: must be the http:// URL of a proxy, such as http://proxy:3128, got \"proxy:3128\"",
        "{endpoint: 'http://b', proxy_url: 'http://'} | proxy_url: must be a valid URL: Expected authority at index 7: http://",
        "{endpoint: 'http://b', proxy_url: 'https://p:3128'} | proxy_url: https:// proxies are not supported by otelring; use an http:// proxy",
        "{endpoint: 'http://b', proxy_url: 'socks5://p:1080'} | proxy_url: socks5:// proxies are not supported by otelring; use an http:// proxy",
        "{endpoint: 'http://b', proxy_url: 'http://u:s3cret@p:3128'} | proxy_url: credentials in the proxy URL are not supported by otelring",
        "{endpoint: 'http://b', proxy_url: 'u:s3cret@p:3128'} | proxy_url: must be the http:// URL of a proxy, such as http://proxy:3128",
        "{endpoint: 'http://b', proxy_ur: x}       | proxy_ur: unknown key; did you mean \"proxy_url\"?",
        "{endpoint: 'http://b', compression_params: {level: 10}} | compression_params::level: unsupported parameters {Level:10} for compression type \"gzip\"",
        "{endpoint: 'http://b', compression: zlib, compression_params: {level: -3}} | compression_params::level: unsupported parameters {Level:-3} for compression type \"zlib\"",
        "{endpoint: 'http://b', compression: lz4, compression_params: {level: 1}} | compression_params::level: unsupported parameters {Level:1} for compression type \"lz4\"",
        "{endpoint: 'http://b', compression_params: {levle: 1}} | compression_params::levle: unknown key; did you mean \"level\"?",
      })
  void invalidConfigsAreReported(String yaml, String message) {
    assertThat(ConfigFixtures.problems(factory, yaml)).containsExactly(message);
  }
}
