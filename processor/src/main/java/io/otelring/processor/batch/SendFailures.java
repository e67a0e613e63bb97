package io.otelring.processor.batch;

import io.otelring.core.consumer.Refusal;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Counts batches the next consumer refused and logs them, at most one line per interval with the
 * number of failures in between, so that a downstream outage does not flood the log. Refusals may
 * complete on an exporter's thread, hence the atomics.
 */
final class SendFailures {

  static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

  private final Logger logger;
  private final BatchSelfMetrics metrics;
  private final LongSupplier nanoClock;
  private final AtomicLong unlogged = new AtomicLong();
  private final AtomicLong nextLogAt;

  SendFailures(Logger logger, BatchSelfMetrics metrics, LongSupplier nanoClock) {
    this.logger = logger;
    this.metrics = metrics;
    this.nanoClock = nanoClock;
    this.nextLogAt = new AtomicLong(nanoClock.getAsLong());
  }

  /** Counts a refused batch of {@code items} items and logs it unless a line was logged lately. */
  void record(Throwable failure, int items) {
    metrics.recordSendFailure(items);
    unlogged.incrementAndGet();
    long now = nanoClock.getAsLong();
    long due = nextLogAt.get();
    if (now - due >= 0 && nextLogAt.compareAndSet(due, now + LOG_INTERVAL.toNanos())) {
      logger.warn(
          "Sender failed; {} batch(es) lost since the last report, the last one of {} items: {}",
          unlogged.getAndSet(0),
          items,
          Refusal.of(failure).getMessage());
    }
  }
}
