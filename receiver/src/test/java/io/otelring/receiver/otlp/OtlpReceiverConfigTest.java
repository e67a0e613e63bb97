package io.otelring.receiver.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.otelring.core.config.ComponentConfigBinder;
import io.otelring.core.config.ConfigSource;
import io.otelring.core.testing.ConfigFixtures;
import io.otelring.receiver.otlp.HttpServerConfig.CorsConfig;
import io.otelring.receiver.otlp.KeepaliveServerConfig.EnforcementPolicy;
import io.otelring.receiver.otlp.KeepaliveServerConfig.ServerParameters;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OtlpReceiverConfigTest {

  @Test
  void defaultConfigTurnsNoProtocolOnAndSaysSo() {
    OtlpReceiverConfig config = new OtlpReceiverFactory().defaultConfig();

    assertThat(config.protocols()).isEqualTo(new Protocols(null, null));
    assertThat(config.validate())
        .containsExactly(
            "protocols: must specify at least one protocol when using the OTLP receiver");
  }

  @Test
  void grpcDefaultsAreGoOtlpReceiverDefaults() {
    GrpcServerConfig grpc = GrpcServerConfig.defaults();

    assertThat(grpc.endpoint()).isEqualTo("localhost:4317");
    assertThat(grpc.transport()).isEqualTo("tcp");
    assertThat(grpc.tls()).isNull();
    assertThat(grpc.maxRecvMsgSizeMib()).isEqualTo(4);
    assertThat(grpc.maxInboundMessageBytes()).isEqualTo(4 * 1024 * 1024);
    assertThat(grpc.maxConcurrentStreams()).isZero();
    assertThat(grpc.readBufferSize()).isEqualTo(524288);
    assertThat(grpc.writeBufferSize()).isZero();
    assertThat(grpc.includeMetadata()).isFalse();
    assertThat(grpc.keepalive().serverParameters())
        .isEqualTo(
            new ServerParameters(
                Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO));
    assertThat(grpc.keepalive().enforcementPolicy())
        .isEqualTo(new EnforcementPolicy(Duration.ZERO, false));
  }

  @Test
  void httpDefaultsAreGoOtlpReceiverDefaults() {
    HttpServerConfig http = HttpServerConfig.defaults();

    assertThat(http.endpoint()).isEqualTo("localhost:4318");
    assertThat(http.tracesUrlPath()).isEqualTo("/v1/traces");
    assertThat(http.metricsUrlPath()).isEqualTo("/v1/metrics");
    assertThat(http.logsUrlPath()).isEqualTo("/v1/logs");
    assertThat(http.writeTimeout()).isZero();
    assertThat(http.readTimeout()).isZero();
    assertThat(http.readHeaderTimeout()).isZero();
    assertThat(http.idleTimeout()).isZero();
    assertThat(http.tls()).isNull();
    assertThat(http.cors()).isNull();
    assertThat(http.includeMetadata()).isFalse();
    assertThat(http.responseHeaders()).isEmpty();
    assertThat(http.compressionAlgorithms()).as("null is Go's default list").isNull();
    assertThat(http.maxRequestBodySize()).isZero();
    assertThat(http.maxRequestBodyBytes()).isEqualTo(20 * 1024 * 1024);
    List<String> problems = new java.util.ArrayList<>();
    http.validate("protocols::http", problems);
    assertThat(problems).isEmpty();
  }

  @Test
  void protocolKeysWithNoValueMeanEveryDefault() throws Exception {
    OtlpReceiverConfig config = receiverConfig(fixture("defaults.yaml"));

    assertThat(config)
        .isEqualTo(
            new OtlpReceiverConfig(
                new Protocols(GrpcServerConfig.defaults(), HttpServerConfig.defaults())));
    assertThat(config.validate()).isEmpty();
  }

  @Test
  void aProtocolLeftOutIsOff() throws Exception {
    OtlpReceiverConfig config =
        receiverConfig("receivers: {otlp: {protocols: {grpc: {endpoint: '0.0.0.0:4317'}}}}");

    assertThat(config.protocols().grpc().endpoint()).isEqualTo("0.0.0.0:4317");
    assertThat(config.protocols().grpc().maxRecvMsgSizeMib()).isEqualTo(4);
    assertThat(config.protocols().http()).isNull();
  }

  @Test
  void fullFixtureBindsToTheExpectedRecord() throws Exception {
    OtlpReceiverConfig config = receiverConfig(fixture("full.yaml"));

    var grpc =
        new GrpcServerConfig(
            "0.0.0.0:4317",
            "tcp",
            new TlsServerConfig(
                null,
                null,
                null,
                "test.crt",
                null,
                "test.key",
                null,
                "1.2",
                "1.3",
                List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
                Duration.ofHours(1),
                null,
                "client-ca.crt",
                null),
            32,
            16,
            1024,
            2048,
            new KeepaliveServerConfig(
                new ServerParameters(
                    Duration.ofSeconds(11),
                    Duration.ofSeconds(12),
                    Duration.ofSeconds(13),
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(5)),
                new EnforcementPolicy(Duration.ofSeconds(10), true)),
            true,
            null);
    var http =
        new HttpServerConfig(
            "0.0.0.0:4318",
            TlsServerConfig.ofFiles("http.crt", "http.key", null),
            new CorsConfig(List.of("https://*.example.com"), List.of("X-Tenant"), 7200),
            1048576L,
            true,
            Map.of("x-served-by", "otelring"),
            List.of("", "gzip", "zstd"),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(3),
            Duration.ofSeconds(90),
            "/traces",
            "/v2/metrics",
            "/logs",
            null);
    assertThat(config).isEqualTo(new OtlpReceiverConfig(new Protocols(grpc, http)));
    assertThat(config.validate()).isEmpty();
    assertThat(grpc.tls().unappliedKeys()).as("reload_interval of files is applied").isEmpty();
  }

  @Test
  void anUnknownKeyFailsAndNamesItsPath() {
    assertThat(problems("{protocols: {grpc: {tls: {cert_fil: x}}}}"))
        .containsExactly(
            "protocols::grpc::tls::cert_fil: unknown key; did you mean \"cert_file\"?");
    assertThat(problems("{protocols: {grcp: {}}}"))
        .containsExactly("protocols::grcp: unknown key; did you mean \"grpc\"?");
    assertThat(problems("{protocols: {http: {cors: {allowed_origin: [x, y]}}}}"))
        .containsExactly(
            "protocols::http::cors::allowed_origin: unknown key; did you mean \"allowed_origins\"?");
  }

  @Test
  void theTlsKeyIsNeverPrinted() {
    var tls =
        new TlsServerConfig(
            null, null, null, null, "CERT", null, "SECRET", null, null, null, null, null, null,
            null);

    assertThat(tls.toString()).doesNotContain("SECRET").contains("[REDACTED]");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          no protocols key   | {}                                                   | protocols: must specify at least one protocol when using the OTLP receiver
          empty protocols    | {protocols: {}}                                      | protocols: must specify at least one protocol when using the OTLP receiver
          null protocols     | {protocols: }                                        | protocols: must specify at least one protocol when using the OTLP receiver
          empty endpoint     | {protocols: {grpc: {endpoint: ''}}}                  | protocols::grpc::endpoint: must not be empty
          no port            | {protocols: {grpc: {endpoint: localhost}}}           | protocols::grpc::endpoint: must be host:port, got "localhost"
          port too big       | {protocols: {grpc: {endpoint: 'localhost:70000'}}}   | protocols::grpc::endpoint: port must be a number from 0 to 65535, got "localhost:70000"
          port a name        | {protocols: {grpc: {endpoint: 'localhost:otlp'}}}    | protocols::grpc::endpoint: port must be a number from 0 to 65535, got "localhost:otlp"
          bare ipv6          | {protocols: {grpc: {endpoint: '::1:4317'}}}          | protocols::grpc::endpoint: an IPv6 host must be in brackets, as in "[::1]:4317", got "::1:4317"
          unix transport     | {protocols: {grpc: {transport: unix}}}               | protocols::grpc::transport: only "tcp", "tcp4" and "tcp6" are supported, got "unix"
          auth without id    | {protocols: {grpc: {auth: {}}}}                      | protocols::grpc::auth::authenticator: must name an authenticator extension
          auth bad id        | {protocols: {http: {auth: {authenticator: 'a/'}}}}   | protocols::http::auth::authenticator: the part after "/" must not be empty
          auth unknown key   | {protocols: {http: {auth: {authenticatr: x}}}}       | protocols::http::auth::authenticatr: unknown key; did you mean "authenticator"?
          negative msg size  | {protocols: {grpc: {max_recv_msg_size_mib: -1}}}     | protocols::grpc::max_recv_msg_size_mib: must be between 1 and 2047 (0 means 4), got -1
          huge msg size      | {protocols: {grpc: {max_recv_msg_size_mib: 4096}}}   | protocols::grpc::max_recv_msg_size_mib: must be between 1 and 2047 (0 means 4), got 4096
          negative streams   | {protocols: {grpc: {max_concurrent_streams: -2}}}    | protocols::grpc::max_concurrent_streams: must not be negative (0 means unlimited), got -2
          negative read buf  | {protocols: {grpc: {read_buffer_size: -1}}}          | protocols::grpc::read_buffer_size: must not be negative, got -1
          negative write buf | {protocols: {grpc: {write_buffer_size: -1}}}         | protocols::grpc::write_buffer_size: must not be negative, got -1
          negative keepalive | {protocols: {grpc: {keepalive: {server_parameters: {time: -1s}}}}} | protocols::grpc::keepalive::server_parameters::time: must not be negative, got PT-1S
          negative min_time  | {protocols: {grpc: {keepalive: {enforcement_policy: {min_time: -1s}}}}} | protocols::grpc::keepalive::enforcement_policy::min_time: must not be negative, got PT-1S
          tls without key    | {protocols: {grpc: {tls: {cert_file: a.crt}}}}       | protocols::grpc::tls: a TLS server needs a certificate (cert_file or cert_pem) and its key (key_file or key_pem)
          tls cert twice     | {protocols: {grpc: {tls: {cert_file: a, cert_pem: b, key_file: k}}}} | protocols::grpc::tls: provide either cert_file or cert_pem, but not both
          tls key twice      | {protocols: {grpc: {tls: {cert_file: a, key_pem: b, key_file: k}}}}  | protocols::grpc::tls: provide either key_file or key_pem, but not both
          tls ca twice       | {protocols: {grpc: {tls: {cert_file: a, key_file: k, ca_file: c, ca_pem: d}}}} | protocols::grpc::tls: provide either a CA file or the PEM-encoded string, but not both
          tls bad min        | {protocols: {grpc: {tls: {cert_file: a, key_file: k, min_version: '1.4'}}}} | protocols::grpc::tls::min_version: unsupported TLS version: "1.4"
          tls bad max        | {protocols: {grpc: {tls: {cert_file: a, key_file: k, max_version: '2'}}}}   | protocols::grpc::tls::max_version: unsupported TLS version: "2"
          tls bad curve      | {protocols: {grpc: {tls: {cert_file: a, key_file: k, curve_preferences: [P256, P999]}}}} | protocols::grpc::tls::curve_preferences: invalid curve type: P999. Expected values are [P256, P384, P521, X25519, X25519MLKEM768]
          tls min over max   | {protocols: {grpc: {tls: {cert_file: a, key_file: k, min_version: '1.3', max_version: '1.2'}}}} | protocols::grpc::tls: min_version cannot be greater than max_version
          http endpoint      | {protocols: {http: {endpoint: nowhere}}}             | protocols::http::endpoint: must be host:port, got "nowhere"
          http body size     | {protocols: {http: {max_request_body_size: -5}}}     | protocols::http::max_request_body_size: must not be negative, got -5
          http compression   | {protocols: {http: {compression_algorithms: [gzip, brotli]}}} | protocols::http::compression_algorithms: unsupported compression type "brotli"
          http same paths    | {protocols: {http: {logs_url_path: v1/traces}}}      | protocols::http: traces_url_path, metrics_url_path and logs_url_path must differ, got [/v1/traces, /v1/metrics, /v1/traces]
          http timeout       | {protocols: {http: {idle_timeout: -1s}}}             | protocols::http: timeouts must not be negative, got PT-1S
          http tls           | {protocols: {http: {tls: {key_file: a.key}}}}        | protocols::http::tls: a TLS server needs a certificate (cert_file or cert_pem) and its key (key_file or key_pem)
          http unknown key   | {protocols: {http: {cors: {allowed_origin: x}}}}     | protocols::http::cors::allowed_origin: unknown key; did you mean "allowed_origins"?
          """)
  void invalidConfigIsReportedWithItsPath(String name, String receiverYaml, String message)
      throws IOException {
    assertThat(problems(receiverYaml)).containsExactly(message);
  }

  @Test
  void everyProblemIsReportedAtOnce() throws Exception {
    assertThat(
            problems(
                "{protocols: {grpc: {endpoint: x, read_buffer_size: -1}, http: {endpoint: y}}}"))
        .hasSize(3);
  }

  /** Binds the {@code otlp} receiver of a whole collector config, as the loader does. */
  private static OtlpReceiverConfig receiverConfig(String collectorYaml) throws Exception {
    JsonNode receiver =
        ConfigSource.ofYaml("test", collectorYaml).root().path("receivers").path("otlp");
    var result = new ComponentConfigBinder().bind(new OtlpReceiverFactory(), receiver);
    assertThat(result.problems()).isEmpty();
    return result.config();
  }

  private static List<String> problems(String receiverYaml) {
    return ConfigFixtures.problems(new OtlpReceiverFactory(), receiverYaml);
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = OtlpReceiverConfigTest.class.getResourceAsStream("/otlp/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
