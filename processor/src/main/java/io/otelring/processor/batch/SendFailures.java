package io.otelring.processor.batch;

import io.otelring.core.component.ThrottledLog;
import io.otelring.core.consumer.Refusal;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * Counts batches the next consumer refused and logs them, throttled, so that a downstream outage
 * does not flood the log. Refusals may complete on an exporter's thread.
 */
final class SendFailures {

  private final ThrottledLog log;
  private final BatchSelfMetrics metrics;

  SendFailures(Logger logger, BatchSelfMetrics metrics) {
    this.log = new ThrottledLog(logger, Duration.ofSeconds(10));
    this.metrics = metrics;
  }

  /** Counts a refused batch of {@code items} items and logs it unless a line was logged lately. */
  void record(Throwable failure, int items) {
    metrics.recordSendFailure(items);
    log.warn(
        "Sender failed; a batch of {} items is lost: {}", items, Refusal.of(failure).getMessage());
  }
}
