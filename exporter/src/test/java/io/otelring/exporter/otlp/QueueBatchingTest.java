package io.otelring.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Exporter;
import io.otelring.core.component.Kind;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.ConfigFixtures;
import io.otelring.core.testing.Requests;
import io.otelring.exporter.testing.GrpcBackend;
import io.otelring.exporter.testing.GrpcBackend.Mode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code sending_queue.batch} and the queue's sizers, through the otlp exporter to a real grpc-java
 * OTLP server: what the backend receives is what Go's exporterhelper batching would send.
 */
class QueueBatchingTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private GrpcBackend backend;
  private Exporter exporter;

  @AfterEach
  void stop() throws Exception {
    if (exporter != null) {
      exporter.shutdown(Duration.ofSeconds(2));
    }
    if (backend != null) {
      backend.close();
    }
  }

  private Exporter start(String queue) throws Exception {
    backend = GrpcBackend.start();
    OtlpExporterFactory factory = new OtlpExporterFactory();
    exporter =
        factory.createExporter(
            ComponentSettings.of(ComponentId.parse("otlp/batching"), Kind.EXPORTER, meters),
            ConfigFixtures.bind(
                factory,
                "endpoint: 127.0.0.1:"
                    + backend.port()
                    + "\ntls: {insecure: true}\n"
                    + "retry_on_failure: {initial_interval: 10ms, max_interval: 50ms}\n"
                    + "sending_queue: "
                    + queue
                    + "\n"));
    exporter.start();
    return exporter;
  }

  private CompletableFuture<Void> send(String prefix, int spans) {
    return exporter.consume(Telemetry.traces(Requests.spans(prefix, spans))).toCompletableFuture();
  }

  /** The span count of each request the backend received, in arrival order. */
  private List<Integer> requestSizes() {
    List<Integer> sizes = new ArrayList<>();
    for (ExportTraceServiceRequest request : backend.traces) {
      int spans = 0;
      for (ResourceSpans resource : request.getResourceSpansList()) {
        for (ScopeSpans scope : resource.getScopeSpansList()) {
          spans += scope.getSpansCount();
        }
      }
      sizes.add(spans);
    }
    return sizes;
  }

  /** Checks, again and again for {@code time}, that the condition holds all along. */
  private static void holdsFor(Duration time, java.util.concurrent.Callable<Boolean> condition) {
    await().during(time).atMost(time.plusSeconds(2)).until(condition);
  }

  @Test
  void queuedRequestsLeaveAsOneRequestOnceTheyHoldMinSizeItems() throws Exception {
    start("{batch: {min_size: 50, flush_timeout: 1h}}");

    for (int i = 0; i < 9; i++) {
      assertThat(send("r" + i, 5)).isCompletedWithValue(null);
    }
    // 45 spans are under min_size: nothing leaves.
    holdsFor(Duration.ofMillis(300), () -> backend.calls.get() == 0);

    send("r9", 5);

    await().until(() -> backend.traces.size() == 1);
    assertThat(requestSizes()).containsExactly(50);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      for (int s = 0; s < 5; s++) {
        expected.add("r" + i + "-" + s);
      }
    }
    assertThat(backend.spanNames()).containsExactlyElementsOf(expected);
  }

  @Test
  void aRequestOverMaxSizeIsCutAndTheRestThatReachesMinSizeLeavesToo() throws Exception {
    start("{batch: {min_size: 10, max_size: 30, flush_timeout: 1h}}");

    send("big", 100);

    await().until(() -> backend.traces.size() == 4);
    assertThat(requestSizes()).containsExactlyInAnyOrder(30, 30, 30, 10);
    assertThat(backend.spanCount()).isEqualTo(100);
  }

  @Test
  void aBatchUnderMinSizeLeavesWhenFlushTimeoutHasPassedSinceItBegan() throws Exception {
    start("{batch: {min_size: 1000, flush_timeout: 300ms}}");

    long began = System.nanoTime();
    send("a", 5);
    send("b", 5);
    send("c", 5);

    await().atMost(Duration.ofSeconds(5)).until(() -> backend.traces.size() == 1);
    long waitedMillis = (System.nanoTime() - began) / 1_000_000;
    assertThat(waitedMillis).isGreaterThanOrEqualTo(300);
    assertThat(requestSizes()).containsExactly(15);
    // Nothing more to send.
    holdsFor(Duration.ofMillis(400), () -> backend.calls.get() == 1);
  }

  @Test
  void eachPartitionOfClientMetadataIsBatchedOnItsOwn() throws Exception {
    start("{batch: {min_size: 6, flush_timeout: 1h, partition: {metadata_keys: [X-Tenant]}}}");

    for (int i = 0; i < 3; i++) {
      for (String tenant : List.of("a", "b")) {
        ClientMetadata metadata = ClientMetadata.of(Map.of("x-tenant", List.of(tenant)));
        exporter.consume(Telemetry.traces(Requests.spans(tenant + i, 2), metadata));
      }
    }

    await().until(() -> backend.traces.size() == 2);
    for (ExportTraceServiceRequest request : backend.traces) {
      List<String> names = new ArrayList<>();
      request.getResourceSpansList().stream()
          .flatMap(resource -> resource.getScopeSpansList().stream())
          .flatMap(scope -> scope.getSpansList().stream())
          .map(Span::getName)
          .forEach(names::add);
      assertThat(names).hasSize(6);
      assertThat(names).allMatch(name -> name.charAt(0) == names.get(0).charAt(0));
    }
  }

  @Test
  void waitForResultAnswersEachRequestWhenTheBatchCarryingItWasSent() throws Exception {
    start("{wait_for_result: true, batch: {min_size: 10, flush_timeout: 1h}}");

    CompletableFuture<Void> first = send("first", 5);
    // Still batched, not sent.
    holdsFor(Duration.ofMillis(200), () -> !first.isDone());

    CompletableFuture<Void> second = send("second", 5);

    await().until(() -> first.isDone() && second.isDone());
    assertThat(first).isCompletedWithValue(null);
    assertThat(second).isCompletedWithValue(null);
    assertThat(requestSizes()).containsExactly(10);
  }

  @Test
  void aRefusedBatchFailsEveryRequestItCarried() throws Exception {
    start("{wait_for_result: true, batch: {min_size: 10, flush_timeout: 1h}}");
    backend.mode = Mode.PERMANENT;

    CompletableFuture<Void> first = send("first", 5);
    CompletableFuture<Void> second = send("second", 5);

    await().until(() -> first.isDone() && second.isDone());
    assertThat(first).isCompletedExceptionally();
    assertThat(second).isCompletedExceptionally();
    assertThat(meters.get("otelcol_exporter_send_failed_spans").counter().count()).isEqualTo(10);
  }

  @Test
  void shutdownSendsWhatIsStillBeingBatched() throws Exception {
    start("{batch: {min_size: 1000, flush_timeout: 1h}}");

    send("a", 5);
    send("b", 5);
    exporter.shutdown(Duration.ofSeconds(5));

    assertThat(requestSizes()).containsExactly(10);
    assertThat(meters.get("otelcol_exporter_sent_spans").counter().count()).isEqualTo(10);
  }

  @Test
  void theBytesSizerSendsOnceTheBatchHoldsMinSizeBytesAndCutsAtMaxSize() throws Exception {
    int requestBytes = Requests.spans("r0", 5).getSerializedSize();
    start(
        "{batch: {sizer: bytes, min_size: "
            + (3 * requestBytes - 1)
            + ", max_size: "
            + (3 * requestBytes + 1)
            + ", flush_timeout: 1h}}");

    send("r0", 5);
    send("r1", 5);
    holdsFor(Duration.ofMillis(300), () -> backend.calls.get() == 0);
    send("r2", 5);

    await().until(() -> backend.traces.size() == 1);
    assertThat(requestSizes()).containsExactly(15);
    assertThat(backend.traces.get(0).getSerializedSize()).isLessThanOrEqualTo(3 * requestBytes + 1);
  }

  @Test
  void theItemsSizerMeasuresTheQueueInSpans() throws Exception {
    start("{sizer: items, queue_size: 20, num_consumers: 1}");
    backend.mode = Mode.HANG;

    assertThat(send("held", 15)).isCompletedWithValue(null);
    await().until(() -> backend.calls.get() == 1);
    // The hanging send still counts: the queue holds what is not sent yet, in flight too.
    assertThat(meters.get("otelcol_exporter_queue_size").gauge().value()).isEqualTo(15);

    CompletableFuture<Void> overflow = send("over", 10);
    assertThat(overflow).isCompletedExceptionally();
    assertThat(refusal(overflow).isRetryable()).isTrue();
    assertThat(refusal(overflow)).hasMessageContaining("sending queue is full");

    CompletableFuture<Void> tooLarge = send("huge", 21);
    assertThat(refusal(tooLarge).isRetryable()).isFalse();
    assertThat(refusal(tooLarge)).hasMessageContaining("larger than the sending queue's capacity");

    assertThat(send("fits", 5)).isCompletedWithValue(null);
    backend.mode = Mode.OK;
  }

  private static Refusal refusal(CompletableFuture<Void> stage) {
    try {
      stage.join();
      throw new AssertionError("not refused");
    } catch (CompletionException e) {
      return Refusal.of(e.getCause());
    }
  }
}
