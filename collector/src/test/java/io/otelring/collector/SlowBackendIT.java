package io.otelring.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.micrometer.core.instrument.Counter;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.otelring.core.pipeline.RingOptions;
import io.otelring.core.testing.Requests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seed pipeline (otlp → batch → otlp exporter) in front of a backend that stops answering: with
 * {@code block_on_overflow} the full sending queue holds up the pipeline, its ring fills, and the
 * receiver refuses with {@code UNAVAILABLE}, so that nothing the client was told is accepted gets
 * lost; without it the batch processor loses what the full queue refuses, and counts it, as Go's
 * does.
 */
class SlowBackendIT {

  private static final int SPANS_PER_REQUEST = 10;

  private final int port = FreePorts.next();
  private OtlpBackend backend;
  private Collector collector;
  private ManagedChannel channel;

  @AfterEach
  void stop() throws Exception {
    if (channel != null) {
      channel.shutdownNow();
    }
    if (backend != null) {
      backend.resume();
    }
    if (collector != null) {
      collector.close();
    }
    if (backend != null) {
      backend.close();
    }
  }

  private void start(boolean blockOnOverflow) throws Exception {
    backend = OtlpBackend.start();
    backend.stall();
    String yaml =
        """
        receivers: {otlp: {protocols: {grpc: {endpoint: 127.0.0.1:%d}}}}
        processors: {batch: {send_batch_size: %d, timeout: 10ms}}
        exporters:
          otlp:
            endpoint: 127.0.0.1:%d
            tls: {insecure: true}
            timeout: 60s
            sending_queue: {queue_size: 2, num_consumers: 1, block_on_overflow: %s}
        service:
          pipelines: {traces: {receivers: [otlp], processors: [batch], exporters: [otlp]}}
        """
            .formatted(port, SPANS_PER_REQUEST, backend.port(), blockOnOverflow);
    collector = Collector.startYaml(yaml, new RingOptions(4, Duration.ofMillis(200)));
    channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
  }

  /** Sends requests of ten spans until one is refused or 40 were accepted; the accepted count. */
  private int sendUntilRefused(List<StatusRuntimeException> refusals) {
    var stub = TraceServiceGrpc.newBlockingStub(channel);
    int accepted = 0;
    for (int i = 0; i < 40 && refusals.isEmpty(); i++) {
      try {
        stub.withDeadlineAfter(5, TimeUnit.SECONDS)
            .export(Requests.spans("r" + i, SPANS_PER_REQUEST));
        accepted++; // a request of send_batch_size spans leaves the batch processor as one batch
      } catch (StatusRuntimeException e) {
        refusals.add(e);
      }
    }
    return accepted;
  }

  private double batchLost() {
    Counter lost =
        collector.metrics().registry().find("otelring_processor_batch_send_failed_spans").counter();
    return lost == null ? 0 : lost.count();
  }

  @Test
  void withBlockOnOverflowTheReceiverRefusesAndEverythingAcceptedArrives() throws Exception {
    start(true);

    List<StatusRuntimeException> refusals = new ArrayList<>();
    int accepted = sendUntilRefused(refusals);

    assertThat(refusals).as("queue, ring and batch must fill and refuse").hasSize(1);
    assertThat(refusals.get(0).getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(refusals.get(0).getStatus().getDescription())
        .isEqualTo("pipeline traces is full, retry later");
    // The one call in flight, two queued, the ring's thread waiting with one, four in the ring.
    assertThat(accepted).isGreaterThanOrEqualTo(4);

    backend.resume();
    int expected = accepted * SPANS_PER_REQUEST;
    await().atMost(Duration.ofSeconds(20)).until(() -> backend.spans().size() >= expected);
    Set<String> names = new HashSet<>();
    backend.spans().forEach(span -> names.add(span.getName()));
    assertThat(backend.spans()).hasSize(expected);
    assertThat(names).hasSize(expected);
    assertThat(batchLost()).isZero();
  }

  @Test
  void withoutItTheBatchProcessorLosesWhatTheFullQueueRefusesAndCountsIt() throws Exception {
    start(false);

    List<StatusRuntimeException> refusals = new ArrayList<>();
    int accepted = sendUntilRefused(refusals);

    // The receiver heard of nothing: the ring never filled.
    assertThat(refusals).isEmpty();
    assertThat(accepted).isEqualTo(40);
    await().atMost(Duration.ofSeconds(5)).until(() -> batchLost() > 0);

    backend.resume();
    double lost = batchLost();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> backend.spans().size() + lost >= accepted * SPANS_PER_REQUEST);
    assertThat(backend.spans().size() + batchLost()).isEqualTo(accepted * SPANS_PER_REQUEST);
  }
}
