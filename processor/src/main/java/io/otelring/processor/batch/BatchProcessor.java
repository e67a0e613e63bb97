package io.otelring.processor.batch;

import io.otelring.core.batching.ItemLedger;
import io.otelring.core.batching.PendingBatch;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Buffers what it consumes and sends it to the next consumer in batches, with the Go collector's
 * {@code batchprocessor} semantics. A batcher sends when it holds {@code send_batch_size} items,
 * and when its timer fires while it holds anything; like Go's timer, the deadline is {@code
 * timeout} after the batcher's last send or last firing, not after the oldest item arrived. The
 * processor asks the ring for a tick at the earliest deadline of a batcher that holds data, and for
 * none while all are empty: a batcher's timer that fires with nothing to send only rearms, so its
 * deadline is brought forward by whole timeouts when data next arrives. With a zero {@code timeout}
 * or {@code send_batch_size} everything is sent at once. Each send holds at most {@code
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
  // The earliest deadline of a batcher holding data, or none; may be early (a send moved it later),
  // which costs one tick that finds nothing due and looks again.
  private boolean anyDeadline;
  private long earliestDeadline;

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
  public long nanosToNextTick(long nanoTime) {
    return timed && !shutDown && anyDeadline ? earliestDeadline - nanoTime : Long.MAX_VALUE;
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
    if (timed && shard.batch.itemCount() == 0 && telemetry.itemCount() > 0) {
      rearmWhileEmpty(shard, nanoClock.getAsLong());
      noteDeadline(shard.deadline);
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
    anyDeadline = false;
    for (Shard shard : shards.all()) {
      if (nanoTime - shard.deadline >= 0) {
        if (shard.batch.itemCount() > 0) {
          send(shard, Trigger.TIMEOUT);
        }
        shard.deadline = nanoTime + timeoutNanos;
      }
      if (shard.batch.itemCount() > 0) {
        noteDeadline(shard.deadline);
      }
    }
  }

  /**
   * Moves a stale deadline of an empty batcher to where Go's timer, firing and rearming with
   * nothing to send all along, would next fire: the first whole timeout after it that is later than
   * now.
   */
  private void rearmWhileEmpty(Shard shard, long now) {
    long late = now - shard.deadline;
    if (late >= 0) {
      shard.deadline += (late / timeoutNanos + 1) * timeoutNanos;
    }
  }

  private void noteDeadline(long deadline) {
    if (!anyDeadline || deadline - earliestDeadline < 0) {
      earliestDeadline = deadline;
      anyDeadline = true;
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
    List<ItemLedger.Share<PendingAcks.Waiter>> carried =
        durable ? shard.acks.take(items) : List.of();
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
