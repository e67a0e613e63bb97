package io.otelring.receiver.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.handler.ssl.SslContextBuilder;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.otelring.core.testing.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reload_interval} and {@code client_ca_file_reload}: certificates rotated on disk (two
 * throw-away CAs, "old" and "new") reach new connections without a restart.
 */
class TlsReloadTest {

  @TempDir static Path dir;
  @TempDir Path live;
  private static TestCertificates old;
  private static TestCertificates rotated;

  @BeforeAll
  static void makeCertificates() throws Exception {
    old = TestCertificates.create(Files.createDirectory(dir.resolve("old")));
    rotated = TestCertificates.create(Files.createDirectory(dir.resolve("new")));
  }

  @Test
  void aServerCertificateReplacedOnDiskIsServedAfterTheReloadInterval() throws Exception {
    copy(old.serverCert(), "server.crt");
    copy(old.serverKey(), "server.key");
    TlsServerConfig tls =
        tls(live.resolve("server.crt"), live.resolve("server.key"), Duration.ofMillis(200), null);
    try (RunningReceiver running = RunningReceiver.start(grpc(tls))) {
      assertThat(exports(running, old, null)).isTrue();

      copy(rotated.serverCert(), "server.crt");
      copy(rotated.serverKey(), "server.key");

      await().atMost(Duration.ofSeconds(10)).until(() -> exports(running, rotated, null));
      assertThat(exports(running, old, null))
          .as("the old certificate is no longer served")
          .isFalse();
    }
  }

  @Test
  void theHttpServerServesTheReplacedCertificateToo() throws Exception {
    copy(old.serverCert(), "server.crt");
    copy(old.serverKey(), "server.key");
    HttpServerConfig http =
        RunningReceiver.httpConfig(
            "{tls: {cert_file: '%s', key_file: '%s', reload_interval: 200ms}}"
                .formatted(live.resolve("server.crt"), live.resolve("server.key")));
    try (RunningReceiver running = RunningReceiver.startHttp(http)) {
      assertThat(postsOverHttps(running, old)).isTrue();

      copy(rotated.serverCert(), "server.crt");
      copy(rotated.serverKey(), "server.key");

      await().atMost(Duration.ofSeconds(10)).until(() -> postsOverHttps(running, rotated));
    }
  }

  @Test
  void aClientCaReplacedOnDiskDecidesWhichClientsGetIn() throws Exception {
    copy(old.caCert(), "client-ca.crt");
    TlsServerConfig tls =
        tls(old.serverCert(), old.serverKey(), Duration.ZERO, live.resolve("client-ca.crt"));
    try (RunningReceiver running = RunningReceiver.start(grpc(tls))) {
      assertThat(exports(running, old, old)).isTrue();
      assertThat(exports(running, old, rotated)).isFalse();

      copy(rotated.caCert(), "client-ca.crt");

      await().atMost(Duration.ofSeconds(10)).until(() -> exports(running, old, rotated));
      assertThat(exports(running, old, old)).as("the old client CA is no longer trusted").isFalse();
    }
  }

  @Test
  void reloadingAnInlineCertificateIsReportedAsNotApplied() {
    TlsServerConfig inline =
        new TlsServerConfig(
            null,
            null,
            null,
            null,
            "cert",
            null,
            "key",
            null,
            null,
            null,
            Duration.ofHours(1),
            null,
            null,
            true);

    assertThat(inline.unappliedKeys()).containsExactly("reload_interval", "client_ca_file_reload");
  }

  /**
   * One export on a new connection: the client trusts {@code serverCa}'s CA and, when {@code
   * client} is given, presents its client certificate. False when the TLS handshake fails.
   */
  private static boolean exports(
      RunningReceiver running, TestCertificates serverCa, TestCertificates client)
      throws Exception {
    SslContextBuilder ssl = GrpcSslContexts.forClient().trustManager(serverCa.caCert().toFile());
    if (client != null) {
      ssl.keyManager(client.clientCert().toFile(), client.clientKey().toFile());
    }
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", running.port()).sslContext(ssl.build()).build();
    try {
      TraceServiceGrpc.newBlockingStub(channel)
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .export(Requests.traces(Requests.goodSpan("tls")));
      return true;
    } catch (io.grpc.StatusRuntimeException e) {
      return false;
    } finally {
      channel.shutdownNow();
    }
  }

  /** One OTLP/HTTP post on a new connection from a client that trusts {@code serverCa}'s CA. */
  private static boolean postsOverHttps(RunningReceiver running, TestCertificates serverCa)
      throws Exception {
    HttpClient client =
        HttpClient.newBuilder().sslContext(HttpTlsTest.trusting(serverCa.caCert())).build();
    HttpRequest post =
        HttpRequest.newBuilder(URI.create(running.httpUrl("https", "/v1/traces")))
            .header("Content-Type", "application/x-protobuf")
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    Requests.traces(Requests.goodSpan("https")).toByteArray()))
            .build();
    try {
      return client.send(post, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private void copy(Path from, String name) throws Exception {
    // Written beside and moved into place, as a rotation tool does: never half a file.
    Path next = live.resolve(name + ".next");
    Files.copy(from, next, StandardCopyOption.REPLACE_EXISTING);
    Files.move(next, live.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  private static TlsServerConfig tls(
      Path cert, Path key, Duration reloadInterval, Path reloadedClientCa) {
    return new TlsServerConfig(
        null,
        null,
        null,
        cert.toString(),
        null,
        key.toString(),
        null,
        null,
        null,
        List.of(),
        reloadInterval,
        null,
        reloadedClientCa == null ? null : reloadedClientCa.toString(),
        reloadedClientCa != null);
  }

  private static GrpcServerConfig grpc(TlsServerConfig tls) {
    return new GrpcServerConfig("127.0.0.1:0", null, tls, null, null, null, null, null, null, null);
  }
}
