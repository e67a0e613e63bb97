package io.otelring.exporter.otlp;

import static org.awaitility.Awaitility.await;

import io.grpc.netty.GrpcSslContexts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.handler.ssl.ClientAuth;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Exporter;
import io.otelring.core.component.Kind;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.ConfigFixtures;
import io.otelring.core.testing.Requests;
import io.otelring.core.testing.TestCertificates;
import io.otelring.exporter.testing.GrpcBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tls::reload_interval} on the exporter: a client certificate rotated on disk is presented
 * on the next connection, without a restart.
 */
class ClientCertificateReloadTest {

  @TempDir Path dir;

  @Test
  void aClientCertificateReplacedOnDiskGetsTheExporterIntoAMutualTlsBackend() throws Exception {
    TestCertificates trusted = TestCertificates.create(Files.createDirectory(dir.resolve("a")));
    TestCertificates stranger = TestCertificates.create(Files.createDirectory(dir.resolve("b")));
    Path live = Files.createDirectory(dir.resolve("live"));
    copy(stranger.clientCert(), live.resolve("client.crt"));
    copy(stranger.clientKey(), live.resolve("client.key"));
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    OtlpExporterFactory factory = new OtlpExporterFactory();
    try (GrpcBackend backend =
        GrpcBackend.start(
            0,
            4 * 1024 * 1024,
            GrpcSslContexts.forServer(trusted.serverCert().toFile(), trusted.serverKey().toFile())
                .trustManager(trusted.caCert().toFile())
                .clientAuth(ClientAuth.REQUIRE)
                .build())) {
      Exporter exporter =
          factory.createExporter(
              ComponentSettings.of(ComponentId.parse("otlp/reload"), Kind.EXPORTER, meters),
              ConfigFixtures.bind(
                  factory,
                  "endpoint: https://localhost:"
                      + backend.port()
                      + "\ntls: {ca_file: "
                      + trusted.caCert()
                      + ", cert_file: "
                      + live.resolve("client.crt")
                      + ", key_file: "
                      + live.resolve("client.key")
                      + ", reload_interval: 200ms}\n"
                      + "retry_on_failure: {initial_interval: 100ms, max_interval: 500ms}\n"));
      exporter.start();
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

  private static void copy(Path from, Path to) throws Exception {
    Path next = to.resolveSibling(to.getFileName() + ".next");
    Files.copy(from, next, StandardCopyOption.REPLACE_EXISTING);
    Files.move(next, to, StandardCopyOption.REPLACE_EXISTING);
  }
}
