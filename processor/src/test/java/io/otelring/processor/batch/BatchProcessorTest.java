package io.otelring.processor.batch;

import static io.otelring.processor.batch.SignalFixture.res;
import static io.otelring.processor.batch.SignalFixture.scope;
import static org.assertj.core.api.Assertions.assertThat;

import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The processor's behaviour, the same for every signal; time is an injected clock. */
class BatchProcessorTest extends BatchProcessorTestBase {

  @ParameterizedTest
  @EnumSource
  void sendsWhenTheBatchSizeIsReached(SignalFixture fixture) {
    BatchProcessor processor = processor(fixture, config(Duration.ofSeconds(10), 10, 0));
    Telemetry first = fixture.request("a", 6);
    Telemetry second = fixture.request("b", 6);

    assertAccepted(processor.consume(first));
    assertThat(next.received()).isEmpty();
    processor.consume(second);

    // The size is a trigger, not a cap: both requests go out merged, 12 items in one batch.
    assertThat(next.received()).hasSize(1);
    assertThat(next.received().get(0).itemCount()).isEqualTo(12);
    assertThat(fixture.items(next.received()))
        .containsExactlyElementsOf(fixture.items(List.of(first, second)));
    assertThat(counter("otelcol_processor_batch_batch_size_trigger_send")).isEqualTo(1);
    assertThat(counter("otelcol_processor_batch_timeout_trigger_send")).isZero();
    var sendSize = meters.get("otelcol_processor_batch_batch_send_size").summary();
    assertThat(sendSize.count()).isEqualTo(1);
    assertThat(sendSize.totalAmount()).isEqualTo(12);
    assertThat(meters.get("otelcol_processor_batch_batch_send_size_bytes").summary().totalAmount())
        .isEqualTo(next.received().get(0).serializedSize());
    assertThat(
            meters
                .get("otelcol_processor_batch_batch_send_size")
                .tag("processor", "batch/test")
                .summary())
        .isNotNull();
  }

  @ParameterizedTest
  @EnumSource
  void sendsOnTheTickAfterTheTimeout(SignalFixture fixture) {
    BatchProcessor processor = processor(fixture, config(Duration.ofMillis(200), 100, 0));
    // Empty, it wants no tick; holding data, one at its deadline.
    assertThat(processor.nanosToNextTick(0)).isEqualTo(Long.MAX_VALUE);

    clock.now = 10 * MS;
    processor.consume(fixture.request("a", 3));
    assertThat(processor.nanosToNextTick(10 * MS)).isEqualTo(190 * MS);
    processor.onTick(150 * MS);
    assertThat(next.received()).isEmpty();

    // The timer started with the processor, at 0, so it fires at 200ms.
    processor.onTick(200 * MS);
    assertThat(next.received()).hasSize(1);
    assertThat(next.itemCount()).isEqualTo(3);
    assertThat(counter("otelcol_processor_batch_timeout_trigger_send")).isEqualTo(1);
    assertThat(processor.nanosToNextTick(200 * MS)).isEqualTo(Long.MAX_VALUE);

    // As Go's timer, it is reset when it fires: data arriving just before the next firing (400ms)
    // waits only until then, not a full timeout.
    clock.now = 390 * MS;
    processor.consume(fixture.request("b", 2));
    processor.onTick(350 * MS);
    assertThat(next.received()).hasSize(1);
    processor.onTick(400 * MS);
    assertThat(next.received()).hasSize(2);

    // A firing with nothing buffered sends nothing and rearms the timer.
    processor.onTick(600 * MS);
    assertThat(next.received()).hasSize(2);
    assertThat(counter("otelcol_processor_batch_timeout_trigger_send")).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource
  void aSizeTriggeredSendRestartsTheTimer(SignalFixture fixture) {
    BatchProcessor processor = processor(fixture, config(Duration.ofMillis(200), 10, 0));

    clock.now = 150 * MS;
    processor.consume(fixture.request("a", 10));
    assertThat(next.received()).hasSize(1);
    clock.now = 160 * MS;
    processor.consume(fixture.request("b", 1));

    processor.onTick(200 * MS);
    processor.onTick(300 * MS);
    assertThat(next.received()).hasSize(1);
    processor.onTick(350 * MS);
    assertThat(next.received()).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource
  void splitsAtTheMaxSizeKeepingResourceScopeAndOrder(SignalFixture fixture) {
    BatchProcessor processor = processor(fixture, config(Duration.ofMillis(200), 4, 4));
    // Cuts fall inside a scope, between scopes, and inside a resource of several scopes.
    Telemetry request =
        fixture.request(
            res("checkout", scope("http", "h", 3), scope("db", "d", 3)),
            res("payment", scope("grpc", "g", 5)),
            res("ledger", scope("kafka", "k", 1), scope("empty"), scope("jdbc", "j", 2)));

    processor.consume(request);

    // 14 items: three full batches of 4 by size; the last 2 wait for the timer.
    assertThat(next.received()).extracting(Telemetry::itemCount).containsExactly(4, 4, 4);
    processor.onTick(200 * MS);
    assertThat(next.received()).extracting(Telemetry::itemCount).containsExactly(4, 4, 4, 2);
    assertThat(fixture.items(next.received())).containsExactlyElementsOf(fixture.items(request));
    assertThat(counter("otelcol_processor_batch_batch_size_trigger_send")).isEqualTo(3);
    assertThat(counter("otelcol_processor_batch_timeout_trigger_send")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource
  void aZeroTimeoutSendsAtOnceCappedByTheMaxSize(SignalFixture fixture) {
    BatchProcessor processor = processor(fixture, config(Duration.ZERO, 8192, 10_000));
    processor.consume(fixture.request("a", 3));
    assertThat(processor.nanosToNextTick(0)).isEqualTo(Long.MAX_VALUE);
    assertThat(next.received()).extracting(Telemetry::itemCount).containsExactly(3);

    BatchProcessor capped = processor(fixture, config(Duration.ofSeconds(1), 0, 4));
    Telemetry request = fixture.request("b", 9);
    next.clear();
    capped.consume(request);
    assertThat(next.received()).extracting(Telemetry::itemCount).containsExactly(4, 4, 1);
    assertThat(fixture.items(next.received())).containsExactlyElementsOf(fixture.items(request));
  }

  @ParameterizedTest
  @EnumSource
  void aRequestWithoutItemsIsDropped(SignalFixture fixture) {
    BatchProcessor processor = processor(fixture, config(Duration.ofMillis(200), 10, 0));
    processor.consume(fixture.request(res("idle", scope("nothing"))));
    processor.onTick(200 * MS);
    processor.shutdown(Duration.ofSeconds(1));
    assertThat(next.received()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource
  void shutdownFlushesEverythingOnce(SignalFixture fixture) {
    BatchProcessor processor =
        processor(
            fixture,
            new BatchProcessorConfig(Duration.ofSeconds(10), 100, 100, List.of("tenant"), 10));
    Telemetry acme = fixture.request(tenant("acme"), res("a", scope("s", "a", 3)));
    Telemetry bolt = fixture.request(tenant("bolt"), res("b", scope("s", "b", 4)));
    processor.consume(acme);
    processor.consume(bolt);
    assertThat(next.received()).isEmpty();

    processor.shutdown(Duration.ofSeconds(1));
    processor.shutdown(Duration.ofSeconds(1));

    assertThat(fixture.items(next.received()))
        .containsExactlyElementsOf(fixture.items(List.of(acme, bolt)));
    assertThat(counter("otelcol_processor_batch_timeout_trigger_send")).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource
  void aFailingNextIsCountedNotThrown(SignalFixture fixture) {
    next.refuseWith(Refusal.retryable("exporter queue is full", null));
    BatchProcessor processor = processor(fixture, config(Duration.ofMillis(200), 5, 0));

    assertAccepted(processor.consume(fixture.request("a", 5)));
    processor.consume(fixture.request("b", 2));
    processor.onTick(200 * MS);

    assertThat(counter("otelring_processor_batch_send_failed_" + fixture.signal().itemNoun()))
        .isEqualTo(7);
    // Go records the send metrics only for a batch the next consumer took.
    assertThat(counter("otelcol_processor_batch_batch_size_trigger_send")).isZero();
    assertThat(meters.get("otelcol_processor_batch_batch_send_size").summary().count()).isZero();

    next.refuseWith(null);
    processor.consume(fixture.request("c", 5));
    assertThat(next.itemCount()).isEqualTo(5);
  }

  @ParameterizedTest
  @EnumSource
  void aNextThatThrowsDoesNotStopTheProcessor(SignalFixture fixture) {
    List<Telemetry> attempts = new ArrayList<>();
    Consumer throwing =
        telemetry -> {
          attempts.add(telemetry);
          throw new IllegalStateException("bug downstream");
        };
    BatchProcessor processor = processor(fixture, config(Duration.ofMillis(200), 2, 0), throwing);

    assertAccepted(processor.consume(fixture.request("a", 2)));
    processor.consume(fixture.request("b", 1));
    processor.shutdown(Duration.ofSeconds(1));

    assertThat(attempts).extracting(Telemetry::itemCount).containsExactly(2, 1);
    assertThat(counter("otelring_processor_batch_send_failed_" + fixture.signal().itemNoun()))
        .isEqualTo(3);
  }

  /**
   * Go's timer fires every timeout whether or not there is data; this one sleeps while empty, and
   * data arriving after a quiet spell is sent when Go's timer would next have fired.
   */
  @ParameterizedTest
  @EnumSource
  void afterAQuietSpellDataIsSentWhenGosTimerWouldNextFire(SignalFixture fixture) {
    BatchProcessor processor = processor(fixture, config(Duration.ofMillis(200), 100, 0));
    assertThat(processor.tickInterval()).isEmpty();

    // Go's timer: 200, 400, 600, 800 (nothing to send), then 1000.
    clock.now = 950 * MS;
    processor.consume(fixture.request("a", 2));
    assertThat(processor.nanosToNextTick(950 * MS)).isEqualTo(50 * MS);
    processor.onTick(999 * MS);
    assertThat(next.received()).isEmpty();
    processor.onTick(1000 * MS);
    assertThat(next.itemCount()).isEqualTo(2);
  }

  /** Several batchers: the tick asked for is the earliest deadline among those holding data. */
  @Test
  void asksForTheEarliestDeadlineOfTheBatchersHoldingData() {
    SignalFixture fixture = SignalFixture.TRACES;
    BatchProcessor processor =
        processor(
            fixture,
            new BatchProcessorConfig(Duration.ofMillis(200), 100, 0, List.of("tenant"), 10));
    clock.now = 10 * MS;
    processor.consume(fixture.request(tenant("acme"), res("a", scope("s", "a", 1))));
    // A batcher's timer starts when the batcher is made, at its first data.
    processor.onTick(200 * MS);
    assertThat(next.received()).isEmpty();
    processor.onTick(210 * MS);
    assertThat(next.received()).hasSize(1);

    // acme's timer now fires at 410; bolt's batcher, made at 250, at 450.
    clock.now = 250 * MS;
    processor.consume(fixture.request(tenant("bolt"), res("b", scope("s", "b", 1))));
    clock.now = 260 * MS;
    processor.consume(fixture.request(tenant("acme"), res("a", scope("s", "a", 1))));
    assertThat(processor.nanosToNextTick(260 * MS)).isEqualTo(150 * MS);
  }

  @Test
  void processorsOfOneIdInSeveralPipelinesShareTheirMeters() {
    BatchProcessor traces = processor(SignalFixture.TRACES, config(Duration.ofSeconds(1), 10, 0));
    BatchProcessor logs = processor(SignalFixture.LOGS, config(Duration.ofSeconds(1), 10, 0));

    traces.consume(SignalFixture.TRACES.request("t", 2));
    logs.consume(SignalFixture.LOGS.request("l", 3));
    traces.shutdown(Duration.ofSeconds(1));
    logs.shutdown(Duration.ofSeconds(1));

    var sendSize = meters.get("otelcol_processor_batch_batch_send_size").summary();
    assertThat(sendSize.count()).isEqualTo(2);
    assertThat(sendSize.totalAmount()).isEqualTo(5);
    assertThat(gauge("otelcol_processor_batch_metadata_cardinality")).isEqualTo(1);
  }
}
