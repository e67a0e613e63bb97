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
 *
 * <p>The ring's size is chosen per test. Four slots let the first test fill it within a few
 * requests. The second needs room for all forty: with four, a ring thread that the scheduler leaves
 * waiting a few milliseconds on a busy machine falls four requests behind a client that gets its
 * answer at publish, and the receiver refuses for a reason this test is not about (one run in three
 * with two busy loops beside it).
 */
class SlowBackendIT {

  private static final int SPANS_PER_REQUEST = 10;
  private static final int REQUESTS = 40;
  // What the sending queue holds while the backend stalls: its room counts the call in flight.
  private static final int QUEUE_SIZE = 2;

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

  private void start(boolean blockOnOverflow, int ringSize) throws Exception {
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
            sending_queue: {queue_size: %d, num_consumers: 1, block_on_overflow: %s}
        service:
          pipelines: {traces: {receivers: [otlp], processors: [batch], exporters: [otlp]}}
        """
            .formatted(port, SPANS_PER_REQUEST, backend.port(), QUEUE_SIZE, blockOnOverflow);
    collector = Collector.startYaml(yaml, new RingOptions(ringSize, Duration.ofMillis(200)));
    channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
  }

  /** Sends requests of ten spans until one is refused or all were accepted; the accepted count. */
  private int sendUntilRefused(List<StatusRuntimeException> refusals) {
    var stub = TraceServiceGrpc.newBlockingStub(channel);
    int accepted = 0;
    for (int i = 0; i < REQUESTS && refusals.isEmpty(); i++) {
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
    start(true, 4);

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
    start(false, 64);

    List<StatusRuntimeException> refusals = new ArrayList<>();
    int accepted = sendUntilRefused(refusals);

    // The receiver heard of nothing: the batch processor never held up the ring.
    assertThat(refusals).isEmpty();
    assertThat(accepted).isEqualTo(REQUESTS);
    // While the backend still stalls, every batch the queue had no room for is lost and counted.
    int heldByTheQueue = QUEUE_SIZE * SPANS_PER_REQUEST;
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> batchLost() >= accepted * SPANS_PER_REQUEST - heldByTheQueue);
    assertThat(batchLost()).isEqualTo(accepted * SPANS_PER_REQUEST - heldByTheQueue);

    backend.resume();
    await().atMost(Duration.ofSeconds(20)).until(() -> backend.spans().size() >= heldByTheQueue);
    assertThat(backend.spans()).hasSize(heldByTheQueue);
    assertThat(backend.spans().size() + batchLost()).isEqualTo(accepted * SPANS_PER_REQUEST);
  }
}
