package io.otelring.receiver.otlp;

import static io.otelring.receiver.otlp.HttpCalls.JSON;
import static io.otelring.receiver.otlp.HttpCalls.PROTOBUF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.rpc.Status;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.otlpjson.OtlpJson;
import io.otelring.core.testing.RecordingConsumer;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** OTLP/HTTP on the wire: JSON, refusals, metadata, paths, answers in order. */
class HttpWireTest {

  private RunningReceiver running;

  @AfterEach
  void stop() throws Exception {
    if (running != null) {
      running.close();
    }
  }

  private HttpCalls start(HttpServerConfig config) throws Exception {
    running = RunningReceiver.startHttp(config);
    return new HttpCalls(running);
  }

  private static byte[] fixture(String name) throws Exception {
    try (InputStream in = HttpWireTest.class.getResourceAsStream("/otlpjson/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void handWrittenJsonOfEachSignalArrivesAsTheSameProtobufAsItsProtobufForm() throws Exception {
    HttpCalls http = start(RunningReceiver.localHttpConfig());
    ExportTraceServiceRequest traces = OtlpJson.decodeTraces(fixture("traces.json"));
    ExportMetricsServiceRequest metrics = OtlpJson.decodeMetrics(fixture("metrics.json"));
    ExportLogsServiceRequest logs = OtlpJson.decodeLogs(fixture("logs.json"));

    for (var call :
        List.of(
            http.post("/v1/traces", JSON, fixture("traces.json")),
            http.post("/v1/traces", PROTOBUF, traces.toByteArray()),
            http.post("/v1/metrics", "application/json; charset=utf-8", fixture("metrics.json")),
            http.post("/v1/metrics", PROTOBUF, metrics.toByteArray()),
            http.post("/v1/logs", "Application/JSON", fixture("logs.json")),
            http.post("/v1/logs", PROTOBUF, logs.toByteArray()))) {
      assertThat(call.statusCode()).isEqualTo(200);
    }

    await().until(() -> running.logs.received().size() == 2);
    assertThat(running.traces.received())
        .extracting(Telemetry::isUnparsed)
        .as("a protobuf body travels on unparsed, a JSON one as the message it decodes to")
        .containsExactly(false, true);
    assertThat(running.traces.received())
        .extracting(Telemetry::traces)
        .containsExactly(traces, traces);
    assertThat(running.metrics.received())
        .extracting(Telemetry::metrics)
        .containsExactly(metrics, metrics);
    assertThat(running.logs.received()).extracting(Telemetry::logs).containsExactly(logs, logs);
  }

  @Test
  void theAnswerIsInTheRequestsEncoding() throws Exception {
    HttpCalls http = start(RunningReceiver.localHttpConfig());
    byte[] request = Requests.traces(Requests.goodSpan("a")).toByteArray();

    HttpResponse<byte[]> protobuf = http.post("/v1/traces", PROTOBUF, request);
    HttpResponse<byte[]> json =
        http.post("/v1/traces", JSON, OtlpJson.encode(Requests.traces(Requests.goodSpan("b"))));

    assertThat(protobuf.headers().firstValue("Content-Type")).hasValue(PROTOBUF);
    assertThat(protobuf.body()).isEmpty();
    assertThat(json.headers().firstValue("Content-Type")).hasValue(JSON);
    assertThat(new String(json.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
    assertThat(running.count("otelcol_receiver_accepted_spans", "http")).isEqualTo(2);
  }

  @Test
  void aRetryableRefusalIs503WithRetryAfterInSeconds() throws Exception {
    HttpCalls http = start(RunningReceiver.localHttpConfig());
    running.traces.refuseWith(
        Refusal.retryable("pipeline traces is full, retry later", Duration.ofMillis(2500)));

    var protobuf =
        http.post("/v1/traces", PROTOBUF, Requests.traces(Requests.goodSpan("a")).toByteArray());
    var json =
        http.post("/v1/traces", JSON, OtlpJson.encode(Requests.traces(Requests.goodSpan("b"))));

    assertThat(protobuf.statusCode()).isEqualTo(503);
    assertThat(protobuf.headers().firstValue("Retry-After")).hasValue("3");
    Status status = Status.parseFrom(protobuf.body());
    assertThat(status.getCode()).isEqualTo(io.grpc.Status.Code.UNAVAILABLE.value());
    assertThat(status.getMessage()).isEqualTo("pipeline traces is full, retry later");
    assertThat(json.statusCode()).isEqualTo(503);
    assertThat(new String(json.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"code\":14,\"message\":\"pipeline traces is full, retry later\"}");
    assertThat(running.count("otelcol_receiver_refused_spans", "http")).isEqualTo(2);
  }

  @Test
  void aPermanentRefusalIs500WithoutRetryAfter() throws Exception {
    HttpCalls http = start(RunningReceiver.localHttpConfig());
    running.logs.refuseWith(Refusal.permanent("rejected by the backend"));

    var response =
        http.post(
            "/v1/logs",
            PROTOBUF,
            Requests.logs(Requests.logRecord("x", Requests.id(16, 1), Requests.id(8, 1)))
                .toByteArray());

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("Retry-After")).isEmpty();
    assertThat(Status.parseFrom(response.body()).getCode()).isEqualTo(13);
  }

  @Test
  void theAnswerWaitsForThePipelineWithoutHoldingTheEventLoop() throws Exception {
    CompletableFuture<Void> slow = new CompletableFuture<>();
    RecordingConsumer logs = new RecordingConsumer();
    Consumer stalled = telemetry -> slow;
    running =
        RunningReceiver.startHttp(
            RunningReceiver.localHttpConfig(), Map.of(Signal.TRACES, stalled, Signal.LOGS, logs));
    HttpCalls http = new HttpCalls(running);

    CompletableFuture<HttpResponse<byte[]>> pending =
        CompletableFuture.supplyAsync(
            () ->
                http.post(
                    "/v1/traces", PROTOBUF, Requests.traces(Requests.goodSpan("a")).toByteArray()));
    // Other requests are answered while the first one waits (one event loop thread per core).
    for (int i = 0; i < 4; i++) {
      var other =
          new HttpCalls(running)
              .post(
                  "/v1/logs",
                  PROTOBUF,
                  Requests.logs(Requests.logRecord("l", Requests.id(0, 0), Requests.id(0, 0)))
                      .toByteArray());
      assertThat(other.statusCode()).isEqualTo(200);
    }
    assertThat(pending).isNotDone();

    slow.complete(null);
    assertThat(pending.get().statusCode()).isEqualTo(200);
  }

  @Test
  void includeMetadataPassesTheHeadersOn() throws Exception {
    HttpCalls http = start(RunningReceiver.httpConfig("{include_metadata: true}"));

    http.post(
        "/v1/traces",
        PROTOBUF,
        Requests.traces(Requests.goodSpan("a")).toByteArray(),
        "X-Tenant",
        "acme");

    await().until(() -> running.traces.itemCount() == 1);
    var metadata = running.traces.received().get(0).metadata();
    assertThat(metadata.get("x-tenant")).containsExactly("acme");
    assertThat(metadata.get("content-type")).containsExactly(PROTOBUF);
    assertThat(metadata.get(":authority")).containsExactly("127.0.0.1:" + running.httpPort());
  }

  @Test
  void withoutIncludeMetadataNothingIsPassedOn() throws Exception {
    HttpCalls http = start(RunningReceiver.localHttpConfig());

    http.post(
        "/v1/traces",
        PROTOBUF,
        Requests.traces(Requests.goodSpan("a")).toByteArray(),
        "X-Tenant",
        "acme");

    await().until(() -> running.traces.itemCount() == 1);
    assertThat(running.traces.received().get(0).metadata().isEmpty()).isTrue();
  }

  @Test
  void configuredPathsAndResponseHeadersAreServed() throws Exception {
    HttpCalls http =
        start(
            RunningReceiver.httpConfig(
                "{response_headers: {X-Served-By: otelring}, traces_url_path: otlp/traces}"));
    byte[] body = Requests.traces(Requests.goodSpan("a")).toByteArray();

    var custom = http.post("/otlp/traces", PROTOBUF, body);
    var standard = http.post("/v1/traces", PROTOBUF, body);

    assertThat(custom.statusCode()).isEqualTo(200);
    assertThat(custom.headers().firstValue("X-Served-By")).hasValue("otelring");
    assertThat(standard.statusCode()).isEqualTo(404);
    assertThat(standard.headers().firstValue("X-Served-By")).hasValue("otelring");
  }

  @Test
  void aSignalWithoutAPipelineIsNotFound() throws Exception {
    running =
        RunningReceiver.startHttp(
            RunningReceiver.localHttpConfig(), Map.of(Signal.TRACES, new RecordingConsumer()));
    HttpCalls http = new HttpCalls(running);

    assertThat(http.post("/v1/metrics", PROTOBUF, Requests.gauge(1.0).toByteArray()).statusCode())
        .isEqualTo(404);
  }
}
