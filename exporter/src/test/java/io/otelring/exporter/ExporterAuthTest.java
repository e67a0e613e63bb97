package io.otelring.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grpc.netty.GrpcSslContexts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otelring.core.component.ClientAuthenticator;
import io.otelring.core.component.ComponentConfig;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Exporter;
import io.otelring.core.component.ExporterFactory;
import io.otelring.core.component.Kind;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.ConfigFixtures;
import io.otelring.core.testing.Requests;
import io.otelring.core.testing.TestCertificates;
import io.otelring.core.testing.TestHosts;
import io.otelring.exporter.otlp.OtlpExporterFactory;
import io.otelring.exporter.otlphttp.OtlpHttpExporterFactory;
import io.otelring.exporter.testing.GrpcBackend;
import io.otelring.exporter.testing.HttpBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An exporter's {@code auth}: the extension's headers reach real OTLP backends on every request,
 * asked afresh each time, and a gRPC exporter without TLS refuses to send credentials, as Go's.
 */
class ExporterAuthTest {

  /** Gives {@code Authorization: Bearer t<n>}, a new n per request, as a rotating token would. */
  private static final class CountingToken implements ClientAuthenticator {
    final AtomicInteger asked = new AtomicInteger();

    @Override
    public void applyHeaders(ClientMetadata metadata, Map<String, String> headers) {
      headers.put("Authorization", "Bearer t" + asked.incrementAndGet());
    }

    @Override
    public void start() {}

    @Override
    public void shutdown(Duration deadline) {}
  }

  /** Cannot tell what to send, as headers_setter with two tenants in one batch. */
  private static final class Undecided implements ClientAuthenticator {
    @Override
    public void applyHeaders(ClientMetadata metadata, Map<String, String> headers) {
      throw new IllegalStateException("2 source keys found in the context");
    }

    @Override
    public boolean requiresTransportSecurity() {
      return false;
    }

    @Override
    public void start() {}

    @Override
    public void shutdown(Duration deadline) {}
  }

  @TempDir static Path dir;
  private static TestCertificates certs;

  private final CountingToken token = new CountingToken();
  private final List<AutoCloseable> closing = new ArrayList<>();

  @BeforeAll
  static void certificates() throws Exception {
    certs = TestCertificates.create(dir);
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
  }

  private <C extends ComponentConfig> Exporter start(ExporterFactory<C> factory, String yaml)
      throws Exception {
    Exporter exporter =
        factory.createExporter(
            ComponentSettings.of(
                ComponentId.parse(factory.type()), Kind.EXPORTER, new SimpleMeterRegistry()),
            ConfigFixtures.bind(factory, yaml),
            TestHosts.withExtensions(Map.of("bearertokenauth", token)));
    exporter.start();
    closing.add(() -> exporter.shutdown(Duration.ofSeconds(2)));
    return exporter;
  }

  @Test
  void otlpOverTlsSendsTheAuthenticatorsHeadersWithEveryCall() throws Exception {
    GrpcBackend backend =
        GrpcBackend.start(
            0,
            4 * 1024 * 1024,
            GrpcSslContexts.forServer(certs.serverCert().toFile(), certs.serverKey().toFile())
                .build());
    closing.add(backend);
    Exporter exporter =
        start(
            new OtlpExporterFactory(),
            "endpoint: https://localhost:"
                + backend.port()
                + "\ntls: {ca_file: "
                + certs.caCert()
                + "}\nauth: {authenticator: bearertokenauth}\n");

    exporter.consume(Telemetry.traces(Requests.spans("a", 1)));
    await().until(() -> backend.spanCount() == 1);
    String first = backend.lastHeader("authorization");
    exporter.consume(Telemetry.traces(Requests.spans("b", 1)));
    await().until(() -> backend.spanCount() == 2);

    assertThat(first).startsWith("Bearer t");
    assertThat(backend.lastHeader("authorization")).startsWith("Bearer t").isNotEqualTo(first);
  }

  @Test
  void otlpWithoutTlsRefusesToStartWithCredentialsAsGosGrpcClientDoes() {
    assertThatThrownBy(
            () ->
                start(
                    new OtlpExporterFactory(),
                    "endpoint: 127.0.0.1:4317\ntls: {insecure: true}\n"
                        + "auth: {authenticator: bearertokenauth}\n"))
        .hasMessage(
            "grpc: the credentials require transport level security (use"
                + " grpc.WithTransportCredentials() to set)");
  }

  @Test
  void otlphttpSendsTheAuthenticatorsHeadersWithEveryRequest() throws Exception {
    HttpBackend backend = HttpBackend.start();
    closing.add(backend);
    Exporter exporter =
        start(
            new OtlpHttpExporterFactory(),
            "endpoint: http://127.0.0.1:"
                + backend.port()
                + "\nauth: {authenticator: bearertokenauth}\n");

    exporter.consume(Telemetry.traces(Requests.spans("a", 1)));
    exporter.consume(Telemetry.traces(Requests.spans("b", 1)));
    await().until(() -> backend.spanCount() == 2);

    assertThat(backend.headers)
        .extracting(headers -> headers.get("Authorization"))
        .containsExactlyInAnyOrder(List.of("Bearer t1"), List.of("Bearer t2"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"otlp", "otlphttp"})
  void aBatchTheAuthenticatorCannotSendIsDroppedAsPermanentNotRetried(String type)
      throws Exception {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    GrpcBackend grpc = GrpcBackend.start();
    HttpBackend http = HttpBackend.start();
    closing.add(grpc);
    closing.add(http);
    ExporterFactory<?> factory =
        type.equals("otlp") ? new OtlpExporterFactory() : new OtlpHttpExporterFactory();
    String endpoint =
        type.equals("otlp")
            ? "127.0.0.1:" + grpc.port() + "\ntls: {insecure: true}"
            : "http://127.0.0.1:" + http.port();
    Exporter exporter =
        factory.createExporter(
            ComponentSettings.of(ComponentId.parse(type), Kind.EXPORTER, meters),
            cast(
                ConfigFixtures.bind(
                    factory, "endpoint: " + endpoint + "\nauth: {authenticator: x}\n")),
            TestHosts.withExtensions(Map.of("x", new Undecided())));
    exporter.start();
    closing.add(() -> exporter.shutdown(Duration.ofSeconds(2)));

    exporter.consume(Telemetry.traces(Requests.spans("a", 3)));

    await().until(() -> meters.get("otelcol_exporter_send_failed_spans").counter().count() == 3);
    assertThat(grpc.calls.get() + http.calls.get()).isZero();
  }

  @SuppressWarnings("unchecked")
  private static <C extends ComponentConfig> C cast(ComponentConfig config) {
    return (C) config;
  }

  @Test
  void anAuthenticatorThatIsMissingOrIsNoClientOneStopsTheStartWithGosReason() {
    assertThatThrownBy(
            () ->
                start(
                    new OtlpHttpExporterFactory(),
                    "endpoint: http://127.0.0.1:4318\nauth: {authenticator: oidc}\n"))
        .hasMessage("auth: failed to resolve authenticator \"oidc\": authenticator not found");
  }
}
