package io.otelring.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.Metadata;
import io.grpc.netty.GrpcSslContexts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.handler.ssl.ClientAuth;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Exporter;
import io.otelring.core.component.Kind;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.ItemCounts;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.ConfigFixtures;
import io.otelring.core.testing.Requests;
import io.otelring.core.testing.TestCertificates;
import io.otelring.exporter.testing.GrpcBackend;
import io.otelring.exporter.testing.GrpcBackend.Mode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The otlp exporter against a real grpc-java OTLP server that fails on command. */
class OtlpExporterTest {

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

  private GrpcBackend backend() throws Exception {
    GrpcBackend backend = GrpcBackend.start();
    closing.add(backend);
    return backend;
  }

  /** An exporter to {@code backend} in plain text, with more of its config. */
  private Exporter startPlaintext(GrpcBackend backend, String yaml) throws Exception {
    return start("endpoint: 127.0.0.1:" + backend.port() + "\ntls: {insecure: true}\n" + yaml);
  }

  private Exporter start(String yaml) throws Exception {
    OtlpExporterFactory factory = new OtlpExporterFactory();
    exporter =
        factory.createExporter(
            ComponentSettings.of(ComponentId.parse("otlp/test"), Kind.EXPORTER, meters),
            ConfigFixtures.bind(factory, yaml));
    exporter.start();
    return exporter;
  }

  private static final String FAST_RETRY =
      "retry_on_failure: {initial_interval: 10ms, max_interval: 50ms}\n";

  private double counter(String name) {
    return meters.get(name).tag("exporter", "otlp/test").counter().count();
  }

  @Test
  void everyAcceptedSpanArrivesExactlyOnceAfterTheBackendRecovers() throws Exception {
    GrpcBackend backend = backend();
    backend.mode = Mode.UNAVAILABLE;
    start("endpoint: 127.0.0.1:" + backend.port() + "\ntls: {insecure: true}\n" + FAST_RETRY);

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      CompletionStage<Void> stage = exporter.consume(Telemetry.traces(Requests.spans("b" + i, 5)));
      assertThat(stage.toCompletableFuture()).isCompletedWithValue(null);
      for (int s = 0; s < 5; s++) {
        expected.add("b" + i + "-" + s);
      }
    }
    await().until(() -> backend.calls.get() > 40);
    assertThat(backend.traces).isEmpty();

    backend.mode = Mode.OK;

    await().untilAsserted(() -> assertThat(backend.spanCount()).isEqualTo(100));
    assertThat(backend.spanNames()).containsExactlyInAnyOrderElementsOf(expected);
    await().untilAsserted(() -> assertThat(counter("otelcol_exporter_sent_spans")).isEqualTo(100));
    assertThat(counter("otelcol_exporter_send_failed_spans")).isZero();
  }

  @Test
  void aRetryWaitsAtLeastWhatRetryInfoAsks() throws Exception {
    GrpcBackend backend = backend();
    backend.mode = Mode.UNAVAILABLE;
    backend.retryDelay = Duration.ofMillis(400);
    start("endpoint: 127.0.0.1:" + backend.port() + "\ntls: {insecure: true}\n" + FAST_RETRY);

    long start = System.nanoTime();
    exporter.consume(Telemetry.traces(Requests.spans("slow", 1)));
    await().until(() -> backend.calls.get() >= 3);

    // Two waits of at least 400 ms each, although the backoff alone would wait 10-50 ms.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(800));
  }

  @Test
  void aPermanentErrorIsNotRetriedAndIsCounted() throws Exception {
    GrpcBackend backend = backend();
    backend.mode = Mode.PERMANENT;
    start("endpoint: 127.0.0.1:" + backend.port() + "\ntls: {insecure: true}\n" + FAST_RETRY);

    exporter.consume(Telemetry.traces(Requests.spans("bad", 3)));

    await().until(() -> counter("otelcol_exporter_send_failed_spans") == 3);
    await().during(Duration.ofMillis(300)).until(() -> backend.calls.get() == 1);
    assertThat(counter("otelcol_exporter_sent_spans")).isZero();
  }

  @Test
  void aHangingBackendTimesOutAndIsRetried() throws Exception {
    GrpcBackend backend = backend();
    backend.mode = Mode.HANG;
    start(
        "endpoint: 127.0.0.1:"
            + backend.port()
            + "\ntls: {insecure: true}\ntimeout: 200ms\n"
            + FAST_RETRY);

    exporter.consume(Telemetry.traces(Requests.spans("late", 2)));
    await().until(() -> backend.calls.get() >= 2);
    backend.mode = Mode.OK;

    await().untilAsserted(() -> assertThat(backend.spanCount()).isEqualTo(2));
  }

  @Test
  void headersAndGzipReachTheBackend() throws Exception {
    GrpcBackend backend = backend();
    start(
        "endpoint: http://127.0.0.1:"
            + backend.port()
            + "\ntls: {insecure: true}\nheaders: {authorization: Bearer s3cret, X-Scope-OrgID: acme}\n");

    exporter.consume(Telemetry.traces(Requests.spans("h", 1)));

    await().untilAsserted(() -> assertThat(backend.spanCount()).isEqualTo(1));
    assertThat(backend.lastHeader("authorization")).isEqualTo("Bearer s3cret");
    assertThat(backend.lastHeader("x-scope-orgid")).isEqualTo("acme");
    assertThat(backend.lastHeader("grpc-encoding")).isEqualTo("gzip");
  }

  /**
   * The encodings Go's gRPC clients add to gzip, which grpc-java lacks, and gzip at the level
   * otelring sends it (read by grpc-java's own gzip codec).
   */
  @ParameterizedTest(name = "compression: {0}")
  @ValueSource(strings = {"gzip", "zstd", "snappy"})
  void goCompressedMessagesReachTheBackendIntact(String compression) throws Exception {
    GrpcBackend backend = backend();
    startPlaintext(backend, "compression: " + compression + "\n");
    ExportTraceServiceRequest small = Requests.spans("z", 3);
    // Larger than zstd's 512 KiB window, snappy's 64 KiB chunks and grpc-java's buffers.
    ExportTraceServiceRequest big = bigRequest(2 * 1024 * 1024);

    exporter.consume(Telemetry.traces(small));
    exporter.consume(Telemetry.traces(big));

    await().untilAsserted(() -> assertThat(backend.traces).hasSize(2));
    assertThat(backend.traces).containsExactlyInAnyOrder(small, big);
    assertThat(backend.headers)
        .allSatisfy(
            h ->
                assertThat(
                        h.get(Metadata.Key.of("grpc-encoding", Metadata.ASCII_STRING_MARSHALLER)))
                    .isEqualTo(compression));
    // Counted once the push has its answer, which may be after the backend holds the request.
    await()
        .untilAsserted(
            () ->
                assertThat(counter("otelcol_exporter_sent_spans"))
                    .isEqualTo(3 + io.otelring.core.consumer.ItemCounts.spans(big)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "gzip"})
  void aBatchOfJoinedRequestsArrivesAsTheOneRequestTheyMake(String compression) throws Exception {
    GrpcBackend backend = backend();
    startPlaintext(backend, "compression: " + compression + "\n");
    ExportTraceServiceRequest first = Requests.spans("j1", 3);
    ExportTraceServiceRequest second = bigRequest(300 * 1024);
    ExportTraceServiceRequest third = Requests.spans("j3", 2);
    Telemetry batch =
        Telemetry.join(
            Signal.TRACES,
            List.of(
                Telemetry.fromWire(Signal.TRACES, first.toByteArray(), 3, ClientMetadata.EMPTY),
                Telemetry.fromWire(
                    Signal.TRACES,
                    second.toByteArray(),
                    ItemCounts.spans(second),
                    ClientMetadata.EMPTY),
                Telemetry.fromWire(Signal.TRACES, third.toByteArray(), 2, ClientMetadata.EMPTY)),
            ClientMetadata.EMPTY);

    exporter.consume(batch);

    await().untilAsserted(() -> assertThat(backend.traces).hasSize(1));
    assertThat(backend.traces.get(0))
        .isEqualTo(
            first.toBuilder()
                .addAllResourceSpans(second.getResourceSpansList())
                .addAllResourceSpans(third.getResourceSpansList())
                .build());
  }

  @Test
  void metricsAndLogsAreSentToo() throws Exception {
    GrpcBackend backend = backend();
    start("endpoint: 127.0.0.1:" + backend.port() + "\ntls: {insecure: true}\ncompression: none\n");

    exporter.consume(Telemetry.logs(Requests.logs("l", 4)));

    await().untilAsserted(() -> assertThat(backend.logs).hasSize(1));
    assertThat(backend.lastHeader("grpc-encoding")).isNull();
    await()
        .untilAsserted(() -> assertThat(counter("otelcol_exporter_sent_log_records")).isEqualTo(4));
  }

  @Test
  void aPartialSuccessIsCountedAsFailedItems() throws Exception {
    GrpcBackend backend = backend();
    backend.mode = Mode.PARTIAL;
    start("endpoint: 127.0.0.1:" + backend.port() + "\ntls: {insecure: true}\n");

    exporter.consume(Telemetry.traces(Requests.spans("p", 5)));

    await().until(() -> counter("otelcol_exporter_send_failed_spans") == 1);
    assertThat(counter("otelcol_exporter_sent_spans")).isEqualTo(4);
  }

  @Test
  void aTenMebibyteBatchReachesABackendThatRefusesOverFourInSeveralRequests() throws Exception {
    GrpcBackend backend = GrpcBackend.start(0, 4 * 1024 * 1024, null);
    closing.add(backend);
    start("endpoint: 127.0.0.1:" + backend.port() + "\ntls: {insecure: true}\n");
    ExportTraceServiceRequest big = bigRequest(10 * 1024 * 1024);
    int spans = io.otelring.core.consumer.ItemCounts.spans(big);

    exporter.consume(Telemetry.traces(big));

    await().atMost(Duration.ofSeconds(30)).until(() -> backend.spanCount() == spans);
    assertThat(backend.traces.size()).isGreaterThanOrEqualTo(3);
    assertThat(backend.spanNames()).doesNotHaveDuplicates().hasSize(spans);
    assertThat(backend.traces).allMatch(r -> r.getSerializedSize() <= 4 * 1024 * 1024);
    assertThat(counter("otelcol_exporter_send_failed_spans")).isZero();
  }

  /** Two resources, spans of about 1 KiB each, {@code bytes} in all. */
  static ExportTraceServiceRequest bigRequest(int bytes) {
    String filler = "x".repeat(1000);
    ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
    int perResource = bytes / 1040 / 2 + 1;
    for (int r = 0; r < 2; r++) {
      ScopeSpans.Builder scope = ScopeSpans.newBuilder();
      for (int i = 0; i < perResource; i++) {
        scope.addSpans(
            Span.newBuilder()
                .setName("r" + r + "-" + i)
                .addAttributes(
                    KeyValue.newBuilder()
                        .setKey("filler")
                        .setValue(AnyValue.newBuilder().setStringValue(filler))));
      }
      request.addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(scope));
    }
    return request.build();
  }

  @Test
  void aFullQueueRefusesWithARetryableAnswerAndCountsIt() throws Exception {
    GrpcBackend backend = backend();
    backend.mode = Mode.HANG;
    start(
        "endpoint: 127.0.0.1:"
            + backend.port()
            + "\ntls: {insecure: true}\nsending_queue: {num_consumers: 1, queue_size: 2}\n");
    exporter.consume(Telemetry.traces(Requests.spans("a", 1)));
    await().until(() -> backend.calls.get() == 1);

    // What is in flight still holds its place, as in Go: "a" and "b" fill the queue.
    assertThat(exporter.consume(Telemetry.traces(Requests.spans("b", 1))).toCompletableFuture())
        .isCompletedWithValue(null);
    CompletionStage<Void> refused = exporter.consume(Telemetry.traces(Requests.spans("d", 7)));

    assertThat(refused.toCompletableFuture()).isCompletedExceptionally();
    Refusal refusal =
        Refusal.of(refused.toCompletableFuture().handle((ok, failure) -> failure).join());
    assertThat(refusal.isRetryable()).isTrue();
    assertThat(refusal).hasMessage("sending queue is full");
    assertThat(counter("otelcol_exporter_enqueue_failed_spans")).isEqualTo(7);
    assertThat(meters.get("otelcol_exporter_queue_size").gauge().value()).isEqualTo(2);
    assertThat(meters.get("otelcol_exporter_queue_capacity").gauge().value()).isEqualTo(2);
  }

  @Test
  void tlsWithASelfSignedCaAndMutualTls() throws Exception {
    GrpcBackend backend =
        GrpcBackend.start(
            0,
            4 * 1024 * 1024,
            GrpcSslContexts.forServer(certs.serverCert().toFile(), certs.serverKey().toFile())
                .trustManager(certs.caCert().toFile())
                .clientAuth(ClientAuth.REQUIRE)
                .build());
    closing.add(backend);
    start(
        "endpoint: 127.0.0.1:"
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
  void withoutTheClientCertificateTheMutualTlsBackendIsNotReached() throws Exception {
    GrpcBackend backend =
        GrpcBackend.start(
            0,
            4 * 1024 * 1024,
            GrpcSslContexts.forServer(certs.serverCert().toFile(), certs.serverKey().toFile())
                .trustManager(certs.caCert().toFile())
                .clientAuth(ClientAuth.REQUIRE)
                .build());
    closing.add(backend);
    start(
        "endpoint: https://localhost:"
            + backend.port()
            + "\ntls: {ca_file: "
            + certs.caCert()
            + "}\nretry_on_failure: {enabled: false}\n");

    exporter.consume(Telemetry.traces(Requests.spans("anonymous", 2)));

    await().until(() -> counter("otelcol_exporter_send_failed_spans") == 2);
    assertThat(backend.spanCount()).isZero();
  }
}
