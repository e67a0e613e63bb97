package io.otelring.exporter.otlphttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
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
import io.otelring.exporter.sending.Push.Delivery;
import io.otelring.exporter.testing.ForwardingProxy;
import io.otelring.exporter.testing.HttpBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The otlphttp exporter through a real forwarding HTTP proxy: {@code proxy_url}, for http targets
 * (absolute-form requests) and https targets (a {@code CONNECT} tunnel), and the proxy environment
 * variables when {@code proxy_url} is not set.
 */
class OtlpHttpProxyTest {

  /** A name that resolves nowhere: only the proxy, which sends every host to 127.0.0.1, gets it. */
  private static final String UNRESOLVABLE = "otelring-backend.invalid";

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private ForwardingProxy proxy;
  private Exporter exporter;

  @TempDir Path dir;

  @BeforeEach
  void proxy() throws IOException {
    proxy = ForwardingProxy.start();
    closing.add(proxy);
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

  private HttpBackend backend() throws IOException {
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

  @Test
  void anHttpTargetIsReachedThroughTheProxy() throws Exception {
    HttpBackend backend = backend();
    start(
        "endpoint: http://"
            + UNRESOLVABLE
            + ":"
            + backend.port()
            + "\nproxy_url: http://127.0.0.1:"
            + proxy.port()
            + "\n");
    ExportTraceServiceRequest spans = Requests.spans("p", 3);

    exporter.consume(Telemetry.traces(spans));
    exporter.consume(Telemetry.traces(spans));

    await().untilAsserted(() -> assertThat(backend.traces).containsExactly(spans, spans));
    assertThat(proxy.requestLines)
        .containsExactly(
            "POST http://" + UNRESOLVABLE + ":" + backend.port() + "/v1/traces HTTP/1.1",
            "POST http://" + UNRESOLVABLE + ":" + backend.port() + "/v1/traces HTTP/1.1");
    assertThat(backend.headers.get(0).get("Content-encoding")).containsExactly("gzip");
  }

  @Test
  void anHttpsTargetIsReachedThroughAConnectTunnel(@TempDir Path certsDir) throws Exception {
    TestCertificates certs = TestCertificates.create(certsDir);
    var serverTls =
        ClientTls.jdk(
            TlsClientConfig.ofFiles(
                certs.caCert().toString(),
                certs.serverCert().toString(),
                certs.serverKey().toString()),
            null);
    HttpBackend backend = HttpBackend.startTls(serverTls, false);
    closing.add(backend);
    start(
        "endpoint: https://localhost:"
            + backend.port()
            + "\nproxy_url: http://127.0.0.1:"
            + proxy.port()
            + "\ntls: {ca_file: "
            + certs.caCert()
            + "}\n");

    exporter.consume(Telemetry.traces(Requests.spans("tls", 2)));

    await().untilAsserted(() -> assertThat(backend.spanCount()).isEqualTo(2));
    assertThat(proxy.requestLines)
        .containsExactly("CONNECT localhost:" + backend.port() + " HTTP/1.1");
  }

  @Test
  void withoutProxyUrlHttpProxyFromTheEnvironmentIsUsed() throws Exception {
    HttpBackend backend = backend();
    OtlpHttpExporterConfig config =
        ConfigFixtures.bind(
            new OtlpHttpExporterFactory(),
            "endpoint: http://" + UNRESOLVABLE + ":" + backend.port() + "\n");
    // As Go takes it: no scheme means http://.
    OtlpHttpPush push =
        new OtlpHttpPush(config, Map.of("http_proxy", "127.0.0.1:" + proxy.port()), () -> true);
    push.start();

    Delivery delivery =
        push.push(Telemetry.traces(Requests.spans("env", 2)), Duration.ofSeconds(5));

    assertThat(delivery).isEqualTo(Delivery.ALL);
    assertThat(backend.spanCount()).isEqualTo(2);
    assertThat(proxy.requestLines).hasSize(1);
  }

  @Test
  void aLoopbackTargetNeverGoesThroughTheEnvironmentProxy() throws Exception {
    HttpBackend backend = backend();
    OtlpHttpExporterConfig config =
        ConfigFixtures.bind(
            new OtlpHttpExporterFactory(), "endpoint: http://127.0.0.1:" + backend.port() + "\n");
    OtlpHttpPush push =
        new OtlpHttpPush(
            config, Map.of("HTTP_PROXY", "http://127.0.0.1:" + proxy.port()), () -> true);
    push.start();

    push.push(Telemetry.traces(Requests.spans("direct", 1)), Duration.ofSeconds(5));

    assertThat(backend.spanCount()).isEqualTo(1);
    assertThat(proxy.requestLines).isEmpty();
  }

  @Test
  void anEnvironmentProxyOtelringCannotUseFailsTheStart() {
    OtlpHttpExporterConfig config =
        ConfigFixtures.bind(new OtlpHttpExporterFactory(), "endpoint: https://backend:4318\n");
    OtlpHttpPush push =
        new OtlpHttpPush(config, Map.of("HTTPS_PROXY", "socks5://proxy:1080"), () -> true);

    assertThatThrownBy(push::start)
        .isInstanceOf(IOException.class)
        .hasMessage(
            "HTTPS_PROXY: socks5:// proxies are not supported by otelring; use an http:// proxy");
  }
}
