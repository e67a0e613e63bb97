package io.otelring.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.otelring.core.component.Factories;
import io.otelring.core.config.CollectorConfig;
import io.otelring.core.config.ConfigLoader;
import io.otelring.core.config.ConfigSource;
import io.otelring.core.pipeline.RingOptions;
import io.otelring.core.testing.Requests;
import io.otelring.core.testing.TestComponents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The same stall over OTLP/HTTP: a full ring is answered 503 with {@code Retry-After}, refusals are
 * counted with {@code transport="http"}, and once the stall ends the SDK's {@code http/protobuf}
 * retries deliver every span once.
 */
class HttpBackpressureIT {

  private final TestComponents.RecordingExporters recorders =
      new TestComponents.RecordingExporters();
  private final TestComponents.GateProcessors gates = new TestComponents.GateProcessors();
  private final int port = FreePorts.next();
  private Collector collector;

  @AfterEach
  void stop() {
    gates.open();
    if (collector != null) {
      collector.close();
    }
  }

  private void startCollector() throws Exception {
    String yaml =
        """
        receivers: {otlp: {protocols: {http: {endpoint: 127.0.0.1:%d}}}}
        processors: {gate: {}}
        exporters: {recording: {}}
        service:
          telemetry: {metrics: {level: none}}
          pipelines: {traces: {receivers: [otlp], processors: [gate], exporters: [recording]}}
        """
            .formatted(port);
    List<io.otelring.core.component.Factory<?>> factories =
        new ArrayList<>(BuiltInComponents.list());
    factories.add(recorders);
    factories.add(gates);
    CollectorConfig config =
        new ConfigLoader(Factories.of(factories)).load(ConfigSource.ofYaml("bp.yaml", yaml));
    collector = Collector.start(config, new RingOptions(4, Duration.ofMillis(300)));
  }

  @Test
  void aFullRingAnswers503WithRetryAfterAndRetriesDeliverEverything() throws Exception {
    startCollector();
    gates.close();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    int acceptedByClient = 0;
    HttpResponse<byte[]> refusal = null;
    for (int i = 0; i < 10 && refusal == null; i++) {
      HttpResponse<byte[]> response =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/traces"))
                  .header("Content-Type", "application/x-protobuf")
                  .POST(
                      HttpRequest.BodyPublishers.ofByteArray(
                          Requests.spans("raw" + i, 1).toByteArray()))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() == 200) {
        acceptedByClient++;
      } else {
        refusal = response;
      }
    }
    assertThat(refusal).as("the ring of 4 slots must fill").isNotNull();
    assertThat(refusal.statusCode()).isEqualTo(503);
    // The ring asks for 300 ms; Retry-After counts whole seconds, rounded up.
    assertThat(refusal.headers().firstValue("Retry-After")).hasValue("1");
    com.google.rpc.Status status = com.google.rpc.Status.parseFrom(refusal.body());
    assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE.value());
    assertThat(status.getMessage()).isEqualTo("pipeline traces is full, retry later");

    OtlpHttpSpanExporter sdk =
        OtlpHttpSpanExporter.builder()
            .setEndpoint("http://127.0.0.1:" + port + "/v1/traces")
            .setRetryPolicy(
                RetryPolicy.builder()
                    .setMaxAttempts(5)
                    .setInitialBackoff(Duration.ofMillis(100))
                    .setMaxBackoff(Duration.ofMillis(500))
                    .build())
            .build();
    List<CompletableResultCode> results = new ArrayList<>();
    Set<String> sentIds = new HashSet<>();
    for (int batch = 0; batch < 4; batch++) {
      List<SpanData> spans = SdkSpans.batch(batch, 50);
      spans.forEach(s -> sentIds.add(s.getSpanId()));
      results.add(sdk.export(spans));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> refusedOverHttp() > 1);

    gates.open();
    CompletableResultCode.ofAll(results).join(30, TimeUnit.SECONDS);
    assertThat(results).allSatisfy(r -> assertThat(r.isSuccess()).isTrue());

    int expected = acceptedByClient + 4 * 50;
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> recorders.get("recording").itemCount() >= expected);
    Set<String> received = new HashSet<>();
    recorders
        .get("recording")
        .received()
        .forEach(
            t ->
                t.traces()
                    .getResourceSpansList()
                    .forEach(
                        rs ->
                            rs.getScopeSpansList()
                                .forEach(
                                    ss ->
                                        ss.getSpansList()
                                            .forEach(
                                                span -> {
                                                  String id =
                                                      java.util.HexFormat.of()
                                                          .formatHex(
                                                              span.getSpanId().toByteArray());
                                                  assertThat(received.add(id))
                                                      .as("span %s delivered twice", id)
                                                      .isTrue();
                                                }))));
    assertThat(received).containsAll(sentIds).hasSize(expected);
    sdk.shutdown().join(5, TimeUnit.SECONDS);
  }

  private double refusedOverHttp() {
    var counter =
        collector
            .metrics()
            .registry()
            .find("otelcol_receiver_refused_spans")
            .tag("transport", "http")
            .counter();
    return counter == null ? 0 : counter.count();
  }
}
