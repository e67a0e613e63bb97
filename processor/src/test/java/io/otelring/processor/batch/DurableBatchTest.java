package io.otelring.processor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Kind;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * In front of a durable consumer, each request's stage completes when every batch carrying its
 * items has been accepted downstream, and fails when one of them is refused.
 */
class DurableBatchTest {

  private static final long MS = 1_000_000L;

  /** A durable downstream whose stages the test completes by hand. */
  private static final class DurableDownstream implements Consumer {
    final List<CompletableFuture<Void>> stages = new CopyOnWriteArrayList<>();
    final List<Telemetry> batches = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<Void> consume(Telemetry telemetry) {
      CompletableFuture<Void> stage = new CompletableFuture<>();
      batches.add(telemetry);
      stages.add(stage);
      return stage;
    }

    @Override
    public boolean durable() {
      return true;
    }
  }

  private final DurableDownstream downstream = new DurableDownstream();
  private long now;

  private BatchProcessor processor() {
    BatchProcessor processor =
        new BatchProcessor(
            ComponentSettings.of(
                ComponentId.parse("batch/durable"), Kind.PROCESSOR, new SimpleMeterRegistry()),
            new BatchProcessorConfig(Duration.ofMillis(100), 4, 4, List.of(), 1000),
            SignalFixture.TRACES.signal(),
            downstream,
            () -> now);
    processor.start();
    return processor;
  }

  @Test
  void aRequestIsAcceptedWhenEveryBatchCarryingItIsAccepted() {
    BatchProcessor processor = processor();
    assertThat(processor.durable()).isTrue();

    CompletableFuture<Void> a =
        processor.consume(SignalFixture.TRACES.request("a", 3)).toCompletableFuture();
    assertThat(a).isNotDone();
    CompletableFuture<Void> b =
        processor.consume(SignalFixture.TRACES.request("b", 3)).toCompletableFuture();

    // Four items went out: a's three and one of b's; b's other two wait for the timer.
    assertThat(downstream.batches).hasSize(1);
    assertThat(downstream.batches.get(0).itemCount()).isEqualTo(4);
    assertThat(a).isNotDone();
    downstream.stages.get(0).complete(null);
    assertThat(a).isCompletedWithValue(null);
    assertThat(b).isNotDone();

    now += 200 * MS;
    processor.onTick(now);
    assertThat(downstream.batches).hasSize(2);
    assertThat(b).isNotDone();
    downstream.stages.get(1).complete(null);
    assertThat(b).isCompletedWithValue(null);
  }

  @Test
  void aRefusedBatchFailsTheRequestsItCarried() {
    BatchProcessor processor = processor();
    CompletableFuture<Void> a =
        processor.consume(SignalFixture.TRACES.request("a", 2)).toCompletableFuture();
    CompletableFuture<Void> b =
        processor.consume(SignalFixture.TRACES.request("b", 4)).toCompletableFuture();

    downstream.stages.get(0).completeExceptionally(Refusal.retryable("queue full", null));

    assertThat(a).isCompletedExceptionally();
    assertThat(b).isCompletedExceptionally();
    assertThat(Refusal.of(b.handle((ok, failure) -> failure).join())).hasMessage("queue full");
  }
}
