package io.otelring.processor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Kind;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.testing.RecordingConsumer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * What the batch processor's tests share: a processor under test with an injected clock, the
 * consumer it sends to, its meters, and ways to read its answers.
 */
abstract class BatchProcessorTestBase {

  static final long MS = 1_000_000L;

  final RecordingConsumer next = new RecordingConsumer();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final FakeClock clock = new FakeClock();

  BatchProcessor processor(SignalFixture fixture, BatchProcessorConfig config) {
    return processor(fixture, config, next);
  }

  BatchProcessor processor(
      SignalFixture fixture, BatchProcessorConfig config, Consumer downstream) {
    assertThat(config.validate()).isEmpty();
    BatchProcessor processor =
        new BatchProcessor(
            ComponentSettings.of(ComponentId.parse("batch/test"), Kind.PROCESSOR, meters),
            config,
            fixture.signal(),
            downstream,
            clock);
    processor.start();
    return processor;
  }

  static BatchProcessorConfig config(Duration timeout, int sendBatchSize, int sendBatchMaxSize) {
    return new BatchProcessorConfig(timeout, sendBatchSize, sendBatchMaxSize, List.of(), 1000);
  }

  static ClientMetadata tenant(String tenant) {
    return ClientMetadata.of(
        Map.of(
            "x-tenant",
            List.of(tenant),
            "tenant",
            List.of(tenant),
            "authorization",
            List.of("secret")));
  }

  double counter(String name) {
    return meters.get(name).tag("processor", "batch/test").counter().count();
  }

  double gauge(String name) {
    return meters.get(name).tag("processor", "batch/test").gauge().value();
  }

  /** Accepted: the stage has completed normally (AssertJ would compare a copy for isSameAs). */
  static void assertAccepted(CompletionStage<Void> stage) {
    assertThat(stage.toCompletableFuture()).isCompletedWithValue(null);
  }

  static Refusal refusalOf(CompletionStage<Void> stage) {
    var future = stage.toCompletableFuture();
    assertThat(future).isCompletedExceptionally();
    return Refusal.of(future.handle((ok, failure) -> failure).join());
  }

  /** System.nanoTime stand-in that a test moves by hand. */
  static final class FakeClock implements LongSupplier {
    long now;

    @Override
    public long getAsLong() {
      return now;
    }
  }
}
