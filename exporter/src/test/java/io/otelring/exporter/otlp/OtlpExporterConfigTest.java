package io.otelring.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelring.core.testing.ConfigFixtures;
import io.otelring.core.tls.CurvePreferences;
import io.otelring.exporter.client.TlsClientConfig;
import io.otelring.exporter.sending.QueueBatchConfig;
import io.otelring.exporter.sending.QueueConfig;
import io.otelring.exporter.sending.RetryConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Defaults (Go's), a full YAML fixture, and the validation messages. */
class OtlpExporterConfigTest {

  private final OtlpExporterFactory factory = new OtlpExporterFactory();

  @Test
  void defaultsAreGos() {
    OtlpExporterConfig config = ConfigFixtures.bind(factory, "endpoint: tempo:4317");
    assertThat(config.compression()).isEqualTo("gzip");
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.balancerName()).isEqualTo("round_robin");
    assertThat(config.keepalive()).isNull();
    assertThat(config.writeBufferSize()).isEqualTo(512 * 1024);
    assertThat(config.waitForReady()).isFalse();
    assertThat(config.tls().enabled()).isTrue();
    assertThat(config.maxRequestSize()).isEqualTo(4L * 1024 * 1024);
    assertThat(config.sendingQueue())
        .isEqualTo(new QueueConfig(true, 10, 1000, false, "", null, false, null));
    assertThat(config.retryOnFailure())
        .isEqualTo(
            new RetryConfig(
                true,
                Duration.ofSeconds(5),
                0.5,
                1.5,
                Duration.ofSeconds(30),
                Duration.ofMinutes(5)));
  }

  @Test
  void fullYamlBindsToTheRecord() {
    OtlpExporterConfig config = ConfigFixtures.bindResource(factory, "/otlp/full.yaml");
    assertThat(config)
        .isEqualTo(
            new OtlpExporterConfig(
                "https://tempo.example.com:4317",
                "none",
                new TlsClientConfig(
                    false,
                    true,
                    "/etc/ca.pem",
                    "",
                    "/etc/client.pem",
                    "",
                    "/etc/client.key",
                    "",
                    "tempo.internal",
                    "1.3",
                    "",
                    true,
                    List.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
                    Duration.ofHours(1),
                    List.of("X25519")),
                Map.of("authorization", "Bearer x"),
                new KeepaliveClientConfig(Duration.ofSeconds(30), Duration.ofSeconds(10), false),
                1024,
                2048,
                true,
                "pick_first",
                "tempo",
                Duration.ofSeconds(10),
                new QueueConfig(true, 4, 50, true, "file_storage/queue", null, false, null),
                new RetryConfig(
                    true, Duration.ofSeconds(1), 0.2, 2.0, Duration.ofSeconds(10), Duration.ZERO),
                1048576L,
                null));
    assertThat(config.toString()).doesNotContain("Bearer");
    // reload_interval applies: the client certificate and key are files; curve_preferences
    // needs Java 20.
    assertThat(config.tls().unappliedKeys())
        .isEqualTo(CurvePreferences.applicable() ? List.of() : List.of("tls::curve_preferences"));
  }

  @Test
  void theQueuesBatchSectionIsOffWhenAbsentAndEveryDefaultWhenEmpty() {
    assertThat(ConfigFixtures.bind(factory, "endpoint: 't:1'").sendingQueue().batch()).isNull();
    assertThat(
            ConfigFixtures.bind(
                    factory, "{endpoint: 't:1', sending_queue: {batch: {enabled: false}}}")
                .sendingQueue())
        .isEqualTo(QueueConfig.defaults());

    QueueBatchConfig empty =
        ConfigFixtures.bind(factory, "endpoint: 't:1'\nsending_queue:\n  batch:\n")
            .sendingQueue()
            .batch();
    assertThat(empty)
        .isEqualTo(new QueueBatchConfig(true, Duration.ofMillis(200), "items", 8192L, 0L, null));
  }

  @Test
  void theStartLineSaysWhatTheQueueHoldsAndHowItBatches() {
    assertThat(
            ConfigFixtures.bind(
                    factory,
                    "{endpoint: 't:1', sending_queue: {sizer: items, queue_size: 5000,"
                        + " batch: {min_size: 100, max_size: 200}}}")
                .sendingQueue()
                .describe())
        .isEqualTo("5000 items, 10 consumers, batches of 100-200 items or after 200ms");
    assertThat(ConfigFixtures.bind(factory, "endpoint: 't:1'").sendingQueue().describe())
        .isEqualTo("1000 requests, 10 consumers");
  }

  @Test
  void aBatchWithoutASizerMeasuresAsTheQueueDoesWhenTheQueuesSizerIsSet() {
    assertThat(
            ConfigFixtures.bind(
                    factory,
                    "{endpoint: 't:1', sending_queue: {sizer: bytes, queue_size: 100000000,"
                        + " batch: {min_size: 1000}}}")
                .sendingQueue()
                .batch()
                .sizer())
        .isEqualTo("bytes");
    assertThat(
            ConfigFixtures.bind(factory, "{endpoint: 't:1', sending_queue: {batch: {min_size: 9}}}")
                .sendingQueue()
                .batch()
                .sizer())
        .isEqualTo("items");
  }

  @Test
  void httpDoesNotTurnTlsOffButInsecureDoes() {
    assertThat(GrpcTarget.parse("http://tempo:4317"))
        .isEqualTo(new GrpcTarget("tempo:4317", false));
    assertThat(GrpcTarget.parse("https://tempo:4317"))
        .isEqualTo(new GrpcTarget("tempo:4317", true));
    assertThat(ConfigFixtures.bind(factory, "endpoint: http://tempo:4317").tls().enabled())
        .isTrue();
    assertThat(
            ConfigFixtures.bind(factory, "{endpoint: 'http://t:4317', tls: {insecure: true}}")
                .tls()
                .enabled())
        .isFalse();
  }

  @ParameterizedTest(name = "compression: \"{0}\"")
  @ValueSource(strings = {"gzip", "zstd", "snappy", "none", ""})
  void theCompressionsGoSendsOverGrpcAreValid(String compression) {
    OtlpExporterConfig config =
        ConfigFixtures.bind(factory, "{endpoint: 't:1', compression: '" + compression + "'}");
    assertThat(config.compression()).isEqualTo(compression);
    assertThat(config.validate()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{}                                                | endpoint: requires a non-empty \"endpoint\"",
        "{endpoint: tempo}                                 | endpoint: address tempo: missing port in address",
        "{endpoint: 'tempo:http'}                          | endpoint: invalid port \"http\"",
        "{endpoint: 't:1', compression: deflate}           | compression: unsupported compression type \"deflate\" for gRPC; use gzip, zstd, snappy or none",
        "{endpoint: 't:1', compression: lz4}               | compression: unsupported compression type \"lz4\" for gRPC; use gzip, zstd, snappy or none",
        "{endpoint: 't:1', compression: brotli}            | compression: unsupported compression type \"brotli\"",
        "{endpoint: 't:1', balancer_name: random}          | balancer_name: invalid balancer_name: random",
        "{endpoint: 't:1', timeout: -1s}                   | timeout: must not be negative",
        "{endpoint: 't:1', sending_queue: {num_consumers: 0}} | sending_queue::num_consumers: must be positive",
        "{endpoint: 't:1', sending_queue: {queue_size: 0}}  | sending_queue::queue_size: must be positive",
        "{endpoint: 't:1', sending_queue: {sizer: pages}}   | sending_queue::sizer: invalid sizer: \"pages\"",
        "{endpoint: 't:1', sending_queue: {sizer: items, storage: file_storage}} | sending_queue::sizer: a persistent queue (storage) counts requests in otelring; \"items\" is not supported with it",
        "{endpoint: 't:1', sending_queue: {sizer: requests, batch: {min_size: 10}}} | sending_queue::batch::sizer: `batch` supports only `items` or `bytes` sizer, found \"requests\"",
        "{endpoint: 't:1', sending_queue: {batch: {flush_timeout: 0s}}} | sending_queue::batch::flush_timeout: `flush_timeout` must be positive, found 0",
        "{endpoint: 't:1', sending_queue: {batch: {min_size: -1}}} | sending_queue::batch::min_size: `min_size` must be non-negative, found -1",
        "{endpoint: 't:1', sending_queue: {batch: {min_size: 10, max_size: 5}}} | sending_queue::batch::max_size: `max_size` (5) must be greater or equal to `min_size` (10)",
        "{endpoint: 't:1', sending_queue: {sizer: items, queue_size: 100, batch: {min_size: 200}}} | sending_queue::batch::min_size: `min_size` must be less than or equal to `queue_size`",
        "{endpoint: 't:1', sending_queue: {batch: {partition: {metadata_keys: [a, A]}}}} | sending_queue::batch::partition::metadata_keys: duplicate entry in metadata_keys: \"a\" (case-insensitive)",
        "{endpoint: 't:1', sending_queue: {batch: {flush_timout: 1s}}} | sending_queue::batch::flush_timout: unknown key; did you mean \"flush_timeout\"?",
        "{endpoint: 't:1', retry_on_failure: {randomization_factor: 2}} | retry_on_failure::randomization_factor: value must be less than or equal to 1",
        "{endpoint: 't:1', retry_on_failure: {max_elapsed_time: 1s}} | retry_on_failure: 'max_elapsed_time' must not be less than 'initial_interval'",
        "{endpoint: 't:1', tls: {cert_file: a.pem}}         | tls: for auth via TLS, provide both certificate and key, or neither",
        "{endpoint: 't:1', tls: {min_version: '1.4'}}       | tls::min_version: unsupported TLS version: \"1.4\"",
        "{endpoint: 't:1', tls: {curve_preferences: [X448]}} | tls::curve_preferences: invalid curve type: X448. Expected values are [P256, P384, P521, X25519, X25519MLKEM768]",
        "{endpoint: 't:1', max_request_size: -1}            | max_request_size: must not be negative (0 means no limit)",
        "{endpoint: 't:1', sending_queue: {storag: x}}      | sending_queue::storag: unknown key; did you mean \"storage\"?",
        "{endpoint: 't:1', auth: {}}                        | auth::authenticator: must name an authenticator extension",
      })
  void invalidConfigsAreReported(String yaml, String message) {
    assertThat(ConfigFixtures.problems(factory, yaml)).contains(message);
  }
}
