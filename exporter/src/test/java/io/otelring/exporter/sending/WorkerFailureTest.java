package io.otelring.exporter.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Kind;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.Requests;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An error thrown while sending must not kill a worker: with a slow backend the gRPC transport's
 * direct buffers once ran out ({@code OutOfMemoryError: Cannot reserve … bytes of direct buffer
 * memory}), every worker thread died with its batch, and the queue filled and refused for good.
 */
class WorkerFailureTest {

  private static final String DIRECT_MEMORY =
      "Cannot reserve 2097152 bytes of direct buffer memory (allocated: 1071670853, limit:"
          + " 1073741824)";

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private QueuedExporter exporter;

  @AfterEach
  void stop() throws Exception {
    if (exporter != null) {
      exporter.shutdown(Duration.ofSeconds(2));
    }
  }

  /**
   * A backend stand-in: each call throws the next of {@code failures}; once none is left, accepts.
   */
  private static final class ScriptedPush implements Push {
    final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    final Queue<Integer> delivered = new ConcurrentLinkedQueue<>();
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public Delivery push(Telemetry batch, Duration timeout) {
      calls.incrementAndGet();
      Throwable failure = failures.poll();
      if (failure instanceof Error error) {
        throw error;
      }
      delivered.add(batch.itemCount());
      return Delivery.ALL;
    }
  }

  /**
   * An exporter with one worker (or, with {@code batch}, one batching sender) around {@code push}.
   */
  private QueuedExporter start(ScriptedPush push, QueueBatchConfig batch) throws Exception {
    QueueConfig queueConfig = new QueueConfig(null, 1, null, null, null, null, null, batch);
    RetryConfig retry =
        new RetryConfig(null, Duration.ofMillis(10), null, null, Duration.ofMillis(50), null);
    exporter =
        QueuedExporter.create(
            ComponentSettings.of(ComponentId.parse("otlp/test"), Kind.EXPORTER, meters),
            null,
            queueConfig,
            retry,
            Duration.ofSeconds(5),
            0,
            push,
            "a scripted backend");
    exporter.start();
    return exporter;
  }

  private double counter(String name) {
    return meters.get(name).tag("exporter", "otlp/test").counter().count();
  }

  private double queueSize() {
    return meters.get("otelcol_exporter_queue_size").tag("exporter", "otlp/test").gauge().value();
  }

  private static Telemetry spans(String prefix, int count) {
    return Telemetry.traces(Requests.spans(prefix, count));
  }

  @Test
  void directMemoryRunningOutIsRetriedAndTheOneWorkerSendsOn() throws Exception {
    ScriptedPush push = new ScriptedPush();
    push.failures.add(new OutOfMemoryError(DIRECT_MEMORY));
    push.failures.add(new OutOfMemoryError(DIRECT_MEMORY));
    start(push, null);

    exporter.consume(spans("a", 3));
    exporter.consume(spans("b", 4));

    await().atMost(Duration.ofSeconds(10)).until(() -> push.delivered.size() == 2);
    assertThat(List.copyOf(push.delivered)).containsExactly(3, 4);
    assertThat(push.calls.get()).isEqualTo(4); // two refused attempts, then each batch once
    assertThat(counter("otelcol_exporter_sent_spans")).isEqualTo(7);
    assertThat(counter("otelcol_exporter_send_failed_spans")).isZero();
    await().until(() -> queueSize() == 0);
  }

  @Test
  void anyOtherErrorFailsItsBatchOnlyAndTheWorkerSendsTheNext() throws Exception {
    ScriptedPush push = new ScriptedPush();
    push.failures.add(new NoClassDefFoundError("com/example/Missing"));
    start(push, null);

    exporter.consume(spans("lost", 5));
    exporter.consume(spans("next", 2));

    await().atMost(Duration.ofSeconds(10)).until(() -> push.delivered.size() == 1);
    assertThat(List.copyOf(push.delivered)).containsExactly(2);
    await().until(() -> counter("otelcol_exporter_send_failed_spans") == 5);
    assertThat(counter("otelcol_exporter_sent_spans")).isEqualTo(2);
    await().until(() -> queueSize() == 0);
  }

  @Test
  void anErrorInABatchingSenderSettlesItsBatchAndFreesItsRoom() throws Exception {
    ScriptedPush push = new ScriptedPush();
    push.failures.add(new StackOverflowError());
    start(push, new QueueBatchConfig(null, Duration.ofMillis(10), null, 1L, null, null));

    exporter.consume(spans("lost", 5));
    await().atMost(Duration.ofSeconds(10)).until(() -> push.calls.get() == 1);
    await().until(() -> queueSize() == 0);
    exporter.consume(spans("next", 2));

    await().atMost(Duration.ofSeconds(10)).until(() -> push.delivered.size() == 1);
    assertThat(List.copyOf(push.delivered)).containsExactly(2);
    assertThat(counter("otelcol_exporter_send_failed_spans")).isEqualTo(5);
  }
}
