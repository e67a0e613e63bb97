package io.otelring.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.netty.GrpcSslContexts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Exporter;
import io.otelring.core.component.Kind;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.ConfigFixtures;
import io.otelring.core.testing.Requests;
import io.otelring.core.testing.TestCertificates;
import io.otelring.core.tls.CurvePreferences;
import io.otelring.exporter.testing.GrpcBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exporter's {@code tls} keys that change a handshake: {@code cipher_suites}, {@code
 * curve_preferences} (Java 20 and later), and {@code reload_interval} (a client certificate rotated
 * on disk is presented on the next connection, without a restart). CA, client certificates and
 * mutual TLS are in OtlpExporterTest.
 */
class OtlpExporterTlsTest {

  @TempDir static Path shared;
  private static TestCertificates certs;
  @TempDir Path dir;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final OtlpExporterFactory factory = new OtlpExporterFactory();

  @BeforeAll
  static void makeCertificates() throws Exception {
    certs = TestCertificates.create(shared);
  }

  @ParameterizedTest
  @CsvSource({
    // The backend's certificate is EC: an ECDSA suite can be agreed, an RSA-only one cannot.
    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, 2, 0",
    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, 0, 2"
  })
  void cipherSuitesBoundTheHandshake(String suite, int delivered, int failed) throws Exception {
    sendTwoSpans(
        backendContext(), "max_version: '1.2', cipher_suites: [" + suite + "]", delivered, failed);
  }

  /** A backend that only takes P-384 for the key exchange; the JDK applies the setting from 20. */
  @ParameterizedTest
  @EnabledForJreRange(min = JRE.JAVA_20)
  @CsvSource({"'[P384, X25519]', 2, 0", "'[X25519]', 0, 2"})
  void curvePreferencesBoundTheHandshake(String curves, int delivered, int failed)
      throws Exception {
    sendTwoSpans(
        CurvePreferences.onEachEngine(backendContext(), List.of("P384")),
        "curve_preferences: " + curves,
        delivered,
        failed);
  }

  private static SslContext backendContext() throws Exception {
    return GrpcSslContexts.forServer(certs.serverCert().toFile(), certs.serverKey().toFile())
        .build();
  }

  /**
   * Two spans through an exporter whose {@code tls} has the CA and {@code tlsKeys}, to a backend
   * with {@code backendTls}, without retries: how many arrive and how many fail.
   */
  private void sendTwoSpans(SslContext backendTls, String tlsKeys, int delivered, int failed)
      throws Exception {
    try (GrpcBackend backend = GrpcBackend.start(0, 4 * 1024 * 1024, backendTls)) {
      Exporter exporter =
          start(
              "endpoint: https://localhost:"
                  + backend.port()
                  + "\ntls: {ca_file: "
                  + certs.caCert()
                  + ", "
                  + tlsKeys
                  + "}\nretry_on_failure: {enabled: false}\n");
      try {
        exporter.consume(Telemetry.traces(Requests.spans("handshake", 2)));

        await()
            .until(
                () ->
                    counter("otelcol_exporter_sent_spans")
                            + counter("otelcol_exporter_send_failed_spans")
                        == 2);
        assertThat(backend.spanCount()).isEqualTo(delivered);
        assertThat(counter("otelcol_exporter_send_failed_spans")).isEqualTo(failed);
      } finally {
        exporter.shutdown(Duration.ofSeconds(2));
      }
    }
  }

  @Test
  void aClientCertificateReplacedOnDiskGetsTheExporterIntoAMutualTlsBackend() throws Exception {
    TestCertificates trusted = certs;
    TestCertificates stranger = TestCertificates.create(Files.createDirectory(dir.resolve("b")));
    Path live = Files.createDirectory(dir.resolve("live"));
    copy(stranger.clientCert(), live.resolve("client.crt"));
    copy(stranger.clientKey(), live.resolve("client.key"));
    try (GrpcBackend backend =
        GrpcBackend.start(
            0,
            4 * 1024 * 1024,
            GrpcSslContexts.forServer(trusted.serverCert().toFile(), trusted.serverKey().toFile())
                .trustManager(trusted.caCert().toFile())
                .clientAuth(ClientAuth.REQUIRE)
                .build())) {
      Exporter exporter =
          start(
              "endpoint: https://localhost:"
                  + backend.port()
                  + "\ntls: {ca_file: "
                  + trusted.caCert()
                  + ", cert_file: "
                  + live.resolve("client.crt")
                  + ", key_file: "
                  + live.resolve("client.key")
                  + ", reload_interval: 200ms}\n"
                  + "retry_on_failure: {initial_interval: 100ms, max_interval: 500ms}\n");
      try {
        exporter.consume(Telemetry.traces(Requests.spans("rotated", 2)));
        await().during(Duration.ofMillis(500)).until(() -> backend.spanCount() == 0);

        copy(trusted.clientCert(), live.resolve("client.crt"));
        copy(trusted.clientKey(), live.resolve("client.key"));

        await().atMost(Duration.ofSeconds(30)).until(() -> backend.spanCount() == 2);
      } finally {
        exporter.shutdown(Duration.ofSeconds(2));
      }
    }
  }

  private Exporter start(String yaml) throws Exception {
    Exporter exporter =
        factory.createExporter(
            ComponentSettings.of(ComponentId.parse("otlp/tls"), Kind.EXPORTER, meters),
            ConfigFixtures.bind(factory, yaml));
    exporter.start();
    return exporter;
  }

  private double counter(String name) {
    return meters.get(name).tag("exporter", "otlp/tls").counter().count();
  }

  private static void copy(Path from, Path to) throws Exception {
    Path next = to.resolveSibling(to.getFileName() + ".next");
    Files.copy(from, next, StandardCopyOption.REPLACE_EXISTING);
    Files.move(next, to, StandardCopyOption.REPLACE_EXISTING);
  }
}
