package io.otelring.receiver.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.otelring.core.testing.TestCertificates;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code protocols.http.tls}: HTTPS, HTTP/2 by ALPN, and mutual TLS, with certificates made here.
 */
class HttpTlsTest {

  @TempDir static Path dir;
  private static TestCertificates certs;

  @BeforeAll
  static void makeCertificates() throws Exception {
    certs = TestCertificates.create(dir);
  }

  private static HttpServerConfig tls(Path clientCa) {
    return RunningReceiver.httpConfig(
        "{tls: {cert_file: '%s', key_file: '%s'%s}}"
            .formatted(
                certs.serverCert(),
                certs.serverKey(),
                clientCa == null ? "" : ", client_ca_file: '" + clientCa + "'"));
  }

  @Test
  void anSdkExporterSendsOverHttps() throws Exception {
    try (RunningReceiver running = RunningReceiver.startHttp(tls(null))) {
      var exporter =
          OtlpHttpSpanExporter.builder()
              .setEndpoint(running.httpUrl("https", "/v1/traces"))
              .setTrustedCertificates(certs.read(certs.caCert()))
              .build();

      assertThat(sendOneSpan(exporter).isSuccess()).isTrue();
      await().until(() -> running.traces.itemCount() == 1);
    }
  }

  @Test
  void aClientThatOffersHttp2GetsItByAlpn() throws Exception {
    try (RunningReceiver running = RunningReceiver.startHttp(tls(null))) {
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_2)
              .sslContext(trusting(certs.caCert()))
              .build();
      HttpResponse<byte[]> response =
          client.send(
              HttpRequest.newBuilder(URI.create(running.httpUrl("https", "/v1/traces")))
                  .header("Content-Type", HttpCalls.PROTOBUF)
                  .POST(
                      HttpRequest.BodyPublishers.ofByteArray(
                          Requests.traces(Requests.goodSpan("h2")).toByteArray()))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
      await().until(() -> running.traces.itemCount() == 1);
    }
  }

  @Test
  void anSdkExporterWithAClientCertificateSendsOverMutualTls() throws Exception {
    try (RunningReceiver running = RunningReceiver.startHttp(tls(certs.caCert()))) {
      var exporter =
          OtlpHttpSpanExporter.builder()
              .setEndpoint(running.httpUrl("https", "/v1/traces"))
              .setTrustedCertificates(certs.read(certs.caCert()))
              .setClientTls(certs.read(certs.clientKey()), certs.read(certs.clientCert()))
              .build();

      assertThat(sendOneSpan(exporter).isSuccess()).isTrue();
      await().until(() -> running.traces.itemCount() == 1);
    }
  }

  @Test
  void aClientWithoutCertificateIsTurnedAwayByMutualTls() throws Exception {
    try (RunningReceiver running = RunningReceiver.startHttp(tls(certs.caCert()))) {
      var exporter =
          OtlpHttpSpanExporter.builder()
              .setEndpoint(running.httpUrl("https", "/v1/traces"))
              .setTrustedCertificates(certs.read(certs.caCert()))
              .setRetryPolicy(null)
              .build();

      assertThat(sendOneSpan(exporter).isSuccess()).isFalse();
      assertThat(running.traces.received()).isEmpty();
    }
  }

  @Test
  void aPlaintextClientGetsNoAnswerFromATlsServer() throws Exception {
    try (RunningReceiver running = RunningReceiver.startHttp(tls(null))) {
      assertThatThrownBy(
              () ->
                  new HttpCalls(running)
                      .post(
                          "/v1/traces",
                          HttpCalls.PROTOBUF,
                          Requests.traces(Requests.goodSpan("a")).toByteArray()))
          .isInstanceOf(java.io.UncheckedIOException.class);
      assertThat(running.traces.received()).isEmpty();
    }
  }

  private static CompletableResultCode sendOneSpan(OtlpHttpSpanExporter exporter) {
    try (var provider =
        SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build()) {
      provider.get("t").spanBuilder("secure").startSpan().end();
      return provider.forceFlush().join(10, TimeUnit.SECONDS);
    }
  }

  static SSLContext trusting(Path caPem) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(caPem)) {
      trust.setCertificateEntry(
          "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }
}
