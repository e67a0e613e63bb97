package io.otelring.processor.batch;

import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Processor;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import io.otelring.processor.batch.BatchSelfMetrics.Trigger;
import io.otelring.processor.batch.Shards.Shard;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Buffers what it consumes and sends it to the next consumer in batches, with the Go collector's
 * {@code batchprocessor} semantics. A batcher sends when it holds {@code send_batch_size} items,
 * and when its timer fires while it holds anything; like Go's timer, the deadline is {@code
 * timeout} after the batcher's last send or last firing, not after the oldest item arrived. The
 * timer is driven by ring ticks, a quarter of {@code timeout} apart. With a zero {@code timeout} or
 * {@code send_batch_size} everything is sent at once. Each send holds at most {@code
 * send_batch_max_size} items.
 *
 * <p>In a {@linkplain Consumer#durable() durable} pipeline each request's stage completes only when
 * the batches carrying its items have been accepted downstream (see {@link PendingAcks}); otherwise
 * a request is accepted once buffered, as in Go.
 *
 * <p>All calls come from the pipeline's ring thread, so the state is plain fields.
 */
final class BatchProcessor implements Processor {

  static final Refusal TOO_MANY_BATCHERS =
      Refusal.permanent("too many batcher metadata-value combinations");

  private static final Duration MIN_TICK = Duration.ofMillis(1);

  private final Logger logger;
  private final BatchProcessorConfig config;
  private final Signal signal;
  private final Consumer next;
  private final LongSupplier nanoClock;
  private final long timeoutNanos;
  private final boolean timed;
  private final BatchSelfMetrics metrics;
  private final SendFailures failures;
  private final Shards shards;
  private final boolean durable;
  private boolean shutDown;

  BatchProcessor(
      ComponentSettings settings,
      BatchProcessorConfig config,
      Signal signal,
      Consumer next,
      LongSupplier nanoClock) {
    this.logger = settings.logger();
    this.config = config;
    this.signal = signal;
    this.next = next;
    this.nanoClock = nanoClock;
    this.durable = next.durable();
    this.timeoutNanos = config.timeout().toNanos();
    // Go runs no timer when either is zero and sends whatever arrives straight away.
    this.timed = timeoutNanos > 0 && config.sendBatchSize() > 0;
    this.shards =
        new Shards(
            config.metadataKeys(),
            config.metadataCardinalityLimit(),
            metadata ->
                new Shard(PendingBatch.of(signal), metadata, nanoClock.getAsLong() + timeoutNanos));
    this.metrics =
        new BatchSelfMetrics(settings.meters(), settings.id(), signal, shards::cardinality);
    this.failures = new SendFailures(logger, metrics);
  }

  @Override
  public boolean durable() {
    return durable;
  }

  @Override
  public Optional<Duration> tickInterval() {
    if (!timed) {
      return Optional.empty();
    }
    Duration quarter = config.timeout().dividedBy(4);
    return Optional.of(quarter.compareTo(MIN_TICK) < 0 ? MIN_TICK : quarter);
  }

  @Override
  public void start() {
    long now = nanoClock.getAsLong();
    for (Shard shard : shards.all()) {
      shard.deadline = now + timeoutNanos;
    }
    logger.info(
        "Started batching {}: timeout={}ms, send_batch_size={}, send_batch_max_size={}",
        signal.configName(),
        config.timeout().toMillis(),
        config.sendBatchSize(),
        config.sendBatchMaxSize());
  }

  @Override
  public CompletionStage<Void> consume(Telemetry telemetry) {
    if (shutDown) {
      // Nothing should arrive after the ring drained; if something does, pass it on unbatched.
      return next.consume(telemetry);
    }
    Shard shard = shards.shardFor(telemetry.metadata());
    if (shard == null) {
      return Consumer.refuse(TOO_MANY_BATCHERS);
    }
    shard.batch.add(telemetry);
    CompletionStage<Void> acceptance =
        durable && telemetry.itemCount() > 0 ? shard.acks.add(telemetry.itemCount()) : ACCEPTED;
    flushWhileFull(shard);
    return acceptance;
  }

  private void flushWhileFull(Shard shard) {
    boolean sent = false;
    while (shard.batch.itemCount() > 0
        && (!timed || shard.batch.itemCount() >= config.sendBatchSize())) {
      send(shard, Trigger.BATCH_SIZE);
      sent = true;
    }
    if (sent && timed) {
      shard.deadline = nanoClock.getAsLong() + timeoutNanos;
    }
  }

  @Override
  public void onTick(long nanoTime) {
    if (!timed || shutDown) {
      return;
    }
    for (Shard shard : shards.all()) {
      if (nanoTime - shard.deadline >= 0) {
        if (shard.batch.itemCount() > 0) {
          send(shard, Trigger.TIMEOUT);
        }
        shard.deadline = nanoTime + timeoutNanos;
      }
    }
  }

  /** Sends everything buffered; the sends are asynchronous, so this returns well in time. */
  @Override
  public void shutdown(Duration deadline) {
    if (shutDown) {
      return;
    }
    shutDown = true;
    for (Shard shard : shards.all()) {
      while (shard.batch.itemCount() > 0) {
        send(shard, Trigger.TIMEOUT);
      }
    }
    logger.info("Stopped batching {}", signal.configName());
  }

  private void send(Shard shard, Trigger trigger) {
    Telemetry batch = shard.batch.take(config.sendBatchMaxSize(), shard.metadata);
    int items = batch.itemCount();
    int bytes = batch.serializedSize();
    List<PendingAcks.Waiter> carried = durable ? shard.acks.take(items) : List.of();
    CompletionStage<Void> stage;
    try {
      stage = next.consume(batch);
    } catch (RuntimeException e) {
      // A consumer should refuse through its stage; one that throws must not stop the ring.
      stage = CompletableFuture.failedStage(e);
    }
    stage.whenComplete(
        (ok, failure) -> {
          PendingAcks.settle(carried, failure);
          if (failure == null) {
            metrics.recordSend(trigger, items, bytes);
          } else {
            failures.record(failure, items);
          }
        });
  }
}
