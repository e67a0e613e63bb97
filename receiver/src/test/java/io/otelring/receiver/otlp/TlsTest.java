package io.otelring.receiver.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.otelring.core.testing.TestCertificates;
import io.otelring.core.tls.CurvePreferences;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

/** TLS and mutual TLS, with certificates made for the test. */
class TlsTest {

  @TempDir static Path dir;
  private static TestCertificates certs;

  @BeforeAll
  static void makeCertificates() throws Exception {
    certs = TestCertificates.create(dir);
  }

  private static GrpcServerConfig tls(Path clientCa) {
    return new GrpcServerConfig(
        "127.0.0.1:0",
        null,
        TlsServerConfig.ofFiles(
            certs.serverCert().toString(),
            certs.serverKey().toString(),
            clientCa == null ? null : clientCa.toString()),
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void anSdkExporterSendsOverTls() throws Exception {
    try (RunningReceiver running = RunningReceiver.start(tls(null))) {
      var exporter =
          OtlpGrpcSpanExporter.builder()
              .setEndpoint(running.sdkEndpoint("https"))
              .setTrustedCertificates(certs.read(certs.caCert()))
              .build();
      sendOneSpan(exporter);

      await().until(() -> running.traces.itemCount() == 1);
    }
  }

  @Test
  void aPlaintextClientCannotTalkToATlsServer() throws Exception {
    try (RunningReceiver running = RunningReceiver.start(tls(null))) {
      assertThatThrownBy(
              () ->
                  TraceServiceGrpc.newBlockingStub(running.plaintextChannel())
                      .export(Requests.traces(Requests.goodSpan("a"))))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
      assertThat(running.traces.received()).isEmpty();
    }
  }

  @Test
  void anSdkExporterWithAClientCertificateSendsOverMutualTls() throws Exception {
    try (RunningReceiver running = RunningReceiver.start(tls(certs.caCert()))) {
      var exporter =
          OtlpGrpcSpanExporter.builder()
              .setEndpoint(running.sdkEndpoint("https"))
              .setTrustedCertificates(certs.read(certs.caCert()))
              .setClientTls(certs.read(certs.clientKey()), certs.read(certs.clientCert()))
              .build();
      sendOneSpan(exporter);

      await().until(() -> running.traces.itemCount() == 1);
    }
  }

  @Test
  void aClientWithoutCertificateIsTurnedAwayByMutualTls() throws Exception {
    try (RunningReceiver running = RunningReceiver.start(tls(certs.caCert()))) {
      ManagedChannel channel =
          NettyChannelBuilder.forAddress("127.0.0.1", running.port())
              .sslContext(GrpcSslContexts.forClient().trustManager(certs.caCert().toFile()).build())
              .build();
      try {
        assertThatThrownBy(
                () ->
                    TraceServiceGrpc.newBlockingStub(channel)
                        .withDeadlineAfter(10, TimeUnit.SECONDS)
                        .export(Requests.traces(Requests.goodSpan("a"))))
            .isInstanceOfSatisfying(
                StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
      } finally {
        channel.shutdownNow();
      }
      assertThat(running.traces.received()).isEmpty();
    }
  }

  /** {@code curve_preferences} limits the key exchange; the JDK applies it from Java 20 on. */
  @Test
  @EnabledForJreRange(min = JRE.JAVA_20)
  void aClientOfferingNoneOfTheCurvePreferencesIsTurnedAway() throws Exception {
    GrpcServerConfig p384Only =
        RunningReceiver.grpcConfig(
            "{tls: {cert_file: '%s', key_file: '%s', curve_preferences: [P384]}}"
                .formatted(certs.serverCert(), certs.serverKey()));
    try (RunningReceiver running = RunningReceiver.start(p384Only)) {
      assertThat(exportWithCurves(running, List.of("X25519")).getCode())
          .isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(exportWithCurves(running, List.of("X25519", "P384")).getCode())
          .isEqualTo(Status.Code.OK);
      assertThat(running.traces.itemCount()).isEqualTo(1);
    }
  }

  /** One export from a client whose handshake offers only {@code curves}; its status. */
  private static Status exportWithCurves(RunningReceiver running, List<String> curves)
      throws Exception {
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", running.port())
            .sslContext(
                CurvePreferences.onEachEngine(
                    GrpcSslContexts.forClient().trustManager(certs.caCert().toFile()).build(),
                    curves))
            .build();
    try {
      TraceServiceGrpc.newBlockingStub(channel)
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .export(Requests.traces(Requests.goodSpan("curve")));
      return Status.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    } finally {
      channel.shutdownNow();
    }
  }

  private static void sendOneSpan(OtlpGrpcSpanExporter exporter) {
    try (var provider =
        SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build()) {
      provider.get("t").spanBuilder("secure").startSpan().end();
      assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    }
  }
}
