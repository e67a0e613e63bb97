package io.otelring.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.rpc.RetryInfo;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.otelring.core.pipeline.RingOptions;
import io.otelring.core.testing.Received;
import io.otelring.core.testing.Requests;
import io.otelring.core.testing.TestComponents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A pipeline whose consumer stalls: its small ring fills, clients get UNAVAILABLE with a RetryInfo
 * delay, refusals are counted, and once the stall ends the SDK's retries deliver every span once.
 */
class BackpressureIT {

  private final TestComponents.RecordingExporters recorders =
      new TestComponents.RecordingExporters();
  private final TestComponents.GateProcessors gates = new TestComponents.GateProcessors();
  private final int port = FreePorts.next();
  private Collector collector;
  private ManagedChannel channel;

  @AfterEach
  void stop() {
    gates.open();
    if (channel != null) {
      channel.shutdownNow();
    }
    if (collector != null) {
      collector.close();
    }
  }

  private void startCollector() throws Exception {
    String yaml =
        """
        receivers: {otlp: {protocols: {grpc: {endpoint: 127.0.0.1:%d}}}}
        processors: {gate: {}}
        exporters: {recording: {}}
        service:
          telemetry: {metrics: {level: none}}
          pipelines: {traces: {receivers: [otlp], processors: [gate], exporters: [recording]}}
        """
            .formatted(port);
    collector =
        Collector.startYaml(yaml, new RingOptions(4, Duration.ofMillis(300)), recorders, gates);
  }

  @Test
  void aFullRingAnswersUnavailableWithADelayAndRetriesDeliverEverything() throws Exception {
    startCollector();
    gates.close();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    var stub = TraceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS);

    int acceptedByStub = 0;
    StatusRuntimeException refusal = null;
    for (int i = 0; i < 10 && refusal == null; i++) {
      try {
        stub.export(Requests.spans("raw" + i, 1));
        acceptedByStub++;
      } catch (StatusRuntimeException e) {
        refusal = e;
      }
    }
    assertThat(refusal).as("the ring of 4 slots must fill").isNotNull();
    assertThat(refusal.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(refusal.getStatus().getDescription())
        .isEqualTo("pipeline traces is full, retry later");
    com.google.rpc.Status details = StatusProto.fromThrowable(refusal);
    assertThat(details).isNotNull();
    RetryInfo retryInfo = details.getDetails(0).unpack(RetryInfo.class);
    assertThat(retryInfo.getRetryDelay().getNanos()).isEqualTo(300_000_000);

    OtlpGrpcSpanExporter sdk =
        OtlpGrpcSpanExporter.builder()
            .setEndpoint("http://127.0.0.1:" + port)
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
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                collector.metrics().registry().find("otelcol_receiver_refused_spans").counter()
                        != null
                    && collector
                            .metrics()
                            .registry()
                            .find("otelcol_receiver_refused_spans")
                            .counter()
                            .count()
                        > 1);

    gates.open();
    CompletableResultCode.ofAll(results).join(30, TimeUnit.SECONDS);
    assertThat(results).allSatisfy(r -> assertThat(r.isSuccess()).isTrue());

    int expected = acceptedByStub + 4 * 50;
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> recorders.get("recording").itemCount() >= expected);
    List<String> received = Received.spanIds(recorders.get("recording").received());
    assertThat(received).doesNotHaveDuplicates().hasSize(expected).containsAll(sentIds);
    sdk.shutdown().join(5, TimeUnit.SECONDS);
  }
}
