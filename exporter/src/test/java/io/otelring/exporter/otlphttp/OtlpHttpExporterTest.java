package io.otelring.exporter.otlphttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Exporter;
import io.otelring.core.component.Kind;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.ConfigFixtures;
import io.otelring.core.testing.Requests;
import io.otelring.core.testing.TestCertificates;
import io.otelring.exporter.client.ClientTls;
import io.otelring.exporter.client.TlsClientConfig;
import io.otelring.exporter.testing.GrpcBackend.Mode;
import io.otelring.exporter.testing.HttpBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The otlphttp exporter against a real OTLP/HTTP server that fails on command. */
class OtlpHttpExporterTest {

  private static final String FAST_RETRY =
      "retry_on_failure: {initial_interval: 10ms, max_interval: 50ms}\n";

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private Exporter exporter;

  @TempDir static Path dir;
  private static TestCertificates certs;

  @BeforeAll
  static void certificates() throws Exception {
    certs = TestCertificates.create(dir);
  }

  @AfterEach
  void stop() throws Exception {
    if (exporter != null) {
      exporter.shutdown(Duration.ofSeconds(2));
    }
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  private HttpBackend backend() throws Exception {
    HttpBackend backend = HttpBackend.start();
    closing.add(backend);
    return backend;
  }

  private void start(String yaml) throws Exception {
    OtlpHttpExporterFactory factory = new OtlpHttpExporterFactory();
    exporter =
        factory.createExporter(
            ComponentSettings.of(ComponentId.parse("otlphttp/test"), Kind.EXPORTER, meters),
            ConfigFixtures.bind(factory, yaml));
    exporter.start();
  }

  private double counter(String name) {
    return meters.get(name).tag("exporter", "otlphttp/test").counter().count();
  }

  @Test
  void everyAcceptedSpanArrivesOnceAfterA503WithRetryAfter() throws Exception {
    HttpBackend backend = backend();
    backend.mode = Mode.UNAVAILABLE;
    start("endpoint: http://127.0.0.1:" + backend.port() + "\n" + FAST_RETRY);

    long start = System.nanoTime();
    for (int i = 0; i < 5; i++) {
      exporter.consume(Telemetry.traces(Requests.spans("h" + i, 4)));
    }
    await().until(() -> backend.calls.get() >= 10);
    backend.mode = Mode.OK;

    await().untilAsserted(() -> assertThat(backend.spanCount()).isEqualTo(20));
    // Retry-After: 1 is honoured although the backoff alone would wait 10-50 ms.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(1));
    assertThat(backend.paths).allMatch(p -> p.equals("/v1/traces"));
    assertThat(counter("otelcol_exporter_sent_spans")).isEqualTo(20);
  }

  @Test
  void aPermanentErrorIsNotRetried() throws Exception {
    HttpBackend backend = backend();
    backend.mode = Mode.PERMANENT;
    start("endpoint: http://127.0.0.1:" + backend.port() + "\n" + FAST_RETRY);

    exporter.consume(Telemetry.traces(Requests.spans("bad", 3)));

    await().until(() -> counter("otelcol_exporter_send_failed_spans") == 3);
    await().during(Duration.ofMillis(300)).until(() -> backend.calls.get() == 1);
  }

  @Test
  void aHangingBackendTimesOutAndIsRetried() throws Exception {
    HttpBackend backend = backend();
    backend.mode = Mode.HANG;
    start("endpoint: http://127.0.0.1:" + backend.port() + "\ntimeout: 200ms\n" + FAST_RETRY);

    exporter.consume(Telemetry.traces(Requests.spans("late", 2)));
    await().until(() -> backend.calls.get() >= 2);
    backend.mode = Mode.OK;

    await().untilAsserted(() -> assertThat(backend.spanCount()).isEqualTo(2));
  }

  @Test
  void headersGzipAndSignalUrlsReachTheBackend() throws Exception {
    HttpBackend backend = backend();
    start(
        "endpoint: http://127.0.0.1:"
            + backend.port()
            + "/otel/\nlogs_endpoint: http://127.0.0.1:"
            + backend.port()
            + "/custom/logs\nheaders: {Authorization: Basic czNjcmV0}\n");

    exporter.consume(Telemetry.traces(Requests.spans("t", 1)));
    exporter.consume(Telemetry.logs(Requests.logs("l", 2)));

    await().untilAsserted(() -> assertThat(backend.calls.get()).isEqualTo(2));
    assertThat(backend.paths).containsExactlyInAnyOrder("/otel/v1/traces", "/custom/logs");
    assertThat(backend.headers)
        .allSatisfy(
            h -> {
              assertThat(h.get("Authorization")).containsExactly("Basic czNjcmV0");
              assertThat(h.get("Content-encoding")).containsExactly("gzip");
              assertThat(h.get("Content-type")).containsExactly("application/x-protobuf");
            });
    assertThat(backend.spanCount()).isEqualTo(1);
  }

  @Test
  void aPartialSuccessIsCounted() throws Exception {
    HttpBackend backend = backend();
    backend.mode = Mode.PARTIAL;
    start("endpoint: http://127.0.0.1:" + backend.port() + "\ncompression: none\n");

    exporter.consume(Telemetry.traces(Requests.spans("p", 5)));

    await().until(() -> counter("otelcol_exporter_send_failed_spans") == 1);
    assertThat(counter("otelcol_exporter_sent_spans")).isEqualTo(4);
  }

  @Test
  void mutualTlsWithASelfSignedCa() throws Exception {
    HttpBackend backend = serverWithClientAuth(certs);
    start(
        "endpoint: https://localhost:"
            + backend.port()
            + "\ntls: {ca_file: "
            + certs.caCert()
            + ", cert_file: "
            + certs.clientCert()
            + ", key_file: "
            + certs.clientKey()
            + "}\n");

    exporter.consume(Telemetry.traces(Requests.spans("secure", 2)));

    await().untilAsserted(() -> assertThat(backend.spanCount()).isEqualTo(2));
  }

  @Test
  void anUntrustedServerIsNotSentTo() throws Exception {
    HttpBackend backend = serverWithClientAuth(certs);
    start(
        "endpoint: https://localhost:" + backend.port() + "\nretry_on_failure: {enabled: false}\n");

    exporter.consume(Telemetry.traces(Requests.spans("nope", 2)));

    await().until(() -> counter("otelcol_exporter_send_failed_spans") == 2);
    assertThat(backend.spanCount()).isZero();
  }

  private HttpBackend serverWithClientAuth(TestCertificates certs) throws Exception {
    // The server's context: its key and certificate, trusting the CA for client certificates.
    var serverTls =
        ClientTls.jdk(
            TlsClientConfig.ofFiles(
                certs.caCert().toString(),
                certs.serverCert().toString(),
                certs.serverKey().toString()),
            null);
    HttpBackend backend = HttpBackend.startTls(serverTls, true);
    closing.add(backend);
    return backend;
  }
}
