package io.otelring.exporter.otlphttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Exporter;
import io.otelring.core.component.Kind;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.ConfigFixtures;
import io.otelring.core.testing.Requests;
import io.otelring.exporter.testing.GrpcBackend.Mode;
import io.otelring.exporter.testing.HttpBackend;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the otlphttp exporter puts on the wire besides gzipped protobuf — zstd, deflate, zlib,
 * snappy, x-snappy-framed and lz4 bodies, OTLP/JSON — and how it reads JSON answers, against a real
 * OTLP/HTTP server.
 */
class OtlpHttpEncodingTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private HttpBackend backend;
  private Exporter exporter;

  @BeforeEach
  void backend() throws Exception {
    backend = HttpBackend.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (exporter != null) {
      exporter.shutdown(Duration.ofSeconds(2));
    }
    backend.close();
  }

  private OtlpHttpExporterConfig config(String yaml) {
    return ConfigFixtures.bind(
        new OtlpHttpExporterFactory(),
        "endpoint: http://127.0.0.1:" + backend.port() + "\n" + yaml);
  }

  private void start(String yaml) throws Exception {
    exporter =
        new OtlpHttpExporterFactory()
            .createExporter(
                ComponentSettings.of(ComponentId.parse("otlphttp/test"), Kind.EXPORTER, meters),
                config(yaml));
    exporter.start();
  }

  private double counter(String name) {
    return meters.get(name).tag("exporter", "otlphttp/test").counter().count();
  }

  @ParameterizedTest(name = "compression: {0}")
  @ValueSource(strings = {"zstd", "deflate", "zlib", "gzip", "snappy", "x-snappy-framed", "lz4"})
  void aCompressedBodyArrivesIntactWithItsContentEncoding(String compression) throws Exception {
    start("compression: " + compression + "\n");
    ExportTraceServiceRequest spans = Requests.spans("c", 40);

    exporter.consume(Telemetry.traces(spans));

    await().untilAsserted(() -> assertThat(backend.traces).hasSize(1));
    assertThat(backend.traces.get(0)).isEqualTo(spans);
    assertThat(backend.headers.get(0).get("Content-encoding")).containsExactly(compression);
    assertThat(backend.headers.get(0).get("Content-type"))
        .containsExactly("application/x-protobuf");
  }

  /** A batch of unparsed requests is sent from their arrays, not joined first, as one request. */
  @ParameterizedTest(name = "compression: {0}")
  @ValueSource(strings = {"none", "gzip", "zstd", "snappy", "x-snappy-framed", "lz4"})
  void aJoinedBatchArrivesAsOneRequestWithItsLength(String compression) throws Exception {
    start("compression: " + compression + "\n");
    List<Telemetry> requests = new ArrayList<>();
    ExportTraceServiceRequest.Builder merged = ExportTraceServiceRequest.newBuilder();
    for (int i = 0; i < 3; i++) {
      ExportTraceServiceRequest request = Requests.spans("p" + i, 10 + i);
      requests.add(
          Telemetry.fromWire(Signal.TRACES, request.toByteArray(), 10 + i, ClientMetadata.EMPTY));
      merged.addAllResourceSpans(request.getResourceSpansList());
    }

    exporter.consume(Telemetry.join(Signal.TRACES, requests, ClientMetadata.EMPTY));

    await().untilAsserted(() -> assertThat(backend.traces).hasSize(1));
    assertThat(backend.traces.get(0)).isEqualTo(merged.build());
    Map<String, List<String>> headers = backend.headers.get(0);
    assertThat(headers).doesNotContainKey("Transfer-encoding");
    if (compression.equals("none")) {
      assertThat(headers.get("Content-length"))
          .containsExactly(Integer.toString(merged.build().getSerializedSize()));
    }
    assertThat(counter("otelcol_exporter_sent_spans")).isEqualTo(33);
  }

  @Test
  void noneSendsTheBodyAsItIs() throws Exception {
    start("compression: none\n");

    exporter.consume(Telemetry.traces(Requests.spans("n", 2)));

    await().untilAsserted(() -> assertThat(backend.traces).hasSize(1));
    assertThat(backend.headers.get(0)).doesNotContainKey("Content-encoding");
  }

  @Test
  void jsonIsPostedAsOtlpJsonAndDecodesToTheSameRequest() throws Exception {
    start("encoding: json\ncompression: none\n");
    ExportTraceServiceRequest spans = Requests.spans("j", 3);
    ExportLogsServiceRequest logs = Requests.logs("l", 2);

    exporter.consume(Telemetry.traces(spans));
    exporter.consume(Telemetry.logs(logs));

    await().untilAsserted(() -> assertThat(backend.calls.get()).isEqualTo(2));
    assertThat(backend.headers)
        .allSatisfy(h -> assertThat(h.get("Content-type")).containsExactly("application/json"));
    assertThat(backend.traces).containsExactly(spans);
    assertThat(backend.logs).containsExactly(logs);
    // OTLP/JSON, not protobuf's JsonFormat: ids are hex, keys lowerCamelCase.
    String body =
        new String(backend.bodies.get(backend.paths.indexOf("/v1/traces")), StandardCharsets.UTF_8);
    assertThat(body)
        .startsWith("{\"resourceSpans\":")
        .contains(
            "\"traceId\":\""
                + java.util.HexFormat.of()
                    .formatHex(
                        spans
                            .getResourceSpans(0)
                            .getScopeSpans(0)
                            .getSpans(0)
                            .getTraceId()
                            .toByteArray())
                + "\"");
    assertThat(counter("otelcol_exporter_sent_spans")).isEqualTo(3);
  }

  @Test
  void jsonTravelsCompressedToo() throws Exception {
    start("encoding: json\ncompression: zstd\n");
    ExportTraceServiceRequest spans = Requests.spans("jz", 5);

    exporter.consume(Telemetry.traces(spans));

    await().untilAsserted(() -> assertThat(backend.traces).containsExactly(spans));
    assertThat(backend.headers.get(0).get("Content-encoding")).containsExactly("zstd");
  }

  @Test
  void aJsonPartialSuccessIsCounted() throws Exception {
    backend.mode = Mode.PARTIAL;
    start("encoding: json\n");

    exporter.consume(Telemetry.traces(Requests.spans("p", 5)));

    await().until(() -> counter("otelcol_exporter_send_failed_spans") == 1);
    assertThat(counter("otelcol_exporter_sent_spans")).isEqualTo(4);
  }

  @Test
  void theMessageOfAJsonErrorBodyIsReported() throws Exception {
    backend.mode = Mode.PERMANENT;
    OtlpHttpPush push = new OtlpHttpPush(config("encoding: json\n"), Map.of(), () -> true);
    push.start();

    Refusal refusal =
        catchThrowableOfType(
            Refusal.class,
            () -> push.push(Telemetry.traces(Requests.spans("e", 1)), Duration.ofSeconds(5)));

    assertThat(refusal).hasMessage("HTTP 400: bad data, never again");
    assertThat(refusal.isRetryable()).isFalse();
    assertThat(new String(backend.bodies.get(0), StandardCharsets.UTF_8)).startsWith("{");
  }

  @Test
  void theMessageOfAJsonRetryableAnswerIsReportedWithItsDelay() throws Exception {
    backend.mode = Mode.UNAVAILABLE;
    backend.retryAfter = "7";
    OtlpHttpPush push = new OtlpHttpPush(config("encoding: json\n"), Map.of(), () -> true);
    push.start();

    Refusal refusal =
        catchThrowableOfType(
            Refusal.class,
            () -> push.push(Telemetry.traces(Requests.spans("e", 1)), Duration.ofSeconds(5)));

    assertThat(refusal).hasMessage("HTTP 503: backend is down");
    assertThat(refusal.isRetryable()).isTrue();
    assertThat(refusal.retryDelay()).contains(Duration.ofSeconds(7));
  }
}
